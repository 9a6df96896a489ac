"""Never lose work: drafts, autosave, crash recovery after a real SIGKILL, close guard."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.drafts import DraftRepository
from teenvio_desktop.core.paths import DataDir
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.compose.area import ComposeArea
from teenvio_desktop.ui.compose.drafts_dialog import DraftsDialog
from teenvio_desktop.ui.main_window import MainWindow
from teenvio_desktop.ui.prompter import UnsavedChoice
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
from tests.helpers.compose import good_campaign, spin

pytestmark = pytest.mark.timeout(120)

CHILD = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from teenvio_desktop.ui.application import create_application
    from teenvio_desktop.ui.areas import build_main_window
    app = create_application()
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtTest import QTest
    from teenvio_desktop.core.context import AppContext
    from teenvio_desktop.core.drafts import DraftRepository
    from teenvio_desktop.core.paths import DataDir

    context = AppContext.open(DataDir(Path(sys.argv[1])))
    window = build_main_window(context)
    window.show()
    area = window.area("compose")
    area.fields.subject.setText("Oferta sin guardar")
    QTest.keyClicks(area.editors.html_editor, "<p>Texto que no se puede perder</p>")
    drafts = DraftRepository(context.db)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        saved = drafts.recovery()
        if saved is not None and "no se puede perder" in saved.campaign.html:
            print("AUTOSAVED", flush=True)
            break
        time.sleep(0.05)
    while True:  # typing on, until the parent kills us
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.05)
    """
)


@pytest.fixture
def prompter() -> ScriptedPrompter:
    return ScriptedPrompter()


@pytest.fixture
def window(
    qtbot: QtBot, app_context: AppContext, prompter: ScriptedPrompter
) -> Iterator[MainWindow]:
    window = build_main_window(app_context, prompter=prompter)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def compose(window: MainWindow) -> ComposeArea:
    area = window.area("compose")
    assert isinstance(area, ComposeArea)
    return area


