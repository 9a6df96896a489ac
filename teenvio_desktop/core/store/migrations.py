"""Forward-only schema migrations, one SQL file per version.

``schema/NNN_name.sql`` holds the change that takes the database to version NNN. Files
are applied in order, each in its own transaction together with ``PRAGMA user_version``,
so a crash leaves the database at the previous version, never in between. A released
migration file is never edited: a later change is a new file.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

_FILE_PATTERN = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def all_migrations() -> list[Migration]:
    """Every migration shipped with the package, in version order."""
    schema_dir = resources.files("teenvio_desktop.core.store") / "schema"
    found: list[Migration] = []
    for entry in schema_dir.iterdir():
        match = _FILE_PATTERN.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"duplicate schema versions: {versions}")
    return found


def latest_version() -> int:
    migrations = all_migrations()
    return migrations[-1].version if migrations else 0


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def apply_migrations(conn: sqlite3.Connection, *, up_to: int | None = None) -> list[int]:
    """Apply pending migrations (optionally stopping at ``up_to``); return versions applied."""
    applied: list[int] = []
    start = current_version(conn)
    for migration in all_migrations():
        if migration.version <= start or (up_to is not None and migration.version > up_to):
            continue
        script = (
            f"BEGIN IMMEDIATE;\n{migration.sql}\n"
            f"PRAGMA user_version = {migration.version};\nCOMMIT;"
        )
        try:
            conn.executescript(script)
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied
