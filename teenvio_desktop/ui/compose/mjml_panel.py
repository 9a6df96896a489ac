"""The MJML tab: the MJML source beside the HTML it compiles to (read-only).

A campaign is written either in HTML or in MJML. In MJML, the HTML part is MRML's output:
the preview and every check use it, the HTML tab is hidden, and this tab shows both.
A compile error names its line; "Go to line" puts the cursor there (typing is never
interrupted by a jump). The compile itself runs with the preview, off the GUI thread;
:meth:`MjmlPanel.compiled_html` compiles here only when asked before that finished.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.compose.preview import compiled_mjml
from teenvio_desktop.core.mjml import MjmlCompileError, MjmlOutput
from teenvio_desktop.ui.compose.code_editor import CodeEditor
from teenvio_desktop.ui.compose.editor_positions import go_to
from teenvio_desktop.ui.compose.highlighter import HtmlHighlighter
from teenvio_desktop.ui.style import icon

SKELETON = """<mjml>
  <mj-head>
    <mj-title></mj-title>
  </mj-head>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>
        </mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
"""


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class MjmlPanel(QWidget):
    edited = Signal()  # the user changed the MJML source
    start_requested = Signal()  # "Write in MJML"
    leave_requested = Signal()  # "Edit as HTML instead"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._active = False
        self._loading = False
        self._compiled_source: str | None = None
        self._output: MjmlOutput | None = None
        self._error: MjmlCompileError | None = None
        self._last_html = ""  # the last HTML that compiled (kept while the MJML is broken)
        self._view_stale = False

        self.editor = CodeEditor()
        self.editor.setObjectName("mjml_editor")
        self.editor.setAccessibleName(self.tr("MJML source"))
        self.highlighter = HtmlHighlighter(self.editor.document())
        self.compiled_view = CodeEditor()
        self.compiled_view.setObjectName("mjml_compiled")
        self.compiled_view.setReadOnly(True)
        self.compiled_view.setAccessibleName(self.tr("Compiled HTML (read-only)"))
        self.editor.textChanged.connect(self._on_text_changed)

        self.problem_icon = QLabel()
        # "Line 3, column 5" is a link: activating it puts the cursor there.
        self.problem_text = QLabel()
        self.problem_text.setObjectName("mjml_problem")
        self.problem_text.setAccessibleName(self.tr("MJML compile result"))
        self.problem_text.setWordWrap(True)
        self.problem_text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.problem_text.setTextFormat(Qt.TextFormat.RichText)
        self.problem_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.problem_text.linkActivated.connect(lambda _link: self.go_to_problem_line())
        self.more_button = QToolButton()
        self.more_button.setObjectName("mjml_more")
        self.more_button.setText(self.tr("MJML"))
        self.more_button.setAccessibleName(self.tr("MJML commands"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.more_button)
        self.go_to_problem = menu.addAction(self.tr("Go to the problem's line"))
        self.go_to_problem.triggered.connect(self.go_to_problem_line)
        self.leave_action = menu.addAction(self.tr("Edit as HTML instead"))
        self.leave_action.setToolTip(
            self.tr("Keep the compiled HTML as the HTML part and stop using MJML.")
        )
        self.leave_action.triggered.connect(self.leave_requested)
        self.more_button.setMenu(menu)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.problem_icon)
        bar.addWidget(self.problem_text, 1)
        bar.addWidget(self.more_button)

        source_title = QLabel(self.tr("MJML"))
        compiled_title = QLabel(self.tr("Compiled HTML (read-only)"))
        source_box, compiled_box = QWidget(), QWidget()
        for box, title, editor in (
            (source_box, source_title, self.editor),
            (compiled_box, compiled_title, self.compiled_view),
        ):
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(title)
            column.addWidget(editor, 1)
            title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            title.setWordWrap(True)
            editor.setMinimumWidth(60)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(source_box)
        self.splitter.addWidget(compiled_box)
        self.splitter.setChildrenCollapsible(False)
        editing = QWidget()
        editing_layout = QVBoxLayout(editing)
        editing_layout.setContentsMargins(0, 0, 0, 0)
        editing_layout.addLayout(bar)
        editing_layout.addWidget(self.splitter, 1)

        intro = QLabel(
            self.tr(
                "Write the HTML part in MJML, the markup most email developers use for "
                "responsive layouts. It is compiled on this computer as you type; the "
                "preview and every check use the compiled HTML."
            )
        )
        intro.setWordWrap(True)
        self.start_button = QPushButton(icon("mjml"), self.tr("Write in MJML"))
        self.start_button.setObjectName("mjml_start")
        self.start_button.setAccessibleName(self.tr("Write in MJML"))
        self.start_button.clicked.connect(self.start_requested)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addWidget(intro)
        empty_layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(empty)
        self.pages.addWidget(editing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._show_problem()

    # -- the campaign's MJML -----------------------------------------------------------------
    def is_active(self) -> bool:
        return self._active

    def source(self) -> str:
        return self.editor.toPlainText() if self._active else ""

    def load(self, source: str, html: str = "") -> None:
        """Show a campaign written in MJML (``html``: its compiled HTML, if known)."""
        self._active = True
        self._last_html = html
        self._loading = True
        try:
            self.editor.setPlainText(source)
        finally:
            self._loading = False
        self.pages.setCurrentIndex(1)
        self._remember(source, compiled_mjml(source) if source.strip() else None)

    def start(self, source: str = SKELETON) -> None:
        """Begin writing in MJML (a typed change: the campaign is edited)."""
        self.load("", "")
        self.editor.setPlainText(source)  # emits edited
        self.editor.setFocus()

    def deactivate(self) -> None:
        self._active = False
        self._loading = True
        try:
            self.editor.clear()
            self.compiled_view.clear()
        finally:
            self._loading = False
        self._compiled_source, self._output, self._error, self._last_html = None, None, None, ""
        self.pages.setCurrentIndex(0)
        self._show_problem()

    def compiled_html(self) -> str:
        """The HTML part: the current source compiled, or the last HTML that compiled."""
        source = self.source()
        if source != self._compiled_source:
            self._remember(source, compiled_mjml(source) if source.strip() else None)
        return self._last_html

    def compiled_html_known(self) -> str:
        """The last HTML that compiled, without compiling here (the preview's job does)."""
        return self._last_html

    def error(self) -> MjmlCompileError | None:
        return self._error if self._active else None

    def show_compiled(self, source: str, result: MjmlOutput | MjmlCompileError | None) -> None:
        """A compile finished (in the preview's job): show its HTML or its error."""
        if self._active and source == self.source():
            self._remember(source, result)

    # -- showing ---------------------------------------------------------------------------
    def _remember(self, source: str, result: MjmlOutput | MjmlCompileError | None) -> None:
        self._compiled_source = source
        if isinstance(result, MjmlCompileError):
            self._error = result
        else:
            self._error = None
            self._output = result
            self._last_html = result.html if result is not None else ""
            self._view_stale = True
            if self.compiled_view.isVisible():
                self._refresh_view()
        self._show_problem()

    def _refresh_view(self) -> None:
        self._view_stale = False
        if self.compiled_view.toPlainText() != self._last_html:
            scroll = self.compiled_view.verticalScrollBar().value()
            self.compiled_view.setPlainText(self._last_html)
            self.compiled_view.verticalScrollBar().setValue(scroll)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._view_stale:
            self._refresh_view()

    def _show_problem(self) -> None:
        style = self.style()
        selections: list[QTextEdit.ExtraSelection] = []
        if self._error is not None:
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
            text = self._error.located(_translate)
            line = self._error.line
            selections = self._mark_line(line) if line is not None else []
        elif self._output is not None and self._output.warnings:
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            first = self._output.warnings[0]
            text = first.located(_translate)
            more = len(self._output.warnings) - 1
            if more:
                text += " " + self.tr("(and %n more warning(s))", "", more)
            line = first.line
        else:
            self.problem_icon.clear()
            self.problem_text.setText(html.escape(self.tr("Compiled without errors.")))
            self.go_to_problem.setEnabled(False)
            self.editor.setExtraSelections([])
            return
        size = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.problem_icon.setPixmap(icon.pixmap(size, size))
        where, _colon, why = text.partition(": ")
        if line is not None and why:
            text = f'<a href="#line">{html.escape(where)}</a>: {html.escape(why)}'
        else:
            text = html.escape(text)
        self.problem_text.setText(text.replace("\n", "<br>"))
        self.go_to_problem.setEnabled(line is not None)
        self.editor.setExtraSelections(selections)

    def _mark_line(self, line: int) -> list[QTextEdit.ExtraSelection]:
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.format = fmt
        cursor = QTextCursor(self.editor.document().findBlockByNumber(max(0, line - 1)))
        cursor.select(QTextCursor.SelectionType.LineUnderCursor)
        selection.cursor = cursor
        return [selection]

    def problem_line(self) -> tuple[int, int] | None:
        if self._error is not None and self._error.line is not None:
            return self._error.line, self._error.column or 1
        if self._output is not None and self._output.warnings:
            first = self._output.warnings[0]
            return first.line, first.column
        return None

    def go_to_problem_line(self) -> None:
        where = self.problem_line()
        if where is not None:
            go_to(self.editor, *where)

    def _on_text_changed(self) -> None:
        if not self._loading and self._active:
            self.edited.emit()
