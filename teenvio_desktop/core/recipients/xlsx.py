"""Streaming an XLSX sheet: only the cells the file really contains, one row at a time.

The sheet's XML is parsed incrementally straight from the zip, each cell placed by its
own reference, so neither a lying ``<dimension>`` nor a lone cell at XFD1048576 makes
anything large. The shared-strings table is the only part held in memory, within a
limit. Dates are recognised from the cell's number format, as a spreadsheet shows them.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from teenvio_desktop.core.recipients import errors
from teenvio_desktop.core.recipients.sheets import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_PART_BYTES,
    MAX_ROWS,
    MAX_SHARED_STRINGS,
    MAX_SHARED_TEXT,
    BoundedPart,
    CancelCheck,
    TextBuffer,
    column_index,
    feed,
    local_name,
    never_cancelled,
    number_text,
    place,
    read_small_part,
    serial_date_text,
    small_index,
    stream_parser,
)

_DIGITS = "0123456789"
# Built-in number formats that show a date or a time (ECMA-376, 18.8.30).
_DATE_FORMAT_IDS = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)])
_FORMAT_NOISE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
_DATE_TOKENS = re.compile(r"[dmyhs]", re.IGNORECASE)
_MAIN_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",  # "strict" OOXML
)
ROW, CELL, VALUE, TEXT, PHONETIC, STRING_ITEM = range(6)
_TAGS = {
    f"{namespace}}}{local}": code
    for namespace in _MAIN_NAMESPACES
    for local, code in (
        ("row", ROW),
        ("c", CELL),
        ("v", VALUE),
        ("t", TEXT),
        ("rPh", PHONETIC),
        ("si", STRING_ITEM),
    )
}


@dataclass
class Workbook:
    """The parts of an XLSX that locate and interpret its sheets."""

    archive: zipfile.ZipFile
    source: str
    sheets: dict[str, str]  # sheet name -> part name, in workbook order
    date1904: bool = False
    shared_strings_part: str | None = None
    date_styles: frozenset[int] = field(default_factory=frozenset)
    shared: list[str] = field(default_factory=list)


def _relationships(archive: zipfile.ZipFile, part: str, source: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (the type's last word, target part name) for ``part``."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    if rels_name not in archive.NameToInfo:
        return {}
    found: dict[str, tuple[str, str]] = {}
    for rel in read_small_part(archive, rels_name, source):
        if local_name(rel.tag) != "Relationship":
            continue
        target = rel.get("Target", "")
        if target.startswith("/"):
            resolved = target.lstrip("/")
        else:
            resolved = posixpath.normpath(posixpath.join(folder, target))
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        found[rel.get("Id", "")] = (kind, resolved)
    return found


def open_workbook(archive: zipfile.ZipFile, source: str) -> Workbook:
    """The workbook's sheet list, date system, date styles and shared-strings part."""
    root_rels = _relationships(archive, "", source)
    book_part = next(
        (target for kind, target in root_rels.values() if kind == "officeDocument"),
        "xl/workbook.xml",
    )
    if book_part not in archive.NameToInfo:
        raise errors.unreadable_spreadsheet(source, "no workbook part")
    book = read_small_part(archive, book_part, source)
    rels = _relationships(archive, book_part, source)
    sheets: dict[str, str] = {}
    date1904 = False
    for element in book.iter():
        local = local_name(element.tag)
        if local == "workbookPr":
            date1904 = element.get("date1904", "").lower() in ("1", "true")
        elif local == "sheet":
            rel_id = next((v for k, v in element.attrib.items() if local_name(k) == "id"), "")
            kind, target = rels.get(rel_id, ("", ""))
            if kind == "worksheet" and target in archive.NameToInfo:
                sheets[element.get("name") or target] = target
    workbook = Workbook(archive, source, sheets, date1904)
    for kind, target in rels.values():
        if target not in archive.NameToInfo:
            continue
        if kind == "sharedStrings":
            workbook.shared_strings_part = target
        elif kind == "styles":
            workbook.date_styles = _date_styles(read_small_part(archive, target, source))
    return workbook


def _is_date_format(code: str) -> bool:
    return bool(_DATE_TOKENS.search(_FORMAT_NOISE.sub("", code)))


def _date_styles(root: ET.Element) -> frozenset[int]:
    """Indexes of the cell styles (``s=``) whose number format shows a date or a time."""
    custom: dict[int, str] = {}
    for element in root.iter():
        if local_name(element.tag) == "numFmt":
            custom[small_index(element.get("numFmtId"))] = element.get("formatCode", "")
    dated: set[int] = set()
    for element in root.iter():
        if local_name(element.tag) != "cellXfs":
            continue
        styles = (x for x in element if local_name(x.tag) == "xf")
        for index, xf in enumerate(styles):
            format_id = small_index(xf.get("numFmtId"))
            code = custom.get(format_id)
            if (code is not None and _is_date_format(code)) or (
                code is None and format_id in _DATE_FORMAT_IDS
            ):
                dated.add(index)
    return frozenset(dated)


