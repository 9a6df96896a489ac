"""The import wizard: source, detected settings with a live preview, mapping, result.

Reading the preview and importing both run in the background (``ui/tasks.py``), so the
window keeps answering while a large file is read. Closing the wizard cancels an import
in progress (the core then removes the half-made list). Each page is its own module.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
    QWizardPage,
)

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.recipients import ImportOptions, ImportResult, Preview
from teenvio_desktop.ui import file_folders
from teenvio_desktop.ui.prompter import DialogPrompter, Prompter
from teenvio_desktop.ui.recipients.clash_box import ClashBox
from teenvio_desktop.ui.recipients.mapping_page import MappingPage
from teenvio_desktop.ui.recipients.result_page import ResultPage
from teenvio_desktop.ui.recipients.settings_page import SettingsPage
from teenvio_desktop.ui.recipients.wizard_base import (
    PAGE_MAPPING,
    PAGE_RESULT,
    PAGE_SETTINGS,
    PAGE_SOURCE,
    ImportWizardBase,
)

__all__ = ["PAGE_MAPPING", "PAGE_RESULT", "PAGE_SETTINGS", "PAGE_SOURCE", "ImportWizard"]


class ImportWizard(ImportWizardBase):
    """Import a file or pasted text as a new recipient list."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        prompter: Prompter | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.prompter = prompter or DialogPrompter()
        self.setObjectName("recipientsImportWizard")
        self.setWindowTitle(self.tr("Import recipients"))
        self.setMinimumSize(820, 560)
        self.source_page = SourcePage(self)
        self.settings_page = SettingsPage(self)
        self.mapping_page = MappingPage(self)
        self.result_page = ResultPage(self)
        self.setPage(PAGE_SOURCE, self.source_page)
        self.setPage(PAGE_SETTINGS, self.settings_page)
        self.setPage(PAGE_MAPPING, self.mapping_page)
        self.setPage(PAGE_RESULT, self.result_page)
        self.preview: Preview | None = None
        self.import_result: ImportResult | None = None

    # What the pages settled, gathered into the core's options.
    def import_options(self) -> ImportOptions:
        settings = self.settings_page
        mapping = self.mapping_page.mapping() if self.currentId() >= PAGE_MAPPING else None
        return ImportOptions(
            list_name=self.mapping_page.list_name() or None,
            encoding=settings.encoding(),
            delimiter=settings.delimiter(),
            sheet=settings.sheet(),
            has_header=settings.has_header(),
            skip_rows=settings.skip_rows(),
            mapping=mapping,
            save_mapping_as=self.mapping_page.save_as() or None,
            on_clash=self.source_page.clash.on_clash(),
        )

    def planned_list_name(self) -> str:
        """The list name the first page settled (the existing list's, or a free one)."""
        return self.source_page.clash.list_name(self.source_page.default_name())

    def planned_clash(self) -> str:
        return self.source_page.clash.on_clash()

    def source(self) -> tuple[str, bool]:
        """(path or pasted text, is_text)."""
        return self.source_page.source()

    def start_with_file(self, path: Path) -> None:
        self.source_page.set_file(path)
        self.next()

    def done(self, result: int) -> None:
        self.result_page.cancel_running()
        self.settings_page.cancel_running()
        super().done(result)


class SourcePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._prompter = wizard.prompter
        self._db = wizard.context.db
        self.setTitle(self.tr("Where are the recipients?"))
        self.setSubTitle(
            self.tr(
                "A CSV, TSV or TXT file, an Excel (XLSX) or OpenDocument (ODS) workbook, "
                "or cells pasted from a spreadsheet."
            )
        )
        self.file_radio = QRadioButton(self.tr("From a file"))
        self.paste_radio = QRadioButton(self.tr("Pasted text"))
        group = QButtonGroup(self)
        group.addButton(self.file_radio)
        group.addButton(self.paste_radio)
        self.file_radio.setChecked(True)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText(self.tr("Choose a file…"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        self.paste_edit = QPlainTextEdit()
        self.paste_edit.setObjectName("importPaste")
        self.paste_edit.setPlaceholderText(self.tr("Paste addresses or spreadsheet cells here"))

        layout = QGridLayout(self)
        layout.addWidget(self.file_radio, 0, 0, 1, 2)
        layout.addWidget(self.path_edit, 1, 0)
        layout.addWidget(browse, 1, 1)
        layout.addWidget(self.paste_radio, 2, 0, 1, 2)
        layout.addWidget(self.paste_edit, 3, 0, 1, 2)
        # Re-importing under a name in use is said here, at once, with the choices.
        self.clash = ClashBox()
        layout.addWidget(self.clash, 4, 0, 1, 2)
        self.clash.changed.connect(self.completeChanged)
        for signal in (self.path_edit.textChanged, self.paste_edit.textChanged):
            signal.connect(self.completeChanged)
            signal.connect(self._check_clash)
        self.file_radio.toggled.connect(self._check_clash)
        self.path_edit.textEdited.connect(lambda _t: self.file_radio.setChecked(True))
        self.paste_edit.textChanged.connect(self._paste_changed)
        self.file_radio.toggled.connect(self.completeChanged)

    def _paste_changed(self) -> None:
        if self.paste_edit.toPlainText():
            self.paste_radio.setChecked(True)

    def _browse(self) -> None:
        path = self._prompter.open_file(
            self,
            self.tr("Import recipients"),
            self.tr("Lists (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)"),
            kind=file_folders.RECIPIENT_LISTS,
        )
        if path is not None:
            self.set_file(path)

    def set_file(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self.file_radio.setChecked(True)

    def source(self) -> tuple[str, bool]:
        if self.paste_radio.isChecked():
            return self.paste_edit.toPlainText(), True
        return self.path_edit.text().strip(), False

    def default_name(self) -> str:
        """The list name this source gets unless the user picks another."""
        value, is_text = self.source()
        return self.tr("Pasted list") if is_text else Path(value).stem

    def _check_clash(self) -> None:
        from teenvio_desktop.core.recipients import find_clash, suggest_name

        name = self.default_name().strip()
        existing = find_clash(self._db, name) if name else None
        self.clash.offer(existing, suggest_name(self._db, name) if existing else name)

    def isComplete(self) -> bool:
        value, is_text = self.source()
        found = bool(value.strip()) if is_text else Path(value).is_file()
        return found and self.clash.is_complete()
