"""What the GUI and the command line share once started: the data directory and its store."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from teenvio_desktop.core.paths import DataDir
from teenvio_desktop.core.settings import SettingsRepository
from teenvio_desktop.core.store import Database


@dataclass
class AppContext:
    data_dir: DataDir
    db: Database
    language: str = "en"
    # The embedded sandbox (``sandbox.server.RunningSandbox``) when started with --sandbox.
    sandbox: Any | None = None
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def settings(self) -> SettingsRepository:
        return SettingsRepository(self.db)

    @classmethod
    def open(cls, data_dir: DataDir, *, language: str = "en") -> AppContext:
        data_dir.ensure()
        db = Database(data_dir.database, backup_dir=data_dir.backups)
        return cls(data_dir=data_dir, db=db, language=language)

    def close(self) -> None:
        self.db.close()
