"""The HTML, MJML and plain-text editors in tabs, with the shared find/replace bar.

A campaign written in MJML hides the HTML tab: its HTML part is the compiled MJML,
shown read-only beside the source in the MJML tab.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from teenvio_desktop.ui.compose.code_editor import CodeEditor
from teenvio_desktop.ui.compose.find_bar import FindReplaceBar
from teenvio_desktop.ui.compose.highlighter import HtmlHighlighter
from teenvio_desktop.ui.compose.mjml_panel import MjmlPanel
from teenvio_desktop.ui.style import colors, is_palette_change

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp"}


class HtmlEditor(CodeEditor):
    """Dropping image files inserts them as inline ``cid:`` images."""

    images_dropped = Signal(list)  # list[Path]

    def _image_paths(self, source: QMimeData) -> list[Path]:
        if not source.hasUrls():
            return []
        paths = [Path(u.toLocalFile()) for u in source.urls() if u.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in IMAGE_SUFFIXES]

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return bool(self._image_paths(source)) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        paths = self._image_paths(source)
        if paths:
            self.images_dropped.emit(paths)
        else:
            super().insertFromMimeData(source)


class EditorTabs(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.html_editor = HtmlEditor()
        self.html_editor.setObjectName("html_editor")
        self.html_editor.setAccessibleName(self.tr("HTML source"))
        self.highlighter = HtmlHighlighter(self.html_editor.document())
        self.text_editor = CodeEditor()
        self.text_editor.setObjectName("text_editor")
        self.text_editor.setLineWrapMode(CodeEditor.LineWrapMode.WidgetWidth)
        self.html_editor.setAccessibleName(self.tr("HTML part"))
        self.text_editor.setAccessibleName(self.tr("Plain-text part"))
        self.mjml = MjmlPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.html_editor, self.tr("HTML"))
        self.tabs.addTab(self.mjml, self.tr("MJML"))
        self.tabs.addTab(self.text_editor, self.tr("Plain text"))
        self.find_bar = FindReplaceBar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.find_bar)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_palette_change(event):
            for highlighter in (self.highlighter, self.mjml.highlighter):
                highlighter.use_colors(colors())

    def current_editor(self) -> CodeEditor:
        widget = self.tabs.currentWidget()
        if widget is self.mjml:
            compiled = self.mjml.compiled_view
            return compiled if compiled.hasFocus() else self.mjml.editor
        assert isinstance(widget, CodeEditor)
        return widget

    def is_mjml(self) -> bool:
        return self.mjml.is_active()

    def set_mjml(self, active: bool) -> None:
        """Show the editors of an MJML campaign (MJML tab, no HTML tab) or an HTML one."""
        self.tabs.setTabVisible(self.tabs.indexOf(self.html_editor), not active)
        if active and self.tabs.currentWidget() is self.html_editor:
            self.tabs.setCurrentWidget(self.mjml)
        elif not active and self.tabs.currentWidget() is self.mjml:
            self.tabs.setCurrentWidget(self.html_editor)

    def html_view(self) -> CodeEditor:
        """Where the campaign's HTML part is shown: its editor, or the compiled MJML."""
        return self.mjml.compiled_view if self.mjml.is_active() else self.html_editor

    def show_html_view(self) -> CodeEditor:
        view = self.html_view()
        self.tabs.setCurrentWidget(self.mjml if view is self.mjml.compiled_view else view)
        return view

    def open_find(self) -> None:
        self.find_bar.open_for(self.current_editor())

    def undo(self) -> None:
        self.current_editor().undo()

    def redo(self) -> None:
        self.current_editor().redo()
