"""Which row is the header and which columns hold the address, the name and merge fields."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from teenvio_desktop.core.recipients import errors

# Header names, compared without accents, case, spaces, dashes or underscores.
EMAIL_NAMES = (
    "email",
    "e-mail",
    "emails",
    "mail",
    "correo",
    "correo electrónico",
    "correo electronico",
    "correo-e",
    "dirección",
    "dirección de correo",
    "dirección de correo electrónico",
    "direccion email",
    "email address",
    "e-mail address",
    "mail address",
    "address",
    "emailaddress",
    "courriel",
)
NAME_NAMES = (
    "nombre",
    "name",
    "nombre completo",
    "full name",
    "fullname",
    "first name",
    "firstname",
    "nombre y apellidos",
    "contacto",
    "contact",
    "recipient",
    "destinatario",
)


def squash(text: str) -> str:
    """A header name reduced for comparison: no accents, case, blanks or punctuation."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if c.isalnum())


_EMAIL_KEYS = {squash(n) for n in EMAIL_NAMES}
_NAME_KEYS = {squash(n) for n in NAME_NAMES}


def looks_like_address(value: str) -> bool:
    value = value.strip()
    at = value.find("@")
    return 0 < at < len(value) - 1 and "." in value[at:] and " " not in value


@dataclass(frozen=True)
class ColumnMapping:
    """Where the address and name are, and which columns become merge fields (by name)."""

    email: str
    name: str | None = None
    # The columns kept as merge fields; None keeps them all. The address and name
    # columns are kept whatever this says (see :meth:`field_columns`).
    fields: tuple[str, ...] | None = None

    def field_columns(self, columns: Sequence[str]) -> list[str]:
        """The merge fields a list imported with this mapping has, in the file's order.

        The one rule the wizard and the command line share: every original column stays
        a merge field under its own name, also the ones mapped to the address and the
        recipient's name; ``fields`` can only leave out other columns.
        """
        chosen = set(columns) if self.fields is None else set(self.fields)
        chosen.add(self.email)
        if self.name:
            chosen.add(self.name)
        return [c for c in columns if c in chosen]

    def to_json(self) -> dict[str, object]:
        return {
            "email": self.email,
            "name": self.name,
            "fields": list(self.fields) if self.fields is not None else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> ColumnMapping:
        fields = data.get("fields")
        name = data.get("name")
        return cls(
            email=str(data["email"]),
            name=str(name) if name else None,
            fields=tuple(str(f) for f in fields) if isinstance(fields, list) else None,
        )


def is_header(row: Sequence[str], following: Sequence[Sequence[str]]) -> bool:
    """A first row is a header when it names a known column, or holds no address
    while the rows after it do."""
    if any(squash(c) in _EMAIL_KEYS or squash(c) in _NAME_KEYS for c in row):
        return True
    if any(looks_like_address(c) for c in row):
        return False
    return any(looks_like_address(c) for r in following for c in r)


def column_names(header: Sequence[str] | None, width: int) -> list[str]:
    """Unique, non-empty names for ``width`` columns (generated where the header has none)."""
    names: list[str] = []
    seen: set[str] = set()
    next_suffix: dict[str, int] = {}  # per repeated name: linear even for 16,384 repeats
    for index in range(width):
        raw = header[index].strip() if header is not None and index < len(header) else ""
        name = raw or f"column {index + 1}"
        candidate, n = name, next_suffix.get(name.casefold(), 2)
        while candidate.casefold() in seen:
            candidate, n = f"{name} ({n})", n + 1
        next_suffix[name.casefold()] = n
        seen.add(candidate.casefold())
        names.append(candidate)
    return names


@dataclass
class ColumnGuess:
    email: str | None
    name: str | None
    scores: dict[str, float] = field(default_factory=dict)


def guess_mapping(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> ColumnGuess:
    """The email column by header name, else by content; the name column by header name."""
    email = next((c for c in columns if squash(c) in _EMAIL_KEYS), None)
    scores: dict[str, float] = {}
    if rows:
        for index, column in enumerate(columns):
            values = [r[index] for r in rows if index < len(r) and r[index].strip()]
            hits = sum(1 for v in values if looks_like_address(v))
            scores[column] = hits / len(values) if values else 0.0
    if email is None and scores:
        column, score = max(scores.items(), key=lambda item: item[1])
        email = column if score >= 0.5 else None
    name = next((c for c in columns if squash(c) in _NAME_KEYS and c != email), None)
    return ColumnGuess(email, name, scores)


def resolve_mapping(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    mapping: ColumnMapping | None,
    email_column: str | None,
) -> ColumnMapping:
    """The mapping to use: the one given, else a guess (with ``email_column`` forced)."""
    listed = ", ".join(columns)
    if mapping is not None:
        for column in (mapping.email, mapping.name):
            if column is not None and column not in columns:
                raise errors.unknown_column(column, listed)
        return mapping
    guess = guess_mapping(columns, rows)
    if email_column is not None:
        match = _find_column(columns, email_column)
        if match is None:
            raise errors.unknown_column(email_column, listed)
        guess.email = match
        if guess.name == match:
            guess.name = None
    if guess.email is None:
        raise errors.no_email_column(listed)
    return ColumnMapping(email=guess.email, name=guess.name)


def _find_column(columns: Sequence[str], wanted: str) -> str | None:
    if wanted in columns:
        return wanted
    folded = squash(wanted)
    return next((c for c in columns if squash(c) == folded), None)
