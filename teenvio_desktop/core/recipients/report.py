"""Rejected rows: why each was left out, and the report a person can open in a spreadsheet."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP

Translate = Callable[[str, str], str]

INVALID = "invalid_address"
MISSING = "missing_address"
FIELD_COUNT = "wrong_field_count"
DUPLICATE = "duplicate"
SUPPRESSED = "suppressed"

REASONS: dict[str, str] = {
    INVALID: QT_TRANSLATE_NOOP("recipients", "Not a valid email address"),
    MISSING: QT_TRANSLATE_NOOP("recipients", "No email address in this row"),
    FIELD_COUNT: QT_TRANSLATE_NOOP(
        "recipients", "This row has a different number of fields than the header"
    ),
    DUPLICATE: QT_TRANSLATE_NOOP("recipients", "Repeats an address already in the list"),
    SUPPRESSED: QT_TRANSLATE_NOOP(
        "recipients", "On the suppression list (bounced or unsubscribed)"
    ),
}
# Leading characters that make Excel, LibreOffice or Sheets evaluate a cell as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """``value`` made inert for spreadsheets (CSV formula injection)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


@dataclass(frozen=True)
class Reject:
    line: int
    reason: str
    value: str
    detail: str = ""
    raw: tuple[str, ...] = ()

    def reason_text(self, translate: Callable[[str, str], str] | None = None) -> str:
        template = REASONS.get(self.reason, self.reason)
        return translate("recipients", template) if translate else template

    def db_row(self, list_id: int) -> tuple[int, int, str, str, str, str]:
        return (
            list_id,
            self.line,
            self.reason,
            self.value,
            self.detail,
            json.dumps(list(self.raw), ensure_ascii=False),
        )


def write_rejects_csv(
    rejects: Iterable[Reject],
    path: Path,
    translate: Callable[[str, str], str] | None = None,
) -> int:
    """Write the report (UTF-8 with BOM so Excel reads accents); returns rows written."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["line", "reason", "value", "detail", "row"])
        for reject in rejects:
            writer.writerow(
                [
                    reject.line,
                    safe_cell(reject.reason_text(translate)),
                    safe_cell(reject.value),
                    safe_cell(reject.detail),
                    safe_cell(" | ".join(reject.raw)),
                ]
            )
            count += 1
    return count
