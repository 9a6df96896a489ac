"""From a place the core reports (1-based line and column, in characters) to Qt's cursor.

The core counts Unicode characters; Qt counts UTF-16 code units, so every character
outside the Basic Multilingual Plane (most emoji) counts twice in Qt. Lines are the
editor's blocks: the core splits lines at "\\n" only, as ``toPlainText`` joins blocks.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def position_of(document: QTextDocument, line: int, column: int) -> int:
    """Qt's position for ``line``/``column`` (clamped to the document and the line)."""
    block = document.findBlockByNumber(max(0, min(line, document.blockCount()) - 1))
    text = block.text()  # a Python string: indexed by character, like the core
    prefix = text[: max(0, min(column - 1, len(text)))]
    return block.position() + utf16_length(prefix)


def line_and_column(editor: QPlainTextEdit) -> tuple[int, int]:
    """The cursor's 1-based line and column, in characters (the core's way of counting)."""
    cursor = editor.textCursor()
    block = cursor.block()
    units = cursor.position() - block.position()
    text = block.text()
    column, counted = 0, 0
    while counted < units and column < len(text):
        counted += 2 if ord(text[column]) > 0xFFFF else 1
        column += 1
    return block.blockNumber() + 1, column + 1


def go_to(editor: QPlainTextEdit, line: int, column: int = 1) -> None:
    """Put the cursor at ``line``/``column``, show it in the middle, and focus the editor."""
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position_of(editor.document(), line, column))
    editor.setTextCursor(cursor)
    editor.centerCursor()
    editor.setFocus()
