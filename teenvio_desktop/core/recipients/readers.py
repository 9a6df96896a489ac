"""Rows out of a file or pasted text: delimited text or a workbook, always streamed.

:func:`open_source` refuses anything that is not a regular file (a FIFO would block
forever), looks at the start of the file, settles the format (what it was told, else
what it detects) and returns a :class:`RowSource` whose ``reader`` yields rows as lists
of strings and counts lines like ``csv.reader.line_num``. Nothing is read whole: text is
parsed line by line (a line is cut at :data:`MAX_LINE_CHARS`, so one endless line cannot
fill the memory), workbooks row by row (``xlsx``, ``ods``).
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import stat
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any, Protocol

from teenvio_desktop.core.recipients import errors, ods, xlsx
from teenvio_desktop.core.recipients.sheets import SheetRows
from teenvio_desktop.core.recipients.sniff import (
    MIXED_ERRORS,
    SAMPLE_BYTES,
    BinaryContent,
    detect_delimiter,
    detect_encoding,
    looks_binary,
    mixed_bytes,
)
from teenvio_desktop.core.tasks import CancelToken

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls
SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
LEGACY_SUFFIXES = {".xls", ".xlsb"}
TEXT_KIND = "text"
SHEET_KIND = "spreadsheet"
MAX_LINE_CHARS = 16 << 20
SAMPLE_ROWS = 200
SAMPLE_CELLS = 200_000


@dataclass(frozen=True)
class SourceFormat:
    """How the input is read; what the wizard shows and lets the user change."""

    kind: str  # TEXT_KIND or SHEET_KIND
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    sheets: tuple[str, ...] = ()
    size: int = 0  # units of ``RowSource.position()``: bytes of a file, characters of text


class RowReader(Protocol):
    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


@dataclass
class RowSource:
    """An open input: ``reader`` yields rows; ``line_num`` the last physical line read."""

    format: SourceFormat
    reader: RowReader
    _position: Callable[[], int]
    _close: Callable[[], None]
    sample_rows: list[list[str]] = field(default_factory=list)
    name: str = "text"  # the file's name, for messages

    @property
    def line_num(self) -> int:
        return self.reader.line_num

    def position(self) -> int:
        """Units of ``format.size`` consumed so far."""
        return int(self._position())

    def close(self) -> None:
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


def open_regular_file(path: Path) -> io.FileIO:
    """``path`` opened for reading, refusing folders, devices, FIFOs and sockets.

    Opened without blocking first (opening a FIFO would wait for a writer forever), then
    checked on the open descriptor, so the file cannot be swapped in between.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise errors.unreadable_file(path.name, exc.strerror or str(exc)) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise errors.not_a_regular_file(path.name)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return io.FileIO(fd, "rb", closefd=True)
    except BaseException:
        os.close(fd)
        raise


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
    cancel: CancelToken | None = None,
) -> RowSource:
    """Open ``path`` for reading rows, detecting what was not given."""
    raw = open_regular_file(path)
    try:
        try:
            sample = raw.read(SAMPLE_BYTES)
        except OSError as exc:
            raise errors.unreadable_file(path.name, exc.strerror or str(exc)) from exc
        if not sample.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
            raise errors.empty_source(path.name)
        if is_spreadsheet(path, sample):
            return _open_workbook(raw, path.name, sample, sheet, cancel or CancelToken())
        return _open_text_file(raw, path.name, sample, encoding, delimiter)
    except BaseException:
        raw.close()
        raise


def _open_text_file(
    raw: io.FileIO, name: str, sample: bytes, encoding: str | None, delimiter: str | None
) -> RowSource:
    size = os.fstat(raw.fileno()).st_size
    if encoding:
        encoding = _check_encoding(encoding)
    else:
        try:
            encoding = detect_encoding(sample)
        except BinaryContent:
            raise errors.binary_file(name) from None
    text_sample = sample.decode(encoding, errors=MIXED_ERRORS)
    if looks_binary(text_sample[:65536]):
        raise errors.binary_file(name)
    delimiter = (
        _check_delimiter(delimiter) if delimiter else detect_delimiter(text_sample).delimiter
    )
    raw.seek(0)
    handle = io.TextIOWrapper(
        io.BufferedReader(raw, buffer_size=1 << 20),
        encoding=encoding,
        errors=MIXED_ERRORS,
        newline="",
    )
    mixed_bytes.count = 0
    source = _text_source(
        handle,
        SourceFormat(TEXT_KIND, encoding=encoding, delimiter=delimiter, size=size),
        position=raw.tell,
        sample=text_sample,
    )
    source.name = name
    return source


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


