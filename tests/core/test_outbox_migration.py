"""Migrations 008 (uncertain state) and 009 (send leases) on a store with a real outbox."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from teenvio_desktop.core.outbox import OutboxRepository
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.store.database import connect
from teenvio_desktop.core.store.migrations import apply_migrations

NOW = "2026-01-02T03:04:05+00:00"


def test_outbox_rows_survive_and_gain_the_uncertain_state(tmp_path: Path) -> None:
    path = tmp_path / "v7.sqlite3"
    conn = connect(path)
    apply_migrations(conn, up_to=7)
    conn.execute(
        "INSERT INTO campaigns (id, transport, source_system, campaign_ref, created_at,"
        " updated_at) VALUES (1, 'rest', 's', 'c', ?, ?)",
        (NOW, NOW),
    )
    rows = [
        (1, 1, "o1", "a@example.com", "queued", None, 0),
        (2, 2, "o2", "b@example.com", "accepted", "77", 1),
        (3, 3, "o3", "c@example.com", "sending", None, 2),
    ]
    conn.executemany(
        "INSERT INTO outbox_messages (id, campaign_id, seq, outbound_id, recipient, state,"
        " message_id, attempts, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(*row, NOW, NOW) for row in rows],
    )
    with pytest.raises(sqlite3.IntegrityError):  # v7 does not know the state
        conn.execute("UPDATE outbox_messages SET state = 'uncertain' WHERE id = 1")
    conn.close()

    db = Database(path)
    try:
        outbox = OutboxRepository(db)
        got = {m.outbound_id: m for m in outbox.messages(1)}
        assert [(m.state, m.message_id, m.attempts) for m in got.values()] == [
            ("queued", None, 0),
            ("accepted", "77", 1),
            ("sending", None, 2),
        ]
        # Rows that were tried keep their last attempt time (reconciliation windows).
        assert (got["o1"].last_attempt_at, got["o3"].last_attempt_at) == (None, NOW)
        assert outbox.recover_in_flight(1) == 1
        assert outbox.counts(1).uncertain == 1
        assert db.conn.execute("SELECT COUNT(*) FROM send_leases").fetchone()[0] == 0
        indexes = {r["name"] for r in db.conn.execute("PRAGMA index_list(outbox_messages)")}
        assert {"outbox_campaign_recipient", "stats_outbox_message"} <= indexes
    finally:
        db.close()
