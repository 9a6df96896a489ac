"""File dialogs open in the folder last used for their kind of file, else Documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui.file_folders import EXPORTS, RECIPIENT_LISTS, FolderMemory, documents_folder
from teenvio_desktop.ui.prompter import DialogPrompter
from tests.helpers.dialogs import when_modal

pytestmark = pytest.mark.timeout(60)


def _choose(path: Path, opened_in: list[str]):  # type: ignore[no-untyped-def]
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        opened_in.append(dialog.directory().absolutePath())
        dialog.selectFile(str(path))
        dialog.accept()

    return act


def test_each_kind_of_file_opens_where_the_last_one_was_chosen(
    qtbot: QtBot, app_context: AppContext, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    prompter = DialogPrompter(FolderMemory(app_context.settings))
    lists, exports = tmp_path / "listas", tmp_path / "informes"
    lists.mkdir()
    exports.mkdir()
    (lists / "clientes.csv").write_text("email\nana@example.com\n")

    opened: list[str] = []
    when_modal(_choose(lists / "clientes.csv", opened))
    assert prompter.open_file(parent, "Import", kind=RECIPIENT_LISTS) == lists / "clientes.csv"
    assert opened == [str(documents_folder())]  # nothing remembered yet: Documents

    when_modal(_choose(exports / "bounces.csv", opened))
    saved = prompter.save_file(parent, "Export", "bounces.csv", kind=EXPORTS)
    assert saved == exports / "bounces.csv"
    assert opened[-1] == str(documents_folder())

    # Each kind reopens in its own folder, also after the app is restarted.
    again = DialogPrompter(FolderMemory(app_context.settings))
    when_modal(_choose(lists / "clientes.csv", opened))
    again.open_file(parent, "Import", kind=RECIPIENT_LISTS)
    assert opened[-1] == str(lists)
    when_modal(_choose(exports / "opens.csv", opened))
    again.save_file(parent, "Export", "opens.csv", kind=EXPORTS)
    assert opened[-1] == str(exports)


def test_a_folder_that_is_gone_falls_back_to_documents(
    app_context: AppContext, tmp_path: Path
) -> None:
    folders = FolderMemory(app_context.settings)
    gone = tmp_path / "gone"
    gone.mkdir()
    folders.remember(EXPORTS, gone / "x.csv")
    assert folders.folder(EXPORTS) == gone
    gone.rmdir()
    assert folders.folder(EXPORTS) == documents_folder()
    assert folders.start_path(EXPORTS, "x.csv") == str(documents_folder() / "x.csv")
