"""The single SQLite store: drafts, campaigns, outbox, lists, statistics."""

from teenvio_desktop.core.store.database import Database, SchemaTooNewError
from teenvio_desktop.core.store.migrations import latest_version

__all__ = ["Database", "SchemaTooNewError", "latest_version"]