def _text_source(
    handle: IO[str], fmt: SourceFormat, *, position: Callable[[], int], sample: str
) -> RowSource:
    # readline(limit) cuts an endless line into pieces instead of reading it whole.
    lines = iter(partial(handle.readline, MAX_LINE_CHARS), "")
    reader = csv.reader(lines, delimiter=fmt.delimiter)
    return RowSource(
        fmt,
        reader,
        position,
        handle.close,
        sample_rows=_sample_rows(sample, fmt.delimiter),
    )


def _sample_rows(sample: str, delimiter: str, limit: int = SAMPLE_ROWS) -> list[list[str]]:
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


# -- workbooks -----------------------------------------------------------------------------
class _Replay:
    """The sample rows already read, then the rest of the sheet; one line per row."""

    def __init__(self, sample: list[list[str]], rest: SheetRows) -> None:
        self._sample = iter([list(row) for row in sample])
        self._rest = rest
        self.line_num = 0

    def __iter__(self) -> _Replay:
        return self

    def __next__(self) -> list[str]:
        row = next(self._sample, None)
        if row is None:
            row = next(self._rest)
        self.line_num += 1
        return row


def _open_workbook(
    raw: io.FileIO, name: str, sample: bytes, sheet: str | None, cancel: CancelToken
) -> RowSource:
    if sample.startswith(OLE_MAGIC) or Path(name).suffix.lower() in LEGACY_SUFFIXES:
        raise errors.legacy_workbook(name)
    raw.seek(0)
    buffered = io.BufferedReader(raw, buffer_size=1 << 16)
    try:
        archive = zipfile.ZipFile(buffered)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        buffered.close()
        raise errors.unreadable_spreadsheet(name, str(exc)) from exc
    try:
        return _open_sheet(archive, name, sheet, cancel, buffered.close)
    except BaseException:
        archive.close()
        buffered.close()
        raise


def _open_sheet(
    archive: zipfile.ZipFile,
    name: str,
    sheet: str | None,
    cancel: CancelToken,
    close_file: Callable[[], None],
) -> RowSource:
    cancelled: Callable[[], bool] = lambda: cancel.cancelled  # noqa: E731
    rows: Iterator[tuple[int, list[str]]]
    part: Any
    if ods.is_ods(archive):
        if ods.CONTENT not in archive.NameToInfo:
            raise errors.unreadable_spreadsheet(name, "no content.xml")
        names = ods.sheet_names(archive, name, cancelled)
        chosen = _choose_sheet(names, sheet, name)
        part, rows = ods.iter_sheet_rows(archive, name, names.index(chosen), cancelled)
    else:
        workbook = xlsx.open_workbook(archive, name)
        names = list(workbook.sheets)
        chosen = _choose_sheet(names, sheet, name)
        xlsx.load_shared_strings(workbook, cancelled)
        part, rows = xlsx.iter_sheet_rows(workbook, chosen, cancelled)
    sheet_rows = SheetRows(rows)
    sample: list[list[str]] = []
    cells = 0
    for row in sheet_rows:
        sample.append(row)
        cells += len(row)
        if len(sample) >= SAMPLE_ROWS or cells >= SAMPLE_CELLS:
            break
    shown = list(sample)
    while shown and not any(c.strip() for c in shown[-1]):
        shown.pop()
    if not shown:
        part.close()
        raise errors.empty_source(f"{name} ({chosen})")
    width = max(len(r) for r in shown)
    padded = [r + [""] * (width - len(r)) for r in shown]
    reader = _Replay(sample, sheet_rows)
    fmt = SourceFormat(
        SHEET_KIND, sheet=chosen, sheets=tuple(names), size=max(part.info.file_size, 1)
    )

    def close() -> None:
        part.close()
        archive.close()
        close_file()  # a ZipFile never closes a file object it was given

    return RowSource(fmt, reader, lambda: min(part.read_bytes, fmt.size), close, padded, name)


def _choose_sheet(names: list[str], wanted: str | None, source: str) -> str:
    if not names:
        raise errors.empty_source(source)
    chosen = wanted or names[0]
    if chosen not in names:
        raise errors.unknown_sheet(chosen, ", ".join(names))
    return chosen


def sheet_names(path: Path) -> list[str]:
    """The sheet names of a workbook (what the wizard offers)."""
    with open_source(path) as source:
        return list(source.format.sheets)
