"""Recipient lists: importing any spreadsheet or text, validating, storing, exporting.

The names below are loaded on first use (PEP 562): importing one submodule, such as
``validate``, or the package for the outbox's sake must not pull the importer, the readers
and email-validator into the application's start.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from teenvio_desktop.core.recipients.errors import RecipientImportError
    from teenvio_desktop.core.recipients.importer import (
        ImportOptions,
        ImportResult,
        Preview,
        export_rejects,
        import_file,
        import_text,
        iter_rejects,
        preview_file,
        preview_text,
    )
    from teenvio_desktop.core.recipients.mapping import ColumnMapping
    from teenvio_desktop.core.recipients.readers import SourceFormat
    from teenvio_desktop.core.recipients.report import Reject
    from teenvio_desktop.core.recipients.repository import (
        Recipient,
        RecipientList,
        RecipientListRepository,
    )
    from teenvio_desktop.core.recipients.saved_mappings import MappingRepository, SavedMapping

_WHERE = {
    "RecipientImportError": "errors",
    "ImportOptions": "importer",
    "ImportResult": "importer",
    "Preview": "importer",
    "export_rejects": "importer",
    "import_file": "importer",
    "import_text": "importer",
    "iter_rejects": "importer",
    "preview_file": "importer",
    "preview_text": "importer",
    "ColumnMapping": "mapping",
    "SourceFormat": "readers",
    "Reject": "report",
    "Recipient": "repository",
    "RecipientList": "repository",
    "RecipientListRepository": "repository",
    "MappingRepository": "saved_mappings",
    "SavedMapping": "saved_mappings",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "ColumnMapping",
    "ImportOptions",
    "ImportResult",
    "MappingRepository",
    "Preview",
    "Recipient",
    "RecipientImportError",
    "RecipientList",
    "RecipientListRepository",
    "Reject",
    "SavedMapping",
    "SourceFormat",
    "export_rejects",
    "import_file",
    "import_text",
    "iter_rejects",
    "preview_file",
    "preview_text",
]
