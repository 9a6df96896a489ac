"""The import's inner loop: rows in batches, validated, deduplicated, stored in blocks.

Per-row Python is what made imports slow, so the loop works on whole batches: read a
batch with ``islice``, validate its addresses at once (``validate.normalize_batch``),
deduplicate them at once (``dedupe.SeenAddresses``), and hand the kept rows to the
block writer, which packs them with ``str.join``. Python touches single rows only for
the exceptions: rows with the wrong number of fields, invalid addresses, repeats and
suppressed addresses, each recorded with its line and reason.
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, islice
from operator import itemgetter, not_

from teenvio_desktop.core.errors import Cancelled
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.recipients import errors
from teenvio_desktop.core.recipients import report as R
from teenvio_desktop.core.recipients.blocks import Mapped
from teenvio_desktop.core.recipients.dedupe import SeenAddresses
from teenvio_desktop.core.recipients.readers import RowSource
from teenvio_desktop.core.recipients.validate import normalize_batch
from teenvio_desktop.core.recipients.writer import BlockWriter
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback

BATCH_CELLS = 8000  # a batch is about this many cells: wide files get fewer rows
MAX_BATCH_ROWS = 8_192
KEEP_REJECTS = 1_000  # shown in the result; all of them are in the store
STAGE_IMPORT = QT_TRANSLATE_NOOP("recipients", "Importing recipients")
_NO_KEY = "\x00"  # starts the key of a row without a valid address
PROGRESS_SECONDS = 0.1


@dataclass
class RowPlan:
    """How the rows of this file become members."""

    width: int
    email_index: int
    name_index: int | None
    skip: int  # rows before the first data row (titles, the header)
    # A sheet row simply ends at its last filled cell, so a short one is padded; a short
    # line of text has lost fields, so it is rejected.
    pad_short_rows: bool = False
    # For an append into a list with other columns: source column of each list column
    # (-1: not in this file).
    permutation: list[int] | None = None
    mapped: Mapped = field(default_factory=Mapped)  # list columns stored empty (blocks.py)


@dataclass
class Tally:
    rows: int = 0
    kept: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    rejects: list[R.Reject] = field(default_factory=list)  # the first KEEP_REJECTS


class MemberPipeline:
    """Runs one import's rows from ``source`` into ``writer``."""

    def __init__(
        self,
        source: RowSource,
        plan: RowPlan,
        writer: BlockWriter,
        seen: SeenAddresses,
        suppressed: set[str],
        progress: ProgressCallback,
        cancel: CancelToken,
    ) -> None:
        self.source = source
        self.plan = plan
        self.writer = writer
        self.seen = seen
        self.suppressed = suppressed
        self.progress = progress
        self.cancel = cancel
        self.tally = Tally()
        self._batch_rows = max(16, min(MAX_BATCH_ROWS, BATCH_CELLS // max(plan.width, 1)))
        self._raw_cells = plan.width + 8  # a reject keeps at most this much of its row

    def run(self) -> Tally:
        reader = self.source.reader
        reported = 0.0
        try:
            for _ in range(self.plan.skip):
                next(reader, None)
            while True:
                if self.cancel.cancelled:
                    raise Cancelled()
                before = reader.line_num
                rows = list(islice(reader, self._batch_rows))
                if not rows:
                    break
                self._batch(rows, before, reader.line_num)
                self.writer.commit()
                if time.monotonic() >= reported + PROGRESS_SECONDS:
                    reported = time.monotonic()
                    self._report()
            self._report()
        except csv.Error as exc:
            raise errors.RecipientImportError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Line {line} could not be read ({detail}). A quote that is never closed "
                    "is the usual cause: fix that line, or choose another delimiter.",
                ),
                line=reader.line_num,
                detail=str(exc),
            ) from exc
        return self.tally

    def _report(self) -> None:
        self.progress(
            Progress(
                STAGE_IMPORT,
                self.source.position(),
                self.source.format.size,
                {"rows": self.tally.rows, "valid": self.tally.kept},
            )
        )

    # -- one batch ---------------------------------------------------------------------
    def _batch(self, rows: list[list[str]], before: int, after: int) -> None:
        plan = self.plan
        email_index = plan.email_index
        lines = _Lines(rows, before, after)
        widths = list(map(len, rows))
        index: Sequence[int] = range(len(rows))  # batch index of each row still in play
        if widths.count(plan.width) != len(rows):
            index = self._fit_widths(rows, widths, lines)
            rows = [rows[i] for i in index]
        addresses, keys, problems = normalize_batch(list(map(itemgetter(email_index), rows)))
        if problems:
            self._address_problems(rows, index, problems, lines)
            for j in problems:
                keys[j] = f"{_NO_KEY}{j}"  # no address lowers to it; distinct in the batch
        self.tally.rows += len(rows) - len(problems)
        fresh = self.seen.keep_first(keys)
        if not all(fresh):
            for j in compress(range(len(fresh)), map(not_, fresh)):
                if j not in problems:
                    self._reject(lines(index[j]), R.DUPLICATE, rows[j][email_index], rows[j])
        for j in problems:
            fresh[j] = False
        if self.suppressed and not self.suppressed.isdisjoint(keys):
            blocked = self.suppressed.intersection(keys)
            for j, key in enumerate(keys):
                if fresh[j] and key in blocked:
                    fresh[j] = False
                    self._reject(lines(index[j]), R.SUPPRESSED, rows[j][email_index], rows[j])
        if not all(fresh):
            rows = list(compress(rows, fresh))
            addresses = list(compress(addresses, fresh))
        self._store(rows, addresses)

    def _store(self, rows: list[list[str]], addresses: list[str]) -> None:
        plan = self.plan
        if plan.name_index is None:
            names = [""] * len(rows)
        else:
            names = list(map(str.strip, map(itemgetter(plan.name_index), rows)))
        if plan.permutation is not None:
            order = plan.permutation
            rows = [[row[i] if i >= 0 else "" for i in order] for row in rows]
        width = self.writer.width
        cells = list(chain.from_iterable(rows))
        plan.mapped.empty_run(cells, width)  # read back as the address and the name
        self.writer.add(addresses, names, cells)
        self.tally.kept += len(rows)

    def _fit_widths(self, rows: list[list[str]], widths: list[int], lines: _Lines) -> list[int]:
        """Drop blank rows, trim trailing empty cells, reject the rest of the misfits."""
        width = self.plan.width
        keep: list[int] = []
        for i, row in enumerate(rows):
            if widths[i] == width:
                keep.append(i)
            elif not any(c.strip() for c in row):
                continue  # a blank line
            elif widths[i] > width and not any(c.strip() for c in row[width:]):
                del row[width:]  # trailing delimiters: nothing is shifted
                keep.append(i)
            elif widths[i] < width and self.plan.pad_short_rows:
                row.extend([""] * (width - widths[i]))
                keep.append(i)
            else:
                self.tally.rows += 1
                self._reject(lines(i), R.FIELD_COUNT, "", row, f"{widths[i]} != {width}")
        return keep

    def _address_problems(
        self,
        rows: list[list[str]],
        index: Sequence[int],
        problems: dict[int, str],
        lines: _Lines,
    ) -> None:
        """Reject the rows without a valid address."""
        email_index = self.plan.email_index
        for j, why in problems.items():
            row = rows[j]
            if why:
                self.tally.rows += 1
                self._reject(lines(index[j]), R.INVALID, row[email_index], row, why)
            elif any(c.strip() for c in row):
                self.tally.rows += 1
                self._reject(lines(index[j]), R.MISSING, "", row)

    def _reject(
        self, line: int, reason: str, value: str, row: Sequence[str], detail: str = ""
    ) -> None:
        tally = self.tally
        tally.reasons[reason] += 1
        raw = row[: self._raw_cells]
        if len(tally.rejects) < KEEP_REJECTS:
            tally.rejects.append(R.Reject(line, reason, value, detail, tuple(raw)))
        self.writer.reject(line, reason, value, detail, raw)


class _Lines:
    """The physical line where each row of a batch starts (1-based), computed only when a
    reject needs it; a quoted cell can span lines, so rows and lines may differ."""

    def __init__(self, rows: list[list[str]], before: int, after: int) -> None:
        self._rows = rows
        self._before = before
        self._simple = after - before == len(rows)
        self._starts: list[int] | None = None

    def __call__(self, i: int) -> int:
        if self._simple:
            return self._before + i + 1
        if self._starts is None:
            starts, line = [], self._before + 1
            for row in self._rows:
                starts.append(line)
                line += 1 + sum(c.count("\n") + c.count("\r") - c.count("\r\n") for c in row)
            self._starts = starts
        return self._starts[i]
