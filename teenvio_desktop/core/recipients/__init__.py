"""Recipient lists: importing any spreadsheet or text, validating, storing, exporting.

The names below are loaded on first use (PEP 562): importing one small module of the
package, such as ``cleanup`` at start-up, does not pull in the importer's dependencies.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from teenvio_desktop.core.recipients.errors import RecipientImportError
    from teenvio_desktop.core.recipients.importer import (
        ImportResult,
        default_list_name,
        export_rejects,
        find_clash,
        import_file,
        import_text,
        iter_rejects,
        suggest_name,
    )
    from teenvio_desktop.core.recipients.layout import (
        ImportOptions,
        Preview,
        preview_file,
        preview_text,
    )
    from teenvio_desktop.core.recipients.mapping import ColumnMapping
    from teenvio_desktop.core.recipients.members import (
        DeletedMember,
        add_member,
        delete_member,
        restore_member,
        update_member,
    )
    from teenvio_desktop.core.recipients.models import Recipient, RecipientList
    from teenvio_desktop.core.recipients.readers import SourceFormat
    from teenvio_desktop.core.recipients.report import Reject
    from teenvio_desktop.core.recipients.repository import MemberRow, RecipientListRepository
    from teenvio_desktop.core.recipients.saved_mappings import MappingRepository, SavedMapping

_EXPORTS = {
    "RecipientImportError": "errors",
    "ImportOptions": "layout",
    "ImportResult": "importer",
    "Preview": "layout",
    "default_list_name": "importer",
    "export_rejects": "importer",
    "find_clash": "importer",
    "import_file": "importer",
    "import_text": "importer",
    "iter_rejects": "importer",
    "preview_file": "layout",
    "preview_text": "layout",
    "suggest_name": "importer",
    "ColumnMapping": "mapping",
    "DeletedMember": "members",
    "add_member": "members",
    "delete_member": "members",
    "restore_member": "members",
    "update_member": "members",
    "SourceFormat": "readers",
    "Reject": "report",
    "MemberRow": "repository",
    "Recipient": "models",
    "RecipientList": "models",
    "RecipientListRepository": "repository",
    "MappingRepository": "saved_mappings",
    "SavedMapping": "saved_mappings",
}

__all__ = [
    "ColumnMapping",
    "DeletedMember",
    "ImportOptions",
    "ImportResult",
    "MappingRepository",
    "MemberRow",
    "Preview",
    "Recipient",
    "RecipientImportError",
    "RecipientList",
    "RecipientListRepository",
    "Reject",
    "SavedMapping",
    "SourceFormat",
    "add_member",
    "default_list_name",
    "delete_member",
    "export_rejects",
    "find_clash",
    "import_file",
    "import_text",
    "iter_rejects",
    "preview_file",
    "preview_text",
    "restore_member",
    "suggest_name",
    "update_member",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
