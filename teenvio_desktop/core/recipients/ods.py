"""Streaming an OpenDocument spreadsheet (ODS): one row of the chosen sheet at a time.

ODS compresses runs of equal rows and cells with ``number-rows-repeated`` and
``number-columns-repeated``; programs write a million repeated empty rows and thousands
of repeated empty cells after the data. Empty runs only move the position here; a run
with content is expanded, but never past the last row or column a sheet can have.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import timedelta

from teenvio_desktop.core.recipients import errors
from teenvio_desktop.core.recipients.sheets import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_PART_BYTES,
    MAX_ROWS,
    BoundedPart,
    CancelCheck,
    feed,
    number_text,
    stream_parser,
)

CONTENT = "content.xml"
MAX_SHEETS = 10_000
MAX_EXPANDED_CELLS = 64_000_000  # cells a sheet may unfold into from repeated rows
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
SHEET, ROW, CELL, PARAGRAPH, SPACE, TAB, BREAK = range(7)
_TAGS = {
    _TABLE + "table": SHEET,
    _TABLE + "table-row": ROW,
    _TABLE + "table-cell": CELL,
    _TABLE + "covered-table-cell": CELL,
    _TEXT + "p": PARAGRAPH,
    _TEXT + "h": PARAGRAPH,
    _TEXT + "s": SPACE,
    _TEXT + "tab": TAB,
    _TEXT + "line-break": BREAK,
}
_NAME = _TABLE + "name"
_ROWS_REPEATED = _TABLE + "number-rows-repeated"
_COLUMNS_REPEATED = _TABLE + "number-columns-repeated"
_VALUE_TYPE = _OFFICE + "value-type"
_DURATION = re.compile(
    r"-?P(?:(\d{1,9})D)?T?(?:(\d{1,9})H)?(?:(\d{1,9})M)?(?:(\d{1,9}(?:\.\d+)?)S)?\Z"
)


class _Finished(Exception):
    """The chosen sheet has been read: stop parsing the rest of the document."""


def _repeat(attrs: dict[str, str], name: str) -> int:
    raw = attrs.get(name, "1")
    return int(raw) if 0 < len(raw) <= 9 and raw.isascii() and raw.isdigit() else 1


def sheet_names(archive: zipfile.ZipFile, source: str, cancelled: CancelCheck) -> list[str]:
    """The sheets' names in document order (one quick pass over the content)."""
    names: list[str] = []
    parser = stream_parser(source)

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == _TABLE + "table":
            if len(names) >= MAX_SHEETS:
                raise errors.unreadable_spreadsheet(source, "too many sheets")
            names.append(attrs.get(_NAME) or f"Sheet{len(names) + 1}")

    parser.StartElementHandler = start
    part = BoundedPart(archive, CONTENT, source, MAX_PART_BYTES, cancelled)
    for _nothing in feed(parser, part, []):
        pass
    return names


def iter_sheet_rows(
    archive: zipfile.ZipFile, source: str, sheet_index: int, cancelled: CancelCheck
) -> tuple[BoundedPart, Iterator[tuple[int, list[str]]]]:
    """The content part (for progress) and the chosen sheet's non-empty rows as
    ``(row number, cells)``."""
    part = BoundedPart(archive, CONTENT, source, MAX_PART_BYTES, cancelled)
    handlers = _SheetHandlers(source, sheet_index)
    parser = stream_parser(source)
    parser.StartElementHandler = handlers.start
    parser.EndElementHandler = handlers.end
    parser.CharacterDataHandler = handlers.characters

    def runs() -> Iterator[tuple[int, list[str], int]]:
        try:
            yield from feed(parser, part, handlers.ready)
        except _Finished:
            yield from handlers.ready

    def rows() -> Iterator[tuple[int, list[str]]]:
        for first, cells, repeat in runs():
            for number in range(first, first + repeat - 1):
                yield number, list(cells)  # copies: the importer edits rows in place
            yield first + repeat - 1, cells

    return part, rows()


