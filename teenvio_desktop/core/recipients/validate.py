"""Address validation: ``email-validator``'s verdicts, with a fast path for the common case.

``email-validator`` (deliverability checks off) is the reference, but it costs tens of µs
per address. The fast pattern only ACCEPTS plain ASCII addresses that ``email-validator``
also accepts and normalises the same way (domain lower-cased, nothing else changed), and
leaves everything else to ``email-validator``, so the verdicts are identical
(``tests/core/test_recipients_validate.py`` proves it on the corpus and with hypothesis).

:func:`normalize_batch` applies the pattern to a whole batch at once: the addresses are
joined one per line and one multi-line substitution marks every line the fast path
accepts, so the per-address work in Python is only for the few it does not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress
from operator import ne

import email_validator
from email_validator import EmailNotValidError, validate_email

_SPECIAL_TLDS = "|".join(re.escape(n) for n in email_validator.SPECIAL_USE_DOMAIN_NAMES)

# At most 64 characters in all (so the local part and every domain label are short
# enough); local part: dot-atom of a conservative subset of atext; domain: labels of
# letters/digits with single inner hyphens (no "--", so no IDNA questions), a last label
# of letters that is not a special-use name. Anything longer or different is left to
# email-validator. Possessive quantifiers: nothing here ever needs to backtrack.
MAX_FAST_LENGTH = 64
_SHAPE = (
    r"[A-Za-z0-9_+-]++(?:\.[A-Za-z0-9_+-]++)*+"
    r"@(?:[A-Za-z0-9]++(?:-[A-Za-z0-9]++)*+\.)++"
    rf"(?!(?i:{_SPECIAL_TLDS})$)[A-Za-z]{{2,63}}$"
)
_FAST = rf"(?=[^\n]{{1,{MAX_FAST_LENGTH}}}$)" + _SHAPE
FAST_ADDRESS = re.compile(_FAST, re.ASCII)
_FAST_LINE = re.compile("^" + _FAST, re.ASCII | re.MULTILINE)
_FAST_SHORT_LINE = re.compile("^" + _SHAPE, re.ASCII | re.MULTILINE)  # lines known short
_ACCEPTED = "\x00"  # what an accepted line becomes in the batch substitution
_REFUSED_LINE = re.compile("^(?!\x00$)", re.MULTILINE)  # a line the fast path left


def fast_normalize(address: str) -> str | None:
    """The normalised address when the fast path can accept it, else None (undecided)."""
    if "\n" in address or not FAST_ADDRESS.match(address):
        return None
    at = address.index("@")
    return address[: at + 1] + address[at + 1 :].lower()


def reference_normalize(address: str) -> tuple[str | None, str]:
    """``email-validator``'s verdict: (normalised address, "") or (None, its reason)."""
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


def _refused_lines(marked: str) -> list[int]:
    """Indexes of the lines of ``marked`` that are not the accepted mark."""
    found: list[int] = []
    line, searched = 0, 0
    for match in _REFUSED_LINE.finditer(marked):
        line += marked.count("\n", searched, match.start())
        searched = match.start()
        found.append(line)
    return found


def normalize_batch(cells: Sequence[str]) -> tuple[list[str], list[str], dict[int, str]]:
    """Trim and validate every cell: ``(addresses, keys, problems)``.

    ``addresses[i]`` is the normalised address and ``keys[i]`` its lower-cased form for
    deduplication, unless ``problems`` has ``i``: then it maps to email-validator's
    reason ("" for an empty cell) and ``addresses[i]`` is the trimmed cell.
    """
    addresses = list(map(str.strip, cells))
    count = len(addresses)
    joined = "\n".join(addresses)
    if _ACCEPTED in joined or joined.count("\n") != count - 1:
        undecided: Sequence[int] = range(count)  # a cell spans lines: one at a time
    else:
        short = max(map(len, addresses), default=0) <= MAX_FAST_LENGTH
        marked = (_FAST_SHORT_LINE if short else _FAST_LINE).sub(_ACCEPTED, joined)
        # Each accepted line became one mark (no cell holds one, checked above).
        undecided = () if marked.count(_ACCEPTED) == count else _refused_lines(marked)
    lowered = joined.lower()
    if lowered == joined:
        keys = list(addresses)
    else:
        keys = lowered.split("\n") if len(undecided) < count else list(addresses)
        skip = set(undecided)
        for i in compress(range(count), map(ne, addresses, keys)):
            if i not in skip:  # accepted by the fast path: only the domain is lowered
                address = addresses[i]
                at = address.index("@")
                addresses[i] = address[: at + 1] + keys[i][at + 1 :]
    problems: dict[int, str] = {}
    for i in undecided:
        address = addresses[i]
        if not address:
            problems[i] = ""
            continue
        normalized, why = reference_normalize(address)
        if normalized is None:
            problems[i] = why
        else:
            addresses[i] = normalized
            keys[i] = normalized.lower()
    return addresses, keys, problems
