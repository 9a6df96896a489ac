"""Lists: paste, preview, saved mappings, rename/merge/export/delete, reports, cancel."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.errors import Cancelled
from teenvio_desktop.core.recipients import (
    ColumnMapping,
    ImportOptions,
    MappingRepository,
    RecipientImportError,
    RecipientListRepository,
    export_rejects,
    import_file,
    import_text,
    preview_file,
    preview_text,
)
from teenvio_desktop.core.recipients.report import safe_cell
from teenvio_desktop.core.tasks import CancelToken, Progress

CORPUS = Path(__file__).parent / "recipients_corpus"


def test_pasted_spreadsheet_cells_import(app_context: AppContext) -> None:
    pasted = "Email\tNombre\tCiudad\nana@example.com\t  Ana \tMadrid\nbad\tX\tY\n"
    preview = preview_text(pasted)
    assert preview.format.delimiter == "\t"
    assert preview.layout.mapping == ColumnMapping(email="Email", name="Nombre")
    result = import_text(app_context.db, pasted, ImportOptions(list_name="Pasted"))
    assert (result.valid, result.invalid, result.list_name) == (1, 1, "Pasted")
    (member,) = RecipientListRepository(app_context.db).iter_members(result.list_id)
    # Every column stays a merge field under its own name, the mapped ones too (they give
    # the normalised address and the trimmed name).
    assert (member.email, member.name, member.fields) == (
        "ana@example.com",
        "Ana",
        {"Email": "ana@example.com", "Nombre": "Ana", "Ciudad": "Madrid"},
    )
    with pytest.raises(RecipientImportError, match="is empty"):
        import_text(app_context.db, "  \n ")


def test_preview_shows_detected_settings_and_first_rows() -> None:
    preview = preview_file(CORPUS / "utf8_bom_semicolon.csv", rows=2)
    assert preview.format.encoding == "utf-8-sig"
    assert preview.format.delimiter == ";"
    assert preview.layout.has_header
    assert preview.columns == ["Correo electrónico", "Nombre", "Empresa", "Ciudad"]
    assert preview.rows == [
        ["juan@example.es", "Juan Pérez", "Ñandú S.L.", "Córdoba"],
        ["sofia@example.es", "Sofía, la de ventas", "Acme", "Jaén"],
    ]
    # Settings chosen by the user override the detection.
    forced = preview_file(CORPUS / "utf8_bom_semicolon.csv", ImportOptions(has_header=False))
    assert forced.columns[0] == "column 1"
    assert forced.rows[0][0] == "Correo electrónico"
    no_column = preview_file(CORPUS / "no_address.csv")
    assert no_column.layout.mapping is None
    assert no_column.layout.mapping_error is not None


def test_email_column_and_mapping_can_be_chosen(app_context: AppContext) -> None:
    result = import_file(
        app_context.db,
        CORPUS / "pipe_no_header.txt",
        ImportOptions(email_column="Column 1", list_name="chosen"),
    )
    assert result.valid == 3
    with pytest.raises(RecipientImportError, match="no column"):
        import_file(app_context.db, CORPUS / "utf8_comma.csv", ImportOptions(email_column="x"))
    mapping = ColumnMapping(email="email", name="city", fields=())
    result = import_file(app_context.db, CORPUS / "utf8_comma.csv", ImportOptions(mapping=mapping))
    first = next(RecipientListRepository(app_context.db).iter_members(result.list_id))
    # Leaving every other column out still keeps the mapped ones as merge fields.
    assert (first.name, first.fields, result.columns) == (
        "Madrid",
        {"email": "ana@example.com", "city": "Madrid"},
        ["email", "city"],
    )


def test_saved_mapping_is_reused_for_the_same_header(app_context: AppContext) -> None:
    mapping = ColumnMapping(email="email", name="city", fields=("name",))
    import_file(
        app_context.db,
        CORPUS / "utf8_comma.csv",
        ImportOptions(mapping=mapping, save_mapping_as="CRM export"),
    )
    saved = MappingRepository(app_context.db).all()
    assert [s.name for s in saved] == ["CRM export"]
    again = import_file(app_context.db, CORPUS / "utf8_comma.csv")
    assert again.mapping == mapping
    assert again.columns == ["email", "name", "city"]
    preview = preview_file(CORPUS / "utf8_comma.csv", db=app_context.db)
    assert preview.layout.saved_mapping == "CRM export"
    fresh = import_file(
        app_context.db, CORPUS / "utf8_comma.csv", ImportOptions(use_saved_mapping=False)
    )
    assert fresh.mapping.name == "name"


def test_rename_merge_export_delete(app_context: AppContext, tmp_path: Path) -> None:
    repo = RecipientListRepository(app_context.db)
    a = import_file(app_context.db, CORPUS / "utf8_comma.csv", ImportOptions(list_name="A"))
    b = import_file(app_context.db, CORPUS / "cp1252_semicolon.csv", ImportOptions(list_name="B"))
    assert [x.name for x in repo.lists()] == ["A", "B"]
    with pytest.raises(RecipientImportError, match="already exists"):
        repo.rename(a.list_id, "b")
    with pytest.raises(RecipientImportError, match="already exists"):
        import_file(app_context.db, CORPUS / "utf8_comma.csv", ImportOptions(list_name="a"))
    repo.rename(a.list_id, "Clientes")
    merged = repo.merge([a.list_id, b.list_id, a.list_id], "Todos")
    info = repo.get(merged)
    assert info.count == 7
    assert info.columns == ("email", "name", "city", "Dirección", "Nombre", "Población", "Cargo")
    members = list(repo.iter_members(merged))
    assert members[0].fields == {
        "email": "ana@example.com",
        "name": "Ana",
        "city": "Madrid",
        "Dirección": "",
        "Nombre": "",
        "Población": "",
        "Cargo": "",
    }
    assert members[4].fields["Población"] == "Logroño"
    assert members[4].name == "José Muñoz"

    out = tmp_path / "todos.csv"
    assert repo.export_csv(merged, out) == 7
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["email", "name", "city", "Dirección", "Nombre", "Población", "Cargo"]
    assert rows[5][:2] == ["jose@example.es", "José Muñoz"]

    repo.delete_list(b.list_id)
    assert [x.name for x in repo.lists()] == ["Clientes", "Todos"]
    left = app_context.db.conn.execute(
        "SELECT count(*) FROM recipient_blocks WHERE list_id = ?", (b.list_id,)
    ).fetchone()[0]
    assert left == 0


def test_create_from_addresses_for_non_openers(app_context: AppContext) -> None:
    repo = RecipientListRepository(app_context.db)
    list_id = repo.create_from_addresses(
        "Non-openers",
        ["a@Example.com", "A@example.com", "broken", "b@example.com"],
        {"a@example.com": {"nombre": "Ana"}},
    )
    members = list(repo.iter_members(list_id))
    assert [m.email for m in members] == ["a@example.com", "b@example.com"]
    assert members[0].fields == {"nombre": "Ana"}
    assert repo.columns(list_id) == ["nombre"]
    assert repo.by_name("non-openers").id == list_id


def test_reject_report_is_safe_to_open_in_a_spreadsheet(
    app_context: AppContext, tmp_path: Path
) -> None:
    text = 'email,name\n=HYPERLINK("http://x"),Evil\n@SUM(1),x\nok@example.com,+1\n'
    result = import_text(app_context.db, text)
    report = tmp_path / "rejects.csv"
    assert export_rejects(app_context.db, result.list_id, report) == 2
    with report.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["line", "reason", "value", "detail", "row"]
    assert rows[1][0] == "2"
    assert rows[1][2] == '\'=HYPERLINK("http://x")'
    assert rows[2][2] == "'@SUM(1)"
    for cell in ("=1", "+1", "-1", "@a", "\t1", "\r1"):
        assert safe_cell(cell).startswith("'")
    assert safe_cell("ana@example.com") == "ana@example.com"


def _big_file(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["email", "name", "a", "b", "c"])
        for i in range(rows):
            writer.writerow([f"user{i}@example.com", f"User {i}", "x", "y", str(i)])
    return path


def test_large_file_reports_bytes_and_can_be_cancelled(
    app_context: AppContext, tmp_path: Path
) -> None:
    path = _big_file(tmp_path / "big.csv", 120_000)
    size = path.stat().st_size
    seen: list[Progress] = []
    token = CancelToken()

    def progress(report: Progress) -> None:
        seen.append(report)
        if len(seen) == 2:
            token.cancel()

    with pytest.raises(Cancelled):
        import_file(app_context.db, path, ImportOptions(list_name="big"), progress, token)
    assert seen[0].total == size and 0 < seen[0].done <= size
    assert seen[1].done > seen[0].done
    # Nothing half-imported is left behind.
    assert app_context.db.conn.execute("SELECT count(*) FROM recipient_lists").fetchone()[0] == 0
    assert app_context.db.conn.execute("SELECT count(*) FROM recipient_blocks").fetchone()[0] == 0
    assert app_context.db.conn.execute("SELECT count(*) FROM recipient_rejects").fetchone()[0] == 0

    done: list[Progress] = []
    result = import_file(app_context.db, path, ImportOptions(list_name="big"), done.append)
    assert result.valid == 120_000
    assert done[-1].done == size
    repo = RecipientListRepository(app_context.db)
    assert repo.count(result.list_id) == 120_000
    assert repo.window(result.list_id, 119_999, 10)[0][1] == "user119999@example.com"
    positions = repo.ordered_positions(result.list_id, search="user11999", sort="email")
    assert len(positions) == 11
    emails = [row[1] for row in repo.rows_at(result.list_id, positions)]
    assert emails == sorted(emails, key=str.lower)
    assert "user11999@example.com" in emails
