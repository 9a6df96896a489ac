"""HTML syntax colouring that stays cheap on half-megabyte documents.

Qt re-highlights only the edited block (line) and the ones after it whose state changed,
so the per-line work must be small: a handful of precompiled expressions, and no
colouring at all for pathological single lines (minified HTML), which would otherwise be
re-scanned in full on every keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from teenvio_desktop.ui.style import SchemeColors, colors

MAX_HIGHLIGHTED_LINE = 20_000
_IN_COMMENT = 1


def _format(color: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


_TAG = QRegularExpression(r"</?[A-Za-z][\w:-]*|/?>")
_ATTRIBUTE = QRegularExpression(r"\s[A-Za-z_:][\w:.-]*(?==)")
_STRING = QRegularExpression(r"\"[^\"]*\"|'[^']*'")
_ENTITY = QRegularExpression(r"&[#\w]+;")
_MERGE_FIELD = QRegularExpression(r"\{\{[^}]*\}\}")


class HtmlHighlighter(QSyntaxHighlighter):
    """Colours from the scheme in use; :meth:`use_colors` re-colours after a scheme change."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._comment_start = QRegularExpression(r"<!--")
        self._comment_end = QRegularExpression(r"-->")
        self._scheme: SchemeColors | None = None
        self._set_formats(colors())

    def _set_formats(self, c: SchemeColors) -> None:
        self._scheme = c
        self._rules = [
            (_TAG, _format(c.syntax_tag, bold=True)),
            (_ATTRIBUTE, _format(c.syntax_attribute)),
            (_STRING, _format(c.syntax_string)),
            (_ENTITY, _format(c.syntax_entity)),
            (_MERGE_FIELD, _format(c.syntax_merge_field, bold=True)),
        ]
        self._comment = _format(c.syntax_comment, italic=True)

    def use_colors(self, c: SchemeColors) -> None:
        """Colour with ``c`` from now on, and re-colour the document if they changed."""
        if c != self._scheme:
            self._set_formats(c)
            self.rehighlight()

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
