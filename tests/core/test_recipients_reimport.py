"""Re-importing under an existing name (clash, replace, append) and editing single members."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.recipients import (
    ColumnMapping,
    ImportOptions,
    RecipientImportError,
    RecipientListRepository,
    add_member,
    delete_member,
    find_clash,
    import_file,
    iter_rejects,
    restore_member,
    suggest_name,
    update_member,
)
from teenvio_desktop.core.suppression import SuppressionList
from teenvio_desktop.core.tasks import Progress


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_a_taken_name_is_found_before_importing(app_context: AppContext, tmp_path: Path) -> None:
    db = app_context.db
    first = _csv(tmp_path / "clientes.csv", [["email", "nombre"], ["ana@example.com", "Ana"]])
    assert find_clash(db, "Clientes") is None
    original = import_file(db, first, ImportOptions(list_name="Clientes"))
    clash = find_clash(db, " clientes ")
    assert clash is not None and clash.id == original.list_id
    assert suggest_name(db, "Clientes") == "Clientes (2)"
    with pytest.raises(RecipientImportError, match="already exists"):
        import_file(db, first, ImportOptions(list_name="clientes"))
    # Without a name the file's name is used, made unique: never a clash.
    again = import_file(db, first)
    assert again.list_name == "clientes (2)"


def test_replace_keeps_the_list_and_swaps_its_members(
    app_context: AppContext, tmp_path: Path
) -> None:
    db = app_context.db
    repo = RecipientListRepository(db)
    old = _csv(
        tmp_path / "v1.csv",
        [["email", "nombre"], ["ana@example.com", "Ana"], ["bad", "X"], ["luis@example.com", "L"]],
    )
    original = import_file(db, old, ImportOptions(list_name="Clientes"))
    new = _csv(
        tmp_path / "v2.csv",
        [["correo", "ciudad"], ["eva@example.com", "Vigo"], ["ANA@example.com", "Lugo"]],
    )
    result = import_file(db, new, ImportOptions(list_name="Clientes", on_clash="replace"))
    assert (result.mode, result.list_id, result.valid, result.total) == (
        "replace",
        original.list_id,
        2,
        2,
    )
    info = repo.get(original.list_id)
    assert (info.columns, info.count, info.email_column) == (("correo", "ciudad"), 2, "correo")
    assert [m.email for m in repo.iter_members(info.id)] == ["eva@example.com", "ANA@example.com"]
    assert list(iter_rejects(db, info.id)) == []  # the report is the latest import's
    assert [x.name for x in repo.lists()] == ["Clientes"]


def test_append_adds_only_new_addresses_and_new_columns(
    app_context: AppContext, tmp_path: Path
) -> None:
    db = app_context.db
    repo = RecipientListRepository(db)
    base = [["email", "nombre"]] + [[f"u{i}@example.com", f"N{i}"] for i in range(600)]
    original = import_file(db, _csv(tmp_path / "v1.csv", base), ImportOptions(list_name="L"))
    update = _csv(
        tmp_path / "v2.csv",
        [
            ["ciudad", "email"],
            ["Vigo", "U5@EXAMPLE.com"],  # already a member (any case): a repeat
            ["Lugo", "nuevo@example.com"],
            ["Soria", "nuevo@example.com"],
            ["León", "mal"],
        ],
    )
    result = import_file(db, update, ImportOptions(list_name="L", on_clash="append"))
    assert (result.mode, result.list_id) == ("append", original.list_id)
    assert (result.valid, result.duplicates, result.invalid, result.total) == (1, 2, 1, 601)
    info = repo.get(original.list_id)
    assert info.columns == ("email", "nombre", "ciudad")
    assert info.merge_fields == ["email", "name", "nombre", "ciudad"]
    (last,) = repo.window(info.id, 600, 5)
    assert last == (600, "nuevo@example.com", "", ["nuevo@example.com", "", "Lugo"])
    first = next(repo.iter_members(info.id))
    assert first.fields == {"email": "u0@example.com", "nombre": "N0", "ciudad": ""}
    assert [(r.line, r.reason) for r in iter_rejects(db, info.id)] == [
        (2, "duplicate"),
        (4, "duplicate"),
        (5, "invalid_address"),
    ]


def test_a_list_changed_during_an_append_stops_it(app_context: AppContext, tmp_path: Path) -> None:
    db = app_context.db
    original = import_file(
        db, _csv(tmp_path / "a.csv", [["email"], ["a@example.com"]]), ImportOptions(list_name="L")
    )
    rows = [["email"]] + [[f"n{i}@example.com"] for i in range(20_000)]
    edited: list[int] = []

    def edit_meanwhile(report: Progress) -> None:
        if not edited:
            edited.append(add_member(db, original.list_id, "late@example.com"))

    with pytest.raises(RecipientImportError, match="changed while the file was being imported"):
        import_file(
            db,
            _csv(tmp_path / "b.csv", rows),
            ImportOptions("L", on_clash="append"),
            edit_meanwhile,
        )
    repo = RecipientListRepository(db)
    assert [m.email for m in repo.iter_members(original.list_id)] == [
        "a@example.com",
        "late@example.com",
    ]
    assert db.conn.execute("SELECT count(*) FROM recipient_lists").fetchone()[0] == 1


def test_members_are_added_corrected_deleted_and_restored(
    app_context: AppContext, tmp_path: Path
) -> None:
    db = app_context.db
    repo = RecipientListRepository(db)
    rows = [["email", "nombre", "ciudad"]] + [
        [f"u{i}@example.com", f"N{i}", "X"] for i in range(300)
    ]
    result = import_file(db, _csv(tmp_path / "m.csv", rows), ImportOptions(list_name="M"))
    list_id = result.list_id

    position = add_member(db, list_id, " Nueva@Example.COM ", "Nueva", {"ciudad": "Jaén"})
    assert position == 300
    assert repo.window(list_id, 300, 1) == [
        (300, "Nueva@example.com", "Nueva", ["Nueva@example.com", "Nueva", "Jaén"])
    ]
    with pytest.raises(RecipientImportError, match="already in the list"):
        add_member(db, list_id, "U7@example.com")
    with pytest.raises(RecipientImportError, match="not a valid email address"):
        add_member(db, list_id, "no@@valid")
    with pytest.raises(RecipientImportError, match="no column"):
        add_member(db, list_id, "x@example.com", fields={"país": "ES"})
    SuppressionList(db).add("baja@example.com", "unsubscribe")
    with pytest.raises(RecipientImportError, match="suppression list"):
        add_member(db, list_id, "baja@example.com")

    update_member(db, list_id, 7, email="siete@example.com", fields={"ciudad": "Cuenca"})
    update_member(db, list_id, 8, name="Ocho")
    assert repo.rows_at(list_id, [8, 7]) == [
        (8, "u8@example.com", "Ocho", ["u8@example.com", "Ocho", "X"]),
        (7, "siete@example.com", "N7", ["siete@example.com", "N7", "Cuenca"]),
    ]
    with pytest.raises(RecipientImportError, match="already in the list"):
        update_member(db, list_id, 9, email="SIETE@example.com")
    update_member(db, list_id, 9, email="U9@example.com")  # its own address, another case

    gone = delete_member(db, list_id, 256)  # the first member of the second block
    assert (gone.position, gone.email) == (256, "u256@example.com")
    assert repo.count(list_id) == 300
    assert repo.window(list_id, 255, 2)[1][1] == "u257@example.com"
    assert restore_member(db, gone) == 256
    assert [r[1] for r in repo.window(list_id, 255, 3)] == [
        "u255@example.com",
        "u256@example.com",
        "u257@example.com",
    ]
    assert repo.count(list_id) == 301
    with pytest.raises(RecipientImportError, match="no longer exists"):
        delete_member(db, list_id, 301)


def test_deleting_every_member_and_undoing(app_context: AppContext, tmp_path: Path) -> None:
    db = app_context.db
    repo = RecipientListRepository(db)
    result = import_file(
        db,
        _csv(tmp_path / "two.csv", [["email"], ["a@example.com"], ["b@example.com"]]),
        ImportOptions(list_name="Two", mapping=ColumnMapping(email="email")),
    )
    first = delete_member(db, result.list_id, 0)
    second = delete_member(db, result.list_id, 0)
    assert repo.count(result.list_id) == 0 and repo.window(result.list_id, 0, 10) == []
    restore_member(db, second)
    restore_member(db, first)
    assert [m.email for m in repo.iter_members(result.list_id)] == [
        "a@example.com",
        "b@example.com",
    ]
    assert add_member(db, result.list_id, "c@example.com") == 2
