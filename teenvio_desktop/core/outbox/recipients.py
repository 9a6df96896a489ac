"""Who a TEA Lite campaign goes to: an address, an optional name, and merge columns."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.store import Database

# The recipients package (readers, importer, email-validator) is imported where a file or
# a saved list is read: sending to typed addresses or from the outbox does not need it.


@dataclass(frozen=True)
class Recipient:
    """One row of a recipient list. ``fields`` are the merge columns (address included)."""

    email: str
    name: str = ""
    fields: Mapping[str, str] = field(default_factory=dict)

    def merge_row(self) -> dict[str, str]:
        """The template variables: the columns, plus ``email``/``name`` when not columns."""
        row = dict(self.fields)
        row.setdefault("email", self.email)
        if self.name:
            row.setdefault("name", self.name)
        return row


class InvalidRecipients(TeenvioError):
    def __init__(self, rows: list[tuple[int, str]]) -> None:
        self.rows = rows
        shown = ", ".join(f"{number}: {email!r}" for number, email in rows[:20])
        more = f" (+{len(rows) - 20})" if len(rows) > 20 else ""
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "{count} recipients have an invalid address (row: address): {rows}. "
                "Correct them; nothing was sent.",
            ),
            count=len(rows),
            rows=shown + more,
        )


def invalid_addresses(recipients: Iterable[Recipient]) -> list[tuple[int, str]]:
    """(1-based row, address) of every syntactically invalid address.

    The importer's verdicts: its fast path for plain addresses (a regular expression, about
    1 µs), email-validator for the rest (about 40 µs each).
    """
    from teenvio_desktop.core.recipients.validate import fast_normalize, reference_normalize

    bad: list[tuple[int, str]] = []
    for number, recipient in enumerate(recipients, start=1):
        address = recipient.email
        if fast_normalize(address) is None and reference_normalize(address)[0] is None:
            bad.append((number, address))
    return bad


def read_recipient_file(path: Path) -> list[Recipient]:
    """Every row of a recipient file (any format the importer reads), columns as merge fields.

    Rows are not filtered here: a bad address is reported by :func:`invalid_addresses`
    and stops the campaign before anything is sent, instead of being dropped silently.
    """
    # The layout module, not the importer: the importer's storage half is not needed here.
    from teenvio_desktop.core.recipients.layout import ImportOptions, settle_layout
    from teenvio_desktop.core.recipients.readers import open_source

    with open_source(path) as source:
        layout = settle_layout(source, ImportOptions())
        if layout.mapping is None:
            assert layout.mapping_error is not None
            raise layout.mapping_error
        columns = layout.columns
        email_index = columns.index(layout.mapping.email)
        name_index = columns.index(layout.mapping.name) if layout.mapping.name else None
        reader = source.reader
        for _ in range(layout.header_index + (1 if layout.has_header else 0)):
            next(reader, None)
        found: list[Recipient] = []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            cells = [*row, *[""] * (len(columns) - len(row))]
            name = cells[name_index].strip() if name_index is not None else ""
            found.append(
                Recipient(cells[email_index].strip(), name, dict(zip(columns, cells, strict=False)))
            )
        return found


def recipients_from_list(db: Database, list_id: int) -> list[Recipient]:
    """The members of a saved recipient list (the composer's choice)."""
    from teenvio_desktop.core.recipients.repository import RecipientListRepository

    return [
        Recipient(m.email, m.name, dict(m.fields))
        for m in RecipientListRepository(db).iter_members(list_id)
    ]


def recipients_for(db: Database, campaign: Campaign) -> list[Recipient]:
    """Who the composer's campaign goes to: its saved list, else its typed addresses."""
    if campaign.recipient_list_id is not None:
        return recipients_from_list(db, campaign.recipient_list_id)
    return [
        Recipient(a.strip(), "", {"email": a.strip()}) for a in campaign.recipients if a.strip()
    ]
