"""A marketer's first hour, in the real window, per transport and in both languages.

The main window is built as the app builds it, on a fresh data directory, with the
embedded sandbox (as ``--sandbox`` starts it) and the real keyring; every question is
answered by the scripted prompter. The journey: import a CSV (a non-ASCII local part, a
duplicate, an invalid row, a ``nombre`` column), compose with ``{{ nombre }}`` (the
SMTP-API blocks it and its fix is applied), preview as a recipient found by address (TEA
Lite), test send, send, wait for Results to fill, export a table; then what the sandbox
received is checked. On the way: nothing the step needs is hidden at 1280x800, and no
error is shown, logged, or said in the status bar.

Set ``TEENVIO_JOURNEY_SHOTS`` to a folder to get a screenshot of every step.
"""

from __future__ import annotations

import csv
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabBar,
    QToolBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.accounts import SecretStore, use_secret_store
from teenvio_desktop.core.checks import MERGE_FIELDS_SMTP
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.paths import DataDir
from teenvio_desktop.core.sending import SendOutcome
from teenvio_desktop.sandbox.embedded import start_embedded_sandbox
from teenvio_desktop.sandbox.server import RunningSandbox
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.compose import test_send_dialog
from teenvio_desktop.ui.compose.area import ComposeArea
from teenvio_desktop.ui.main_window import MainWindow
from teenvio_desktop.ui.recipients import RecipientsArea
from teenvio_desktop.ui.recipients.wizard import PAGE_MAPPING, PAGE_RESULT
from teenvio_desktop.ui.results import ResultsArea
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
from tests.helpers.compose import preview_text, wait_analysis_settled, wait_preview_contains
from tests.helpers.language import interface_language

pytestmark = [pytest.mark.timeout(240), pytest.mark.slow]

SHOTS_ENV = "TEENVIO_JOURNEY_SHOTS"
PEOPLE = {  # address -> nombre, for the valid rows
    "ana@example.com": "Ana",
    "iñigo@example.com": "Iñigo",
    "luis@example.org": "Luis",
}
CSV_ROWS = [
    ("email", "nombre", "ciudad"),
    ("ana@example.com", "Ana", "Madrid"),
    ("iñigo@example.com", "Iñigo", "Bilbao"),
    ("luis@example.org", "Luis", "Lima"),
    ("Ana@Example.com", "Ana", "Madrid"),  # the same address again
    ("esto-no-es-un-correo", "Roto", "Nada"),  # invalid
]
HTML = (
    "<html lang='es'><body><h1>Hola {{ nombre }}</h1>"
    "<p>Tenemos novedades para ti en {{ ciudad | default('tu ciudad') }}. "
    "<a href='https://example.com/novedades'>Míralas</a>.</p></body></html>"
)
TEST_ADDRESS = "prueba@example.com"


@dataclass
class Journey:
    window: MainWindow
    prompter: ScriptedPrompter
    sandbox: RunningSandbox
    context: AppContext
    transport: str
    language: str
    shots: Path | None
    status_messages: list[str] = field(default_factory=list)
    step: int = 0
    notes: dict[str, Any] = field(default_factory=dict)

    def area(self, key: str) -> Any:
        self.window.show_area(key)
        return self.window.area(key)

    def shot(self, name: str) -> None:
        """A screenshot of the window (and of any dialog on top) for a person to look at."""
        self.step += 1
        if self.shots is None:
            return
        QCoreApplication.processEvents()
        prefix = f"{self.transport}-{self.language}-{self.step:02d}-{name}"
        self.window.grab().save(str(self.shots / f"{prefix}.png"))
        others = [
            w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not self.window
        ]
        for index, widget in enumerate(others):
            widget.grab().save(str(self.shots / f"{prefix}-{index}-{type(widget).__name__}.png"))


@pytest.fixture
def journey(
    request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path, secret_service: Any
) -> Iterator[Journey]:
    transport, language = request.param
    shots = Path(os.environ[SHOTS_ENV]) if os.environ.get(SHOTS_ENV) else None
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    with interface_language(language):
        context = AppContext.open(DataDir(tmp_path / "data").ensure(), language=language)
        use_secret_store(context, SecretStore(secret_service.backend()))
        context.sandbox = start_embedded_sandbox(context.data_dir.sandbox)
        prompter = ScriptedPrompter()
        window = build_main_window(context, prompter=prompter)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        j = Journey(window, prompter, context.sandbox, context, transport, language, shots)
        window.statusBar().messageChanged.connect(j.status_messages.append)
        try:
            yield j
        finally:
            window.close()
            from teenvio_desktop.ui.tasks import shutdown_all

            shutdown_all()
            context.sandbox.stop()
            context.close()


