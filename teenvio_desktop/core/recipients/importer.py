"""Importing a file or pasted text into a recipient list (previewing it: ``layout.py``).

The rows stream through ``pipeline.MemberPipeline`` in batches (validated, deduplicated
case-insensitively, suppressed addresses left out, every row left out recorded with its
line and reason) into a provisional list (state ``importing``) that becomes visible only
at the end, in one transaction; it is removed on cancel or error, and at the next start
if the process died (``cleanup.py``). Every column of the file stays a merge field under
its own name (``ColumnMapping.field_columns``).

A list name that is already taken is a clash, found before any row is read
(:func:`find_clash`): ``ImportOptions.on_clash`` says whether to stop (``"error"``),
replace the list's members (``"replace"``) or add the new addresses to it
(``"append"``, repeats of its members left out); a new name avoids it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from teenvio_desktop.core.recipients import errors
from teenvio_desktop.core.recipients import report as R
from teenvio_desktop.core.recipients.blocks import Mapped
from teenvio_desktop.core.recipients.bulk import cyclic_gc_paused
from teenvio_desktop.core.recipients.dedupe import SeenAddresses
from teenvio_desktop.core.recipients.layout import (
    ImportOptions,
    Layout,
    Preview,
    open_input,
    preview_file,
    preview_text,
    settle_layout,
    use_saved_mapping,
)
from teenvio_desktop.core.recipients.mapping import ColumnMapping
from teenvio_desktop.core.recipients.models import RecipientList
from teenvio_desktop.core.recipients.packing import unpack_values
from teenvio_desktop.core.recipients.pipeline import KEEP_REJECTS, MemberPipeline, RowPlan
from teenvio_desktop.core.recipients.readers import SHEET_KIND, RowSource, SourceFormat
from teenvio_desktop.core.recipients.reimport import (
    CLASH_POLICIES,
    finish_append,
    finish_replace,
    remember_members,
)
from teenvio_desktop.core.recipients.repository import RecipientListRepository
from teenvio_desktop.core.recipients.saved_mappings import MappingRepository
from teenvio_desktop.core.recipients.sniff import mixed_bytes
from teenvio_desktop.core.recipients.writer import BlockWriter, ListVanished
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.suppression import SuppressionList
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback, no_progress

__all__ = [  # the layout names are re-exported for their older callers
    "KEEP_REJECTS",
    "ImportOptions",
    "ImportResult",
    "Layout",
    "Preview",
    "import_file",
    "import_text",
    "preview_file",
    "preview_text",
    "settle_layout",
    "use_saved_mapping",
]


@dataclass
class ImportResult:
    list_id: int
    list_name: str
    valid: int  # members this import added
    invalid: int
    duplicates: int
    suppressed: int
    columns: list[str]  # the list's merge fields: every column, under its own name
    mapping: ColumnMapping
    format: SourceFormat
    rows_read: int
    reasons: dict[str, int] = field(default_factory=dict)
    rejects: list[R.Reject] = field(default_factory=list)  # the first KEEP_REJECTS
    mixed_encoding_bytes: int = 0  # bytes decoded as Windows-1252 in a file of another encoding
    mode: str = "new"  # "new", "replace" or "append"
    total: int = 0  # members of the list after the import

    def counts(self) -> dict[str, int]:
        return {
            "valid": self.valid,
            "invalid": self.invalid,
            "duplicates": self.duplicates,
            "suppressed": self.suppressed,
            "rows": self.rows_read,
        }

    @property
    def rejected(self) -> int:
        return self.invalid + self.duplicates + self.suppressed

    def summary(self) -> dict[str, object]:
        return {
            "valid": self.valid,
            "invalid": self.invalid,
            "duplicates": self.duplicates,
            "suppressed": self.suppressed,
            "list": self.list_name,
            "list_id": self.list_id,
            "mode": self.mode,
            "members": self.total,
            "columns": self.columns,
            "rows": self.rows_read,
            "reasons": self.reasons,
            "encoding": self.format.encoding,
            "delimiter": self.format.delimiter,
            "sheet": self.format.sheet,
            "email_column": self.mapping.email,
            "name_column": self.mapping.name,
            "mixed_encoding_bytes": self.mixed_encoding_bytes,
        }


# -- clashes -------------------------------------------------------------------------------
def find_clash(db: Database, name: str) -> RecipientList | None:
    """The existing list an import named ``name`` would clash with, if any.

    Ask before importing; then import with ``on_clash="replace"`` or ``"append"``, or
    under another name (:func:`suggest_name` gives a free one)."""
    return RecipientListRepository(db).find(name) if name.strip() else None


def suggest_name(db: Database, wanted: str) -> str:
    """``wanted``, or the first free ``wanted (2)``, ``wanted (3)``..."""
    return RecipientListRepository(db).unique_name(wanted)


def default_list_name(path: Path | str, *, text: bool = False) -> str:
    """The name a list gets when none is given: the file's name without its extension."""
    return "clipboard" if text else Path(path).stem or "list"


