"""Rows out of a file or pasted text: delimited text (streamed) or a spreadsheet.

:func:`open_source` looks at the start of the input, settles the format (what it was
told, else what it detects) and returns a :class:`RowSource` whose ``reader`` yields
rows as lists of strings. Text is streamed through ``csv.reader``: a 2 GB file is never
held in memory, and ``position()`` reports the bytes read so far.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from teenvio_desktop.core.recipients import errors
from teenvio_desktop.core.recipients.sniff import (
    MIXED_ERRORS,
    SAMPLE_BYTES,
    BinaryContent,
    detect_delimiter,
    detect_encoding,
    looks_binary,
    mixed_bytes,
)

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls
SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
TEXT_KIND = "text"
SHEET_KIND = "spreadsheet"


@dataclass(frozen=True)
class SourceFormat:
    """How the input is read; what the wizard shows and lets the user change."""

    kind: str  # TEXT_KIND or SHEET_KIND
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    sheets: tuple[str, ...] = ()
    size: int = 0  # bytes of a file, characters of pasted text, rows of a sheet


@dataclass
class RowSource:
    """An open input: ``reader`` yields rows; ``line_num`` the last physical line read."""

    format: SourceFormat
    reader: Iterator[list[str]]
    _position: Any = None
    _close: Any = None
    _lines: Any = None
    sample_rows: list[list[str]] = field(default_factory=list)

    @property
    def line_num(self) -> int:
        return int(self._lines())

    def position(self) -> int:
        """Units of ``format.size`` consumed so far."""
        return int(self._position())

    def close(self) -> None:
        if self._close is not None:
            self._close()

    def __enter__(self) -> RowSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_delimiter(delimiter: str) -> str:
    if delimiter in ("\\t", "tab", "TAB"):
        return "\t"
    if len(delimiter) != 1 or delimiter in '"\r\n':
        raise errors.bad_delimiter(delimiter)
    return delimiter


def _check_encoding(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise errors.unknown_encoding(encoding) from None


def _read_sample(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(SAMPLE_BYTES)
    except OSError as exc:
        raise errors.unreadable_file(str(path), exc.strerror or str(exc)) from exc


def is_spreadsheet(path: Path, sample: bytes) -> bool:
    if sample.startswith((ZIP_MAGIC, OLE_MAGIC)):
        return True
    return path.suffix.lower() in SPREADSHEET_SUFFIXES and sample.strip() != b""


def open_source(
    path: Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> RowSource:
    """Open ``path`` for reading rows, detecting what was not given."""
    sample = _read_sample(path)
    if not sample.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise errors.empty_source(path.name)
    if is_spreadsheet(path, sample):
        return _open_sheet(path, sheet)
    size = os.path.getsize(path)
    if encoding:
        encoding = _check_encoding(encoding)
    else:
        try:
            encoding = detect_encoding(sample)
        except BinaryContent:
            raise errors.binary_file(path.name) from None
    text_sample = sample.decode(encoding, errors=MIXED_ERRORS)
    if looks_binary(text_sample[:65536]):
        raise errors.binary_file(path.name)
    delimiter = (
        _check_delimiter(delimiter) if delimiter else detect_delimiter(text_sample).delimiter
    )
    binary = path.open("rb", buffering=0)
    handle = io.TextIOWrapper(
        io.BufferedReader(binary, buffer_size=1 << 20),
        encoding=encoding,
        errors=MIXED_ERRORS,
        newline="",
    )
    mixed_bytes.count = 0
    return _text_source(
        handle,
        SourceFormat(TEXT_KIND, encoding=encoding, delimiter=delimiter, size=size),
        position=binary.tell,
        sample=text_sample,
    )


def open_text(text: str, *, delimiter: str | None = None) -> RowSource:
    """Rows from pasted text (the clipboard)."""
    if not text.strip():
        raise errors.empty_source("text")
    delimiter = _check_delimiter(delimiter) if delimiter else detect_delimiter(text).delimiter
    handle = io.StringIO(text, newline="")
    return _text_source(
        handle,
        SourceFormat(TEXT_KIND, encoding="", delimiter=delimiter, size=len(text)),
        position=handle.tell,
        sample=text[:SAMPLE_BYTES],
    )


def _text_source(handle: IO[str], fmt: SourceFormat, *, position: Any, sample: str) -> RowSource:
    reader = csv.reader(handle, delimiter=fmt.delimiter)
    sample_rows = _sample_rows(sample, fmt.delimiter)
    return RowSource(
        fmt,
        reader,
        _position=position,
        _close=handle.close,
        _lines=lambda: reader.line_num,
        sample_rows=sample_rows,
    )


def _sample_rows(sample: str, delimiter: str, limit: int = 200) -> list[list[str]]:
    lines = sample.splitlines(keepends=True)
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]
    rows: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO("".join(lines[: limit * 2])), delimiter=delimiter):
            rows.append(row)
            if len(rows) >= limit:
                break
    except csv.Error:
        pass
    return rows


# -- spreadsheets --------------------------------------------------------------------------
def cell_text(value: object) -> str:
    """A cell as the text a person sees: 600123456 not 600123456.0, ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


def sheet_names(path: Path) -> list[str]:
    workbook = _workbook(path)
    try:
        return list(workbook.sheet_names)
    finally:
        workbook.close()


def _workbook(path: Path) -> Any:
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own types for every kind of damage
        raise errors.unreadable_spreadsheet(path.name, str(exc)) from exc


class _SheetReader:
    """Iterates a sheet's rows as strings, counting them like ``csv.reader.line_num``.

    Rows are padded to the sheet's width here, one at a time, and released once read,
    so a large sheet is not copied.
    """

    def __init__(self, rows: list[list[object]], end: int, width: int) -> None:
        self._rows = rows
        self._end = end
        self._width = width
        self.line_num = 0

    def __iter__(self) -> _SheetReader:
        return self

    def __next__(self) -> list[str]:
        if self.line_num >= self._end:
            raise StopIteration
        row = self._rows[self.line_num]
        self._rows[self.line_num] = []
        self.line_num += 1
        cells = [cell_text(v) for v in row]
        if len(cells) < self._width:
            cells += [""] * (self._width - len(cells))
        return cells


def _open_sheet(path: Path, sheet: str | None) -> RowSource:
    workbook = _workbook(path)
    try:
        names = list(workbook.sheet_names)
        if not names:
            raise errors.empty_source(path.name)
        chosen = sheet or names[0]
        if chosen not in names:
            raise errors.unknown_sheet(chosen, ", ".join(names))
        try:
            rows = workbook.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
        except Exception as exc:
            raise errors.unreadable_spreadsheet(path.name, str(exc)) from exc
    finally:
        workbook.close()
    width = max((len(r) for r in rows), default=0)
    end = _content_end(rows)
    if not end:
        raise errors.empty_source(f"{path.name} ({chosen})")
    sample = [[cell_text(v) for v in r] + [""] * (width - len(r)) for r in rows[: min(end, 200)]]
    reader = _SheetReader(rows, end, width)
    fmt = SourceFormat(SHEET_KIND, sheet=chosen, sheets=tuple(names), size=end)
    return RowSource(
        fmt,
        reader,
        _position=lambda: reader.line_num,
        _lines=lambda: reader.line_num,
        sample_rows=sample,
    )


def _content_end(rows: list[list[object]]) -> int:
    """Rows up to the last one with content (sheets often carry empty formatted rows)."""
    end = len(rows)
    while end and all(v in (None, "") for v in rows[end - 1]):
        end -= 1
    return end
