"""Minimal XLSX and ODS files for the importer's tests, written with zipfile.

No spreadsheet writer is a dependency; these produce exactly what the tests need,
including the hostile shapes a real writer would refuse (a lying ``<dimension>``, a cell
at XFD1048576, a million columns, repeated rows).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
Cell = tuple[str, object]  # ("B7", value)


def column_letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, 16383 -> XFD."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def grid_cells(rows: Sequence[Sequence[object]]) -> list[Cell]:
    """The non-empty cells of a grid of rows, with their references."""
    return [
        (f"{column_letters(c)}{r}", value)
        for r, row in enumerate(rows, start=1)
        for c, value in enumerate(row)
        if value not in (None, "")
    ]


def _cell_xml(ref: str, value: object, shared: dict[str, int] | None, date_style: bool) -> str:
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        style = ' s="1"' if date_style else ""
        return f'<c r="{ref}"{style}><v>{value}</v></c>'
    text = str(value)
    if shared is None:
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'
    index = shared.setdefault(text, len(shared))
    return f'<c r="{ref}" t="s"><v>{index}</v></c>'


def sheet_xml(
    cells: Iterable[Cell],
    *,
    dimension: str | None = None,
    shared: dict[str, int] | None = None,
    date_cells: frozenset[str] = frozenset(),
    head: str = "",
) -> str:
    """A worksheet part; cells are grouped into rows in the order given."""
    rows: dict[int, list[str]] = {}
    for ref, value in cells:
        number = int(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        rows.setdefault(number, []).append(_cell_xml(ref, value, shared, ref in date_cells))
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    body = "".join(f'<row r="{n}">{"".join(parts)}</row>' for n, parts in rows.items())
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{head}'
        f'<worksheet xmlns="{MAIN_NS}">{dim}<sheetData>{body}</sheetData></worksheet>'
    )


def write_xlsx(
    path: Path,
    sheets: Mapping[str, Sequence[Sequence[object]]],
    *,
    cells: Sequence[Cell] | None = None,
    dimension: str | None = None,
    inline: bool = False,
    date_cells: frozenset[str] = frozenset(),
    raw_sheet: str | None = None,
    date1904: bool = False,
) -> Path:
    """An XLSX with one part per sheet, each a grid of rows. ``cells`` (``(reference,
    value)`` pairs, for cells anywhere) or ``raw_sheet`` (XML as given) replace the
    first sheet's content."""
    shared: dict[str, int] | None = None if inline else {}
    parts = [
        sheet_xml(grid_cells(rows), dimension=dimension, shared=shared, date_cells=date_cells)
        for rows in sheets.values()
    ]
    if cells is not None:
        parts[0] = sheet_xml(cells, dimension=dimension, shared=shared, date_cells=date_cells)
    if raw_sheet is not None:
        parts[0] = raw_sheet
    names = list(sheets)
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        + ('<workbookPr date1904="1"/>' if date1904 else "")
        + "<sheets>"
        + "".join(
            f'<sheet name={quoteattr(n)} sheetId="{i + 1}" r:id="rId{i + 1}"/>'
            for i, n in enumerate(names)
        )
        + "</sheets></workbook>"
    )
    rels = [
        f'<Relationship Id="rId{i + 1}" Type="{REL_NS}/worksheet" '
        f'Target="worksheets/sheet{i + 1}.xml"/>'
        for i in range(len(names))
    ]
    rels.append(f'<Relationship Id="rIdS" Type="{REL_NS}/styles" Target="styles.xml"/>')
    if shared is not None:
        rels.append(
            f'<Relationship Id="rIdT" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
        )
    styles = (
        f'<?xml version="1.0"?><styleSheet xmlns="{MAIN_NS}"><numFmts count="1">'
        '<numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts>'
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            '2006/content-types"/>',
        )
        archive.writestr(
            "_rels/.rels",
            f'<?xml version="1.0"?><Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
            f'Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0"?><Relationships xmlns="{PKG_REL_NS}">{"".join(rels)}'
            "</Relationships>",
        )
        archive.writestr("xl/styles.xml", styles)
        for i, part in enumerate(parts):
            archive.writestr(f"xl/worksheets/sheet{i + 1}.xml", part)
        if shared is not None:
            items = "".join(
                f'<si><t xml:space="preserve">{escape(text)}</t></si>' for text in shared
            )
            archive.writestr(
                "xl/sharedStrings.xml",
                f'<?xml version="1.0"?><sst xmlns="{MAIN_NS}">{items}</sst>',
            )
    return path


ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def ods_cell(value: object, repeat: int = 1) -> str:
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if value in (None, ""):
        return f"<table:table-cell{rep}/>"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (
            f'<table:table-cell{rep} office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return (
        f'<table:table-cell{rep} office:value-type="string"><text:p>{escape(str(value))}'
        "</text:p></table:table-cell>"
    )


def ods_row(cells: Iterable[str], repeat: int = 1) -> str:
    rep = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{rep}>{''.join(cells)}</table:table-row>"


def write_ods(path: Path, tables: Mapping[str, Sequence[str]]) -> Path:
    """An ODS whose sheets are given as ready-made ``<table:table-row>`` XML strings."""
    body = "".join(
        f"<table:table table:name={quoteattr(name)}>{''.join(rows)}</table:table>"
        for name, rows in tables.items()
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} '
        f'office:version="1.2"><office:body><office:spreadsheet>{body}'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def ods_grid(rows: Sequence[Sequence[object]]) -> list[str]:
    return [ods_row(ods_cell(v) for v in row) for row in rows]
