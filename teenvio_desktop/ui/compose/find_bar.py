"""The find and replace bar under the editors.

Enter finds the next match and Shift+Enter the previous one (wrapping around), the count
says "3 of 12", the case and regular-expression toggles apply at once, Escape closes the
bar and gives the focus back to the editor. Plain text is searched as an escaped regular
expression, so both modes share one path: the matches of the whole document are found
once with :class:`QRegularExpression` (positions in UTF-16 units, as the document counts
them) and found again only after the document or the options change. "Replace all" is one
undo step; with regular expressions, ``\\1``…``\\9`` in the replacement insert the groups.
"""

from __future__ import annotations

import bisect
import re

from PySide6.QtCore import QRegularExpression, QRegularExpressionMatch, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from teenvio_desktop.ui.style import icon, set_role
from teenvio_desktop.ui.style.metrics import BUTTON_ICON

MAX_MATCHES = 10_000  # counted and stepped through; more are not counted
RECOUNT_DELAY_MS = 150
_GROUP = re.compile(r"\\(\d)")


def _expand(template: str, match: QRegularExpressionMatch) -> str:
    """``template`` with ``\\1``..``\\9`` (``\\0``: the whole match) replaced by the groups."""
    return _GROUP.sub(lambda group: match.captured(int(group.group(1))), template)


def _icon_button(icon_key: str, tip: str, *, checkable: bool = False) -> QToolButton:
    button = QToolButton()
    button.setIcon(icon(icon_key))
    button.setIconSize(QSize(BUTTON_ICON, BUTTON_ICON))
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setCheckable(checkable)
    button.setAutoRaise(True)
    return button


