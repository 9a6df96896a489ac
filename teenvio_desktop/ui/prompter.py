"""Every question the GUI asks the user goes through a :class:`Prompter`.

Widgets never call ``QMessageBox``, ``QInputDialog``, ``QFileDialog`` or ``dialog.exec()``
themselves: they ask their prompter. :class:`DialogPrompter` shows the real dialogs;
``ui/scripted_prompter.py`` answers from a script, so tests and ``--self-test`` drive the
same code paths without anything modal (and still exercise the dialogs themselves).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from teenvio_desktop.ui.file_folders import FolderMemory


class UnsavedChoice(enum.Enum):
    """What to do with unsaved changes before they would be replaced or closed."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"
    # Nobody is there to answer (a script): keep the work in the autosave slot, go on.
    KEEP_FOR_RECOVERY = "keep"


class Prompter(Protocol):
    def confirm(
        self, parent: QWidget | None, title: str, text: str, *, default_yes: bool = True
    ) -> bool:
        """A yes/no question."""
        ...

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        """Something went wrong; the text says what to do."""
        ...

    def choose(
        self, parent: QWidget | None, title: str, text: str, choices: Sequence[str]
    ) -> int | None:
        """One of several ways on (the index of the choice), or None when cancelled."""
        ...

    def ask_text(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        text: str = "",
        *,
        secret: bool = False,
    ) -> str | None:
        """One line of text, or None when cancelled."""
        ...

    def unsaved_changes(self, parent: QWidget | None) -> UnsavedChoice: ...

    def run(self, dialog: QDialog) -> bool:
        """Show one of the application's own dialogs modally; True when accepted."""
        ...

    # ``kind`` names the kind of file (``ui/file_folders.py``): each opens where the last
    # one of its kind was chosen.
    def open_file(
        self, parent: QWidget | None, caption: str, filters: str = "", *, kind: str = ""
    ) -> Path | None: ...

    def open_files(
        self, parent: QWidget | None, caption: str, filters: str = "", *, kind: str = ""
    ) -> list[Path]: ...

    def save_file(
        self,
        parent: QWidget | None,
        caption: str,
        suggested: str = "",
        filters: str = "",
        *,
        kind: str = "",
    ) -> Path | None: ...


class DialogPrompter:
    """Asks with the platform's dialogs; file dialogs open where ``folders`` remembers."""

    def __init__(self, folders: FolderMemory | None = None) -> None:
        self.folders = folders

    def confirm(
        self, parent: QWidget | None, title: str, text: str, *, default_yes: bool = True
    ) -> bool:
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        box = QMessageBox(QMessageBox.Icon.Question, title, text, yes | no, parent)
        box.setObjectName("confirm")
        box.setDefaultButton(yes if default_yes else no)
        return box.exec() == yes

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def choose(
        self, parent: QWidget | None, title: str, text: str, choices: Sequence[str]
    ) -> int | None:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.setObjectName("choose")
        buttons = [box.addButton(c, QMessageBox.ButtonRole.AcceptRole) for c in choices]
        box.addButton(QMessageBox.StandardButton.Cancel)
        if buttons:
            box.setDefaultButton(buttons[0])
        box.exec()
        clicked = box.clickedButton()
        return next((i for i, b in enumerate(buttons) if b is clicked), None)

    def ask_text(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        text: str = "",
        *,
        secret: bool = False,
    ) -> str | None:
        echo = QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal
        value, ok = QInputDialog.getText(parent, title, label, echo, text)
        return value if ok else None

    def unsaved_changes(self, parent: QWidget | None) -> UnsavedChoice:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("Prompter", "Unsaved changes"),
            QCoreApplication.translate(
                "Prompter", "The campaign has unsaved changes. Save them as a draft first?"
            ),
            buttons.Save | buttons.Discard | buttons.Cancel,
        )
        if answer == buttons.Save:
            return UnsavedChoice.SAVE
        if answer == buttons.Discard:
            return UnsavedChoice.DISCARD
        return UnsavedChoice.CANCEL

    def run(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _start(self, kind: str, suggested: str = "") -> str:
        if self.folders is None:
            return suggested
        return self.folders.start_path(kind or "files", suggested)

    def _chosen(self, kind: str, paths: list[Path]) -> None:
        if self.folders is not None and paths:
            self.folders.remember(kind or "files", paths[0])

    def open_file(
        self, parent: QWidget | None, caption: str, filters: str = "", *, kind: str = ""
    ) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(parent, caption, self._start(kind), filters)
        chosen = Path(path) if path else None
        self._chosen(kind, [chosen] if chosen else [])
        return chosen

    def open_files(
        self, parent: QWidget | None, caption: str, filters: str = "", *, kind: str = ""
    ) -> list[Path]:
        paths, _filter = QFileDialog.getOpenFileNames(parent, caption, self._start(kind), filters)
        chosen = [Path(p) for p in paths]
        self._chosen(kind, chosen)
        return chosen

    def save_file(
        self,
        parent: QWidget | None,
        caption: str,
        suggested: str = "",
        filters: str = "",
        *,
        kind: str = "",
    ) -> Path | None:
        start = self._start(kind, suggested)
        path, _filter = QFileDialog.getSaveFileName(parent, caption, start, filters)
        chosen = Path(path) if path else None
        self._chosen(kind, [chosen] if chosen else [])
        return chosen
