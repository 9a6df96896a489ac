"""The plain data the recipient lists are read as: a list, and one member of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from teenvio_desktop.core.addresses import needs_smtputf8
from teenvio_desktop.core.recipients.blocks import Mapped


class Recipient(NamedTuple):
    """A member as the senders read it (a tuple: a million are made quickly)."""

    email: str
    name: str = ""
    fields: dict[str, str] = {}  # never mutated: iter_members gives each its own

    @property
    def needs_smtputf8(self) -> bool:
        """Its local part is not ASCII: the SMTP-API cannot take it (TEA Lite can)."""
        return needs_smtputf8(self.email)


@dataclass(frozen=True)
class RecipientList:
    id: int
    name: str
    columns: tuple[str, ...]  # every merge field of the list, in the file's order
    count: int
    source: str
    created_at: str
    updated_at: str
    stats: dict[str, int] = field(default_factory=dict)
    email_column: str = ""  # the column mapped to the address ('' when none)
    name_column: str = ""
    revision: int = 0  # changes whenever the members change

    @property
    def mapped(self) -> Mapped:
        return Mapped.of(self.columns, self.email_column, self.name_column)

    @property
    def merge_fields(self) -> list[str]:
        """Every name ``{{ … }}`` can use with this list (what the composer's picker lists):
        ``email`` and ``name``, then every column under its own name."""
        return ["email", "name", *(c for c in self.columns if c not in ("email", "name"))]
