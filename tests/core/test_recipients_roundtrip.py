"""Arbitrary rows, written with any delimiter, quoting and encoding, read back unchanged."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teenvio_desktop.core.recipients.readers import open_source

ENCODINGS = {
    "utf-8": b"",
    "utf-8-sig": b"",
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "cp1252": b"",
}
QUOTING = [csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]
# Characters every encoding above can represent (cp1252 is the narrowest).
CELL_ALPHABET = st.sampled_from(list("abcXYZ019 @.,;|\t\"'\r\náéíóúñÑüÜ€«»¿¡-_=+"))
cells = st.text(alphabet=CELL_ALPHABET, max_size=12)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(st.lists(cells, min_size=3, max_size=3), min_size=1, max_size=15),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    quoting=st.sampled_from(QUOTING),
    encoding=st.sampled_from(sorted(ENCODINGS)),
    line_end=st.sampled_from(["\r\n", "\n"]),
)
def test_rows_read_back_to_the_same_values(
    tmp_path: Path,
    rows: list[list[str]],
    delimiter: str,
    quoting: int,
    encoding: str,
    line_end: str,
) -> None:
    header = ["email", "name", "note"]
    rows = [[f"user{i}@example.com", *row[1:]] for i, row in enumerate(rows)]
    if line_end == "\n":  # csv.writer quotes only the terminator's characters: a bare
        rows = [[c.replace("\r", "") for c in row] for row in rows]  # CR would be lost
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator=line_end)
    writer.writerow(header)
    writer.writerows(rows)
    path = tmp_path / "rows.csv"
    path.write_bytes(ENCODINGS[encoding] + buffer.getvalue().encode(encoding))

    # The delimiter is detected, and so is the encoding of UTF-8 and BOM-marked files.
    # Windows-1252 is told: a few accented bytes can also be valid UTF-8 ("Ñ¡" is "ѡ"),
    # so no detector can tell them apart on a tiny file (realistic text: test below).
    told = encoding if encoding == "cp1252" else None
    with open_source(path, encoding=told) as source:
        read = [r for r in source.reader]
    assert read == [header, *rows]
    assert source.format.delimiter == delimiter


def test_realistic_windows_1252_text_is_detected(tmp_path: Path) -> None:
    text = "email;nombre;ciudad\r\n" + "".join(
        f"user{i}@example.es;Íñigo Muñoz {i};Logroño\r\n" for i in range(5)
    )
    path = tmp_path / "latin.csv"
    path.write_bytes(text.encode("cp1252"))
    with open_source(path) as source:
        rows = list(source.reader)
    assert source.format.encoding == "cp1252"
    assert rows[1] == ["user0@example.es", "Íñigo Muñoz 0", "Logroño"]