def test_kill_then_restore_the_unsaved_draft(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    child = subprocess.Popen(
        [sys.executable, str(script), str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "AUTOSAVED"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL

    context = AppContext.open(DataDir(data))
    try:
        window = build_main_window(context, prompter=ScriptedPrompter())
        qtbot.addWidget(window)
        area = compose(window)
        window.show()
        assert area.document.has_recovery() and area.banner.isVisible()
        assert "Oferta sin guardar" in area.banner.label.text()
        # Even before the user answers, the recovered work is safe as a named draft.
        assert any("(recovered)" in d.title for d in area.drafts.list())
        area.banner.restore_button.click()
        assert "Texto que no se puede perder" in area.editors.html_editor.toPlainText()
        assert area.fields.subject.text() == "Oferta sin guardar"
        assert area.document.is_dirty() and not area.banner.isVisible()
        assert area.drafts.list() == []  # the copy was only a safety net
        window.close()
    finally:
        context.close()


def test_discarding_the_recovery(qtbot: QtBot, app_context: AppContext) -> None:
    DraftRepository(app_context.db).autosave(good_campaign(), "Untitled", None)
    window = build_main_window(app_context, prompter=ScriptedPrompter())
    qtbot.addWidget(window)
    area = compose(window)
    assert area.document.has_recovery()
    area.banner.discard_button.click()
    assert not area.document.has_recovery() and area.drafts.list() == []
    assert area.drafts.recovery() is None
    window.close()


def test_autosave_only_when_changed(window: MainWindow) -> None:
    area = compose(window)
    drafts = area.drafts
    assert not area.document.autosave_now() and drafts.recovery() is None
    area.editors.html_editor.setPlainText("<p>uno</p>")
    assert area.document.autosave_now()
    assert drafts.recovery() is not None
    assert not area.document.autosave_now()  # nothing new since
    area.editors.html_editor.setPlainText("<p>dos</p>")
    assert spin(lambda: "dos" in (drafts.recovery() or good_campaign()).campaign.html, 10)


def test_save_open_and_new(window: MainWindow) -> None:
    area = compose(window)
    area.load_campaign(good_campaign(subject="Primero"))
    area.editors.html_editor.setPlainText("<p>primero</p>")
    assert area.document.is_dirty()
    area.commands.save.trigger()  # Ctrl+S
    assert not area.document.is_dirty() and area.document.draft_id is not None
    assert area.drafts.recovery() is None
    first = area.document.draft_id
    assert area.document.new_campaign()
    assert area.editors.html_editor.toPlainText() == "" and area.document.draft_id is None
    assert area.campaign().sender == good_campaign().sender  # the envelope stays
    assert area.document.open_draft(first)
    assert area.editors.html_editor.toPlainText() == "<p>primero</p>"
    assert [d.title for d in area.drafts.list()] == ["Primero"]


def test_close_with_unsaved_changes_keeps_them(qtbot: QtBot, app_context: AppContext) -> None:
    window = build_main_window(app_context, prompter=ScriptedPrompter())  # nobody answers
    qtbot.addWidget(window)
    area = compose(window)
    window.show()
    area.editors.html_editor.setPlainText("<p>no lo pierdas</p>")
    assert window.close()
    recovered = DraftRepository(app_context.db).recovery()
    assert recovered is not None and "no lo pierdas" in recovered.campaign.html


def test_clean_close_leaves_nothing_to_recover(qtbot: QtBot, app_context: AppContext) -> None:
    window = build_main_window(app_context)
    qtbot.addWidget(window)
    area = compose(window)
    window.show()
    assert not area.document.is_dirty()
    assert window.close()  # the real dialogs, but nothing to ask
    assert DraftRepository(app_context.db).recovery() is None


def test_shortcuts_are_in_the_menus(window: MainWindow) -> None:
    shortcuts = {
        a.shortcut().toString()
        for menu in (window.file_menu, window.edit_menu)
        for a in menu.actions()
    }
    for key in ("Ctrl+S", "Ctrl+O", "Ctrl+N", "Ctrl+F", "Ctrl+Return", "Ctrl+Shift+T"):
        assert key in shortcuts


def test_open_draft_through_the_drafts_dialog(
    window: MainWindow, prompter: ScriptedPrompter
) -> None:
    area = compose(window)
    drafts = area.drafts
    first = drafts.save(good_campaign(subject="Primero"), "Primero")
    second = drafts.save(good_campaign(subject="Segundo"), "Segundo")
    chosen: list[list[str]] = []

    def pick_second(dialog: DraftsDialog) -> bool:
        titles = [dialog.list.item(i).text().split(" — ")[0] for i in range(dialog.list.count())]
        chosen.append(titles)
        dialog.list.setCurrentRow(titles.index("Segundo"))
        return True

    prompter.fill(DraftsDialog, pick_second)
    area.commands.open_draft.trigger()
    assert sorted(chosen[0]) == ["Primero", "Segundo"]
    assert area.document.draft_id == second
    assert area.fields.subject.text() == "Segundo"
    # Declined: nothing changes.
    area.commands.open_draft.trigger()  # no script queued: the dialog is declined
    assert area.document.draft_id == second
    assert [a.kind for a in prompter.asked].count("run") == 2
    assert first != second


def test_the_drafts_dialog_deletes_after_asking(
    qtbot: QtBot, app_context: AppContext, prompter: ScriptedPrompter
) -> None:
    drafts = DraftRepository(app_context.db)
    drafts.save(good_campaign(subject="Uno"), "Uno")
    drafts.save(good_campaign(subject="Dos"), "Dos")
    dialog = DraftsDialog(drafts, prompter=prompter)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    prompter.answer("confirm", False)
    dialog.delete_button.click()  # "No": kept
    assert dialog.list.count() == 2 and len(drafts.list()) == 2
    dialog.list.setCurrentRow(0)
    doomed = dialog.list.currentItem().text()
    dialog.delete_button.click()  # "Yes" (the default answer)
    assert dialog.list.count() == 1
    assert doomed not in dialog.list.item(0).text()
    assert [a.kind for a in prompter.asked] == ["confirm", "confirm"]
    dialog.accept()
    assert dialog.chosen_id == drafts.list()[0].id


def test_save_as_asks_for_the_name(window: MainWindow, prompter: ScriptedPrompter) -> None:
    area = compose(window)
    area.load_campaign(good_campaign(subject="Boletín de mayo"))
    prompter.answer("ask_text", None)  # cancelled: nothing saved
    assert not area.document.save_draft_as()
    assert area.drafts.list() == []
    prompter.answer("ask_text", "  Mayo  ")
    assert area.document.save_draft_as()
    assert [d.title for d in area.drafts.list()] == ["Mayo"]
    asked = [a for a in prompter.asked if a.kind == "ask_text"]
    assert len(asked) == 2
    assert "Mayo *" not in area.title_label.text() and "Mayo" in area.title_label.text()


@pytest.mark.parametrize(
    ("choice", "replaced", "saved"),
    [
        (UnsavedChoice.CANCEL, False, False),
        (UnsavedChoice.DISCARD, True, False),
        (UnsavedChoice.SAVE, True, True),
    ],
)
def test_unsaved_changes_are_asked_about_before_a_new_campaign(
    window: MainWindow,
    prompter: ScriptedPrompter,
    choice: UnsavedChoice,
    replaced: bool,
    saved: bool,
) -> None:
    area = compose(window)
    area.editors.html_editor.setPlainText("<p>a medias</p>")
    prompter.answer("unsaved_changes", choice)
    prompter.answer("ask_text", "A medias")  # the name, if it is saved
    assert area.document.new_campaign() == replaced
    assert (area.editors.html_editor.toPlainText() == "") == replaced
    assert [d.title for d in area.drafts.list()] == (["A medias"] if saved else [])


def test_closing_can_be_cancelled(qtbot: QtBot, app_context: AppContext) -> None:
    prompter = ScriptedPrompter().answer("unsaved_changes", UnsavedChoice.CANCEL)
    window = build_main_window(app_context, prompter=prompter)
    qtbot.addWidget(window)
    window.show()
    compose(window).editors.html_editor.setPlainText("<p>no cierres</p>")
    assert not window.close()
    assert window.isVisible()
    prompter.answer("unsaved_changes", UnsavedChoice.DISCARD)
    assert window.close()
    assert DraftRepository(app_context.db).recovery() is None  # discarded on purpose
