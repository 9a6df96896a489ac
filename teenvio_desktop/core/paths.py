"""Where the application keeps its state: one data directory per user.

Resolution order: an explicit ``--data-dir``, then ``TEENVIO_DESKTOP_HOME``, then the
platform's user data directory (platformdirs).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from teenvio_desktop import APP_NAME

DATA_DIR_ENV = "TEENVIO_DESKTOP_HOME"


@dataclass(frozen=True)
class DataDir:
    """The data directory and the well-known places inside it."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "teenvio.sqlite3"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def sandbox(self) -> Path:
        return self.root / "sandbox"

    def ensure(self) -> DataDir:
        """Create the directory tree (private to the user) and return self."""
        for path in (self.root, self.logs, self.backups):
            path.mkdir(parents=True, exist_ok=True)
        # Some file systems (e.g. network shares) refuse; not fatal.
        with contextlib.suppress(OSError):
            self.root.chmod(0o700)
        return self


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> DataDir:
    """The data directory to use, without creating it."""
    if explicit:
        return DataDir(Path(explicit).expanduser().resolve())
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return DataDir(Path(from_env).expanduser().resolve())
    return DataDir(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