class FindReplaceBar(QFrame):
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.editor: QPlainTextEdit | None = None
        self._matches: list[tuple[int, int]] | None = None  # (start, end), document order
        self._truncated = False

        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("find_text")
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.find_edit.setAccessibleName(self.tr("Find"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setMinimumWidth(140)
        self.replace_edit = QLineEdit()
        self.replace_edit.setObjectName("replace_text")
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.replace_edit.setAccessibleName(self.tr("Replace with"))
        self.replace_edit.setMinimumWidth(140)
        self.count_label = QLabel()
        self.count_label.setObjectName("find_count")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        widest = self.tr("{current} of {total}").format(current="9999", total="9999+")
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest) + 8)
        self.previous_button = _icon_button("previous", self.tr("Previous match (Shift+Enter)"))
        self.next_button = _icon_button("next", self.tr("Next match (Enter)"))
        self.case_box = _icon_button("match_case", self.tr("Match case"), checkable=True)
        self.regex_box = _icon_button("regex", self.tr("Regular expression"), checkable=True)
        self.close_button = _icon_button("close", self.tr("Close (Esc)"))
        self.replace_button = QPushButton(self.tr("Replace"))
        self.replace_all_button = QPushButton(self.tr("Replace all"))

        find_row = QHBoxLayout()
        find_row.setSpacing(2)
        find_row.addWidget(self.find_edit, 1)
        for widget in (self.count_label, self.previous_button, self.next_button,
                       self.case_box, self.regex_box, self.close_button):  # fmt: skip
            find_row.addWidget(widget)
        replace_row = QHBoxLayout()
        replace_row.setSpacing(4)
        replace_row.addWidget(self.replace_edit, 1)
        replace_row.addWidget(self.replace_button)
        replace_row.addWidget(self.replace_all_button)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setVerticalSpacing(4)
        layout.addLayout(find_row, 0, 0)
        layout.addLayout(replace_row, 1, 0)

        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(RECOUNT_DELAY_MS)
        self._recount.timeout.connect(self._refresh_count)
        self.find_edit.textChanged.connect(self._options_changed)
        self.case_box.toggled.connect(self._options_changed)
        self.regex_box.toggled.connect(self._options_changed)
        self.find_edit.returnPressed.connect(self.find_next)
        self.replace_edit.returnPressed.connect(self.replace_one)
        previous = QShortcut(QKeySequence("Shift+Return"), self.find_edit, self.find_previous)
        previous.setContext(Qt.ShortcutContext.WidgetShortcut)
        previous_enter = QShortcut(QKeySequence("Shift+Enter"), self.find_edit, self.find_previous)
        previous_enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close_bar)
        self.hide()

    # -- opening and closing ---------------------------------------------------------------
    def open_for(self, editor: QPlainTextEdit) -> None:
        if self.editor is not editor:
            if self.editor is not None:
                self.editor.document().contentsChanged.disconnect(self._document_changed)
            self.editor = editor
            editor.document().contentsChanged.connect(self._document_changed)
            self._matches = None
        selected = editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(
                QRegularExpression.escape(selected) if self.regex_box.isChecked() else selected
            )
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self._refresh_count()

    def close_bar(self) -> None:
        self.hide()
        if self.editor is not None:
            self.editor.setFocus()

    # -- the matches -----------------------------------------------------------------------
    def _options_changed(self, *_args: object) -> None:
        self._matches = None
        self._recount.start()

    def _document_changed(self) -> None:
        self._matches = None
        if self.isVisible():
            self._recount.start()

    def _expression(self) -> QRegularExpression | None:
        needle = self.find_edit.text()
        if not needle:
            return None
        pattern = needle if self.regex_box.isChecked() else QRegularExpression.escape(needle)
        options = QRegularExpression.PatternOption.UseUnicodePropertiesOption
        if not self.case_box.isChecked():
            options |= QRegularExpression.PatternOption.CaseInsensitiveOption
        expression = QRegularExpression(pattern, options)
        return expression if expression.isValid() else None

    def matches(self) -> list[tuple[int, int]]:
        """Every non-empty match as (start, end) document positions (at most MAX_MATCHES)."""
        if self._matches is not None:
            return self._matches
        found: list[tuple[int, int]] = []
        self._truncated = False
        expression = self._expression()
        if expression is not None and self.editor is not None:
            iterator = expression.globalMatch(self.editor.toPlainText())
            while iterator.hasNext():
                match = iterator.next()
                if match.capturedLength() == 0:
                    continue  # an empty match ("^", "a*") selects nothing: skip it
                if len(found) >= MAX_MATCHES:
                    self._truncated = True
                    break
                found.append((match.capturedStart(), match.capturedEnd()))
        self._matches = found
        return found

    def _current_index(self) -> int | None:
        if self.editor is None:
            return None
        cursor = self.editor.textCursor()
        matches = self.matches()
        index = bisect.bisect_left(matches, (cursor.selectionStart(), cursor.selectionEnd()))
        if index < len(matches) and matches[index] == (
            cursor.selectionStart(),
            cursor.selectionEnd(),
        ):
            return index
        return None

    def _refresh_count(self) -> None:
        set_role(self.count_label, "textRole", "muted")
        if not self.find_edit.text():
            self.count_label.clear()
            return
        if self._expression() is None:
            self.count_label.setText(self.tr("Invalid expression"))
            set_role(self.count_label, "textRole", "error")
            return
        matches = self.matches()
        if not matches:
            self.count_label.setText(self.tr("No matches"))
            set_role(self.count_label, "textRole", "error")
            return
        total = self.locale().toString(len(matches)) + ("+" if self._truncated else "")
        index = self._current_index()
        if index is None:
            self.count_label.setText(self.tr("%n match(es)", "", len(matches)))
        else:
            current = self.locale().toString(index + 1)
            self.count_label.setText(
                self.tr("{current} of {total}").format(current=current, total=total)
            )

    # -- finding ---------------------------------------------------------------------------
    def _select(self, match: tuple[int, int]) -> None:
        assert self.editor is not None
        cursor = self.editor.textCursor()
        cursor.setPosition(match[0])
        cursor.setPosition(match[1], QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()

    def _find(self, backward: bool) -> bool:
        self._recount.stop()
        matches = self.matches() if self.editor is not None else []
        if not matches:
            self._refresh_count()
            return False
        assert self.editor is not None
        cursor = self.editor.textCursor()
        if backward:
            index = bisect.bisect_left(matches, (cursor.selectionStart(), -1)) - 1
        else:  # the first match at or after the end of the selection (or the cursor)
            index = bisect.bisect_left(matches, (cursor.selectionEnd(), -1))
        self._select(matches[index % len(matches)])
        self._refresh_count()
        return True

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    # -- replacing -------------------------------------------------------------------------
    def _replacements(self, only_at: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, replacement) for every non-empty match (or the one at ``only_at``);
        with regular expressions ``\\1``..``\\9`` take the groups' text."""
        expression = self._expression()
        if expression is None or self.editor is None:
            return []
        template = self.replace_edit.text()
        groups = self.regex_box.isChecked()
        found: list[tuple[int, int, str]] = []
        iterator = expression.globalMatch(self.editor.toPlainText())
        while iterator.hasNext() and len(found) < MAX_MATCHES:
            match = iterator.next()
            start, end = match.capturedStart(), match.capturedEnd()
            if end == start or (only_at is not None and start != only_at):
                continue
            found.append((start, end, _expand(template, match) if groups else template))
            if only_at is not None:
                break
        return found

    def replace_one(self) -> None:
        index = self._current_index() if self.find_edit.text() else None
        if self.editor is not None and index is not None:
            start, _end = self.matches()[index]
            for _start, _end, replacement in self._replacements(only_at=start):
                self.editor.textCursor().insertText(replacement)
        self.find_next()

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns the number replaced."""
        if self.editor is None:
            return 0
        matches = self._replacements()
        if not matches:
            return 0
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        for start, end, replacement in reversed(matches):  # earlier positions stay valid
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement)
        cursor.endEditBlock()
        count = len(matches)
        self._matches = None
        self._refresh_count()
        self.message.emit(self.tr("%n replaced", "", count))
        return count