def load_shared_strings(workbook: Workbook, cancelled: CancelCheck = never_cancelled) -> None:
    """Read the shared-strings table, within :data:`MAX_SHARED_TEXT` characters."""
    if workbook.shared_strings_part is None:
        return
    source = workbook.source
    part = BoundedPart(
        workbook.archive, workbook.shared_strings_part, source, MAX_PART_BYTES, cancelled
    )
    shared = workbook.shared
    parser = stream_parser(source)
    text = TextBuffer(source)
    pieces: list[str] = []
    phonetic = 0
    total = 0

    def start(tag: str, _attrs: dict[str, str]) -> None:
        nonlocal phonetic
        code = _TAGS.get(tag)
        if code == TEXT and not phonetic:
            text.start()
        elif code == PHONETIC:
            phonetic += 1

    def end(tag: str) -> None:
        nonlocal phonetic, pieces, total
        code = _TAGS.get(tag)
        if code == TEXT and text.active:
            pieces.append(text.take())
        elif code == PHONETIC:
            phonetic -= 1
        elif code == STRING_ITEM:
            item = "".join(pieces)
            pieces = []
            total += len(item) + 16
            if total > MAX_SHARED_TEXT or len(shared) >= MAX_SHARED_STRINGS:
                raise errors.shared_text_too_large(source, MAX_SHARED_TEXT >> 20)
            shared.append(item)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text.add
    for _nothing in feed(parser, part, []):
        pass


def iter_sheet_rows(
    workbook: Workbook, sheet: str, cancelled: CancelCheck = never_cancelled
) -> tuple[BoundedPart, Iterator[tuple[int, list[str]]]]:
    """The sheet's part (its ``read_bytes`` tell the progress) and its non-empty rows as
    ``(row number, cells)``."""
    source = workbook.source
    part = BoundedPart(workbook.archive, workbook.sheets[sheet], source, MAX_PART_BYTES, cancelled)
    reader = _SheetHandlers(workbook)
    parser = stream_parser(source)
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.characters
    return part, feed(parser, part, reader.ready)


class _SheetHandlers:
    """expat callbacks that turn ``<row>``/``<c>`` elements into rows of text.

    These run once per element of a possibly huge sheet, so they are kept flat: state in
    attributes, column letters looked up in a cache, the common cell kinds inline.
    """

    def __init__(self, workbook: Workbook) -> None:
        self.source = workbook.source
        self.shared = workbook.shared
        self.date_styles = workbook.date_styles
        self.date1904 = workbook.date1904
        self.ready: list[tuple[int, list[str]]] = []
        self.row_number = 0
        self.column = -1
        self.cells: list[str] = []
        self.kind = "n"
        self.style = -1
        self.value = ""
        self.pieces: list[str] = []
        self.collecting = False
        self.collected: list[str] = []
        self.size = 0
        self.phonetic = 0
        self.columns: dict[str, int] = {}

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        code = _TAGS.get(tag)
        if code == VALUE or (code == TEXT and not self.phonetic):
            self.collecting, self.size = True, 0
        elif code == CELL:
            ref = attrs.get("r")
            if ref:
                letters = ref.rstrip(_DIGITS)
                column = self.columns.get(letters)
                if column is None:
                    column = self.columns[letters] = _column_of(letters, self.source)
                self.column = column
            else:
                self.column += 1
                if self.column >= MAX_COLUMNS:
                    raise errors.too_many_columns(self.source, MAX_COLUMNS)
            self.kind = attrs.get("t", "n")
            self.style = small_index(attrs.get("s"))
            self.value = ""
            if self.pieces:
                self.pieces = []
        elif code == ROW:
            given = small_index(attrs.get("r"))
            self.row_number = given if given > self.row_number else self.row_number + 1
            if self.row_number > MAX_ROWS:
                raise errors.too_many_rows(self.source, MAX_ROWS)
            self.cells, self.column = [], -1
        elif code == PHONETIC:
            self.phonetic += 1

    def characters(self, text: str) -> None:
        if self.collecting:
            self.size += len(text)
            if self.size > MAX_CELL_CHARS:
                raise errors.cell_too_large(self.source, MAX_CELL_CHARS)
            self.collected.append(text)

    def end(self, tag: str) -> None:
        code = _TAGS.get(tag)
        if code == CELL:
            kind, value = self.kind, self.value
            if kind == "s":
                index = small_index(value)
                shown = self.shared[index] if 0 <= index < len(self.shared) else ""
            elif kind == "n" and self.style not in self.date_styles:
                try:
                    shown = number_text(float(value)) if value else ""
                except ValueError:
                    shown = value
            else:
                shown = _cell_text(kind, self.style, value, self.pieces, self.date1904)
            if shown:
                cells = self.cells
                column = self.column
                if column == len(cells):
                    cells.append(shown)
                else:
                    place(cells, column, shown, self.source)
        elif self.collecting and code in (VALUE, TEXT):
            text = "".join(self.collected)
            self.collected.clear()
            self.collecting = False
            if code == VALUE:
                self.value = text
            else:
                self.pieces.append(text)
        elif code == ROW:
            if self.cells:
                self.ready.append((self.row_number, self.cells))
                self.cells = []
        elif code == PHONETIC:
            self.phonetic -= 1


def _column_of(letters: str, source: str) -> int:
    column = column_index(letters.upper())
    if column >= 0:
        return column
    if letters.isascii() and letters.isalpha():
        raise errors.too_many_columns(source, MAX_COLUMNS)
    raise errors.unreadable_spreadsheet(source, f"cell reference {letters[:20]!r}")


def _cell_text(kind: str, style: int, value: str, pieces: list[str], date1904: bool) -> str:
    """The rarer kinds of cell: inline strings, booleans, errors, formulas, dates."""
    if kind == "inlineStr":
        return "".join(pieces)
    if not value:
        return ""
    if kind == "b":
        return "TRUE" if value.strip() == "1" else "FALSE"
    if kind != "n":  # str (a formula's text), e (an error such as #N/A), d (ISO date)
        return value
    try:
        number = float(value)
    except ValueError:
        return value
    as_date = serial_date_text(number, date1904)  # called for date styles only
    return as_date if as_date is not None else number_text(number)
