"""Address validation: ``email-validator``'s verdicts, with a fast path for the common case.

``email-validator`` (deliverability checks off) is the reference, but it costs about 40 µs
per address. :data:`FAST_ADDRESS` is a strict pattern that only ACCEPTS plain ASCII
addresses that ``email-validator`` also accepts and normalises the same way (domain
lower-cased, nothing else changed); anything it does not match is handed to
``email-validator``, so the verdicts are identical (``tests/core/test_recipients_validate.py``
proves it on the corpus and with hypothesis).
"""

from __future__ import annotations

import re

# email-validator's SPECIAL_USE_DOMAIN_NAMES, written out: importing email-validator costs
# about 60 ms (it compiles its RFC grammars), which the fast path should not pay. A test
# checks that the list is still the library's.
SPECIAL_USE_DOMAIN_NAMES = ("arpa", "invalid", "local", "localhost", "onion", "test")
_SPECIAL_TLDS = "|".join(re.escape(n) for n in SPECIAL_USE_DOMAIN_NAMES)

# Local part: dot-atom of a conservative subset of atext, at most 64 characters.
# Domain: labels of letters/digits with single inner hyphens (no "--", so no IDNA
# questions), a last label of letters that is not a special-use name, 253 chars at most.
# Labels longer than 63 characters are left to email-validator (see ``fast_normalize``).
FAST_ADDRESS = re.compile(
    r"(?=[^@]{1,64}@)"
    r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*"
    r"@(?=.{1,253}\Z)"
    r"(?:[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\.)+"
    rf"(?!(?i:{_SPECIAL_TLDS})\Z)[A-Za-z]{{2,63}}\Z",
    re.ASCII,
)
_LONG_LABEL = re.compile(r"[^.@]{64}")
EMAIL_MAX_LENGTH = 254


def fast_normalize(address: str) -> str | None:
    """The normalised address when the fast path can accept it, else None (undecided)."""
    if len(address) > EMAIL_MAX_LENGTH or not FAST_ADDRESS.match(address):
        return None
    at = address.index("@")
    domain = address[at + 1 :]
    if len(domain) > 63 and _LONG_LABEL.search(domain):
        return None
    return address[: at + 1] + domain.lower()


def reference_normalize(address: str) -> tuple[str | None, str]:
    """``email-validator``'s verdict: (normalised address, "") or (None, its reason)."""
    from email_validator import EmailNotValidError, validate_email

    try:
        result = validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        return None, str(exc)
    return result.normalized, ""


def normalize_address(address: str) -> tuple[str | None, str]:
    """Trim, then validate: (normalised address, "") or (None, reason)."""
    address = address.strip()
    fast = fast_normalize(address)
    if fast is not None:
        return fast, ""
    return reference_normalize(address)
