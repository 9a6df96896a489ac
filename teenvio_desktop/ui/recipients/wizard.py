"""The import wizard: source, detected settings with a live preview, mapping, result.

Reading the preview and importing both run through the worker pattern, so the window
keeps answering while a large file is read. Closing the wizard cancels an import in
progress (the core then removes the half-made list).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.recipients import (
    ColumnMapping,
    ImportOptions,
    ImportResult,
    Preview,
    export_rejects,
    import_file,
    preview_file,
)
from teenvio_desktop.core.recipients.importer import use_saved_mapping
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback
from teenvio_desktop.ui.recipients.background import run_with_store
from teenvio_desktop.ui.recipients.preview_model import PreviewModel
from teenvio_desktop.ui.translation import error_text, qt_translate
from teenvio_desktop.ui.worker import BackgroundTask, run_in_background

PAGE_SOURCE, PAGE_SETTINGS, PAGE_MAPPING, PAGE_RESULT = range(4)
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be")
DELIMITERS = ((",", ","), (";", ";"), ("\t", "Tab"), ("|", "|"))


class ImportWizard(QWizard):
    """Import a file or pasted text as a new recipient list."""

    imported = Signal(int)  # the new list's id

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
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
        self.result: ImportResult | None = None

    # What the pages settled, gathered into the core's options.
    def options(self) -> ImportOptions:
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
        )

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
        for signal in (self.path_edit.textChanged, self.paste_edit.textChanged):
            signal.connect(self.completeChanged)
        self.path_edit.textEdited.connect(lambda _t: self.file_radio.setChecked(True))
        self.paste_edit.textChanged.connect(self._paste_changed)
        self.file_radio.toggled.connect(self.completeChanged)

    def _paste_changed(self) -> None:
        if self.paste_edit.toPlainText():
            self.paste_radio.setChecked(True)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import recipients"),
            "",
            self.tr("Lists (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)"),
        )
        if path:
            self.set_file(Path(path))

    def set_file(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self.file_radio.setChecked(True)

    def source(self) -> tuple[str, bool]:
        if self.paste_radio.isChecked():
            return self.paste_edit.toPlainText(), True
        return self.path_edit.text().strip(), False

    def isComplete(self) -> bool:
        value, is_text = self.source()
        return bool(value.strip()) if is_text else Path(value).is_file()


class SettingsPage(QWizardPage):
    """Detected settings, editable, with the first rows as they will be read."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._task: BackgroundTask | None = None
        self._generation = 0
        self._ready = False
        self.setTitle(self.tr("How the file is read"))
        self.setSubTitle(self.tr("Detected automatically; change anything that looks wrong."))

        self.encoding_combo = QComboBox()
        self.encoding_combo.setObjectName("importEncoding")
        self.encoding_combo.addItem(self.tr("Detect"), None)
        for name in ENCODINGS:
            self.encoding_combo.addItem(name, name)
        self.delimiter_combo = QComboBox()
        self.delimiter_combo.setObjectName("importDelimiter")
        self.delimiter_combo.addItem(self.tr("Detect"), None)
        for value, label in DELIMITERS:
            self.delimiter_combo.addItem(label if value != "\t" else self.tr("Tab"), value)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("importSheet")
        self.header_combo = QComboBox()
        self.header_combo.setObjectName("importHeader")
        self.header_combo.addItem(self.tr("Detect"), None)
        self.header_combo.addItem(self.tr("First row is a header"), True)
        self.header_combo.addItem(self.tr("No header row"), False)
        self.skip_spin = QSpinBox()
        self.skip_spin.setRange(0, 1000)
        self.detected_label = QLabel()
        self.detected_label.setObjectName("importDetected")
        self.error_label = QLabel()
        self.error_label.setObjectName("importPreviewError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        self.preview_model = PreviewModel(self)
        self.preview_view = QTableView()
        self.preview_view.setObjectName("importPreview")
        self.preview_view.setModel(self.preview_model)

        form = QFormLayout()
        form.addRow(self.tr("Encoding:"), self.encoding_combo)
        form.addRow(self.tr("Delimiter:"), self.delimiter_combo)
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        form.addRow(self.tr("Header:"), self.header_combo)
        form.addRow(self.tr("Rows to skip before the header:"), self.skip_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.detected_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.preview_view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.refresh)
        for combo in (
            self.encoding_combo,
            self.delimiter_combo,
            self.sheet_combo,
            self.header_combo,
        ):
            combo.currentIndexChanged.connect(self._debounce.start)
        self.skip_spin.valueChanged.connect(self._debounce.start)

    def encoding(self) -> str | None:
        value = self.encoding_combo.currentData()
        return str(value) if value else None

    def delimiter(self) -> str | None:
        value = self.delimiter_combo.currentData()
        return str(value) if value else None

    def sheet(self) -> str | None:
        return self.sheet_combo.currentText() or None

    def has_header(self) -> bool | None:
        value = self.header_combo.currentData()
        return None if value is None else bool(value)

    def skip_rows(self) -> int:
        return int(self.skip_spin.value())

    def initializePage(self) -> None:
        self.refresh()

    def isComplete(self) -> bool:
        return self._ready

    def refresh(self) -> None:
        """Read the preview again with the current settings (in the background)."""
        self.cancel_running()
        self._ready = False
        self.completeChanged.emit()
        self._generation += 1
        value, is_text = self._wizard.source()
        options = self._wizard.options()
        self.detected_label.setText(self.tr("Reading…"))

        def work(progress: ProgressCallback, cancel: CancelToken) -> Preview:
            del progress, cancel
            return preview_file(value, options, rows=50, text=is_text)

        task = run_in_background(work)
        # Bound slots (not lambdas) so results are delivered in the GUI thread.
        task.worker.result.connect(self._preview_ready)
        task.worker.error.connect(self._preview_failed)
        self._task = task
        task.start()

    def cancel_running(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def _current(self) -> bool:
        """True when the signal comes from the latest preview task."""
        return self._task is not None and self.sender() is self._task.worker

    @Slot(object)
    def _preview_ready(self, preview: Preview) -> None:
        if self._current():
            self._show(self._generation, preview)

    @Slot(object)
    def _preview_failed(self, error: BaseException) -> None:
        if self._current():
            self._failed(self._generation, error)

    def _show(self, generation: int, preview: Preview) -> None:
        if generation != self._generation:
            return
        # The saved-mapping lookup reads the store: done here, in the GUI thread.
        use_saved_mapping(self._wizard.context.db, preview.layout)
        self._wizard.preview = preview
        fmt = preview.format
        if fmt.sheets:
            self.sheet_combo.blockSignals(True)
            self.sheet_combo.clear()
            self.sheet_combo.addItems(list(fmt.sheets))
            self.sheet_combo.setCurrentText(fmt.sheet)
            self.sheet_combo.blockSignals(False)
        self.sheet_combo.setEnabled(bool(fmt.sheets))
        self.encoding_combo.setEnabled(fmt.kind == "text" and not self._is_text())
        self.delimiter_combo.setEnabled(fmt.kind == "text")
        delimiter = {"\t": self.tr("Tab")}.get(fmt.delimiter, fmt.delimiter)
        if fmt.kind == "text":
            text = self.tr("Detected: encoding {encoding}, delimiter {delimiter}, {header}.")
        else:
            text = self.tr("Workbook: sheet {sheet}, {header}.")
        header = (
            self.tr("with a header row") if preview.layout.has_header else self.tr("no header row")
        )
        self.detected_label.setText(
            text.format(
                encoding=fmt.encoding or "-", delimiter=delimiter, sheet=fmt.sheet, header=header
            )
        )
        self.preview_model.set_preview(preview.columns, preview.rows)
        mapping = preview.layout.mapping
        marks: dict[int, str] = {}
        if mapping is not None:
            marks[preview.columns.index(mapping.email)] = self.tr("email")
            if mapping.name:
                marks[preview.columns.index(mapping.name)] = self.tr("name")
        self.preview_model.set_marks(marks)
        error = preview.layout.mapping_error
        self.error_label.setText(error_text(error) if error is not None else "")
        self._ready = True
        self.completeChanged.emit()

    def _is_text(self) -> bool:
        return self._wizard.source()[1]

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._wizard.preview = None
        self.preview_model.set_preview([], [])
        self.detected_label.setText("")
        self.error_label.setText(error_text(error))
        self._ready = False
        self.completeChanged.emit()


class MappingPage(QWizardPage):
    """Which column is the address, which the name, which become merge fields."""

    def __init__(self, wizard: ImportWizard) -> None:
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
        form = QFormLayout(self)
        form.addRow(self.tr("Email address:"), self.email_combo)
        form.addRow(self.tr("Recipient name:"), self.name_combo)
        form.addRow(self.tr("Merge fields:"), self.fields_list)
        form.addRow(self.tr("List name:"), self.list_name_edit)
        form.addRow(self.tr("Save this mapping as:"), self.save_mapping_edit)
        form.addRow(self.saved_label)
        # Importing cannot be undone from the wizard: no Back from the result page.
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.email_combo.currentIndexChanged.connect(self.completeChanged)
        self.list_name_edit.textChanged.connect(self.completeChanged)

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
        value, is_text = self._wizard.source()
        if not self.list_name_edit.text():
            self.list_name_edit.setText(self.tr("Pasted list") if is_text else Path(value).stem)
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

    def isComplete(self) -> bool:
        return bool(self.email_combo.currentText()) and bool(self.list_name())


class ResultPage(QWizardPage):
    """Runs the import with progress and cancel, then shows what happened."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._task: BackgroundTask | None = None
        self._done = False
        self.setTitle(self.tr("Import"))
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.cancel_button = QPushButton(self.tr("&Cancel import"))
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(self.cancel_running)
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.counts: dict[str, QLabel] = {}
        grid = QFormLayout()
        for key, label in (
            ("valid", self.tr("Valid:")),
            ("invalid", self.tr("Invalid:")),
            ("duplicates", self.tr("Duplicates:")),
            ("suppressed", self.tr("Suppressed:")),
        ):
            value = QLabel("-")
            value.setObjectName(f"importCount_{key}")
            self.counts[key] = value
            grid.addRow(label, value)
        self.export_button = QPushButton(self.tr("&Export rejected rows…"))
        self.export_button.setObjectName("importExportRejects")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._export_rejects)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addLayout(grid)
        layout.addWidget(self.export_button)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self._done = False
        self._wizard.result = None
        self.export_button.setEnabled(False)
        for label in self.counts.values():
            label.setText("-")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Importing…"))
        value, is_text = self._wizard.source()
        options = self._wizard.options()
        db = self._wizard.context.db

        def work(progress: ProgressCallback, cancel: CancelToken) -> ImportResult:
            return import_file(db, value, options, progress, cancel, text=is_text)

        task = run_with_store(db, work)
        task.worker.progress.connect(self._on_progress)
        task.worker.result.connect(self._on_result)
        task.worker.error.connect(self._on_error)
        task.worker.cancelled.connect(self._on_cancelled)
        task.worker.finished.connect(self._on_finished)
        self._task = task
        task.start()

    def cleanupPage(self) -> None:
        self.cancel_running()

    def cancel_running(self) -> None:
        if self._task is not None and self._task.is_running():
            self._task.cancel()

    def running(self) -> bool:
        return self._task is not None and self._task.is_running()

    def isComplete(self) -> bool:
        return self._done

    @Slot(object)
    def _on_progress(self, report: Progress) -> None:
        if report.total:
            self.progress.setValue(int(1000 * report.done / report.total))
        rows = report.details.get("rows", 0)
        self.status.setText(self.tr("Importing… {rows} rows read").format(rows=f"{rows:,}"))

    @Slot(object)
    def _on_result(self, result: ImportResult) -> None:
        self._wizard.result = result
        self.progress.setValue(1000)
        for key in self.counts:
            self.counts[key].setText(f"{getattr(result, key):,}")
        self.status.setText(
            self.tr("The list \u201c{name}\u201d is ready with {count} recipients.").format(
                name=result.list_name, count=f"{result.valid:,}"
            )
        )
        self.export_button.setEnabled(result.rejected > 0)
        self._wizard.imported.emit(result.list_id)

    @Slot(object)
    def _on_error(self, error: BaseException) -> None:
        self.status.setText(error_text(error))

    @Slot()
    def _on_cancelled(self) -> None:
        self.status.setText(self.tr("Import cancelled. Nothing was saved."))

    @Slot()
    def _on_finished(self) -> None:
        self.cancel_button.setEnabled(False)
        self._done = True
        self.completeChanged.emit()

    def _export_rejects(self) -> None:
        result = self._wizard.result
        if result is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export rejected rows"), "rejects.csv", self.tr("CSV (*.csv)")
        )
        if path:
            self.export_rejects_to(Path(path))

    def export_rejects_to(self, path: Path) -> int:
        assert self._wizard.result is not None
        written = export_rejects(
            self._wizard.context.db, self._wizard.result.list_id, path, qt_translate
        )
        self.status.setText(
            self.tr("{count} rejected rows written to {file}.").format(count=written, file=path)
        )
        return written
