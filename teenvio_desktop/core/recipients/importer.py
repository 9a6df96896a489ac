"""Importing a file or pasted text into a recipient list, and previewing it first.

The rows stream through one tight loop: validate (fast path, else email-validator),
deduplicate case-insensitively, drop suppressed addresses, and hand valid rows to SQLite
in batches (``executemany``; the merge fields are packed by SQLite's ``json_array``).
Every row left out is recorded with its line, raw value and reason. The list stays
invisible (state ``importing``) until the import finishes, and is removed on cancel or
error, so nothing half-imported is ever read by the composer.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from teenvio_desktop.core.errors import Cancelled
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.recipients import errors
from teenvio_desktop.core.recipients import report as R
from teenvio_desktop.core.recipients.bulk import BatchWriter, cyclic_gc_paused
from teenvio_desktop.core.recipients.mapping import (
    ColumnMapping,
    column_names,
    is_header,
    resolve_mapping,
    squash,
)
from teenvio_desktop.core.recipients.readers import RowSource, SourceFormat, open_source, open_text
from teenvio_desktop.core.recipients.repository import RecipientListRepository
from teenvio_desktop.core.recipients.saved_mappings import MappingRepository
from teenvio_desktop.core.recipients.sniff import mixed_bytes
from teenvio_desktop.core.recipients.validate import FAST_ADDRESS, reference_normalize
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.suppression import SuppressionList
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback, no_progress

BATCH_ROWS = 5_000  # small: encoding one batch holds the GIL, so it must not stall the GUI
REJECT_BATCH = 10_000
# Measured alternatives (tests/benchmarks/test_bench_import.py): a writer thread, and
# batches packed as one JSON array for ``json_each``, were not faster than plain
# ``executemany`` on two cores, and each extra GIL holder delays the GUI thread.
THREADED_WRITER = False
PACKED = False
KEEP_REJECTS = 1_000  # shown in the result; all of them are in the store
STAGE_IMPORT = QT_TRANSLATE_NOOP("recipients", "Importing recipients")


@dataclass(frozen=True)
class ImportOptions:
    """What the user chose; ``None`` means detect it."""

    list_name: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    has_header: bool | None = None
    skip_rows: int = 0  # rows before the header (titles in a spreadsheet)
    email_column: str | None = None
    mapping: ColumnMapping | None = None
    use_saved_mapping: bool = True
    save_mapping_as: str | None = None


@dataclass
class Layout:
    """The settled shape of the input: header, columns and mapping."""

    format: SourceFormat
    has_header: bool
    header_index: int  # index of the header (or first data) row in the reader
    columns: list[str]
    sample: list[list[str]]  # data rows after the header
    mapping: ColumnMapping | None
    mapping_error: errors.RecipientImportError | None = None
    saved_mapping: str | None = None


@dataclass
class Preview:
    layout: Layout
    rows: list[list[str]]

    @property
    def format(self) -> SourceFormat:
        return self.layout.format

    @property
    def columns(self) -> list[str]:
        return self.layout.columns


@dataclass
class ImportResult:
    list_id: int
    list_name: str
    valid: int
    invalid: int
    duplicates: int
    suppressed: int
    columns: list[str]  # merge fields kept (besides email and name)
    mapping: ColumnMapping
    format: SourceFormat
    rows_read: int
    reasons: dict[str, int] = field(default_factory=dict)
    rejects: list[R.Reject] = field(default_factory=list)  # the first KEEP_REJECTS
    mixed_encoding_bytes: int = 0  # bytes decoded as Windows-1252 in a file of another encoding

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


# -- layout --------------------------------------------------------------------------------
def _open(source: Path | str, options: ImportOptions, *, text: bool) -> RowSource:
    if text:
        return open_text(str(source), delimiter=options.delimiter)
    return open_source(
        Path(source), encoding=options.encoding, delimiter=options.delimiter, sheet=options.sheet
    )


def settle_layout(source: RowSource, options: ImportOptions, db: Database | None = None) -> Layout:
    sample = source.sample_rows
    index = options.skip_rows
    while index < len(sample) and not any(c.strip() for c in sample[index]):
        index += 1
    if index >= len(sample):
        raise errors.empty_source(source.format.sheet or "file")
    first = sample[index]
    rest = [r for r in sample[index + 1 :] if r]
    has_header = options.has_header if options.has_header is not None else is_header(first, rest)
    data = rest if has_header else [first, *rest]
    width = len(first) if has_header else Counter(len(r) for r in data).most_common(1)[0][0]
    columns = column_names(first if has_header else None, width)
    layout = Layout(source.format, has_header, index, columns, data, None)
    mapping = options.mapping
    if mapping is None and options.use_saved_mapping and db is not None and has_header:
        saved = MappingRepository(db).find_for(columns)
        if saved is not None:
            mapping = _rename_to(saved.mapping, columns)
            layout.saved_mapping = saved.name
    try:
        layout.mapping = resolve_mapping(
            columns, data, mapping=mapping, email_column=options.email_column
        )
    except errors.RecipientImportError as exc:
        layout.mapping_error = exc
    return layout


def use_saved_mapping(db: Database, layout: Layout) -> None:
    """Apply the mapping saved for this header, if any (a preview made without the store)."""
    if not layout.has_header or layout.saved_mapping is not None:
        return
    saved = MappingRepository(db).find_for(layout.columns)
    if saved is None:
        return
    try:
        layout.mapping = resolve_mapping(
            layout.columns,
            layout.sample,
            mapping=_rename_to(saved.mapping, layout.columns),
            email_column=None,
        )
    except errors.RecipientImportError:
        return  # the saved mapping names columns this file does not have
    layout.mapping_error = None
    layout.saved_mapping = saved.name


def _rename_to(mapping: ColumnMapping, columns: Sequence[str]) -> ColumnMapping:
    """A saved mapping applied to a header spelled differently (case, accents)."""
    by_key = {squash(c): c for c in columns}

    def real(name: str) -> str:
        return by_key.get(squash(name), name)

    return ColumnMapping(
        email=real(mapping.email),
        name=real(mapping.name) if mapping.name else None,
        fields=tuple(real(f) for f in mapping.fields) if mapping.fields is not None else None,
    )


def preview_file(
    path: Path | str,
    options: ImportOptions | None = None,
    rows: int = 20,
    *,
    db: Database | None = None,
    text: bool = False,
) -> Preview:
    """Detected settings, columns, mapping guess and the first ``rows`` data rows."""
    options = options or ImportOptions()
    with _open(path, options, text=text) as source:
        layout = settle_layout(source, options, db)
    return Preview(layout, [r for r in layout.sample if r][:rows])


def preview_text(text: str, options: ImportOptions | None = None, rows: int = 20) -> Preview:
    return preview_file(text, options, rows, text=True)


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
    """Import ``path`` (or, with ``text=True``, pasted text) into a new list."""
    options = options or ImportOptions()
    cancel = cancel or CancelToken()
    lists = RecipientListRepository(db)
    with _open(path, options, text=text) as source:
        layout = settle_layout(source, options, db)
        if layout.mapping is None:
            assert layout.mapping_error is not None
            raise layout.mapping_error
        wanted = options.list_name or ("clipboard" if text else Path(path).stem or "list")
        name = wanted.strip() if options.list_name else lists.unique_name(wanted)
        if options.list_name:
            lists._check_name(db.conn, name)
        mapping = layout.mapping
        fields = mapping.field_columns(layout.columns)
        source_name = "clipboard" if text else Path(path).name
        list_id = lists.begin_list(name, fields, source_name)
        try:
            with cyclic_gc_paused():
                result = _stream_rows(
                    db, source, layout, mapping, fields, list_id, progress, cancel
                )
            result.list_name = name
            lists.finish_list(list_id, name, result.counts())
        except BaseException:
            lists.delete_list(list_id)
            raise
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
    """Import pasted text (the clipboard) into a new list."""
    return import_file(db, text, options, progress, cancel, text=True)


def _member_sql_rows(list_id: int, width: int, name: int | None, fields: list[int]) -> str:
    """INSERT for ``executemany`` whose parameters are the row itself plus (pos, address)
    appended; numbered parameters let SQLite pick the cells, so the loop builds no tuples."""
    # The name is stored as read (no SQL trim(): it costs ~10% of the insert); readers
    # strip it.
    name_expr = f"?{name + 1}" if name is not None else "''"
    packed = ", ".join(f"?{i + 1}" for i in fields)
    return (
        "INSERT INTO recipient_members (list_id, pos, email, name, fields) VALUES "
        f"({int(list_id)}, ?{width + 1}, ?{width + 2}, {name_expr}, json_array({packed}))"
    )


def _member_sql(list_id: int, width: int, name: int | None, fields: list[int]) -> str:
    """INSERT of a batch sent as one JSON array of rows, each row with (pos, address)
    appended; SQLite picks the cells it needs, so the loop builds no tuples."""
    name_expr = f"value->>{name}" if name is not None else "''"
    if fields == sorted(fields):
        dropped = sorted(set(range(width + 2)) - set(fields), reverse=True)
        packed = "json_remove(value, " + ", ".join(f"'$[{i}]'" for i in dropped) + ")"
    else:
        packed = "json_array(" + ", ".join(f"value->>{i}" for i in fields) + ")"
    return (
        "INSERT INTO recipient_members (list_id, pos, email, name, fields) "
        f"SELECT {int(list_id)}, value->>{width}, value->>{width + 1}, {name_expr}, {packed} "
        "FROM json_each(?)"
    )


_REJECT_SQL = (
    "INSERT INTO recipient_rejects (list_id, line, reason, value, detail, raw) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


def _stream_rows(
    db: Database,
    source: RowSource,
    layout: Layout,
    mapping: ColumnMapping,
    fields: list[str],
    list_id: int,
    progress: ProgressCallback,
    cancel: CancelToken,
) -> ImportResult:
    columns = layout.columns
    width = len(columns)
    ei = columns.index(mapping.email)
    ni = columns.index(mapping.name) if mapping.name else None
    make_sql = _member_sql if PACKED else _member_sql_rows
    member_sql = make_sql(list_id, width, ni, [columns.index(f) for f in fields])
    suppressed = _suppressed(db)
    reader: Any = source.reader  # csv.reader or a sheet reader: both keep ``line_num``
    total = source.format.size
    fast_match = FAST_ADDRESS.match

    result = ImportResult(list_id, "", 0, 0, 0, 0, fields, mapping, source.format, 0)
    reasons: Counter[str] = Counter()
    kept_rejects = result.rejects
    rejects: list[tuple[int, int, str, str, str, str]] = []
    batch: list[list[object]] = []
    seen: set[str] = set()
    pos = 0
    rows = 0

    def reject(line: int, reason: str, value: str, row: list[str], detail: str = "") -> None:
        reasons[reason] += 1
        item = R.Reject(line, reason, value, detail, tuple(str(c) for c in row))
        if len(kept_rejects) < KEEP_REJECTS:
            kept_rejects.append(item)
        rejects.append(item.db_row(list_id))

    writer = BatchWriter(db, member_sql, _REJECT_SQL, threaded=THREADED_WRITER)

    def flush() -> None:
        nonlocal batch, rejects
        if cancel.cancelled:
            raise Cancelled()
        writer.put(batch, rejects)
        batch, rejects = [], []
        progress(
            Progress(
                STAGE_IMPORT,
                source.position(),
                total,
                {"rows": rows, "valid": pos},
            )
        )

    # Skip to the first data row (the header, titles and blank lines before it).
    try:
        for _ in range(layout.header_index + (1 if layout.has_header else 0)):
            next(reader, None)
        prev = reader.line_num
        for row in reader:
            start, prev = prev, reader.line_num  # the record spans lines start+1..prev
            if len(row) != width:
                if not any(c.strip() for c in row):
                    continue  # blank line
                if len(row) > width and not any(c.strip() for c in row[width:]):
                    del row[width:]  # trailing delimiters: nothing is shifted
                else:
                    reject(start + 1, R.FIELD_COUNT, "", row, f"{len(row)} != {width}")
                    if len(rejects) >= REJECT_BATCH:
                        flush()
                    continue
            rows += 1
            address = row[ei].strip()
            if len(address) < 69 and fast_match(address):
                key = address.lower()
                if address != key:
                    at = address.index("@")
                    address = address[:at] + key[at:]
            else:
                if not address:
                    if not any(c.strip() for c in row):
                        rows -= 1
                        continue
                    reject(start + 1, R.MISSING, "", row)
                    if len(rejects) >= REJECT_BATCH:
                        flush()
                    continue
                normalized, why = reference_normalize(address)
                if normalized is None:
                    reject(start + 1, R.INVALID, row[ei], row, why)
                    if len(rejects) >= REJECT_BATCH:
                        flush()
                    continue
                address = normalized
                key = address.lower()
            if key in seen:
                reject(start + 1, R.DUPLICATE, row[ei], row)
                if len(rejects) >= REJECT_BATCH:
                    flush()
                continue
            seen.add(key)
            if key in suppressed:
                reject(start + 1, R.SUPPRESSED, row[ei], row)
                if len(rejects) >= REJECT_BATCH:
                    flush()
                continue
            row.append(pos)  # bound as ?{width+1}
            row.append(address)
            batch.append(row)
            pos += 1
            if len(batch) >= BATCH_ROWS:
                flush()
        flush()
        writer.close()
    except csv.Error as exc:
        writer.abandon()
        raise errors.RecipientImportError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Line {line} could not be read ({detail}). A quote that is never closed is "
                "the usual cause: fix that line, or choose another delimiter.",
            ),
            line=source.line_num,
            detail=str(exc),
        ) from exc
    except BaseException:
        writer.abandon()
        raise
    result.valid = pos
    result.rows_read = rows
    result.mixed_encoding_bytes = mixed_bytes.count
    result.reasons = dict(reasons)
    result.invalid = reasons[R.INVALID] + reasons[R.MISSING] + reasons[R.FIELD_COUNT]
    result.duplicates = reasons[R.DUPLICATE]
    result.suppressed = reasons[R.SUPPRESSED]
    return result


def _suppressed(db: Database) -> set[str]:
    return SuppressionList(db).all_addresses()


# -- rejects -------------------------------------------------------------------------------
def iter_rejects(db: Database, list_id: int) -> Iterator[R.Reject]:
    """Every rejected row of a list's import, in line order."""
    rows = db.conn.execute(
        "SELECT line, reason, value, detail, raw FROM recipient_rejects "
        "WHERE list_id = ? ORDER BY line, id",
        (list_id,),
    )
    for r in rows:
        yield R.Reject(int(r[0]), r[1], r[2], r[3], tuple(json.loads(r[4])))


def export_rejects(
    db: Database, list_id: int, path: Path, translate: R.Translate | None = None
) -> int:
    """Write the reject report of a list's import as CSV; returns rows written."""
    return R.write_rejects_csv(iter_rejects(db, list_id), path, translate)
