"""HTML syntax colouring that stays cheap on half-megabyte documents.

Qt re-highlights only the edited block (line) and the ones after it whose state changed,
so the per-line work must be small: a handful of precompiled expressions, and no
colouring at all for pathological single lines (minified HTML), which would otherwise be
re-scanned in full on every keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

MAX_HIGHLIGHTED_LINE = 20_000
_IN_COMMENT = 1


def _format(color: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


class HtmlHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._rules = [
            (QRegularExpression(r"</?[A-Za-z][\w:-]*|/?>"), _format("#1f5fbf", bold=True)),
            (QRegularExpression(r"\s[A-Za-z_:][\w:.-]*(?==)"), _format("#8a4baf")),
            (QRegularExpression(r"\"[^\"]*\"|'[^']*'"), _format("#2e7d32")),
            (QRegularExpression(r"&[#\w]+;"), _format("#b26a00")),
            (QRegularExpression(r"\{\{[^}]*\}\}"), _format("#c62828", bold=True)),
        ]
        self._comment = _format("#757575", italic=True)
        self._comment_start = QRegularExpression(r"<!--")
        self._comment_end = QRegularExpression(r"-->")

    def highlightBlock(self, text: str) -> None:
        self.setCurrentBlockState(0)
        if len(text) > MAX_HIGHLIGHTED_LINE:
            self.setCurrentBlockState(self.previousBlockState())
            return
        for expression, fmt in self._rules:
            matches = expression.globalMatch(text)
            while matches.hasNext():
                match = matches.next()
                self.setFormat(match.capturedStart(), match.capturedLength(), fmt)
        self._highlight_comments(text)

    def _highlight_comments(self, text: str) -> None:
        start = 0
        if self.previousBlockState() != _IN_COMMENT:
            match = self._comment_start.match(text)
            start = match.capturedStart() if match.hasMatch() else -1
        while start >= 0:
            end_match = self._comment_end.match(text, start)
            if end_match.hasMatch():
                length = end_match.capturedEnd() - start
            else:
                self.setCurrentBlockState(_IN_COMMENT)
                length = len(text) - start
            self.setFormat(start, length, self._comment)
            next_match = self._comment_start.match(text, start + length)
            start = next_match.capturedStart() if next_match.hasMatch() else -1