class _SheetHandlers:
    """expat callbacks for ``content.xml``: rows of the sheet at ``sheet_index``."""

    def __init__(self, source: str, sheet_index: int) -> None:
        self.source = source
        self.wanted = sheet_index
        self.sheet = -1
        self.reading = False
        self.ready: list[tuple[int, list[str], int]] = []  # (first row, cells, repeat)
        self.expanded = 0
        self.row_number = 0
        self.rows_repeated = 1
        self.cells: list[str] = []
        self.column = 0
        self.in_cell = False
        self.cell_attrs: dict[str, str] = {}
        self.text: list[str] = []
        self.size = 0
        self.paragraphs = 0

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        code = _TAGS.get(tag)
        if code is None or not (self.reading or code == SHEET):
            return
        if code == CELL:
            self.in_cell, self.cell_attrs = True, attrs
            self.text, self.size, self.paragraphs = [], 0, 0
        elif code == ROW:
            self.rows_repeated = _repeat(attrs, _ROWS_REPEATED)
            self.cells, self.column = [], 0
        elif code == SHEET:
            self.sheet += 1
            self.reading = self.sheet == self.wanted
        elif self.in_cell:
            if code == PARAGRAPH:
                if self.paragraphs:
                    self._add("\n")
                self.paragraphs += 1
            elif code == SPACE:
                self._add(" " * min(_repeat(attrs, _TEXT + "c"), MAX_CELL_CHARS + 1))
            elif code == TAB:
                self._add("\t")
            elif code == BREAK:
                self._add("\n")

    def characters(self, text: str) -> None:
        if self.in_cell and self.paragraphs:
            self._add(text)

    def _add(self, text: str) -> None:
        self.size += len(text)
        if self.size > MAX_CELL_CHARS:
            raise errors.cell_too_large(self.source, MAX_CELL_CHARS)
        self.text.append(text)

    def end(self, tag: str) -> None:
        code = _TAGS.get(tag)
        if code is None or not self.reading:
            return
        if code == CELL:
            self.in_cell = False
            repeat = _repeat(self.cell_attrs, _COLUMNS_REPEATED)
            shown = _cell_text(self.cell_attrs, self.text)
            if shown:
                if self.column + repeat > MAX_COLUMNS:
                    raise errors.too_many_columns(self.source, MAX_COLUMNS)
                if self.column > len(self.cells):
                    self.cells.extend([""] * (self.column - len(self.cells)))
                self.cells.extend([shown] * repeat)
            self.column += repeat
        elif code == ROW:
            first = self.row_number + 1
            self.row_number += self.rows_repeated
            if self.cells:
                if self.row_number > MAX_ROWS:
                    raise errors.too_many_rows(self.source, MAX_ROWS)
                self.expanded += len(self.cells) * self.rows_repeated
                if self.expanded > MAX_EXPANDED_CELLS:
                    raise errors.sheet_too_large(self.source, MAX_EXPANDED_CELLS)
                self.ready.append((first, self.cells, self.rows_repeated))
        elif code == SHEET:
            raise _Finished()


def _cell_text(attrs: dict[str, str], text: list[str]) -> str:
    """A cell as the text a person sees (typed values from their attributes)."""
    kind = attrs.get(_VALUE_TYPE, "")
    if kind in ("float", "percentage", "currency"):
        try:
            return number_text(float(attrs.get(_OFFICE + "value", "")))
        except ValueError:
            pass
    elif kind == "date" and attrs.get(_OFFICE + "date-value"):
        return attrs[_OFFICE + "date-value"]
    elif kind == "time" and attrs.get(_OFFICE + "time-value"):
        return _duration_text(attrs[_OFFICE + "time-value"])
    elif kind == "boolean" and attrs.get(_OFFICE + "boolean-value"):
        return "TRUE" if attrs[_OFFICE + "boolean-value"].lower() == "true" else "FALSE"
    return "".join(text)


def _duration_text(value: str) -> str:
    """ISO 8601 durations (``PT12H30M00S``) as a clock time, or a longer span."""
    match = _DURATION.match(value.strip())
    if match is None:
        return value
    days, hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
    try:
        span = timedelta(days=days, hours=hours, minutes=minutes, seconds=round(seconds))
    except OverflowError:
        return value
    if span < timedelta(days=1):
        total = int(span.total_seconds())
        return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"
    return str(span)


def is_ods(archive: zipfile.ZipFile) -> bool:
    """An OpenDocument spreadsheet (by its declared media type or its content part)."""
    if "mimetype" in archive.NameToInfo and archive.getinfo("mimetype").file_size < 200:
        with archive.open("mimetype") as handle:
            declared = handle.read(200)
        return b"opendocument.spreadsheet" in declared
    return CONTENT in archive.NameToInfo and "xl/workbook.xml" not in archive.NameToInfo