def _write_csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(CSV_ROWS)
    return path


def assert_in_view(scroll: QScrollArea, widgets: list[QWidget]) -> None:
    """Each widget is wholly inside the scroll area's visible part (nothing below the fold)."""
    viewport = scroll.viewport()
    assert viewport is not None
    shown = viewport.rect()
    for widget in widgets:
        assert widget.isVisible(), widget.objectName()
        top_left = widget.mapTo(viewport, QPoint(0, 0))
        where = QRect(top_left, widget.size())
        assert shown.contains(where), f"{widget.objectName()} at {where} outside {shown}"


def assert_nothing_hidden(window: QWidget) -> None:
    """At 1280x800 every toolbar shows all its buttons (no overflow arrow), every tab bar
    all its tabs (no scroll arrows), and every button its whole text inside the window."""
    assert window.width() <= 1280 and window.height() <= 800
    for toolbar in window.findChildren(QToolBar):
        if not toolbar.isVisible():
            continue
        overflow = toolbar.findChild(QAbstractButton, "qt_toolbar_ext_button")
        assert overflow is None or not overflow.isVisible(), toolbar.objectName()
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
            assert arrows == [], [bar.tabText(i) for i in range(bar.count())]
    inside = window.rect()
    for button in window.findChildren(QPushButton):
        if button.isVisible():
            where = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
            squeezed = button.width() < button.sizeHint().width()
            assert inside.contains(where) and not squeezed, (button.text(), where, inside)


def import_the_list(j: Journey, qtbot: QtBot, tmp_path: Path) -> int:
    recipients = j.area("recipients")
    assert isinstance(recipients, RecipientsArea)
    j.shot("recipients")
    wizard = recipients.open_wizard(_write_csv(tmp_path / "clientes.csv"))
    qtbot.addWidget(wizard)
    qtbot.waitUntil(wizard.settings_page.isComplete, timeout=20_000)
    wizard.next()
    assert wizard.currentId() == PAGE_MAPPING
    assert_nothing_hidden(wizard)
    mapping = wizard.mapping_page
    # The importer finds the address and takes "nombre" as the recipient's name.
    assert mapping.email_combo.currentText() == "email"
    assert mapping.name_combo.currentData() == "nombre"
    mapping.list_name_edit.setText("Clientes")
    with qtbot.waitSignal(wizard.imported, timeout=30_000) as imported:
        wizard.next()
    assert wizard.currentId() == PAGE_RESULT
    counts = wizard.result_page.counts
    qtbot.waitUntil(lambda: counts["valid"].text() == "3", timeout=10_000)
    assert counts["invalid"].text() == "1" and counts["duplicates"].text() == "1"
    j.shot("import-result")  # the wizard, on top of the window
    assert_nothing_hidden(wizard)
    wizard.accept()
    list_id = int(imported.args[0])
    assert [x.name for x in recipients.selected_lists()] == ["Clientes"]
    qtbot.waitUntil(lambda: recipients.members_model.rowCount() == 3, timeout=10_000)
    assert_nothing_hidden(j.window)
    j.shot("list")
    return list_id


