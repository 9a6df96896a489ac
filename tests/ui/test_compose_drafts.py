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
from compose_helpers import good_campaign, spin
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.drafts import DraftRepository
from teenvio_desktop.core.paths import DataDir
from teenvio_desktop.ui.app import build_main_window
from teenvio_desktop.ui.compose.area import ComposeArea
from teenvio_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.timeout(120)

CHILD = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from teenvio_desktop.ui.app import create_application, build_main_window
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
def window(qtbot: QtBot, app_context: AppContext) -> Iterator[MainWindow]:
    window = build_main_window(app_context)
    qtbot.addWidget(window)
    compose(window).interactive = False
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
    assert child.returncode == -signal.SIGKILL

    context = AppContext.open(DataDir(data))
    try:
        window = build_main_window(context)
        qtbot.addWidget(window)
        area = compose(window)
        area.interactive = False
        window.show()
        assert area.has_recovery() and area.banner.isVisible()
        assert "Oferta sin guardar" in area.banner_label.text()
        # Even before the user answers, the recovered work is safe as a named draft.
        assert any("(recovered)" in d.title for d in area.drafts.list())
        area.restore_button.click()
        assert "Texto que no se puede perder" in area.editors.html_editor.toPlainText()
        assert area.fields.subject.text() == "Oferta sin guardar"
        assert area.is_dirty() and not area.banner.isVisible()
        assert area.drafts.list() == []  # the copy was only a safety net
        window.close()
    finally:
        context.close()


def test_discarding_the_recovery(qtbot: QtBot, app_context: AppContext) -> None:
    DraftRepository(app_context.db).autosave(good_campaign(), "Untitled", None)
    window = build_main_window(app_context)
    qtbot.addWidget(window)
    area = compose(window)
    area.interactive = False
    assert area.has_recovery()
    area.discard_button.click()
    assert not area.has_recovery() and area.drafts.list() == []
    assert area.drafts.recovery() is None
    window.close()


def test_autosave_only_when_changed(window: MainWindow) -> None:
    area = compose(window)
    drafts = area.drafts
    assert not area.autosave_now() and drafts.recovery() is None
    area.editors.html_editor.setPlainText("<p>uno</p>")
    assert area.autosave_now()
    assert drafts.recovery() is not None
    assert not area.autosave_now()  # nothing new since
    area.editors.html_editor.setPlainText("<p>dos</p>")
    assert spin(lambda: "dos" in (drafts.recovery() or good_campaign()).campaign.html, 10)


def test_save_open_and_new(window: MainWindow) -> None:
    area = compose(window)
    area.load_campaign(good_campaign(subject="Primero"))
    area.editors.html_editor.setPlainText("<p>primero</p>")
    assert area.is_dirty()
    area.save_action.trigger()  # Ctrl+S
    assert not area.is_dirty() and area.draft_id is not None
    assert area.drafts.recovery() is None
    first = area.draft_id
    assert area.new_campaign()
    assert area.editors.html_editor.toPlainText() == "" and area.draft_id is None
    assert area.campaign().sender == good_campaign().sender  # the envelope stays
    assert area.open_draft(first)
    assert area.editors.html_editor.toPlainText() == "<p>primero</p>"
    assert [d.title for d in area.drafts.list()] == ["Primero"]


def test_close_with_unsaved_changes_keeps_them(qtbot: QtBot, app_context: AppContext) -> None:
    window = build_main_window(app_context)
    qtbot.addWidget(window)
    area = compose(window)
    area.interactive = False
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
    assert not area.is_dirty()
    assert window.close()  # interactive, but nothing to ask
    assert DraftRepository(app_context.db).recovery() is None


def test_shortcuts_are_in_the_menus(window: MainWindow) -> None:
    shortcuts = {
        a.shortcut().toString()
        for menu in (window.file_menu, window.edit_menu)
        for a in menu.actions()
    }
    for key in ("Ctrl+S", "Ctrl+O", "Ctrl+N", "Ctrl+F", "Ctrl+Return", "Ctrl+Shift+T"):
        assert key in shortcuts
