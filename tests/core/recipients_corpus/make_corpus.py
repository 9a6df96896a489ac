"""Writes the importer's test corpus (run once; the files are committed).

Text files are written with explicit encodings and line endings; the XLSX and ODS
workbooks are assembled by hand with zipfile (no spreadsheet writer is a dependency).
Run: .venv/bin/python tests/core/recipients_corpus/make_corpus.py
"""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).parent


def write(name: str, text: str, encoding: str = "utf-8", bom: bytes = b"") -> None:
    (HERE / name).write_bytes(bom + text.encode(encoding))


def crlf(lines: list[str]) -> str:
    return "\r\n".join(lines) + "\r\n"


def main() -> None:
    # Plain UTF-8, comma, header; two invalid, two duplicates (one differs in case), spaces.
    write(
        "utf8_comma.csv",
        "\n".join(
            [
                "email,name,city",
                "ana@example.com,Ana,Madrid",
                "  luis@Example.COM ,Luis,Sevilla",
                "not-an-address,Nadie,Bilbao",
                "ANA@example.com,Ana Again,Madrid",
                "maria@example.org,María,Málaga",
                "luis@example.com,Luis 2,Cádiz",
                "broken@@example.com,Roto,Vigo",
                "",
                "pedro@example.net,Pedro,León",
            ]
        )
        + "\n",
    )
    # What Excel writes on Spanish Windows as "CSV UTF-8": BOM, semicolons, CRLF.
    write(
        "utf8_bom_semicolon.csv",
        crlf(
            [
                "Correo electrónico;Nombre;Empresa;Ciudad",
                "juan@example.es;Juan Pérez;Ñandú S.L.;Córdoba",
                "sofia@example.es;Sofía, la de ventas;Acme;Jaén",
                "sin-arroba.example.es;Roto;Acme;Ávila",
                "elena@example.es;Elena;Acme;Lugo",
            ]
        ),
        bom=codecs.BOM_UTF8,
    )
    # Plain "CSV (delimitado por comas)" from Excel in Spain: Windows-1252, semicolons.
    write(
        "cp1252_semicolon.csv",
        crlf(
            [
                "Dirección;Nombre;Población;Cargo",
                "jose@example.es;José Muñoz;Logroño;Director técnico",
                "ines@example.es;Inés Ibáñez;A Coruña;Señora de la «casa»",
                "ramon@example.es;Ramón Núñez;Cáceres;€uro manager",
                "mal@;Mal;Ourense;—",
            ]
        ),
        encoding="cp1252",
    )
    # Exports from CRMs: UTF-16 with BOM, tab-separated.
    utf16_rows = [
        "E-mail\tFirst name\tCountry",
        "chen@example.com\t陈伟\tChina",
        "olga@example.com\tОльга\tUkraine",
        "zoe@example.com\tZoë\tFrance",
        "chen@EXAMPLE.com\tChen again\tChina",
    ]
    write("utf16le_tab.txt", crlf(utf16_rows), encoding="utf-16-le", bom=codecs.BOM_UTF16_LE)
    write("utf16be_tab.tsv", crlf(utf16_rows), encoding="utf-16-be", bom=codecs.BOM_UTF16_BE)
    # No header, pipe-separated.
    write(
        "pipe_no_header.txt",
        "\n".join(
            [
                "uno@example.com|Uno|1",
                "dos@example.com|Dos|2",
                "tres@example|Tres|3",
                "cuatro@example.com|Cuatro|4",
            ]
        )
        + "\n",
    )
    # One address per line, nothing else.
    write(
        "addresses_only.txt",
        "\n".join(["a@example.com", "b@example.com", "", "c@example.com", "b@example.com"]) + "\n",
    )
    # Quoted fields holding delimiters, quotes and newlines.
    write(
        "quoted_newlines.csv",
        "email,name,notes\r\n"
        'x@example.com,"Smith, John","line one\r\nline two"\r\n'
        'y@example.com,"O\'Brien ""Bob""","a, b, c"\r\n'
        'bad address@example.com,"Multi\nline name",x\r\n'
        'z@example.com,Zed,"ends here"\r\n',
    )
    # Rows with the wrong number of fields: reported, never shifted.
    write(
        "wrong_fields.csv",
        "\n".join(
            [
                "email;name;city",
                "ok1@example.com;Ok One;Madrid",
                "short@example.com;Short",
                "long@example.com;Long;Madrid;extra",
                "trailing@example.com;Trailing;Madrid;;",
                "ok2@example.com;Ok Two;Toledo",
            ]
        )
        + "\n",
    )
    # UTF-8 file with lines pasted in from a Windows-1252 file.
    mixed = (
        b"email,name\n"
        + "ana@example.com,Ana Peña\n".encode()
        + "jose@example.com,José Muñoz\n".encode("cp1252")
        + "nuria@example.com,Núria\n".encode()
    )
    (HERE / "mixed_encoding.csv").write_bytes(mixed)
    # Internationalised addresses (validated by email-validator, not the fast path).
    write(
        "international.csv",
        "\n".join(
            [
                "email,nombre",
                "josé@example.es,José",
                "user@españa.es,España",
                "用户@例子.广告,Chino",
                "user@xn--espaa-rta.es,Punycode",
                '"quoted local"@example.com,Quoted',
                "user@localhost,Local",
                "user@example.test,Special",
            ]
        )
        + "\n",
    )
    # Columns that hold no addresses at all.
    write("no_address.csv", "name,city\nAna,Madrid\nLuis,Sevilla\n")
    (HERE / "empty.csv").write_bytes(b"")
    write("blank_lines.csv", "\n\n   \n\n")
    (HERE / "binary.csv").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    )
    # An unclosed quote that would swallow the rest of the file.
    write(
        "unclosed_quote.csv",
        'email,name\na@example.com,"never closed\n' + "b@example.com,x" + "y" * 140_000 + "\n",
    )
    write_xlsx()
    write_ods()


