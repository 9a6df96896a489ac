"""The import wizard's third page: the address, name and merge-field columns."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWizard,
    QWizardPage,
)

from teenvio_desktop.core.recipients import ColumnMapping
from teenvio_desktop.ui.recipients.wizard_base import ImportWizardBase


class MappingPage(QWizardPage):
    """Which column is the address, which the name, which become merge fields."""

    def __init__(self, wizard: ImportWizardBase) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(
            self.tr("The other columns you tick are kept as merge fields under their names.")
        )
        self.email_combo = QComboBox()
        self.email_combo.setObjectName("mappingEmail")
        self.name_combo = QComboBox()
        self.name_combo.setObjectName("mappingName")
        self.fields_list = QListWidget()
        self.fields_list.setObjectName("mappingFields")
        self.list_name_edit = QLineEdit()
        self.list_name_edit.setObjectName("mappingListName")
        self.save_mapping_edit = QLineEdit()
        self.save_mapping_edit.setObjectName("mappingSaveAs")
        self.save_mapping_edit.setPlaceholderText(self.tr("optional: reuse it for files like this"))
        self.saved_label = QLabel()
        self.name_taken_label = QLabel()
        self.name_taken_label.setObjectName("mappingNameTaken")
        self.name_taken_label.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Email address:"), self.email_combo)
        form.addRow(self.tr("Recipient name:"), self.name_combo)
        form.addRow(self.tr("Merge fields:"), self.fields_list)
        form.addRow(self.tr("List name:"), self.list_name_edit)
        form.addRow(self.name_taken_label)
        form.addRow(self.tr("Save this mapping as:"), self.save_mapping_edit)
        form.addRow(self.saved_label)
        # Importing cannot be undone from the wizard: no Back from the result page.
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.email_combo.currentIndexChanged.connect(self.completeChanged)
        self.list_name_edit.textChanged.connect(self.completeChanged)
        self.email_combo.currentIndexChanged.connect(self._mark_kept_columns)
        self.name_combo.currentIndexChanged.connect(self._mark_kept_columns)

    def initializePage(self) -> None:
        preview = self._wizard.preview
        assert preview is not None
        columns = preview.columns
        guess = preview.layout.mapping
        self.email_combo.clear()
        self.email_combo.addItems(columns)
        self.name_combo.clear()
        self.name_combo.addItem(self.tr("(none)"), None)
        for column in columns:
            self.name_combo.addItem(column, column)
        if guess is not None:
            self.email_combo.setCurrentText(guess.email)
            if guess.name:
                self.name_combo.setCurrentIndex(self.name_combo.findData(guess.name))
        else:
            self.email_combo.setCurrentIndex(-1)
        chosen = set(guess.field_columns(columns)) if guess is not None else set(columns)
        self.fields_list.clear()
        for column in columns:
            item = QListWidgetItem(column)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if column in chosen else Qt.CheckState.Unchecked
            )
            self.fields_list.addItem(item)
        self._mark_kept_columns()
        # The name the first page settled; an existing list's name cannot change here.
        self.list_name_edit.setText(self._wizard.planned_list_name())
        self.list_name_edit.setReadOnly(self._wizard.planned_clash() != "error")
        saved = preview.layout.saved_mapping
        self.saved_label.setText(
            self.tr("Using the saved mapping \u201c{name}\u201d.").format(name=saved)
            if saved
            else ""
        )

    def mapping(self) -> ColumnMapping | None:
        email = self.email_combo.currentText()
        if not email:
            return None
        name = self.name_combo.currentData()
        fields = tuple(
            self.fields_list.item(i).text()
            for i in range(self.fields_list.count())
            if self.fields_list.item(i).checkState() == Qt.CheckState.Checked
        )
        return ColumnMapping(email=email, name=name, fields=fields)

    def list_name(self) -> str:
        return self.list_name_edit.text().strip()

    def save_as(self) -> str:
        return self.save_mapping_edit.text().strip()

    def _mark_kept_columns(self) -> None:
        """The address and name columns are merge fields whatever is ticked (the rule the
        command line follows too): shown ticked, and not to be unticked."""
        kept = {self.email_combo.currentText(), self.name_combo.currentData()}
        for row in range(self.fields_list.count()):
            item = self.fields_list.item(row)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if item.text() in kept:
                item.setCheckState(Qt.CheckState.Checked)
                flags &= ~Qt.ItemFlag.ItemIsUserCheckable
                item.setToolTip(
                    self.tr("Always kept: {{{{ {column} }}}} works in the message.").format(
                        column=item.text()
                    )
                )
            else:
                item.setToolTip("")
            item.setFlags(flags)

    def _name_taken(self) -> bool:
        """A new list (not a replace or an append) under a name in use would be refused."""
        from teenvio_desktop.core.recipients import find_clash

        if self._wizard.planned_clash() != "error" or not self.list_name():
            return False
        return find_clash(self._wizard.context.db, self.list_name()) is not None

    def isComplete(self) -> bool:
        taken = self._name_taken()
        self.name_taken_label.setText(
            self.tr(
                "A list with this name already exists: choose another name, or go Back to "
                "replace that list or add to it."
            )
            if taken
            else ""
        )
        return bool(self.email_combo.currentText()) and bool(self.list_name()) and not taken
