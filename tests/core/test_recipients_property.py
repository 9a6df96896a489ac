"""Random shapes of real CSV and XLSX files import exactly as a simple model says.

Hypothesis draws a header of 1 to 2,000 columns with the address anywhere in it, and
rows that are valid, repeated in another case, invalid, without address, blank, short or
long (with and without content past the header), cells with quotes, delimiters and
line breaks; it writes them as CSV (UTF-8 with and without BOM, UTF-16, Windows-1252,
any delimiter and quoting) or XLSX (shared or inline strings, a lying dimension). The
import must never raise anything but a clear error, and its counts, stored members and
rejected lines must match the model.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.recipients import (
    ImportOptions,
    RecipientListRepository,
    import_file,
    iter_rejects,
)
from tests.core.recipients_corpus.workbooks import write_xlsx

ENCODINGS = {"utf-8": b"", "utf-8-sig": b"", "utf-16": b"", "cp1252": b""}
# Characters every encoding above can represent (cp1252 is the narrowest); "\r" alone is
# left out: csv.writer does not quote it, so it would end the line in the file.
CELL_TEXT = st.text(alphabet=list("abcXYZ019 .,;|\t\"'\náéñÑü€«¿-_=+@"), max_size=8)
KINDS = ("valid", "repeat", "invalid", "missing", "blank", "short", "long_empty", "long")
counter = itertools.count()


@dataclass
class Model:
    """What the import must do with the drawn rows."""

    valid: list[tuple[str, list[str]]] = field(default_factory=list)  # (address, cells)
    rejects: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)
    seen: set[str] = field(default_factory=set)


@st.composite
def shapes(draw: st.DrawFn) -> tuple[list[str], int, list[tuple[str, list[str]]]]:
    width = draw(st.one_of(st.integers(1, 6), st.integers(7, 2_000)))
    at = draw(st.integers(0, width - 1))
    header = [f"campo {i}" for i in range(width)]
    header[at] = "email"
    rows: list[tuple[str, list[str]]] = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(KINDS))
        if kind in ("short", "long", "long_empty") and width == 1 and kind == "short":
            kind = "valid"
        cells = draw(st.lists(CELL_TEXT, min_size=width, max_size=width))
        cells[at] = _address(draw, kind)
        if kind == "blank":
            cells = [""] * width
        elif kind == "short":
            cells = cells[: draw(st.integers(1, width - 1))]
            cells[0] = cells[0] or "x"
        elif kind in ("long", "long_empty"):
            extra = draw(st.lists(CELL_TEXT, min_size=1, max_size=3))
            cells = cells + ([""] * len(extra) if kind == "long_empty" else [*extra[:-1], "z"])
        rows.append((kind, cells))
    return header, at, rows


def _address(draw: st.DrawFn, kind: str) -> str:
    number = draw(st.integers(0, 6))
    local = draw(st.sampled_from([f"user{number}", f"User{number}", f"USER{number}"]))
    domain = draw(st.sampled_from(["example.com", "Example.COM"]))
    pad = draw(st.sampled_from(["", " ", "  "]))
    if kind in ("valid", "repeat", "short", "long", "long_empty", "blank"):
        return f"{pad}{local}@{domain}{pad}"
    if kind == "invalid":
        return draw(st.sampled_from([f"{local}@@{domain}", f"{local}", f"{local}@{domain}."]))
    return ""


def _expected(
    header: list[str], at: int, rows: list[tuple[str, list[str]]], lines: list[int]
) -> Model:
    model = Model()
    width = len(header)
    for (kind, cells), line in zip(rows, lines, strict=True):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > width and not any(c.strip() for c in cells[width:]):
            cells = cells[:width]
        if len(cells) != width:
            model.rejects.append((line, "wrong_field_count"))
            continue
        raw = cells[at].strip()
        if not raw:
            model.rejects.append((line, "missing_address"))
            continue
        if kind == "invalid":
            model.rejects.append((line, "invalid_address"))
            continue
        local, _, domain = raw.partition("@")
        address = f"{local}@{domain.lower()}"
        if address.lower() in model.seen:
            model.rejects.append((line, "duplicate"))
            continue
        model.seen.add(address.lower())
        stored = list(cells)
        stored[at] = address
        model.valid.append((address, stored))
    return model


def _write_csv(
    path: Path, rows: list[list[str]], encoding: str, delimiter: str, quoting: int
) -> list[int]:
    """Write the file; return the physical line where each data row starts."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    lines, line = [], 1
    for number, row in enumerate(rows):
        writer.writerow(row)
        if number:
            lines.append(line)
        line += 1 + sum(c.count("\n") for c in row)
    bom = codecs.BOM_UTF16_LE if encoding == "utf-16" else b""
    data = buffer.getvalue().encode("utf-16-le" if encoding == "utf-16" else encoding)
    path.write_bytes(bom + data)
    return lines


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    shape=shapes(),
    form=st.sampled_from(["csv", "xlsx"]),
    encoding=st.sampled_from(sorted(ENCODINGS)),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    dimension=st.sampled_from([None, "A1:XFD1048576", "A1:B2", "C3"]),
    inline=st.booleans(),
)
def test_random_shapes_import_as_the_model_says(
    app_context: AppContext,
    tmp_path: Path,
    shape: tuple[list[str], int, list[tuple[str, list[str]]]],
    form: str,
    encoding: str,
    delimiter: str,
    quoting: int,
    dimension: str | None,
    inline: bool,
) -> None:
    header, at, rows = shape
    path = tmp_path / f"shape{next(counter)}.{form}"
    grid = [header, *(cells for _, cells in rows)]
    if form == "csv":
        lines = _write_csv(path, grid, encoding, delimiter, quoting)
        options = ImportOptions(
            encoding=encoding, delimiter=delimiter, has_header=True, email_column="email"
        )
    else:
        write_xlsx(path, {"Hoja": grid}, dimension=dimension, inline=inline)
        lines = list(range(2, len(grid) + 1))
        # A sheet has one width, its widest row's (here all rows are in the sample the
        # width is taken from); a row ends at its last filled cell, so none is short.
        filled = [len(c) - next((i for i, v in enumerate(reversed(c)) if v), len(c)) for c in grid]
        width = max(filled)
        header = header + [f"column {i + 1}" for i in range(len(header), width)]
        rows = [(k, c[:width] + [""] * (width - len(c))) for k, c in rows]
        options = ImportOptions(has_header=True, email_column="email")
    model = _expected(header, at, rows, lines)

    result = import_file(app_context.db, path, options)

    assert result.valid == len(model.valid)
    assert result.columns == header
    repo = RecipientListRepository(app_context.db)
    members = list(repo.iter_members(result.list_id))
    assert [m.email for m in members] == [address for address, _ in model.valid]
    assert [list(m.fields.values()) for m in members] == [cells for _, cells in model.valid]
    rejects = [(r.line, r.reason) for r in iter_rejects(app_context.db, result.list_id)]
    assert rejects == sorted(model.rejects)
    assert result.invalid + result.duplicates == len(model.rejects)