# -- workbooks by hand ---------------------------------------------------------------------
SHEETS = {
    "Clientes": [
        ["Email", "Nombre", "Teléfono", "Alta"],
        ["carmen@example.com", "Carmen", 600123456, "2024-01-15"],
        ["david@example.com", "David", 600654321, "2024-02-01"],
        ["no valido", "Nadie", None, None],
        ["CARMEN@example.com", "Carmen bis", 600000000, "2024-03-01"],
        ["eva@example.com", "Eva", 611222333.5, "2024-04-01"],
    ],
    "Proveedores": [
        ["correo", "empresa"],
        ["compras@proveedor.es", "Proveedor S.A."],
        ["ventas@proveedor.es", "Proveedor S.A."],
    ],
}


def _col(index: int) -> str:
    return chr(ord("A") + index)


def _xlsx_sheet(rows: list[list[object]]) -> str:
    out = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{_col(c)}{r}"
            if value is None:
                continue
            if isinstance(value, int | float):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{''.join(out)}</sheetData></worksheet>"
    )


def write_xlsx() -> None:
    names = list(SHEETS)
    main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(
            f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(len(names))
        )
        + "</Types>"
    )
    root_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel_ns}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<workbook xmlns="{main_ns}" xmlns:r="{rel_ns}"><sheets>'
        + "".join(
            f'<sheet name="{escape(n)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
            for i, n in enumerate(names)
        )
        + "</sheets></workbook>"
    )
    workbook_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i + 1}" Type="{rel_ns}/worksheet" '
            f'Target="worksheets/sheet{i + 1}.xml"/>'
            for i in range(len(names))
        )
        + "</Relationships>"
    )
    path = HERE / "contacts.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", root_rels)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        for i, name in enumerate(names):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", _xlsx_sheet(SHEETS[name]))
    data = path.read_bytes()
    (HERE / "truncated.xlsx").write_bytes(data[: len(data) // 2])


def write_ods() -> None:
    def cell(value: object) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, int | float):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return (
            f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
            "</text:p></table:table-cell>"
        )

    tables = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join(
            "<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
            for row in rows
        )
        + "</table:table>"
        for name, rows in SHEETS.items()
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(HERE / "contacts.ods", "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    main()
