"""Recipient lists: importing any spreadsheet or text, validating, storing, exporting."""

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
