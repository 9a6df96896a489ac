"""Lists built from other data: addresses from the Results pane, or several lists merged."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from teenvio_desktop.core.recipients import errors
from teenvio_desktop.core.recipients.dedupe import SeenAddresses
from teenvio_desktop.core.recipients.models import Recipient, RecipientList
from teenvio_desktop.core.recipients.validate import normalize_address
from teenvio_desktop.core.recipients.writer import BlockWriter
from teenvio_desktop.core.store import Database


class ListStore(Protocol):
    """What building a list needs from the repository (which calls in here)."""

    def get(self, list_id: int) -> RecipientList: ...
    def iter_members(self, list_id: int, *, batch: int = 0) -> Iterator[Recipient]: ...
    def begin_list(self, name: str, columns: list[str], source: str) -> int: ...
    def finish_list(self, list_id: int, name: str, stats: dict[str, int]) -> None: ...
    def delete_list(self, list_id: int) -> None: ...


Member = tuple[str, str, list[str]]  # (address, name, cells)
CHUNK = 4_096


def _write(
    lists: ListStore,
    db: Database,
    name: str,
    columns: list[str],
    source: str,
    members: Iterator[Member],
) -> int:
    """A new list from ``members`` (already valid), repeats (any case) left out."""
    list_id = lists.begin_list(name, columns, source)
    writer = BlockWriter(db, list_id, len(columns))
    seen = SeenAddresses()
    try:
        while True:
            chunk = [m for _, m in zip(range(CHUNK), members, strict=False)]
            if not chunk:
                break
            fresh = seen.keep_first([email.lower() for email, _, _ in chunk])
            kept = [m for m, new in zip(chunk, fresh, strict=True) if new]
            cells = [cell for m in kept for cell in m[2]]
            writer.add([m[0] for m in kept], [m[1] for m in kept], cells)
            writer.commit()
        writer.close()
        lists.finish_list(list_id, name, {"valid": seen.count})
    except BaseException:
        writer.abandon()
        lists.delete_list(list_id)
        raise
    return list_id


def list_from_addresses(
    lists: ListStore,
    db: Database,
    name: str,
    emails: Iterable[str],
    fields: dict[str, dict[str, str]],
    source: str,
) -> int:
    by_key = {k.strip().lower(): v for k, v in fields.items()}
    columns: list[str] = []
    for values in by_key.values():
        columns += [c for c in values if c not in columns]

    def members() -> Iterator[Member]:
        for raw in emails:
            email, _reason = normalize_address(raw)
            if email is None:
                continue
            extra = by_key.get(raw.strip().lower(), {})
            yield email, "", [extra.get(c, "") for c in columns]

    return _write(lists, db, name, columns, source, members())


def merge_lists(lists: ListStore, db: Database, list_ids: Sequence[int], name: str) -> int:
    sources = [lists.get(i) for i in list_ids]
    columns: list[str] = []
    for info in sources:
        columns += [c for c in info.columns if c not in columns]
    if not sources:
        raise errors.no_such_list(name)

    def members() -> Iterator[Member]:
        for info in sources:
            for member in lists.iter_members(info.id):
                yield member.email, member.name, [member.fields.get(c, "") for c in columns]

    return _write(lists, db, name, columns, "merge", members())
