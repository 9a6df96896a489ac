"""The Recipients area: list viewer model, wizard end to end, no freeze during an import."""

from __future__ import annotations

import csv
import itertools
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.recipients import ImportOptions, RecipientListRepository, import_file
from teenvio_desktop.ui.recipients import RecipientsArea
from teenvio_desktop.ui.recipients.members_model import MembersModel
from teenvio_desktop.ui.recipients.wizard import PAGE_MAPPING, PAGE_RESULT, PAGE_SETTINGS
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter

CORPUS = Path(__file__).parents[2] / "core" / "recipients_corpus"
pytestmark = pytest.mark.timeout(120)


def _write_big(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["email", "nombre", "ciudad", "empresa", "telefono"])
        for i in range(rows):
            writer.writerow([f"u{i}@example.com", f"Nombre {i}", "Madrid", f"E{i % 97}", str(i)])
    return path


def test_members_model_passes_the_model_tester(qtmodeltester, app_context: AppContext) -> None:
    result = import_file(app_context.db, CORPUS / "utf8_comma.csv")
    model = MembersModel(app_context.db)
    model.set_list(result.list_id)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 4
    assert model.columnCount() == 3
    assert model.index(1, 0).data() == "luis@example.com"
    assert model.index(1, 2).data() == "Sevilla"


def test_members_model_searches_and_sorts_in_sql(
    qtbot: QtBot, qtmodeltester, app_context: AppContext, tmp_path: Path
) -> None:
    result = import_file(app_context.db, _write_big(tmp_path / "m.csv", 3000))
    model = MembersModel(app_context.db)
    model.set_list(result.list_id)
    assert model.rowCount() == 3000
    assert model.index(2999, 0).data() == "u2999@example.com"
    with qtbot.waitSignal(model.order_ready, timeout=10_000):
        model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "u9@example.com"  # "@" sorts after digits
    with qtbot.waitSignal(model.order_ready, timeout=10_000):
        model.set_search("u12")
    assert model.rowCount() == 111  # u12, u120-u129, u1200-u1299
    emails = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert emails == sorted(emails, key=str.lower, reverse=True)
    qtmodeltester.check(model, force_py=True)
    with qtbot.waitSignal(model.order_ready, timeout=10_000):
        model.sort(-1)
        model.set_search("")
    assert model.rowCount() == 3000
    assert model.index(0, 0).data() == "u0@example.com"


def test_wizard_imports_a_file_end_to_end(
    qtbot: QtBot, app_context: AppContext, tmp_path: Path
) -> None:
    area = RecipientsArea(app_context)
    qtbot.addWidget(area)
    wizard = area.open_wizard(CORPUS / "cp1252_semicolon.csv")
    qtbot.addWidget(wizard)
    assert wizard.currentId() == PAGE_SETTINGS
    page = wizard.settings_page
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    assert "cp1252" in page.detected_label.text()
    assert page.preview_model.rowCount() == 4
    assert page.preview_model.index(0, 1).data() == "José Muñoz"
    # Changing a setting refreshes the preview: no header makes the header a data row.
    page.header_combo.setCurrentIndex(2)
    qtbot.waitUntil(
        lambda: page.isComplete() and page.preview_model.rowCount() == 5, timeout=10_000
    )
    page.header_combo.setCurrentIndex(0)
    qtbot.waitUntil(
        lambda: page.isComplete() and page.preview_model.rowCount() == 4, timeout=10_000
    )

    wizard.next()
    assert wizard.currentId() == PAGE_MAPPING
    mapping = wizard.mapping_page
    assert mapping.email_combo.currentText() == "Dirección"
    assert mapping.name_combo.currentData() == "Nombre"
    mapping.list_name_edit.setText("Madrid")
    wizard.next()
    assert wizard.currentId() == PAGE_RESULT
    result_page = wizard.result_page
    qtbot.waitUntil(result_page.isComplete, timeout=20_000)
    assert result_page.counts["valid"].text() == "3"
    assert result_page.counts["invalid"].text() == "1"
    assert wizard.import_result is not None
    report = tmp_path / "rejects.csv"
    assert result_page.export_rejects_to(report) == 1
    # The new list is shown and selected in the area.
    assert [x.name for x in area.selected_lists()] == ["Madrid"]
    assert area.members_model.rowCount() == 3
    wizard.accept()


def test_wizard_imports_pasted_cells(qtbot: QtBot, app_context: AppContext) -> None:
    area = RecipientsArea(app_context)
    qtbot.addWidget(area)
    wizard = area.open_wizard()
    wizard.source_page.paste_edit.setPlainText("correo\tnombre\na@example.com\tA\nb@x\tB\n")
    assert wizard.source_page.isComplete()
    wizard.next()
    qtbot.waitUntil(wizard.settings_page.isComplete, timeout=10_000)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(wizard.result_page.isComplete, timeout=20_000)
    assert wizard.import_result is not None
    assert (wizard.import_result.valid, wizard.import_result.invalid) == (1, 1)
    wizard.accept()


