"""The import wizard's second page: how the file is read, with the first rows as read."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from teenvio_desktop.core.recipients import Preview, preview_file
from teenvio_desktop.core.recipients.importer import use_saved_mapping
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback
from teenvio_desktop.ui.latest import LatestRequest
from teenvio_desktop.ui.recipients.preview_model import PreviewModel
from teenvio_desktop.ui.recipients.wizard_base import ImportWizardBase
from teenvio_desktop.ui.style import set_role
from teenvio_desktop.ui.translation import error_text

ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be")
DELIMITERS = ((",", ","), (";", ";"), ("\t", "Tab"), ("|", "|"))


class SettingsPage(QWizardPage):
    """Detected settings, editable, with the first rows as they will be read."""

    def __init__(self, wizard: ImportWizardBase) -> None:
        super().__init__()
        self._wizard = wizard
        self._ready = False
        # Only the preview for the newest settings is shown.
        self._previews = LatestRequest(self)
        self._previews.result.connect(self._show)
        self._previews.error.connect(self._failed)
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
        set_role(self.error_label, "textRole", "error")  # readable in light and dark
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
        self._ready = False
        self.completeChanged.emit()
        value, is_text = self._wizard.source()
        options = self._wizard.import_options()
        self.detected_label.setText(self.tr("Reading…"))

        def work(progress: ProgressCallback, cancel: CancelToken) -> Preview:
            del progress
            cancel.raise_if_cancelled()
            return preview_file(value, options, rows=50, text=is_text)

        self._previews.submit(work)

    def cancel_running(self) -> None:
        self._previews.cancel()

    def _show(self, preview: Preview) -> None:
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

    def _failed(self, error: BaseException) -> None:
        self._wizard.preview = None
        self.preview_model.set_preview([], [])
        self.detected_label.setText("")
        self.error_label.setText(error_text(error))
        self._ready = False
        self.completeChanged.emit()