def compose_the_campaign(j: Journey, qtbot: QtBot, list_id: int) -> ComposeArea:
    compose = j.area("compose")
    assert isinstance(compose, ComposeArea)
    fields = compose.fields
    fields.transport.setCurrentIndex(fields.transport.findData(j.transport))
    fields.sender_name.setText("Tienda Demo")
    fields.reply_to_name.setText("Atención al cliente")
    fields.recipient_list.setCurrentIndex(fields.recipient_list.findData(list_id))
    # Every original column is a merge field, "nombre" too although it is also the name.
    assert {"nombre", "ciudad", "email"} <= set(fields.merge_columns())
    fields.subject.setText("Novedades para ")
    fields.subject.end(False)
    next(a for a in fields.merge_menu.actions() if a.text() == "nombre").trigger()
    assert fields.subject.text() == "Novedades para {{ nombre }}"
    compose.editors.html_editor.setPlainText(HTML)
    compose.content.generate_text()
    if j.transport == "rest":
        fields.campaign_ref.setText(f"journey-{j.language}")
        assert fields.source_system.text()  # from the account
        fields.list_unsubscribe.setText("mailto:baja@example.com")
    assert wait_analysis_settled(compose)
    assert wait_preview_contains(compose, "Tenemos novedades")
    j.shot("composed")
    # Every field of the envelope the chosen transport needs is in view, none below the fold.
    inputs = (QLineEdit, QComboBox, QDateTimeEdit, QAbstractButton)
    envelope = [
        w
        for w in fields.findChildren(QWidget)
        if isinstance(w, inputs)
        and w.isVisible()
        and isinstance(w.parent(), QWidget)
        and not isinstance(w.parent(), (QComboBox, QDateTimeEdit))
    ]
    assert fields.subject in envelope and fields.recipient_list in envelope
    if j.transport == "rest":
        rest_fields = [fields.campaign_ref, fields.source_system, fields.list_unsubscribe]
        assert all(w in envelope for w in (*rest_fields, fields.schedule, fields.send_at))
        assert not compose.side_tabs.isTabVisible(compose.side_tabs.indexOf(compose.options_tab))
    assert_in_view(compose.fields_scroll, envelope)
    assert_nothing_hidden(j.window)
    codes = {c.code: c.severity for c in compose.checks_panel.checks}
    if j.transport == "smtp":
        # The SMTP-API cannot personalise: a blocking check, with its fix offered on Send.
        assert codes.get(MERGE_FIELDS_SMTP) == "error"
        assert codes.get("smtputf8_recipients") == "warning"
        assert not compose.commands.send.isEnabled()
        # Send: the fix is offered and applied ("Remove the merge fields"); at the summary
        # the marketer steps back to try a test send first.
        j.prompter.answer("choose", 1).answer("confirm", False)
        assert not compose.sending.send()
        assert "{{" not in fields.subject.text()
        assert "{{" not in compose.editors.html_editor.toPlainText()
        assert wait_analysis_settled(compose)
        codes = {c.code: c.severity for c in compose.checks_panel.checks}
        assert MERGE_FIELDS_SMTP not in codes
        assert wait_preview_contains(compose, "para ti en tu ciudad")
        j.shot("fixed")
    assert "error" not in codes.values(), codes
    return compose


def preview_as_a_recipient(j: Journey, qtbot: QtBot, compose: ComposeArea) -> None:
    """TEA Lite: the marketer finds a recipient by address and sees their subject, HTML and
    plain text. The SMTP-API sends the message as written, so there is nobody to choose."""
    picker = compose.recipient_picker
    if j.transport == "smtp":
        assert not picker.isVisible()
        assert wait_preview_contains(compose, "para ti en tu ciudad")
        assert "{{" not in preview_text(compose)
        return
    assert picker.isVisible()
    qtbot.waitUntil(lambda: len(picker.rows()) == len(PEOPLE), timeout=20_000)
    assert wait_preview_contains(compose, "Hola Ana")  # the first recipient by default
    line = picker.combo.lineEdit()
    assert line is not None
    line.clear()
    with qtbot.waitSignal(picker.rows_loaded, timeout=20_000):
        qtbot.keyClicks(line, "igo")  # searched by address (QTest types ASCII only)
    assert [row["email"] for row in picker.rows()] == ["iñigo@example.com"]
    picker.choose(0)
    assert wait_preview_contains(compose, "Hola Iñigo")
    assert wait_preview_contains(compose, "para ti en Bilbao")
    assert compose.preview.subject_label.text().endswith("Novedades para Iñigo")
    qtbot.waitUntil(lambda: "Hola Iñigo" in compose.preview.text_view.toPlainText())
    assert "{{" not in preview_text(compose)
    j.shot("preview-as-recipient")


def send_a_test(j: Journey, qtbot: QtBot, compose: ComposeArea) -> None:
    def fill(dialog: test_send_dialog.TestSendDialog) -> bool:
        dialog.addresses_edit.setText(TEST_ADDRESS)
        if dialog.recipient.count() > 2:
            dialog.recipient.setCurrentIndex(2)  # rendered with the second recipient's data
        return True

    j.prompter.fill(test_send_dialog.TestSendDialog, fill)
    finished: list[object] = []
    compose.sending.send_finished.connect(finished.append)
    compose.sending.send_failed.connect(finished.append)
    assert compose.sending.test_send(), j.prompter.warnings()
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    compose.sending.send_finished.disconnect(finished.append)
    compose.sending.send_failed.disconnect(finished.append)
    assert isinstance(finished[0], SendOutcome), finished
    j.shot("test-sent")


