"""Benchmark: one million recipients (email + four fields, ~50 MB) imported into a list.

Run: .venv/bin/python -m pytest tests/benchmarks/test_bench_import.py -s
Prints ONE JSON object: the import's wall time and peak memory (ru_maxrss of a fresh
subprocess), and the same figures for a bare ``csv.reader`` loop over the same file,
measured in the same run, with their ratio. Goal: within 3x the loop, under 400 MB.
"""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROWS = 1_000_000

BASELINE = """
import csv, json, resource, sys, time
start = time.perf_counter()
rows = 0
with open(sys.argv[1], newline="", encoding="utf-8") as handle:
    for row in csv.reader(handle):
        rows += 1
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "rows": rows,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

IMPORT = """
import json, resource, sys, time
from pathlib import Path
from teenvio_desktop.core.recipients import import_file, ImportOptions
from teenvio_desktop.core.store import Database
db = Database(Path(sys.argv[2]))
start = time.perf_counter()
result = import_file(db, Path(sys.argv[1]), ImportOptions(list_name="bench"))
elapsed = time.perf_counter() - start
stored = db.conn.execute("SELECT count(*) FROM recipient_members").fetchone()[0]
print(json.dumps({"seconds": elapsed, "valid": result.valid, "invalid": result.invalid,
                  "duplicates": result.duplicates, "stored": stored,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _generate(path: Path, rows: int) -> None:
    rnd = random.Random(7)
    cities = ["Madrid", "Barcelona", "Sevilla", "València", "Bilbao", "A Coruña", "Málaga"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["email", "nombre", "ciudad", "empresa", "telefono"])
        for i in range(rows):
            roll = rnd.random()
            if roll < 0.01:
                email = f"User{rnd.randrange(max(i, 1))}@Example.com"  # a repeat, other case
            elif roll < 0.015:
                email = f"broken{i}@@example.com"
            else:
                email = f"user{i}@example.com"
            writer.writerow(
                [
                    email,
                    f"Nombre {i}",
                    rnd.choice(cities),
                    f"Empresa {i % 997}",
                    f"6{rnd.randrange(10**8):08d}",
                ]
            )


def _run(script: str, *args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.timeout(900)
def test_import_a_million_rows(tmp_path: Path) -> None:
    source = tmp_path / "million.csv"
    _generate(source, ROWS)
    baseline = _run(BASELINE, str(source))
    imported = _run(IMPORT, str(source), str(tmp_path / "bench.sqlite3"))
    assert imported["stored"] == imported["valid"]
    assert imported["valid"] + imported["invalid"] + imported["duplicates"] == ROWS
    figures = {
        "benchmark": "recipients_import",
        "rows": ROWS,
        "file_mb": round(source.stat().st_size / 1e6, 1),
        "import_seconds": round(imported["seconds"], 3),
        "import_peak_mb": round(imported["peak_mb"], 1),
        "valid": imported["valid"],
        "invalid": imported["invalid"],
        "duplicates": imported["duplicates"],
        "csv_reader_seconds": round(baseline["seconds"], 3),
        "csv_reader_peak_mb": round(baseline["peak_mb"], 1),
        "ratio_to_csv_reader": round(imported["seconds"] / baseline["seconds"], 2),
        "goal": "ratio <= 3, peak < 400 MB",
    }
    print(json.dumps(figures))