# -- import --------------------------------------------------------------------------------
def import_file(
    db: Database,
    path: Path | str,
    options: ImportOptions | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    *,
    text: bool = False,
) -> ImportResult:
    """Import ``path`` (or, with ``text=True``, pasted text) into a list."""
    options = options or ImportOptions()
    if options.on_clash not in CLASH_POLICIES:
        raise ValueError(f"on_clash must be one of {CLASH_POLICIES}")
    cancel = cancel or CancelToken()
    lists = RecipientListRepository(db)
    with open_input(path, options, text=text, cancel=cancel) as source:
        layout = settle_layout(source, options, db)
        if layout.mapping is None:
            assert layout.mapping_error is not None
            raise layout.mapping_error
        mapping = layout.mapping
        if options.list_name:
            name = options.list_name.strip()
            if not name:
                raise errors.empty_list_name()
            target = lists.find(name)
            if target is not None and options.on_clash == "error":
                raise errors.list_exists(name)
        else:
            name, target = lists.unique_name(default_list_name(path, text=text)), None
        mode = options.on_clash if target is not None else "new"
        stored = mapping.field_columns(layout.columns)
        list_columns = stored
        mapped = Mapped.of(stored, mapping.email, mapping.name or "")
        if target is not None and mode == "append":
            list_columns = [*target.columns, *(c for c in stored if c not in target.columns)]
            mapped = Mapped.of(list_columns, target.email_column, target.name_column)
        plan = _plan(layout, mapping, list_columns, mapped)
        source_name = "clipboard" if text else Path(path).name
        result = _run(
            db, lists, source, layout, plan, list_columns, name, target, mode, source_name,
            progress, cancel,
        )  # fmt: skip
    if options.save_mapping_as:
        MappingRepository(db).save(options.save_mapping_as, layout.columns, mapping)
    return result


def import_text(
    db: Database,
    text: str,
    options: ImportOptions | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> ImportResult:
    """Import pasted text (the clipboard) into a list."""
    return import_file(db, text, options, progress, cancel, text=True)


def _plan(
    layout: Layout, mapping: ColumnMapping, list_columns: list[str], mapped: Mapped
) -> RowPlan:
    position = {c: i for i, c in enumerate(layout.columns)}
    permutation = [position.get(c, -1) for c in list_columns]
    return RowPlan(
        width=len(layout.columns),
        email_index=position[mapping.email],
        name_index=position[mapping.name] if mapping.name else None,
        skip=layout.header_index + (1 if layout.has_header else 0),
        pad_short_rows=layout.format.kind == SHEET_KIND,
        permutation=None if permutation == list(range(len(layout.columns))) else permutation,
        mapped=mapped,
    )


def _run(
    db: Database,
    lists: RecipientListRepository,
    source: RowSource,
    layout: Layout,
    plan: RowPlan,
    list_columns: list[str],
    name: str,
    target: RecipientList | None,
    mode: str,
    source_name: str,
    progress: ProgressCallback,
    cancel: CancelToken,
) -> ImportResult:
    mapping = layout.mapping
    assert mapping is not None
    list_id = lists.begin_list(
        name,
        list_columns,
        source_name,
        email_column=mapping.email,
        name_column=mapping.name or "",
    )
    writer = BlockWriter(db, list_id, len(list_columns))
    try:
        seen = SeenAddresses()
        if target is not None and mode == "append":
            remember_members(db, target.id, seen)
        suppressed = SuppressionList(db).all_addresses()
        with cyclic_gc_paused():
            pipeline = MemberPipeline(source, plan, writer, seen, suppressed, progress, cancel)
            tally = pipeline.run()
        writer.close()
        reasons = tally.reasons
        result = ImportResult(
            list_id,
            name,
            valid=tally.kept,
            invalid=reasons[R.INVALID] + reasons[R.MISSING] + reasons[R.FIELD_COUNT],
            duplicates=reasons[R.DUPLICATE],
            suppressed=reasons[R.SUPPRESSED],
            columns=list_columns,
            mapping=mapping,
            format=source.format,
            rows_read=tally.rows,
            reasons=dict(reasons),
            rejects=tally.rejects,
            mixed_encoding_bytes=mixed_bytes.count,
            mode=mode,
        )
        if target is None:
            lists.finish_list(list_id, name, result.counts())
        elif mode == "replace":
            finish_replace(db, list_id, target, result.counts())
            result.list_id = target.id
        else:
            finish_append(db, list_id, target, list_columns, result.counts())
            result.list_id = target.id
    except BaseException as exc:
        writer.abandon()
        lists.delete_list(list_id)
        if isinstance(exc, ListVanished):
            raise errors.list_busy(name) from exc
        raise
    result.total = lists.count(result.list_id)
    return result


# -- rejects -------------------------------------------------------------------------------
def iter_rejects(db: Database, list_id: int) -> Iterator[R.Reject]:
    """Every rejected row of a list's latest import, in line order."""
    rows = db.conn.execute(
        "SELECT line, reason, value, detail, raw FROM recipient_rejects "
        "WHERE list_id = ? ORDER BY line, id",
        (list_id,),
    )
    for r in rows:
        raw = str(r[4])  # packed (packing.py), or a JSON array from before blocks
        cells = json.loads(raw) if raw.startswith("[") else unpack_values(raw)
        yield R.Reject(int(r[0]), r[1], r[2], r[3], tuple(cells))


def export_rejects(
    db: Database, list_id: int, path: Path, translate: R.Translate | None = None
) -> int:
    """Write the reject report of a list's latest import as CSV; returns rows written."""
    return R.write_rejects_csv(iter_rejects(db, list_id), path, translate)
