"""Guessing how a text file is written: its encoding, its delimiter, its header row.

Only a sample from the start of the file is examined (the detector never sees a 2 GB
file); the file is then streamed with what was found. Bytes that turn out not to fit the
chosen encoding later on (a file pasted together from two sources) are decoded through
the ``teenvio-mixed`` error handler instead of being lost.
"""

from __future__ import annotations

import codecs
import csv
import io
import threading
from collections import Counter
from dataclasses import dataclass

SAMPLE_BYTES = 256 * 1024
DELIMITERS = (",", ";", "\t", "|")
MIXED_ERRORS = "teenvio-mixed"
MIN_EVIDENCE = 32  # non-ASCII bytes needed before believing a non-Western detection

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Names charset-normalizer gives to single-byte Western encodings; Windows-1252 is a
# superset of Latin-1's printable range and what Excel writes on Spanish Windows.
_LATIN_PREFIXES = ("iso8859_", "mac_", "cp125", "cp8", "latin")
_NOT_LATIN = {
    "iso8859_5",
    "iso8859_6",
    "iso8859_7",
    "iso8859_8",
    "cp1251",
    "cp1253",
    "cp1255",
    "cp1256",
    "mac_cyrillic",
    "mac_greek",
    "cp855",
    "cp866",
}
_WESTERN = {"ascii", "latin_1", "iso8859_1", "iso8859_15", "cp1252", "windows_1252", "cp850"}


class _MixedCounter(threading.local):
    count = 0


mixed_bytes = _MixedCounter()


def _mixed_handler(exc: UnicodeError) -> tuple[str, int]:
    """Decode bytes that are not valid in the file's encoding as Windows-1252 (else Latin-1)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    chunk = exc.object[exc.start : exc.end]
    mixed_bytes.count += len(chunk)
    text = "".join(
        bytes([b]).decode("cp1252", errors="strict")
        if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
        # the five bytes Windows-1252 leaves undefined: keep them as Latin-1 controls
        else chr(b)
        for b in chunk
    )
    return text, exc.end


codecs.register_error(MIXED_ERRORS, _mixed_handler)


class BinaryContent(ValueError):
    """The sample does not look like text."""


def detect_encoding(sample: bytes) -> str:
    """The encoding of a text sample: BOM first, then UTF-8, then charset-normalizer."""
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if b"\x00" in sample:
        return _utf16_without_bom(sample)
    if _mostly_utf8(sample):
        return "utf-8"
    # With only a handful of non-ASCII bytes the detector guesses wildly (a lone "¡" reads
    # as Shift-JIS); the Spanish and Western files this program meets are Windows-1252.
    if sum(1 for b in sample[:65536] if b > 0x7F) < MIN_EVIDENCE:
        return "cp1252"
    from charset_normalizer import from_bytes  # slow import, needed only here

    best = from_bytes(sample[:65536]).best()
    if best is None:
        return "cp1252"
    name = codecs.lookup(best.encoding).name.replace("-", "_")
    # On a short sample the detector hesitates between Western code pages (cp1250,
    # iso8859_10, mac_roman...); Spanish files are Windows-1252, where ñ is ñ.
    if name in _WESTERN or (name.startswith(_LATIN_PREFIXES) and name not in _NOT_LATIN):
        return "cp1252"
    return best.encoding


def _mostly_utf8(sample: bytes) -> bool:
    """UTF-8, allowing a few stray bytes from another encoding (a file pasted together).

    Text in a single-byte encoding almost never forms valid multi-byte UTF-8 sequences,
    so when valid non-ASCII sequences outnumber the invalid bytes, the file is UTF-8.
    """
    text = codecs.getincrementaldecoder("utf-8")(errors="replace").decode(sample, final=False)
    bad = text.count("\ufffd")
    if not bad:
        return True
    good = sum(1 for c in text if c > "\x7f") - bad
    return good > 0 and good >= bad


def _utf16_without_bom(sample: bytes) -> str:
    """UTF-16 text without a BOM has NULs on every other byte; anything else is binary."""
    even = sample[0::2]
    odd = sample[1::2]
    if even and odd.count(0) / len(odd) > 0.9 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if odd and even.count(0) / len(even) > 0.9 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    raise BinaryContent()


def looks_binary(text: str) -> bool:
    """Control characters other than whitespace in decoded text mean it is not a list."""
    if not text:
        return False
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\r\n\f\v")
    return "\x00" in text or controls > max(2, len(text) // 100)


@dataclass(frozen=True)
class DelimiterGuess:
    delimiter: str
    columns: int


def detect_delimiter(text: str, max_lines: int = 200) -> DelimiterGuess:
    """The candidate that splits the sample's records into the most consistent columns."""
    lines = text.splitlines(keepends=True)
    if len(lines) > 1 and not text.endswith(("\n", "\r")):
        lines = lines[:-1]  # the sample may end mid-line
    sample = "".join(lines[:max_lines])
    best = DelimiterGuess(",", 1)
    best_score = (0.0, 0)
    for delimiter in DELIMITERS:
        try:
            rows = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not rows:
            continue
        counts = Counter(len(r) for r in rows)
        columns, hits = counts.most_common(1)[0]
        if columns < 2:
            continue
        score = (hits / len(rows), columns)
        if score > best_score:
            best, best_score = DelimiterGuess(delimiter, columns), score
    return best