def send(j: Journey, qtbot: QtBot, compose: ComposeArea) -> SendOutcome:
    finished: list[object] = []
    compose.sending.send_finished.connect(finished.append)
    compose.sending.send_failed.connect(finished.append)
    assert compose.sending.send(), j.prompter.warnings()
    qtbot.waitUntil(lambda: bool(finished), timeout=120_000)
    assert isinstance(finished[0], SendOutcome), finished
    j.shot("sent")
    for dialog in QApplication.topLevelWidgets():
        if dialog.isVisible() and dialog is not j.window:  # the sending dialog
            assert_nothing_hidden(dialog)
    return finished[0]


def follow_results(j: Journey, qtbot: QtBot, outcome: SendOutcome, tmp_path: Path) -> Path:
    results = j.window.area("results")
    assert isinstance(results, ResultsArea)
    qtbot.waitUntil(lambda: j.window.current_area() == "results", timeout=10_000)
    assert results.current_campaign_id == outcome.campaign_id
    j.sandbox.simulate_until_done()
    results.poller.sync_now()
    expected = outcome.accepted
    qtbot.waitUntil(
        lambda: (
            results.current_view is not None
            and results.current_view.summary.delivered
            + results.current_view.summary.bounces_hard
            + results.current_view.summary.bounces_soft
            >= expected
        ),
        timeout=90_000,
    )
    j.shot("results")
    assert_nothing_hidden(j.window)
    target = tmp_path / "respuestas.csv"
    j.prompter.answer("save_file", target)
    with qtbot.waitSignal(results.exported, timeout=30_000):
        results.pages["responses"].export_requested.emit("responses")
    j.shot("exported")
    return target


@pytest.mark.parametrize(
    "journey",
    [("smtp", "es"), ("smtp", "en"), ("rest", "es"), ("rest", "en")],
    indirect=True,
    ids=["smtp-es", "smtp-en", "rest-es", "rest-en"],
)
def test_a_first_hour_in_the_window(
    journey: Journey, qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    j = journey
    j.shot("start")
    list_id = import_the_list(j, qtbot, tmp_path)
    compose = compose_the_campaign(j, qtbot, list_id)
    preview_as_a_recipient(j, qtbot, compose)
    send_a_test(j, qtbot, compose)
    outcome = send(j, qtbot, compose)
    exported = follow_results(j, qtbot, outcome, tmp_path)

    # What the sandbox received: no literal braces, every address exactly once.
    received = j.sandbox.received_messages()
    if j.transport == "smtp":  # one message for everyone: check what the server got
        contents = [
            (c.subject, c.html, c.text, c.raw.decode("utf-8", "replace"))
            for c in j.sandbox.received_campaigns()
        ]
    else:
        contents = [(m.subject, m.html or "", m.text or "") for m in received]
    for content in contents:
        for text in content:
            assert "{{" not in text and "}}" not in text, content
    real = [m for m in received if m.recipient != TEST_ADDRESS]
    tests = [m for m in received if m.recipient == TEST_ADDRESS]
    assert len(tests) == 1
    counted: dict[str, int] = {}
    for message in real:
        counted[message.recipient.lower()] = counted.get(message.recipient.lower(), 0) + 1
    if j.transport == "smtp":
        assert counted == {"ana@example.com": 1, "luis@example.org": 1}
        # The left-out address is named in the outcome: after the send, and in Results.
        assert outcome.left_out == ("iñigo@example.com",)
        assert "iñigo@example.com" in j.prompter.warnings()[-1]
        results = j.window.area("results")
        assert isinstance(results, ResultsArea)
        assert "iñigo@example.com" in results.send_notes.text()
        assert all(subject == "Novedades para" for subject, *_ in contents)
    else:
        assert counted == {address: 1 for address in PEOPLE}
        subjects = {m.recipient: m.subject for m in real}
        assert subjects == {a: f"Novedades para {n}" for a, n in PEOPLE.items()}
        assert tests[0].subject == "Novedades para Iñigo"  # the second recipient's data
    rows = exported.read_text(encoding="utf-8")
    assert sum(1 for _ in csv.reader(rows.splitlines())) >= 1 + len(counted)
    # Nothing went wrong on the way: no error was shown.
    shown = [a for a in j.prompter.asked if a.kind == "warn"]
    if j.transport == "smtp":
        assert len(shown) == 1  # the note naming who was left out
    else:
        assert shown == []
    # Nor said in the status bar, nor logged as an error (an unforeseen failure shown to the
    # user is logged as an error with its traceback).
    said = " | ".join([*j.status_messages, *(a.text for a in j.prompter.asked)])
    assert "unexpected" not in said.lower() and "inesperado" not in said.lower(), said
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]
