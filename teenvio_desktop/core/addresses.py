"""Facts about an email address that decide which transport can carry it."""

from __future__ import annotations


def needs_smtputf8(address: str) -> bool:
    """True when the part before the last "@" is not ASCII.

    Such an address can only travel over SMTP with the SMTPUTF8 extension, which the
    SMTP-API does not offer; TEA Lite takes JSON, so it can. An internationalised domain
    is fine either way: it can be sent as punycode.
    """
    return not address.rpartition("@")[0].isascii()
