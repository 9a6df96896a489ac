"""What a file looks like before it is imported: its settings, header, columns and the
mapping of its columns, as the wizard's first pages show them (:func:`preview_file`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from teenvio_desktop.core.recipients import errors
from teenvio_desktop.core.recipients.mapping import (
    ColumnMapping,
    column_names,
    is_header,
    resolve_mapping,
    squash,
)
from teenvio_desktop.core.recipients.readers import RowSource, SourceFormat, open_source, open_text
from teenvio_desktop.core.recipients.saved_mappings import MappingRepository
from teenvio_desktop.core.recipients.sheets import MAX_COLUMNS
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken


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
    # When ``list_name`` is taken: "error" (stop), "replace" or "append" (see above).
    on_clash: str = "error"


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


# -- layout --------------------------------------------------------------------------------
def open_input(
    source: Path | str, options: ImportOptions, *, text: bool, cancel: CancelToken | None
) -> RowSource:
    if text:
        return open_text(str(source), delimiter=options.delimiter)
    return open_source(
        Path(source),
        encoding=options.encoding,
        delimiter=options.delimiter,
        sheet=options.sheet,
        cancel=cancel,
    )


def settle_layout(source: RowSource, options: ImportOptions, db: Database | None = None) -> Layout:
    sample = source.sample_rows
    index = options.skip_rows
    while index < len(sample) and not any(c.strip() for c in sample[index]):
        index += 1
    if index >= len(sample):
        raise errors.empty_source(source.name)
    first = sample[index]
    rest = [r for r in sample[index + 1 :] if r]
    has_header = options.has_header if options.has_header is not None else is_header(first, rest)
    data = rest if has_header else [first, *rest]
    width = len(first) if has_header else Counter(len(r) for r in data).most_common(1)[0][0]
    if width > MAX_COLUMNS:
        raise errors.too_many_columns(source.name, MAX_COLUMNS)
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
    cancel: CancelToken | None = None,
) -> Preview:
    """Detected settings, columns, mapping guess and the first ``rows`` data rows."""
    options = options or ImportOptions()
    with open_input(path, options, text=text, cancel=cancel) as source:
        layout = settle_layout(source, options, db)
    return Preview(layout, [r for r in layout.sample if r][:rows])


def preview_text(text: str, options: ImportOptions | None = None, rows: int = 20) -> Preview:
    return preview_file(text, options, rows, text=True)
