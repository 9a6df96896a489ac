"""A monospace code editor with line numbers, and the find/replace bar used with it."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)


class _LineNumberArea(QWidget):
    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self._editor.line_number_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._editor.paint_line_numbers(event)


class CodeEditor(QPlainTextEdit):
    """QPlainTextEdit (fast on large documents) with a line-number gutter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 2)
        self._gutter = _LineNumberArea(self)
        self.blockCountChanged.connect(self._update_gutter_width)
        self.updateRequest.connect(self._update_gutter)
        self._update_gutter_width()

    def line_number_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 10 + self.fontMetrics().horizontalAdvance("9") * max(3, digits)

    def _update_gutter_width(self, _count: int = 0) -> None:
        self.setViewportMargins(self.line_number_width(), 0, 0, 0)

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        rect = self.contentsRect()
        self._gutter.setGeometry(
            QRect(rect.left(), rect.top(), self.line_number_width(), rect.height())
        )

    def paint_line_numbers(self, event: QPaintEvent) -> None:
        painter = QPainter(self._gutter)
        painter.fillRect(event.rect(), self.palette().alternateBase())
        painter.setPen(QColor("#888888"))
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        height = self.fontMetrics().height()
        width = self._gutter.width() - 4
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible() and bottom >= event.rect().top():
                painter.drawText(
                    0, top, width, height, Qt.AlignmentFlag.AlignRight, str(number + 1)
                )
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
            number += 1
        painter.end()


class FindReplaceBar(QWidget):
    """Find (Enter / Shift+Enter), replace, replace all; Esc hides it."""

    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor: QPlainTextEdit | None = None
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.replace_edit = QLineEdit()
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.case_box = QCheckBox(self.tr("Match case"))
        self.status = QLabel()
        previous = QPushButton(self.tr("Previous"))
        following = QPushButton(self.tr("Next"))
        replace = QPushButton(self.tr("Replace"))
        replace_all = QPushButton(self.tr("Replace all"))
        close = QPushButton(self.tr("Close"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        for widget in (self.find_edit, previous, following, self.replace_edit, replace,
                       replace_all, self.case_box, self.status, close):  # fmt: skip
            layout.addWidget(widget)
        self.find_edit.returnPressed.connect(self.find_next)
        QShortcut(QKeySequence("Shift+Return"), self.find_edit, self.find_previous)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.hide)
        previous.clicked.connect(self.find_previous)
        following.clicked.connect(self.find_next)
        replace.clicked.connect(self.replace_one)
        replace_all.clicked.connect(self.replace_all)
        close.clicked.connect(self.hide)
        self.hide()

    def open_for(self, editor: QPlainTextEdit) -> None:
        self.editor = editor
        selected = editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case_box.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def _find(self, backward: bool) -> bool:
        needle = self.find_edit.text()
        if self.editor is None or not needle:
            return False
        if self.editor.find(needle, self._flags(backward)):
            self.status.clear()
            return True
        # Wrap around once.
        cursor = self.editor.textCursor()
        cursor.movePosition(
            QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
        )
        self.editor.setTextCursor(cursor)
        found = self.editor.find(needle, self._flags(backward))
        self.status.setText("" if found else self.tr("Not found"))
        return found

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _matches_selection(self) -> bool:
        assert self.editor is not None
        selected = self.editor.textCursor().selectedText()
        needle = self.find_edit.text()
        if self.case_box.isChecked():
            return selected == needle
        return selected.lower() == needle.lower()

    def replace_one(self) -> None:
        if self.editor is None or not self.find_edit.text():
            return
        if self._matches_selection():
            self.editor.textCursor().insertText(self.replace_edit.text())
        self.find_next()

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns the number replaced."""
        if self.editor is None or not self.find_edit.text():
            return 0
        document = self.editor.document()
        needle, replacement = self.find_edit.text(), self.replace_edit.text()
        count = 0
        edit = QTextCursor(document)
        edit.beginEditBlock()
        cursor = document.find(needle, 0, self._flags())
        while not cursor.isNull():
            cursor.insertText(replacement)
            count += 1
            cursor = document.find(needle, cursor, self._flags())
        edit.endEditBlock()
        self.status.setText(self.tr("{count} replaced").format(count=count))
        return count
