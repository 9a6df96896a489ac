"""The polling policy and formula-safe CSV export."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from teenvio_desktop.core.csv_export import FORMULA_TRIGGERS, export_csv, neutralise, write_csv
from teenvio_desktop.core.stats.poller import PollPolicy
from teenvio_desktop.core.tealite.errors import (
    CredentialsRejected,
    PermanentError,
    RetriableError,
    TeaLiteUnavailable,
)


def test_policy_backs_off_on_transient_errors_and_stops_on_403() -> None:
    policy = PollPolicy(interval_s=60, first_backoff_s=5, max_backoff_s=40)
    assert policy.after_success() == 60
    delays = [policy.after_error(RetriableError()) for _ in range(5)]
    assert delays == [5, 10, 20, 40, 40]
    assert policy.after_error(TeaLiteUnavailable("http://x", "timeout")) == 40
    assert policy.after_error(TimeoutError()) == 40
    assert policy.after_success() == 60 and policy.failures == 0
    assert policy.after_error(PermanentError(text="bad")) == 60
    assert policy.after_error(CredentialsRejected()) is None and policy.stopped
    policy.resume()
    assert not policy.stopped and policy.after_report_errors([]) == 60


def test_formula_cells_are_neutralised_and_numbers_kept(tmp_path: Path) -> None:
    rows = [['=HYPERLINK("http://evil")', "+1", "-2", "@SUM(A1)", "\tx", "\ry", "plain", -5, None]]
    path = tmp_path / "out.csv"
    assert export_csv(path, ["link", "b", "c", "d", "e", "f", "g", "n", "none"], rows) == 1
    with path.open(encoding="utf-8-sig", newline="") as stream:
        parsed = list(csv.reader(stream))
    assert parsed[1] == [
        '\'=HYPERLINK("http://evil")',
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "'\tx",
        "'\ry",
        "plain",
        "-5",
        "",
    ]


@given(st.lists(st.text(), min_size=1, max_size=5))
def test_no_cell_ever_starts_with_a_trigger(values: list[str]) -> None:
    buffer = io.StringIO()
    write_csv(buffer, ["h"] * len(values), [values])
    row = list(csv.reader(io.StringIO(buffer.getvalue())))[1] if values else []
    for cell, value in zip(row, values, strict=True):
        assert not cell.startswith(FORMULA_TRIGGERS)
        assert cell in (value, "'" + value)
        assert neutralise(value) == cell