def test_wizard_reports_a_bad_file(qtbot: QtBot, app_context: AppContext) -> None:
    area = RecipientsArea(app_context)
    qtbot.addWidget(area)
    wizard = area.open_wizard(CORPUS / "no_address.csv")
    page = wizard.settings_page
    qtbot.waitUntil(
        lambda: "No column of email addresses" in page.error_label.text(), timeout=10_000
    )
    wizard.reject()
    binary = area.open_wizard(CORPUS / "binary.csv")
    qtbot.waitUntil(
        lambda: "is not a text file" in binary.settings_page.error_label.text(), timeout=10_000
    )
    assert not binary.settings_page.isComplete()
    binary.reject()


def test_dropping_a_file_opens_the_wizard(qtbot: QtBot, app_context: AppContext) -> None:
    area = RecipientsArea(app_context)
    qtbot.addWidget(area)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(CORPUS / "utf8_comma.csv"))])
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    area.dropEvent(event)
    assert area.wizard is not None
    assert area.wizard.source_page.path_edit.text() == str(CORPUS / "utf8_comma.csv")
    assert area.wizard.currentId() == PAGE_SETTINGS
    area.wizard.reject()


def test_rename_merge_delete_from_the_area(qtbot: QtBot, app_context: AppContext) -> None:
    import_file(app_context.db, CORPUS / "utf8_comma.csv", ImportOptions(list_name="A"))
    import_file(app_context.db, CORPUS / "cp1252_semicolon.csv", ImportOptions(list_name="B"))
    prompter = ScriptedPrompter()
    area = RecipientsArea(app_context, prompter=prompter)
    qtbot.addWidget(area)
    assert area.lists_model.rowCount() == 2
    area.lists_view.selectAll()
    assert area.merge_button.isEnabled() and not area.rename_button.isEnabled()
    prompter.answer("ask_text", "A y B")
    area.merge_selected()
    qtbot.waitUntil(lambda: area.lists_model.rowCount() == 3, timeout=10_000)
    assert [x.name for x in area.selected_lists()] == ["A y B"]
    assert area.members_model.rowCount() == 7
    # Deleting asks first; "No" keeps the list.
    prompter.answer("confirm", False)
    area.delete_selected()
    assert area.lists_model.rowCount() == 3
    prompter.answer("confirm", True)
    area.delete_selected()
    assert [x.name for x in RecipientListRepository(app_context.db).lists()] == ["A", "B"]


def _longest_gap(ticks: list[float]) -> float:
    return max((b - a for a, b in itertools.pairwise(ticks)), default=0.0)


def _ticking(interval_ms: int = 10) -> tuple[QTimer, list[float]]:
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(interval_ms)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    return timer, ticks


@pytest.mark.timeout(180)
def test_event_loop_keeps_serving_during_a_large_import(
    qtbot: QtBot, app_context: AppContext, tmp_path: Path
) -> None:
    """A 10 ms timer must keep firing: the longest gap between ticks is the worst freeze.

    A freeze caused by the importer shows in every attempt; a burst of load from other
    processes on a shared two-core machine does not, so the best of three attempts counts.
    """
    path = _write_big(tmp_path / "large.csv", 150_000)
    area = RecipientsArea(app_context)
    qtbot.addWidget(area)
    area.show()
    stalls: list[float] = []
    for attempt in range(3):
        wizard = area.open_wizard(path)
        qtbot.waitUntil(wizard.settings_page.isComplete, timeout=10_000)
        wizard.next()
        wizard.mapping_page.list_name_edit.setText(f"large {attempt}")
        timer, ticks = _ticking()
        timer.start()
        wizard.next()
        qtbot.waitUntil(wizard.result_page.isComplete, timeout=120_000)
        timer.stop()
        assert wizard.import_result is not None and wizard.import_result.valid == 150_000
        assert len(ticks) > 20
        stalls.append(_longest_gap(ticks))
        wizard.accept()
        if stalls[-1] < 0.050:
            break
    print("longest stalls: " + ", ".join(f"{s * 1000:.1f} ms" for s in stalls))
    allowed = 0.050
    if min(stalls) >= allowed:
        # Three slow attempts: is it the importer, or a machine that cannot keep even an
        # idle loop on time (other processes on both cores)? The importer may add no more
        # than 50 ms to what the idle loop itself suffers right now.
        idle_timer, idle_ticks = _ticking()
        idle_timer.start()
        qtbot.wait(2000)
        idle_timer.stop()
        idle = _longest_gap(idle_ticks)
        print(f"idle loop's longest stall: {idle * 1000:.1f} ms")
        allowed = max(allowed, idle + 0.050)
    assert min(stalls) < allowed, f"the GUI froze for {min(stalls) * 1000:.0f} ms at best"
