"""Choose a saved draft to open (or delete one)."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.drafts import DraftRepository
from teenvio_desktop.ui.prompter import DialogPrompter, Prompter


class DraftsDialog(QDialog):
    def __init__(
        self,
        drafts: DraftRepository,
        parent: QWidget | None = None,
        *,
        prompter: Prompter | None = None,
    ) -> None:
        super().__init__(parent)
        self._prompter = prompter or DialogPrompter()
        self.setWindowTitle(self.tr("Open draft"))
        self.resize(520, 420)
        self._drafts = drafts
        self.chosen_id: int | None = None
        self.list = QListWidget()
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        delete = QPushButton(self.tr("Delete"))
        self.delete_button = delete
        buttons.addButton(delete, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        delete.clicked.connect(self._delete)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        for info in self._drafts.list():
            when = QDateTime.fromString(info.updated_at, Qt.DateFormat.ISODate).toLocalTime()
            item = QListWidgetItem(f"{info.title} — {when.toString('yyyy-MM-dd HH:mm')}")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _delete(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        question = self.tr('Delete the draft "{title}"?').format(title=item.text())
        if self._prompter.confirm(self, self.tr("Delete draft"), question, default_yes=False):
            self._drafts.delete(int(item.data(Qt.ItemDataRole.UserRole)))
            self._fill()

    def accept(self) -> None:
        item = self.list.currentItem()
        self.chosen_id = int(item.data(Qt.ItemDataRole.UserRole)) if item else None
        super().accept()
