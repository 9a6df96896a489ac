"""What the streaming workbook readers share: limits, safe XML parsing, rows as text.

A workbook is a zip of XML parts. Nothing in it is trusted: the declared dimension is
ignored, cells are placed where their own reference says (never further than a sheet
can reach), rows are streamed one at a time and forgotten, every part is read through a
counter that stops at a size limit and checks the cancel flag, and the XML parser (the
standard library's expat, driven by callbacks, so no tree is ever built) refuses DTDs.
"""

from __future__ import annotations

import datetime as dt
import pyexpat
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator
from typing import IO, Any

from teenvio_desktop.core.errors import Cancelled
from teenvio_desktop.core.recipients import errors

MAX_COLUMNS = 16_384  # column XFD: the most any spreadsheet program writes
MAX_ROWS = 1_048_576
MAX_PART_BYTES = 4 << 30  # uncompressed XML of one sheet
MAX_SMALL_PART_BYTES = 64 << 20  # workbook.xml, relationships, styles
MAX_SHARED_TEXT = 512 << 20  # characters of the shared-strings table, held in memory
MAX_SHARED_STRINGS = 8_000_000
MAX_CELL_CHARS = 1 << 20
CHUNK_BYTES = 1 << 16

CancelCheck = Callable[[], bool]


def never_cancelled() -> bool:
    return False


class BoundedPart:
    """A zip member read as a stream: at most ``limit`` bytes, cancellable between reads."""

    def __init__(
        self,
        archive: zipfile.ZipFile,
        name: str,
        source: str,
        limit: int,
        cancelled: CancelCheck = never_cancelled,
    ) -> None:
        self.info = archive.getinfo(name)
        self.source = source
        self._limit = limit
        self._cancelled = cancelled
        self.read_bytes = 0
        try:
            self._stream: IO[bytes] = archive.open(self.info)
        except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError) as exc:
            raise errors.unreadable_spreadsheet(source, str(exc)) from exc

    def read(self, size: int = CHUNK_BYTES) -> bytes:
        if self._cancelled():
            raise Cancelled()
        try:
            data = self._stream.read(min(max(size, 1), CHUNK_BYTES))
        except Exception as exc:  # zlib.error, BadZipFile (CRC), EOFError: a damaged member
            raise errors.unreadable_spreadsheet(self.source, str(exc)) from exc
        self.read_bytes += len(data)
        if self.read_bytes > self._limit:
            raise errors.part_too_large(self.source, self.info.filename, self._limit >> 20)
        return data

    def close(self) -> None:
        self._stream.close()


def read_small_part(archive: zipfile.ZipFile, name: str, source: str) -> ET.Element:
    """A small part (workbook, relationships, styles) parsed whole, bounded, without DTDs."""
    part = BoundedPart(archive, name, source, MAX_SMALL_PART_BYTES)
    try:
        chunks = []
        while chunk := part.read():
            chunks.append(chunk)
    finally:
        part.close()
    data = b"".join(chunks)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise errors.unreadable_spreadsheet(source, f"{name}: DTD")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise errors.unreadable_spreadsheet(source, f"{name}: {exc}") from exc


def local_name(tag: str) -> str:
    return tag[tag.rfind("}") + 1 :]


def stream_parser(source: str) -> Any:
    """An expat parser reporting ``namespace}local`` names, refusing any DTD."""
    parser = pyexpat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True

    def refuse(*_args: object) -> None:
        raise errors.unreadable_spreadsheet(source, "DTD")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    return parser


def feed(parser: Any, part: BoundedPart, ready: list[Any]) -> Iterator[Any]:
    """Feed ``part`` to ``parser`` chunk by chunk, yielding what the handlers put in
    ``ready`` after each chunk (so only one chunk's rows are ever held)."""
    try:
        while True:
            chunk = part.read()
            parser.Parse(chunk, not chunk)
            if ready:
                yield from ready
                ready.clear()
            if not chunk:
                return
    except pyexpat.ExpatError as exc:
        raise errors.unreadable_spreadsheet(part.source, str(exc)) from exc
    finally:
        part.close()


class TextBuffer:
    """Character data of the element being read, at most :data:`MAX_CELL_CHARS`."""

    def __init__(self, source: str) -> None:
        self._source = source
        self._parts: list[str] = []
        self._size = 0
        self.active = False

    def start(self) -> None:
        self._parts, self._size, self.active = [], 0, True

    def add(self, text: str) -> None:
        if self.active:
            self._size += len(text)
            if self._size > MAX_CELL_CHARS:
                raise errors.cell_too_large(self._source, MAX_CELL_CHARS)
            self._parts.append(text)

    def take(self) -> str:
        self.active = False
        text = "".join(self._parts)
        self._parts = []
        return text


def small_index(text: str | None) -> int:
    """A small non-negative integer attribute, or -1 (never a huge or foreign number)."""
    if text and len(text) <= 9 and text.isascii() and text.isdigit():
        return int(text)
    return -1


def column_index(letters: str) -> int:
    """0-based index of a column reference such as "A" or "XFD" (-1 when invalid)."""
    if not 0 < len(letters) <= 3:
        return -1
    index = 0
    for char in letters:
        code = ord(char) - 64
        if not 1 <= code <= 26:
            return -1
        index = index * 26 + code
    return index - 1 if index <= MAX_COLUMNS else -1


def number_text(value: float) -> str:
    """A number as a person sees it: 600123456, not 600123456.0."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


_EPOCH_1900 = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)


def serial_date_text(serial: float, date1904: bool) -> str | None:
    """A spreadsheet date serial as ISO text (date, time or both); None if out of range."""
    if not 0 <= serial < 2_958_466:  # up to the year 9999
        return None
    if date1904:
        moment = _EPOCH_1904 + dt.timedelta(days=serial)
    elif serial < 60:  # before the 29 February 1900 that Excel counts but never was
        moment = _EPOCH_1900 + dt.timedelta(days=serial + 1)
    else:
        moment = _EPOCH_1900 + dt.timedelta(days=serial)
    moment = moment.replace(microsecond=0) + dt.timedelta(seconds=round(moment.microsecond / 1e6))
    if serial < 1 and not date1904:
        return moment.time().isoformat()
    if moment.time() == dt.time(0):
        return moment.date().isoformat()
    return moment.isoformat()


class SheetRows:
    """Rows of one sheet as lists of strings, numbered like ``csv.reader.line_num``.

    ``rows`` yields ``(row_number, cells)`` with row numbers increasing (1-based, gaps
    allowed); the gaps become empty rows here so that ``line_num`` is always the sheet's
    row number.
    """

    def __init__(self, rows: Iterator[tuple[int, list[str]]]) -> None:
        self._rows = rows
        self._pending: tuple[int, list[str]] | None = None
        self.line_num = 0

    def __iter__(self) -> SheetRows:
        return self

    def __next__(self) -> list[str]:
        if self._pending is None:
            number, cells = next(self._rows)  # StopIteration ends the sheet
            self._pending = (max(number, self.line_num + 1), cells)
        self.line_num += 1
        if self._pending[0] > self.line_num:
            return []
        row = self._pending[1]
        self._pending = None
        return row


def place(row: list[str], column: int, text: str, source: str) -> None:
    """Put ``text`` at ``column`` of ``row``, padding with empty cells."""
    if column >= len(row):
        if column >= MAX_COLUMNS:
            raise errors.too_many_columns(source, MAX_COLUMNS)
        row.extend([""] * (column - len(row)))
        row.append(text)
    else:
        row[column] = text
