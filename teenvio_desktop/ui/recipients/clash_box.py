"""On the import wizard's first page: a list with the name this import would take exists.

Said at once, not at the last step: replace that list's recipients with the file's, add
the file's new addresses to it, or import under another (free) name, the default.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.recipients import RecipientList

REPLACE, APPEND, NEW_NAME = "replace", "append", "error"  # the core's ``on_clash`` values


class ClashBox(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importClash")
        self.existing: RecipientList | None = None
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.replace_radio = QRadioButton(self.tr("Replace its recipients with this file's"))
        self.replace_radio.setObjectName("clashReplace")
        self.append_radio = QRadioButton(self.tr("Add this file's new addresses to it"))
        self.append_radio.setObjectName("clashAppend")
        self.new_radio = QRadioButton(self.tr("Import it as a new list named"))
        self.new_radio.setObjectName("clashNewName")
        self.new_name = QLineEdit()
        self.new_name.setObjectName("clashName")
        group = QButtonGroup(self)
        for radio in (self.replace_radio, self.append_radio, self.new_radio):
            group.addButton(radio)
            radio.toggled.connect(self.changed)
        self.new_radio.setChecked(True)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_radio)
        new_row.addWidget(self.new_name, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.replace_radio)
        layout.addWidget(self.append_radio)
        layout.addLayout(new_row)
        self.new_name.textChanged.connect(self.changed)
        self.new_name.textEdited.connect(lambda _t: self.new_radio.setChecked(True))
        self.hide()

    def offer(self, existing: RecipientList | None, free_name: str) -> None:
        """Show the choice for ``existing`` (hide it when there is no clash)."""
        if existing is None:
            self.existing = None
            self.hide()
            return
        if self.existing is None or self.existing.id != existing.id:
            self.new_radio.setChecked(True)  # a new clash starts from the safe choice
            self.new_name.setText(free_name)
        self.existing = existing
        self.setTitle(self.tr("A list with this name already exists"))
        self.explanation.setText(
            self.tr(
                "“{name}” already has %n recipient(s). What should this import do?",
                None,
                existing.count,
            ).format(name=existing.name)
        )
        self.show()

    def on_clash(self) -> str:
        if self.existing is None or self.new_radio.isChecked():
            return NEW_NAME
        return REPLACE if self.replace_radio.isChecked() else APPEND

    def list_name(self, default: str) -> str:
        """The name the import will use: the existing list's, or the new name."""
        if self.existing is None:
            return default
        if self.on_clash() == NEW_NAME:
            return self.new_name.text().strip()
        return self.existing.name

    def is_complete(self) -> bool:
        return (
            self.existing is None
            or self.on_clash() != NEW_NAME
            or bool(self.new_name.text().strip())
        )
