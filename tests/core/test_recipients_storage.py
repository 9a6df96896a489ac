"""Members in blocks: packing, deduplication, reading by position, SMTPUTF8, migration."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from teenvio_desktop.core.addresses import needs_smtputf8
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.recipients import (
    RecipientListRepository,
    add_member,
    delete_member,
    import_text,
)
from teenvio_desktop.core.recipients.dedupe import SeenAddresses
from teenvio_desktop.core.recipients.packing import (
    pack_rows,
    pack_values,
    unpack_rows,
    unpack_values,
)
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.store.database import connect
from teenvio_desktop.core.store.migrations import apply_migrations

TEXT = st.text(alphabet=st.sampled_from(list("ab ,\n\x1e\x1f\"'é€")), max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=8), st.integers(1, 4), st.lists(TEXT, max_size=30))
def test_packed_values_and_rows_read_back_unchanged(
    values: list[str], width: int, cells: list[str]
) -> None:
    assert unpack_values(pack_values(values), len(values)) == values
    rows = [cells[i : i + width] for i in range(0, len(cells) - len(cells) % width, width)]
    assert unpack_rows(pack_rows(rows, width), len(rows)) == rows
    plain = pack_values(["a", "b"])
    assert plain == "Sa\x1eb" and pack_values(["a\x1eb"]).startswith("J")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(["a", "b", "ab", "ba", "c", "", "ñ", "x" * 5]), max_size=40)),
    st.sampled_from([0, 3, 1_000]),
)
def test_repeats_are_found_like_a_set_would(batches: list[list[str]], exact_limit: int) -> None:
    seen = SeenAddresses(exact_limit)  # past the limit, fingerprints instead of the set
    reference: set[str] = set()
    for batch in batches:
        expected = []
        for key in batch:
            expected.append(key not in reference)
            reference.add(key)
        assert seen.keep_first(batch) == expected
    assert seen.count == len(reference)


def test_deduplication_stays_exact_over_many_batches() -> None:
    for limit in (1_000_000, 20_000):  # the set only, then the set moved to fingerprints
        seen = SeenAddresses(limit)
        for batch in range(200):
            keys = [f"user{batch * 500 + i}@example.com" for i in range(500)]
            assert all(seen.keep_first(keys))
            repeats = [
                f"USER{(batch * 7919 + i) % ((batch + 1) * 500)}@example.com".lower()
                for i in range(50)
            ]
            assert not any(seen.keep_first(repeats))
        assert seen.count == 100_000


def test_needs_smtputf8_looks_at_the_local_part_only() -> None:
    assert needs_smtputf8("josé@example.es")
    assert needs_smtputf8('"ñ@x"@example.com')
    assert not needs_smtputf8("jose@españa.es")  # IDN domain: sent as punycode
    assert not needs_smtputf8("jose@example.es")


def test_members_the_smtp_api_cannot_take_are_counted_and_named(
    app_context: AppContext,
) -> None:
    rows = "\n".join(
        ["email"]
        + [f"josé{i}@example.es" if i % 100 == 7 else f"u{i}@españa.es" for i in range(1_000)]
    )
    result = import_text(app_context.db, rows)
    repo = RecipientListRepository(app_context.db)
    assert repo.smtputf8_count(result.list_id) == 10
    assert repo.smtputf8_members(result.list_id, limit=3) == [
        (7, "josé7@example.es"),
        (107, "josé107@example.es"),
        (207, "josé207@example.es"),
    ]
    assert repo.smtputf8_members(result.list_id, offset=9) == [(907, "josé907@example.es")]
    delete_member(app_context.db, result.list_id, 7)
    add_member(app_context.db, result.list_id, "ñu@example.com")
    assert repo.smtputf8_count(result.list_id) == 10
    assert repo.smtputf8_members(result.list_id, offset=8) == [
        (906, "josé907@example.es"),
        (999, "ñu@example.com"),
    ]
    first = repo.rows_at(result.list_id, [106])[0]
    assert first[1] == "josé107@example.es"


def test_search_and_sort_over_blocks(app_context: AppContext) -> None:
    text = "email,nombre,ciudad\n" + "".join(
        f"u{i}@example.com,Nombre {999 - i},{'Ávila' if i % 2 else 'Bilbao'}\n"
        for i in range(1_000)
    )
    result = import_text(app_context.db, text)
    repo = RecipientListRepository(app_context.db)
    # "Nombre 999" to "Nombre 990" and "Nombre 99", in the address or the name, any case
    found = repo.ordered_positions(result.list_id, search="NOMBRE 99")
    assert found == [*range(10), 900]
    by_name = repo.ordered_positions(result.list_id, sort="name")
    assert by_name[:2] == [999, 998]
    by_city = repo.ordered_positions(result.list_id, sort="field:2", descending=True)
    assert [repo.rows_at(result.list_id, [p])[0][3][2] for p in by_city[:1]] == ["Bilbao"]
    assert by_city[-1] == 1  # ties keep the list's order, reversed when descending
    assert repo.ordered_positions(result.list_id, search="zzz") == []


def test_existing_lists_are_carried_over_by_the_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = connect(path)
    apply_migrations(conn, up_to=7)
    conn.execute(
        "INSERT INTO recipient_lists (id, name, columns, source, state, member_count, "
        "created_at, updated_at) VALUES (1, 'Clientes', '[\"ciudad\", \"nota\"]', 'c.csv', "
        "'ready', 600, 't', 't'), (2, 'Medio', '[]', 'm.csv', 'importing', 1, 't', 't')"
    )
    members = [
        (
            1,
            i,
            f"josé{i}@example.es" if i % 250 == 3 else f"u{i}@example.com",
            f" Nombre {i} ",
            json.dumps([f"Ciudad {i}", "a\x1eb" if i == 5 else ""]),
        )
        for i in range(600)
    ]
    conn.executemany("INSERT INTO recipient_members VALUES (?, ?, ?, ?, ?)", members)
    conn.execute("INSERT INTO recipient_members VALUES (2, 0, 'x@example.com', '', '[]')")
    conn.close()

    db = Database(path)
    repo = RecipientListRepository(db)
    (kept,) = repo.lists()
    assert (kept.id, kept.name, kept.count, kept.columns) == (
        1,
        "Clientes",
        600,
        ("ciudad", "nota"),
    )
    assert kept.merge_fields == ["email", "name", "ciudad", "nota"]
    read = list(repo.iter_members(1))
    assert len(read) == 600
    assert (read[5].email, read[5].name, read[5].fields) == (
        "u5@example.com",
        "Nombre 5",
        {"ciudad": "Ciudad 5", "nota": "a\x1eb"},
    )
    assert repo.window(1, 598, 5)[1] == (599, "u599@example.com", "Nombre 599", ["Ciudad 599", ""])
    assert [p for p, _ in repo.smtputf8_members(1)] == [3, 253, 503]
    assert db.conn.execute("SELECT count(*) FROM recipient_lists").fetchone()[0] == 1
    assert add_member(db, 1, "nuevo@example.com", "Nuevo", {"ciudad": "Soria"}) == 600
    assert repo.window(1, 600, 1)[0][3] == ["Soria", ""]
    db.close()
