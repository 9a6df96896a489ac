"""Inline images and attachments of the message, with add and remove."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.campaign import Attachment, InlineImage


def _kb(size: int) -> str:
    return f"{QLocale().toString(size / 1024, 'f', 1)} KB"


class AttachmentsPanel(QWidget):
    insert_image_requested = Signal()
    add_attachment_requested = Signal()
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: list[InlineImage] = []
        self.attachments: list[Attachment] = []
        self.list = QListWidget()
        self.list.setObjectName("attachments_list")
        self.list.setAccessibleName(self.tr("Images and files"))
        insert = QPushButton(self.tr("Insert image…"))
        attach = QPushButton(self.tr("Attach file…"))
        self.remove = QPushButton(self.tr("Remove"))
        insert.clicked.connect(self.insert_image_requested)
        attach.clicked.connect(self.add_attachment_requested)
        self.remove.clicked.connect(self._remove_selected)
        buttons = QHBoxLayout()
        for button in (insert, attach, self.remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)

    def set_items(self, images: list[InlineImage], attachments: list[Attachment]) -> None:
        self.images, self.attachments = list(images), list(attachments)
        self._refresh()

    def add_image(self, image: InlineImage) -> None:
        self.images.append(image)
        self._refresh()
        self.changed.emit()

    def add_attachment(self, attachment: Attachment) -> None:
        self.attachments.append(attachment)
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        self.list.clear()
        for index, image in enumerate(self.images):
            item = QListWidgetItem(
                self.tr("Inline image cid:{cid} ({name}, {size})").format(
                    cid=image.cid, name=image.filename, size=_kb(len(image.data))
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, ("image", index))
            self.list.addItem(item)
        for index, attachment in enumerate(self.attachments):
            item = QListWidgetItem(
                self.tr("Attachment {name} ({size}), sent as a link by Teenvio").format(
                    name=attachment.filename, size=_kb(len(attachment.data))
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, ("attachment", index))
            self.list.addItem(item)

    def _remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        kind, index = item.data(Qt.ItemDataRole.UserRole)
        if kind == "image":
            del self.images[index]
        else:
            del self.attachments[index]
        self._refresh()
        self.changed.emit()
