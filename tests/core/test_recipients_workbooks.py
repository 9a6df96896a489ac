"""The streaming workbook readers: cells as a person sees them, wherever the file puts them."""

from __future__ import annotations

import itertools
import zipfile
from pathlib import Path

import pytest

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.errors import Cancelled
from teenvio_desktop.core.recipients import ImportOptions, import_file
from teenvio_desktop.core.recipients.readers import open_source, sheet_names
from teenvio_desktop.core.recipients.sheets import serial_date_text
from teenvio_desktop.core.tasks import CancelToken, Progress
from tests.core.recipients_corpus.workbooks import (
    MAIN_NS,
    ods_cell,
    ods_row,
    write_ods,
    write_xlsx,
)


def _rows(path: Path) -> list[list[str]]:
    with open_source(path) as source:
        return list(source.reader)


def _sheet(rows_xml: str, *, head: str = "") -> str:
    return (
        f'<?xml version="1.0"?>{head}<x:worksheet xmlns:x="{MAIN_NS}"><x:sheetData>'
        f"{rows_xml}</x:sheetData></x:worksheet>"
    )


def test_xlsx_cells_read_as_shown(tmp_path: Path) -> None:
    sheet = _sheet(
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:r><x:t>Ro</x:t></x:r>'
        "<x:r><x:t>sa</x:t></x:r><x:rPh><x:t>ロサ</x:t></x:rPh></x:is></x:c>"
        '<x:c r="C1" t="b"><x:v>1</x:v></x:c><x:c r="B1" t="e"><x:v>#N/A</x:v></x:c></x:row>'
        # no references at all: the next row, the next column
        "<x:row><x:c><x:v>600123456</x:v></x:c><x:c><x:v>0.25</x:v></x:c>"
        '<x:c t="str"><x:f>A1&amp;B1</x:f><x:v>a&amp;b</x:v></x:c></x:row>'
        '<x:row r="5"><x:c r="A5" s="1"><x:v>45306.5</x:v></x:c><x:c r="B5" s="1">'
        '<x:v>45306</x:v></x:c><x:c r="C5" s="1"><x:v>0.75</x:v></x:c></x:row>'
    )
    path = write_xlsx(tmp_path / "kinds.xlsx", {"S": [["x"]]}, raw_sheet=sheet)
    assert _rows(path) == [
        ["Rosa", "#N/A", "TRUE"],
        ["600123456", "0.25", "a&b"],
        [],
        [],
        ["2024-01-15T12:00:00", "2024-01-15", "18:00:00"],
    ]


def test_xlsx_shared_strings_dates_and_1904(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "dates.xlsx",
        {"Hoja": [["email", "alta"], ["ana@example.com", 45306]]},
        date_cells=frozenset({"B2"}),
        date1904=True,
    )
    assert _rows(path) == [["email", "alta"], ["ana@example.com", "2028-01-16"]]
    assert serial_date_text(60, False) == "1900-02-28"
    assert serial_date_text(1, False) == "1900-01-01"
    assert serial_date_text(-1, False) is None


def test_xlsx_sheets_are_listed_and_chosen(app_context: AppContext, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "two.xlsx",
        {"Uno": [["email"], ["a@example.com"]], "Dos": [["correo"], ["b@example.com"]]},
    )
    assert sheet_names(path) == ["Uno", "Dos"]
    result = import_file(app_context.db, path, ImportOptions(sheet="Dos"))
    assert (result.valid, result.columns) == (1, ["correo"])


def test_ods_values_paragraphs_and_repeats(tmp_path: Path) -> None:
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    typed = (
        '<table:table-cell office:value-type="date" office:date-value="2024-01-15">'
        "<text:p>15/01/24</text:p></table:table-cell>"
        '<table:table-cell office:value-type="time" office:time-value="PT12H30M00S">'
        "<text:p>12:30</text:p></table:table-cell>"
        '<table:table-cell office:value-type="boolean" office:boolean-value="true">'
        "<text:p>VERDADERO</text:p></table:table-cell>"
        '<table:table-cell office:value-type="percentage" office:value="0.5">'
        "<text:p>50 %</text:p></table:table-cell>"
    )
    text = (
        '<table:table-cell office:value-type="string"><text:p>dos<text:s text:c="2"/>'
        "espacios</text:p><text:p>y otra <text:span>línea</text:span></text:p>"
        "</table:table-cell><table:covered-table-cell/>"
    )
    path = write_ods(
        tmp_path / "values.ods",
        {
            "Hoja": [
                ods_row([typed]),
                ods_row([text, ods_cell("fin")]),
                ods_row([ods_cell("rep", 2)], repeat=2),
            ]
        },
    )
    with zipfile.ZipFile(path) as archive:
        assert office in archive.read("content.xml").decode()
    assert _rows(path) == [
        ["2024-01-15", "12:30:00", "TRUE", "0.5"],
        ["dos  espacios\ny otra línea", "", "fin"],
        ["rep", "rep"],
        ["rep", "rep"],
    ]


def test_sheet_progress_and_cancel(app_context: AppContext, tmp_path: Path) -> None:
    rows = [["email", "n"]] + [[f"u{i}@example.com", i] for i in range(30_000)]
    path = write_xlsx(tmp_path / "big.xlsx", {"S": rows})
    reports: list[Progress] = []
    result = import_file(app_context.db, path, progress=reports.append)
    assert result.valid == 30_000
    assert reports[-1].done == reports[-1].total
    assert all(a.done <= b.done for a, b in itertools.pairwise(reports))

    token = CancelToken()

    def cancel_on_first(report: Progress) -> None:
        token.cancel()

    with pytest.raises(Cancelled):
        import_file(app_context.db, path, ImportOptions(list_name="x"), cancel_on_first, token)
