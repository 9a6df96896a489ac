"""The statistics keys begin with the event time; every row is carried over.

The migration is found by name, so its version number can move when branches land.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from teenvio_desktop.core.store import Database
from teenvio_desktop.core.store.database import connect
from teenvio_desktop.core.store.migrations import (
    all_migrations,
    apply_migrations,
    current_version,
)


def _version() -> int:
    (found,) = [m for m in all_migrations() if m.name.endswith("_stats_time_ordered_keys.sql")]
    return found.version


def _stored(conn: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY id")]


def test_statistics_survive_the_new_keys_and_stay_unique(tmp_path: Path) -> None:
    path = tmp_path / "teenvio.sqlite3"
    conn = connect(path)
    apply_migrations(conn, up_to=_version() - 1)
    conn.execute(
        "INSERT INTO campaigns (id, transport, source_system, campaign_ref, state, created_at,"
        " updated_at) VALUES (1, 'rest', 's', 'c', 'sent', '2026-01-01', '2026-01-01')"
    )
    conn.executemany(
        "INSERT INTO stats_interactions (campaign_id, source_system, id_campaign, id_message,"
        " email, type, event_time, link, extra, seq) VALUES (1, 's', 'c', ?, ?, ?, ?, ?, ?, 0)",
        [
            ("7", "a@example.com", "OPEN", "20260102101010", "", None),
            ("7", "a@example.com", "CLICK", "20260102101011", "https://e.example", '{"x": 1}'),
            ("8", "b@example.com", "OPEN", "20260101090909", "", None),
        ],
    )
    conn.execute(
        "INSERT INTO stats_responses (campaign_id, source_system, campaign_ref, message_id,"
        " recipient, type, event_time) VALUES (1, 's', 'c', '7', 'a@example.com', 'Hard',"
        " '20260102101010')"
    )
    before = {t: _stored(conn, t) for t in ("stats_interactions", "stats_responses")}
    conn.close()

    db = Database(path)
    after = {t: _stored(db.conn, t) for t in ("stats_interactions", "stats_responses")}
    assert current_version(db.conn) >= _version()
    assert after == before
    # The same event again is not stored twice; the hard bounce still shows in the view.
    with db.transaction() as tx:
        tx.execute(
            "INSERT INTO stats_interactions (campaign_id, source_system, id_campaign, id_message,"
            " email, type, event_time, link, seq) VALUES (1, 's', 'c', '7', 'a@example.com',"
            " 'OPEN', '20260102101010', '', 0) ON CONFLICT DO NOTHING"
        )
    assert len(_stored(db.conn, "stats_interactions")) == 3
    view = db.conn.execute("SELECT feed, type FROM stats_bounce_view").fetchall()
    assert [tuple(r) for r in view] == [("responses", "Hard")]
    plan = " ".join(
        str(r[3])
        for r in db.conn.execute(
            "EXPLAIN QUERY PLAN SELECT 1 FROM stats_interactions WHERE event_time = ?"
            " AND id_campaign = ?",
            ("x", "y"),
        )
    )
    assert "sqlite_autoindex_stats_interactions" in plan  # the key leads with event_time
    db.close()
