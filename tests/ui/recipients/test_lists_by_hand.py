"""Lists by hand: a re-import's name clash said on the wizard's first page (replace, append
or a new name), the mapped columns always kept as merge fields, and single recipients
added, corrected and deleted in the viewer with undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.recipients import RecipientListRepository
from teenvio_desktop.ui.recipients import RecipientsArea
from teenvio_desktop.ui.recipients.member_dialog import MemberDialog
from teenvio_desktop.ui.recipients.wizard import PAGE_MAPPING, ImportWizard
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter

pytestmark = pytest.mark.timeout(120)


def _csv(folder: Path, rows: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "clientes.csv"
    path.write_text("email,nombre,ciudad\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _import(qtbot: QtBot, area: RecipientsArea, path: Path, choose: str = "") -> ImportWizard:
    wizard = area.open_wizard()
    qtbot.addWidget(wizard)
    wizard.source_page.set_file(path)
    clash = wizard.source_page.clash
    if choose:
        assert clash.isVisibleTo(wizard.source_page)
        {"replace": clash.replace_radio, "append": clash.append_radio}[choose].setChecked(True)
    wizard.next()
    qtbot.waitUntil(wizard.settings_page.isComplete, timeout=10_000)
    wizard.next()
    assert wizard.currentId() == PAGE_MAPPING
    with qtbot.waitSignal(wizard.imported, timeout=20_000):
        wizard.next()
    return wizard


@pytest.fixture
def area(qtbot: QtBot, app_context: AppContext) -> RecipientsArea:
    widget = RecipientsArea(app_context, prompter=ScriptedPrompter())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_reimport_clash_is_said_on_the_first_page_with_its_three_ways(
    qtbot: QtBot, area: RecipientsArea, app_context: AppContext, tmp_path: Path
) -> None:
    repo = RecipientListRepository(app_context.db)
    first = _import(qtbot, area, _csv(tmp_path / "a", ["ana@example.com,Ana,Madrid"]))
    first.accept()
    (original,) = repo.lists()

    # The same file name again: said at once, the safe choice (a new name) preselected.
    wizard = area.open_wizard()
    qtbot.addWidget(wizard)
    wizard.source_page.set_file(_csv(tmp_path / "b", ["luis@example.org,Luis,Lima"]))
    clash = wizard.source_page.clash
    assert clash.isVisibleTo(wizard.source_page)
    assert "“clientes” already has 1 recipient" in clash.explanation.text()
    assert clash.new_radio.isChecked() and clash.new_name.text() == "clientes (2)"
    clash.new_name.clear()
    assert not wizard.source_page.isComplete()  # a new name needs a name
    wizard.reject()

    # Append: the list keeps its id and gets the new address.
    _import(qtbot, area, _csv(tmp_path / "c", ["luis@example.org,Luis,Lima"]), "append").accept()
    assert [x.id for x in repo.lists()] == [original.id]
    assert sorted(m.email for m in repo.iter_members(original.id)) == [
        "ana@example.com",
        "luis@example.org",
    ]
    # Replace: the same list now holds exactly the file's recipients.
    wizard = _import(qtbot, area, _csv(tmp_path / "d", ["eva@example.com,Eva,Quito"]), "replace")
    assert wizard.mapping_page.list_name_edit.isReadOnly()
    wizard.accept()
    assert [m.email for m in repo.iter_members(original.id)] == ["eva@example.com"]


def test_the_mapped_columns_stay_merge_fields_and_say_so(
    qtbot: QtBot, area: RecipientsArea, tmp_path: Path
) -> None:
    wizard = area.open_wizard(_csv(tmp_path, ["ana@example.com,Ana,Madrid"]))
    qtbot.addWidget(wizard)
    qtbot.waitUntil(wizard.settings_page.isComplete, timeout=10_000)
    wizard.next()
    page = wizard.mapping_page
    assert page.name_combo.currentData() == "nombre"
    items = {page.fields_list.item(i).text(): page.fields_list.item(i) for i in range(3)}
    for column in ("email", "nombre"):
        assert items[column].checkState() == Qt.CheckState.Checked
        assert not items[column].flags() & Qt.ItemFlag.ItemIsUserCheckable
        assert "{{ " + column + " }}" in items[column].toolTip()
    assert items["ciudad"].flags() & Qt.ItemFlag.ItemIsUserCheckable
    wizard.reject()


def test_single_recipients_are_added_corrected_and_deleted_with_undo(
    qtbot: QtBot, area: RecipientsArea, app_context: AppContext, tmp_path: Path
) -> None:
    rows = ["ana@example.com,Ana,Madrid", "iñigo@example.com,Iñigo,Bilbao", "luis@x.org,Luis,Lima"]
    _import(qtbot, area, _csv(tmp_path, rows)).accept()
    repo = RecipientListRepository(app_context.db)
    (listed,) = repo.lists()
    editor, view, model = area.member_editor, area.members_view, area.members_model
    prompter = area.prompter
    assert isinstance(prompter, ScriptedPrompter)

    def members() -> list[tuple[str, str]]:
        return [(m.email, m.name) for m in repo.iter_members(listed.id)]

    def wait() -> None:
        qtbot.waitUntil(lambda: not editor.is_busy(), timeout=10_000)

    # Correct the address the SMTP-API cannot take (row 2), from the editing dialog.
    def correct(dialog: MemberDialog) -> bool:
        assert dialog.email_edit.text() == "iñigo@example.com"
        assert dialog.field_edits["ciudad"].text() == "Bilbao"
        dialog.email_edit.setText("inigo@example.com")
        return True

    prompter.fill(MemberDialog, correct)
    view.selectRow(1)
    assert editor.edit_action.isEnabled()
    editor.edit_action.trigger()
    wait()
    assert members()[1] == ("inigo@example.com", "Iñigo")
    assert repo.smtputf8_count(listed.id) == 0
    assert area.count_label.text().startswith("3")

    # Delete with the Delete key, undo with Ctrl+Z: back in its place.
    area.activateWindow()
    qtbot.waitUntil(area.isActiveWindow)
    view.setFocus()
    view.selectRow(0)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    wait()
    assert [e for e, _ in members()] == ["inigo@example.com", "luis@x.org"]
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait()
    assert [e for e, _ in members()] == ["ana@example.com", "inigo@example.com", "luis@x.org"]
    # Undo again: the correction is taken back; redo puts it back.
    editor.undo()
    wait()
    assert members()[1][0] == "iñigo@example.com"
    editor.redo()
    wait()
    assert members()[1][0] == "inigo@example.com"

    # Add one; a repeated or invalid address is explained, and nothing changes.
    prompter.fill(MemberDialog, lambda d: d.email_edit.setText("eva@example.com") or True)
    editor.add_action.trigger()
    wait()
    assert members()[-1] == ("eva@example.com", "")
    assert model.rowCount() == 4
    prompter.fill(MemberDialog, lambda d: d.email_edit.setText("ANA@example.com") or True)
    editor.add()
    wait()
    assert "ana@example.com" in prompter.warnings()[-1].lower()
    assert len(members()) == 4
    editor.undo()  # the add of eva
    wait()
    assert len(members()) == 3 and area.lists_model.list_at(0).count == 3  # type: ignore[union-attr]
