"""Checks on every field that reaches a message header or the SMTP envelope.

A header value that contains a line break could inject a header (or end the header block)
and an address that is not plain ``local@domain`` could inject an SMTP command, so both are
refused here, naming the field, before anything is built or sent.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from email_validator import EmailNotValidError, validate_email

from teenvio_desktop.core.errors import TeenvioError, Translate
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP

# Every character Python's str.splitlines() (and some mail software) treats as a line end.
LINE_BREAKS = frozenset("\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029")

# Field labels shown inside error messages (translated in context "fields").
FIELD_SUBJECT = QT_TRANSLATE_NOOP("fields", "subject")
FIELD_SENDER = QT_TRANSLATE_NOOP("fields", "sender address")
FIELD_SENDER_NAME = QT_TRANSLATE_NOOP("fields", "sender name")
FIELD_REPLY_TO = QT_TRANSLATE_NOOP("fields", "reply-to address")
FIELD_REPLY_TO_NAME = QT_TRANSLATE_NOOP("fields", "reply-to name")
FIELD_RECIPIENT = QT_TRANSLATE_NOOP("fields", "recipient address")
FIELD_IMAGE_CID = QT_TRANSLATE_NOOP("fields", "inline image content id")
FIELD_IMAGE_NAME = QT_TRANSLATE_NOOP("fields", "inline image file name")
FIELD_IMAGE_TYPE = QT_TRANSLATE_NOOP("fields", "inline image type")
FIELD_ATTACHMENT_NAME = QT_TRANSLATE_NOOP("fields", "attachment file name")
FIELD_ATTACHMENT_TYPE = QT_TRANSLATE_NOOP("fields", "attachment type")
FIELD_HTML = QT_TRANSLATE_NOOP("fields", "HTML part")
FIELD_TEXT = QT_TRANSLATE_NOOP("fields", "plain-text part")
FIELD_OPTION = QT_TRANSLATE_NOOP("fields", "Teenvio option")


class MessageFieldError(TeenvioError):
    """A field that cannot go into the message as it is; ``field`` names it."""

    def __init__(self, template: str, *, field: str, **params: str) -> None:
        self.field = field
        extra: dict[str, Any] = dict(params)
        super().__init__(template, field=field, **extra)

    def explanation(self, translate: Translate | None = None) -> str:
        # Not named ``tr``: lupdate would take these variable calls for source strings.
        lookup: Callable[[str, str], str] = translate or (lambda _c, text: text)
        params = {**self.params, "field": lookup("fields", self.field)}
        return lookup(self.context, self.template).format(**params)


class LineBreakInField(MessageFieldError):
    def __init__(self, field: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The {field} contains a line break. It must be a single line: remove the "
                "line break and try again.",
            ),
            field=field,
        )


class ControlCharacterInField(MessageFieldError):
    def __init__(self, field: str, code_point: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The {field} contains an invisible control character ({code_point}). "
                "Remove it and try again.",
            ),
            field=field,
            code_point=code_point,
        )


class InvalidAddress(MessageFieldError):
    def __init__(self, field: str, address: str, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                'The {field} "{address}" is not a valid email address ({reason}). '
                "Correct it and try again.",
            ),
            field=field,
            address=address,
            reason=reason,
        )


class MissingField(MessageFieldError):
    def __init__(self, field: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "The {field} is empty. Teenvio needs it to send."),
            field=field,
        )


class InvalidFieldValue(MessageFieldError):
    def __init__(self, field: str, value: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", 'The {field} "{value}" is not allowed. Correct it.'),
            field=field,
            value=value,
        )


class UnencodableField(MessageFieldError):
    """The standard library could not encode the value so that it reads back unchanged."""

    def __init__(self, field: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The {field} contains characters that cannot be written into an email header "
                "faithfully. Simplify it (for example, remove unusual symbols) and try again.",
            ),
            field=field,
        )


def check_single_line(value: str, field: str) -> str:
    """``value`` when it is one line of encodable text; a clear error otherwise."""
    if value.isascii() and value.isprintable():  # the common case, without a per-char loop
        return value
    for char in value:
        if char in LINE_BREAKS:
            raise LineBreakInField(field)
        category = unicodedata.category(char)
        if category == "Cc" or category == "Cs":
            raise ControlCharacterInField(field, f"U+{ord(char):04X}")
    return value


# A Content-ID is written as <cid>: keep it to atext and dots, as RFC 2392 URLs expect.
_CID_RE = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+(@[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+)?$")
_MIME_TYPE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$")


def check_cid(value: str) -> str:
    check_single_line(value, FIELD_IMAGE_CID)
    if not _CID_RE.match(value):
        raise InvalidFieldValue(FIELD_IMAGE_CID, value)
    return value


def check_mime_type(value: str, field: str) -> tuple[str, str]:
    check_single_line(value, field)
    if not _MIME_TYPE_RE.match(value):
        raise InvalidFieldValue(field, value)
    maintype, subtype = value.lower().split("/", 1)
    return maintype, subtype


def check_address(value: str, field: str) -> str:
    """The address in the ASCII form the envelope and headers use (IDN domains punycoded).

    Teenvio's server does not offer SMTPUTF8, so a non-ASCII local part is refused.
    """
    check_single_line(value, field)
    address = value.strip()
    if not address:
        raise MissingField(field)
    if any(c in address for c in '<>,;"() \t'):
        raise InvalidAddress(field, address, "write only the address, like name@example.com")
    local, _, domain = address.rpartition("@")
    if _DOT_ATOM_RE.match(local) and len(address) <= 254:
        # Fast path for lists: a plain ASCII local part needs no further check, and the
        # domain is checked once per distinct domain (email-validator's rules, cached).
        checked_domain = _checked_domain(domain)
        if checked_domain is not None:
            return f"{local}@{checked_domain}"
    return _validated(address, field)


def _validated(address: str, field: str) -> str:
    try:
        result = validate_email(address, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError as exc:
        raise InvalidAddress(field, address, str(exc)) from None
    ascii_email = result.ascii_email
    if ascii_email is None:  # pragma: no cover - allow_smtputf8=False always sets it
        raise InvalidAddress(field, address, "not representable in ASCII")
    return str(ascii_email)


# RFC 5322 dot-atom local part (ASCII), at most 64 characters.
_DOT_ATOM_RE = re.compile(
    r"^(?=.{1,64}$)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$"
)


@functools.lru_cache(maxsize=4096)
def _checked_domain(domain: str) -> str | None:
    """The ASCII form of a valid domain, or None (the full check then explains why)."""
    try:
        result = validate_email(f"a@{domain}", check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError:
        return None
    ascii_domain = result.ascii_domain
    return str(ascii_domain) if ascii_domain else None
