"""Adding or correcting one recipient of a saved list: address, name, merge fields."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget


class MemberDialog(QDialog):
    def __init__(
        self,
        fields: Sequence[str],
        parent: QWidget | None = None,
        *,
        email: str = "",
        name: str = "",
        values: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MemberDialog")
        self.setWindowTitle(self.tr("Edit recipient") if email else self.tr("Add recipient"))
        self.email_edit = QLineEdit(email)
        self.email_edit.setObjectName("memberEmail")
        self.email_edit.setPlaceholderText("ana@example.com")
        self.name_edit = QLineEdit(name)
        self.name_edit.setObjectName("memberName")
        self.field_edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        form.addRow(self.tr("Email address"), self.email_edit)
        form.addRow(self.tr("Name"), self.name_edit)
        for field in fields:
            edit = QLineEdit((values or {}).get(field, ""))
            edit.setAccessibleName(field)
            self.field_edits[field] = edit
            form.addRow(field, edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.email_edit.textChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip()))
        )
        self.ok_button.setEnabled(bool(email.strip()))
        self.resize(420, self.sizeHint().height())

    def email(self) -> str:
        return self.email_edit.text().strip()

    def name(self) -> str:
        return self.name_edit.text().strip()

    def values(self) -> dict[str, str]:
        return {field: edit.text() for field, edit in self.field_edits.items()}
