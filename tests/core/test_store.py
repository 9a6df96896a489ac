"""The store: migrations from empty and from every earlier version, backups, crash safety."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from teenvio_desktop.core.store import Database, SchemaTooNewError, latest_version
from teenvio_desktop.core.store.database import connect
from teenvio_desktop.core.store.migrations import all_migrations, apply_migrations, current_version


def _schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
        return [(name, sql or "") for name, sql in rows]
    finally:
        conn.close()


def test_empty_file_migrates_to_latest_with_pragmas(tmp_path: Path) -> None:
    db = Database(tmp_path / "t.sqlite3")
    conn = db.conn
    assert current_version(conn) == latest_version() >= 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_versions_are_contiguous_from_one() -> None:
    versions = [m.version for m in all_migrations()]
    assert versions == list(range(1, versions[-1] + 1))


@pytest.mark.parametrize("start", [m.version for m in all_migrations()][:-1])
def test_every_earlier_version_migrates_to_the_same_schema(tmp_path: Path, start: int) -> None:
    fresh = tmp_path / "fresh.sqlite3"
    Database(fresh).close()
    old = tmp_path / "old.sqlite3"
    conn = connect(old)
    apply_migrations(conn, up_to=start)
    assert current_version(conn) == start
    conn.execute("INSERT INTO settings (key, value) VALUES ('kept', '\"yes\"')")
    conn.close()
    backups = tmp_path / "backups"
    db = Database(old, backup_dir=backups)
    assert current_version(db.conn) == latest_version()
    assert db.conn.execute("SELECT value FROM settings WHERE key='kept'").fetchone()[0] == '"yes"'
    db.close()
    assert _schema(old) == _schema(fresh)
    saved = list(backups.glob("*.sqlite3"))
    assert len(saved) == 1 and f"-v{start}-" in saved[0].name
    assert current_version(sqlite3.connect(saved[0])) == start


def test_newer_schema_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    conn.close()
    with pytest.raises(SchemaTooNewError) as info:
        Database(path)
    assert "newer version" in str(info.value) and "--data-dir" in str(info.value)


def test_transaction_rolls_back_as_a_whole(tmp_path: Path) -> None:
    db = Database(tmp_path / "t.sqlite3")
    with pytest.raises(RuntimeError), db.transaction() as conn:
        conn.execute("INSERT INTO settings VALUES ('a', '1')")
        conn.execute("INSERT INTO settings VALUES ('b', '2')")
        raise RuntimeError("boom")
    assert db.conn.execute("SELECT COUNT(*) FROM settings").fetchone()[0] == 0
    db.close()


WRITER = """
import sys
from pathlib import Path
from teenvio_desktop.core.store import Database
db = Database(Path(sys.argv[1]))
round_ = sys.argv[2]
i = 0
while True:
    with db.transaction() as conn:
        for j in range(50):
            key = f"r{round_}-k{i}-{j}"
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (key, "1"))
    i += 1
    if i == 5:
        print("writing", flush=True)  # killed from here on, in the middle of its writes
"""


def test_write_killed_midway_leaves_a_consistent_database(tmp_path: Path) -> None:
    path = tmp_path / "killed.sqlite3"
    for round_ in range(3):
        with subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(round_)],
            stdout=subprocess.PIPE,
            text=True,
        ) as proc:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        db = Database(path)
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = db.conn.execute(
            "SELECT COUNT(*) FROM settings WHERE key LIKE ?", (f"r{round_}-%",)
        ).fetchone()[0]
        assert count >= 5 * 50 and count % 50 == 0  # whole transactions only
        db.close()


def test_a_thread_closes_its_own_connections(tmp_path: Path) -> None:
    import threading

    db = Database(tmp_path / "t.sqlite3")
    seen: list[sqlite3.Connection] = []

    def work() -> None:
        seen.append(db.conn)
        Database.close_connections_of_this_thread()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    with pytest.raises(sqlite3.ProgrammingError):
        seen[0].execute("SELECT 1")
    assert db.conn.execute("SELECT 1").fetchone()[0] == 1  # the main thread's is untouched
    db.close()
