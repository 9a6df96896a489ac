"""Writing a list's members as CSV that a spreadsheet opens safely."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from teenvio_desktop.core.recipients.report import safe_cell
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback

if TYPE_CHECKING:
    from teenvio_desktop.core.recipients.models import Recipient


def write_members_csv(
    members: Iterable[Recipient],
    columns: Sequence[str],
    total: int,
    path: Path,
    progress: ProgressCallback,
    cancel: CancelToken | None,
) -> int:
    """``email``, ``name``, then every other column; UTF-8 with a BOM so Excel reads
    accents; formula-like cells neutralised. Written to a ``.part`` file first, so a
    cancelled export leaves nothing behind. Returns the rows written."""
    others = [c for c in columns if c not in ("email", "name")]
    written = 0
    tmp = path.with_name(path.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["email", "name", *others])
            for member in members:
                writer.writerow(
                    [
                        safe_cell(member.email),
                        safe_cell(member.name),
                        *(safe_cell(member.fields.get(c, "")) for c in others),
                    ]
                )
                written += 1
                if written % 10_000 == 0:
                    if cancel is not None:
                        cancel.raise_if_cancelled()
                    progress(Progress("Exporting", written, total))
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(path)
    return written
