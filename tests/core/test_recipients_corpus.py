"""Every file of the corpus imports with its expected counts, or fails with a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.recipients import (
    ImportOptions,
    RecipientImportError,
    RecipientListRepository,
    import_file,
    iter_rejects,
)
from teenvio_desktop.core.suppression import SuppressionList

CORPUS = Path(__file__).parent / "recipients_corpus"

# file: (valid, invalid, duplicates, encoding, delimiter, email column, merge fields)
EXPECTED: dict[str, tuple[int, int, int, str, str, str, list[str]]] = {
    "utf8_comma.csv": (4, 2, 2, "utf-8", ",", "email", ["email", "name", "city"]),
    "utf8_bom_semicolon.csv": (
        3,
        1,
        0,
        "utf-8-sig",
        ";",
        "Correo electrónico",
        ["Correo electrónico", "Nombre", "Empresa", "Ciudad"],
    ),
    "cp1252_semicolon.csv": (
        3,
        1,
        0,
        "cp1252",
        ";",
        "Dirección",
        ["Dirección", "Nombre", "Población", "Cargo"],
    ),
    "utf16le_tab.txt": (3, 0, 1, "utf-16", "\t", "E-mail", ["E-mail", "First name", "Country"]),
    "utf16be_tab.tsv": (3, 0, 1, "utf-16", "\t", "E-mail", ["E-mail", "First name", "Country"]),
    "pipe_no_header.txt": (3, 1, 0, "utf-8", "|", "column 1", ["column 1", "column 2", "column 3"]),
    "addresses_only.txt": (3, 0, 1, "utf-8", ",", "column 1", ["column 1"]),
    "quoted_newlines.csv": (3, 1, 0, "utf-8", ",", "email", ["email", "name", "notes"]),
    "wrong_fields.csv": (3, 2, 0, "utf-8", ";", "email", ["email", "name", "city"]),
    "mixed_encoding.csv": (3, 0, 0, "utf-8", ",", "email", ["email", "name"]),
    "international.csv": (3, 3, 1, "utf-8", ",", "email", ["email", "nombre"]),
    "contacts.xlsx": (3, 1, 1, "", "", "Email", ["Email", "Nombre", "Teléfono", "Alta"]),
    "contacts.ods": (3, 1, 1, "", "", "Email", ["Email", "Nombre", "Teléfono", "Alta"]),
}

FAILING: dict[str, str] = {
    "empty.csv": "is empty",
    "blank_lines.csv": "is empty",
    "binary.csv": "is not a text file",
    "no_address.csv": "No column of email addresses",
    "truncated.xlsx": "may be damaged or incomplete",
    "unclosed_quote.csv": "A quote that is never closed",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file_imports_with_expected_counts(name: str, app_context: AppContext) -> None:
    valid, invalid, duplicates, encoding, delimiter, email, fields = EXPECTED[name]
    result = import_file(app_context.db, CORPUS / name)
    assert (result.valid, result.invalid, result.duplicates, result.suppressed) == (
        valid,
        invalid,
        duplicates,
        0,
    )
    assert result.format.encoding == encoding
    assert result.format.delimiter == delimiter
    assert result.mapping.email == email
    assert result.columns == fields
    repo = RecipientListRepository(app_context.db)
    assert repo.count(result.list_id) == valid
    members = list(repo.iter_members(result.list_id))
    assert len({m.email.lower() for m in members}) == valid
    stored_rejects = list(iter_rejects(app_context.db, result.list_id))
    assert len(stored_rejects) == invalid + duplicates
    assert all(r.line >= 1 for r in stored_rejects)


@pytest.mark.parametrize("name", sorted(FAILING))
def test_corpus_file_fails_clearly_and_leaves_nothing(name: str, app_context: AppContext) -> None:
    with pytest.raises(RecipientImportError) as info:
        import_file(app_context.db, CORPUS / name)
    assert FAILING[name] in str(info.value)
    assert RecipientListRepository(app_context.db).lists() == []
    left = app_context.db.conn.execute("SELECT count(*) FROM recipient_lists").fetchone()[0]
    assert left == 0


def test_values_are_decoded_and_normalised(app_context: AppContext) -> None:
    repo = RecipientListRepository(app_context.db)
    result = import_file(app_context.db, CORPUS / "cp1252_semicolon.csv")
    members = list(repo.iter_members(result.list_id))
    assert members[0].name == "José Muñoz"
    assert members[1].fields == {
        "Dirección": "ines@example.es",
        "Nombre": "Inés Ibáñez",
        "Población": "A Coruña",
        "Cargo": "Señora de la «casa»",
    }
    assert members[2].fields["Cargo"] == "€uro manager"

    result = import_file(app_context.db, CORPUS / "utf8_comma.csv")
    emails = [m.email for m in repo.iter_members(result.list_id)]
    # whitespace trimmed, domain lower-cased, the local part left as written, first kept
    assert emails == [
        "ana@example.com",
        "luis@example.com",
        "maria@example.org",
        "pedro@example.net",
    ]
    first, second = list(repo.iter_members(result.list_id))[:2]
    assert first.name == "Ana"
    assert first.fields == {"email": "ana@example.com", "name": "Ana", "city": "Madrid"}
    # The address column's merge field holds the normalised address; the rest as read.
    assert second.fields == {"email": "luis@example.com", "name": "Luis", "city": "Sevilla"}


def test_mixed_encoding_keeps_every_character(app_context: AppContext) -> None:
    result = import_file(app_context.db, CORPUS / "mixed_encoding.csv")
    names = [m.name for m in RecipientListRepository(app_context.db).iter_members(result.list_id)]
    assert names == ["Ana Peña", "José Muñoz", "Núria"]
    assert result.mixed_encoding_bytes == 2


def test_wrong_field_counts_are_reported_not_shifted(app_context: AppContext) -> None:
    result = import_file(app_context.db, CORPUS / "wrong_fields.csv")
    repo = RecipientListRepository(app_context.db)
    members = {m.email: m for m in repo.iter_members(result.list_id)}
    assert set(members) == {"ok1@example.com", "trailing@example.com", "ok2@example.com"}
    assert members["trailing@example.com"].fields == {
        "email": "trailing@example.com",
        "name": "Trailing",
        "city": "Madrid",
    }
    rejects = list(iter_rejects(app_context.db, result.list_id))
    assert [(r.line, r.reason) for r in rejects] == [
        (3, "wrong_field_count"),
        (4, "wrong_field_count"),
    ]
    assert rejects[1].raw == ("long@example.com", "Long", "Madrid", "extra")


def test_reject_lines_count_physical_lines_of_quoted_records(app_context: AppContext) -> None:
    result = import_file(app_context.db, CORPUS / "quoted_newlines.csv")
    (reject,) = list(iter_rejects(app_context.db, result.list_id))
    # header is line 1, the first record spans lines 2-3, the second is line 4
    assert (reject.line, reject.value, reject.reason) == (
        5,
        "bad address@example.com",
        "invalid_address",
    )
    members = list(RecipientListRepository(app_context.db).iter_members(result.list_id))
    assert members[0].name == "Smith, John"
    assert members[0].fields["notes"] == "line one\r\nline two"
    assert members[1].name == 'O\'Brien "Bob"'


def test_second_sheet_is_selectable(app_context: AppContext) -> None:
    for name in ("contacts.xlsx", "contacts.ods"):
        result = import_file(
            app_context.db, CORPUS / name, ImportOptions(sheet="Proveedores", list_name=name)
        )
        assert result.valid == 2
        assert result.format.sheets == ("Clientes", "Proveedores")
        assert result.columns == ["correo", "empresa"]
    with pytest.raises(RecipientImportError, match="no sheet named"):
        import_file(app_context.db, CORPUS / "contacts.xlsx", ImportOptions(sheet="Nope"))


def test_spreadsheet_numbers_read_as_people_see_them(app_context: AppContext) -> None:
    result = import_file(app_context.db, CORPUS / "contacts.xlsx")
    first = next(RecipientListRepository(app_context.db).iter_members(result.list_id))
    assert first.fields == {
        "Email": "carmen@example.com",
        "Nombre": "Carmen",
        "Teléfono": "600123456",
        "Alta": "2024-01-15",
    }


def test_suppressed_addresses_are_left_out_and_counted(app_context: AppContext) -> None:
    suppression = SuppressionList(app_context.db)
    suppression.add("LUIS@example.com", "hard_bounce")
    suppression.add("pedro@example.net", "unsubscribe")
    result = import_file(app_context.db, CORPUS / "utf8_comma.csv")
    assert (result.valid, result.suppressed, result.duplicates) == (2, 2, 2)
    emails = {m.email for m in RecipientListRepository(app_context.db).iter_members(result.list_id)}
    assert emails == {"ana@example.com", "maria@example.org"}
