"""/interactions pages of the usual shape, decoded straight into typed entries.

``json.loads`` builds a dict for every entry (about 1.5 µs each, a million of them in a
big campaign) and the sync then checks the type of every field in Python. A page that is
a bare list of objects holding only the seed's fields, each a string or null, is decoded
by msgspec into slotted entries with those checks done in C. Any other page (a wrapper,
an integer id, a field the seed does not name, malformed JSON) gives None and takes the
generic path (``answers.decode_json``), so what is accepted, rejected and stored does
not depend on which path read the page.
"""

from __future__ import annotations

from typing import Any

import msgspec


class PlainInteraction(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    """One /interactions entry whose fields are all strings or null (absent = null)."""

    idCampaign: str | None = None  # the API's names, as JSON spells them
    idMessage: str | None = None
    email: str | None = None
    type: str | None = None
    timestamp: str | None = None
    link: str | None = None
    linkName: str | None = None
    ip: str | None = None
    sourceSystem: str | None = None


_FIELDS = PlainInteraction.__struct_fields__
_DECODER = msgspec.json.Decoder(list[PlainInteraction])


def decode_plain_interactions(raw: bytes) -> list[PlainInteraction] | None:
    """The page's entries when ``raw`` is a bare list of plain entries, else None."""
    try:
        return _DECODER.decode(raw)
    except (msgspec.ValidationError, msgspec.DecodeError):
        return None


def as_item(entry: PlainInteraction) -> dict[str, Any]:
    """The entry as the generic path sees it (an absent field reads as null there too)."""
    return {name: getattr(entry, name) for name in _FIELDS}
