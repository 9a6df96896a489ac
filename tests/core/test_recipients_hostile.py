"""Files of any shape end in bounded time and memory: a correct import or a clear error.

The shapes that broke the importer before (issue 15) run in a child process with an
address-space limit, so an attempt to allocate what a file declares, instead of what it
contains, fails the test instead of the machine; the child reports its peak memory.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.recipients import (
    ImportOptions,
    RecipientImportError,
    RecipientListRepository,
    import_file,
    iter_rejects,
)
from teenvio_desktop.core.recipients import sheets as sheet_limits
from teenvio_desktop.core.recipients.cleanup import discard_abandoned_imports
from teenvio_desktop.core.store import Database
from tests.core.recipients_corpus.workbooks import (
    column_letters,
    ods_cell,
    ods_row,
    write_ods,
    write_xlsx,
)

pytestmark = pytest.mark.timeout(180)
MEMORY_LIMIT = 2 << 30  # address space of the child: far below what a declared area needs
PEAK_MB = 300

ISOLATED_IMPORT = """
import json, resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[3]), int(sys.argv[3])))
from teenvio_desktop.core.recipients import import_file, iter_rejects, RecipientImportError
from teenvio_desktop.core.store import Database
db = Database(Path(sys.argv[2]))
try:
    result = import_file(db, Path(sys.argv[1]))
    out = {**result.counts(), "lines": [r.line for r in iter_rejects(db, result.list_id)]}
except RecipientImportError as exc:
    out = {"error": str(exc)}
status = open("/proc/self/status").read()
out["peak_mb"] = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(json.dumps(out))
"""


def isolated_import(path: Path, tmp_path: Path, timeout: float = 120) -> dict[str, object]:
    """Import ``path`` in a child limited to :data:`MEMORY_LIMIT` of address space."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            ISOLATED_IMPORT,
            str(path),
            str(tmp_path / "isolated.sqlite3"),
            str(MEMORY_LIMIT),
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def test_a_lying_dimension_reads_only_the_cells_there_are(tmp_path: Path) -> None:
    single = write_xlsx(
        tmp_path / "single.xlsx", {"S": [["ana@example.com"]]}, dimension="A1:XFD1048576"
    )
    outcome = isolated_import(single, tmp_path)
    assert (outcome["valid"], outcome["invalid"]) == (1, 0)
    assert float(str(outcome["peak_mb"])) < PEAK_MB


def test_a_cell_at_the_last_row_and_column_is_placed_not_allocated(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "far.xlsx",
        {"S": []},
        cells=[("A1", "email"), ("A2", "ana@example.com"), ("XFD1048576", "far away")],
    )
    outcome = isolated_import(path, tmp_path)
    # The far row has 16384 cells where the header has one: reported, with its row.
    assert (outcome["valid"], outcome["invalid"], outcome["lines"]) == (1, 1, [1_048_576])
    assert float(str(outcome["peak_mb"])) < PEAK_MB


def test_a_million_columns_stop_at_the_column_limit(tmp_path: Path) -> None:
    # One row: 16384 cells up to XFD, then a million more without references.
    head = "".join(f'<c r="{column_letters(i)}1"><v>{i}</v></c>' for i in range(16_384))
    tail = "<c><v>1</v></c>" * 1_000_000
    sheet = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"><sheetData><row r="1">{head}{tail}</row></sheetData>'
        "</worksheet>"
    )
    xlsx = write_xlsx(tmp_path / "wide.xlsx", {"S": [["x"]]}, raw_sheet=sheet)
    started = time.monotonic()
    outcome = isolated_import(xlsx, tmp_path)
    assert "more than 16384 columns" in str(outcome["error"])
    assert time.monotonic() - started < 60
    text = tmp_path / "wide.csv"
    text.write_text(",".join(f"c{i}" for i in range(1_000_000)) + "\na@example.com\n")
    outcome = isolated_import(text, tmp_path)
    assert "more than 16384 columns" in str(outcome["error"])


@pytest.mark.parametrize("columns", [128, 2_000, 16_384])
def test_wide_exports_import_with_every_column(
    app_context: AppContext, tmp_path: Path, columns: int
) -> None:
    header = [f"campo {i}" for i in range(columns)]
    header[columns // 2] = "email"
    rows = [[f"{r}-{c}" for c in range(columns)] for r in range(3)]
    for r, row in enumerate(rows):
        row[columns // 2] = f"user{r}@example.com"
    path = tmp_path / "crm.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *rows])
    result = import_file(app_context.db, path, ImportOptions(list_name=f"crm {columns}"))
    assert (result.valid, result.invalid, len(result.columns)) == (3, 0, columns)
    members = list(RecipientListRepository(app_context.db).iter_members(result.list_id))
    assert members[2].fields["campo 0"] == "2-0"
    assert members[2].fields[f"campo {columns - 1}"] == f"2-{columns - 1}"
    if columns <= 2_000:
        book = write_xlsx(tmp_path / "crm.xlsx", {"CRM": [header, *rows]})
        result = import_file(app_context.db, book, ImportOptions(list_name=f"book {columns}"))
        assert (result.valid, len(result.columns)) == (3, columns)


def _import_in_thread(db: Database, path: Path) -> BaseException | None:
    """Import ``path`` in a thread that must end within 10 s (a FIFO used to block)."""
    outcome: list[BaseException | None] = []

    def work() -> None:
        try:
            import_file(db, path)
            outcome.append(None)
        except BaseException as exc:  # reported to the test below
            outcome.append(exc)
        finally:
            Database.close_connections_of_this_thread()

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), f"importing {path} did not end"
    return outcome[0]


def test_pipes_devices_and_folders_are_refused(app_context: AppContext, tmp_path: Path) -> None:
    fifo = tmp_path / "list.csv"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero"), tmp_path):
        error = _import_in_thread(app_context.db, path)
        assert isinstance(error, RecipientImportError), path
        assert "not an ordinary file" in str(error)


def test_an_endless_line_is_read_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "endless.csv"
    with path.open("w") as handle:
        handle.write("email\n")
        for _ in range(40):
            handle.write("x" * 1_000_000)  # 40 MB, no delimiter, no line end
    outcome = isolated_import(path, tmp_path)
    assert "could not be read" in str(outcome["error"])
    assert float(str(outcome["peak_mb"])) < PEAK_MB


def test_dtds_and_damaged_members_are_refused(app_context: AppContext, tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    book = write_xlsx(tmp_path / "dtd.xlsx", {"S": [["x"]]}, raw_sheet=laughs)
    with pytest.raises(RecipientImportError, match="could not be read"):
        import_file(app_context.db, book)

    good = write_xlsx(tmp_path / "good.xlsx", {"S": [["email"], ["a@example.com"]] * 500})
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 10, start + info.compress_size - 10, 7):
        data[offset] ^= 0x5A
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(bytes(data))
    with pytest.raises(RecipientImportError, match="could not be read"):
        import_file(app_context.db, damaged)
    assert RecipientListRepository(app_context.db).lists() == []


def test_repeated_ods_rows_and_cells_unfold_only_with_content(
    app_context: AppContext, tmp_path: Path
) -> None:
    padded = write_ods(
        tmp_path / "padded.ods",
        {
            "Hoja": [
                ods_row([ods_cell("email"), ods_cell("nombre"), ods_cell(None, 16_382)]),
                ods_row([ods_cell("a@example.com"), ods_cell("Ana"), ods_cell(None, 16_382)]),
                ods_row([ods_cell("b@example.com"), ods_cell("Bea")], repeat=2),
                ods_row([ods_cell(None, 1_024)], repeat=1_048_000),
            ]
        },
    )
    started = time.monotonic()
    result = import_file(app_context.db, padded)
    assert (result.valid, result.duplicates, result.columns) == (2, 1, ["email", "nombre"])
    assert time.monotonic() - started < 30
    bomb = write_ods(
        tmp_path / "bomb.ods",
        {"Hoja": [ods_row([ods_cell("email")]), ods_row([ods_cell("x", 16_384)], 1_000_000)]},
    )
    with pytest.raises(RecipientImportError, match="unfolds into more than"):
        import_file(app_context.db, bomb)
    beyond = write_ods(
        tmp_path / "beyond.ods",
        {"Hoja": [ods_row([ods_cell("email"), ods_cell(None, 20_000), ods_cell("x")])]},
    )
    with pytest.raises(RecipientImportError, match="more than 16384 columns"):
        import_file(app_context.db, beyond)


def test_size_limits_of_a_workbook_each_have_their_message(
    app_context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [["email", "nota"]] + [[f"u{i}@example.com", f"nota {i}"] for i in range(2_000)]
    book = write_xlsx(tmp_path / "big.xlsx", {"S": rows})
    monkeypatch.setattr(sheet_limits, "MAX_CELL_CHARS", 5)
    with pytest.raises(RecipientImportError, match="holds more than 5 characters"):
        import_file(app_context.db, book)
    monkeypatch.undo()
    from teenvio_desktop.core.recipients import xlsx

    monkeypatch.setattr(xlsx, "MAX_SHARED_TEXT", 1_000)
    with pytest.raises(RecipientImportError, match="holds more than 0 MB of text"):
        import_file(app_context.db, book)
    monkeypatch.undo()
    monkeypatch.setattr(xlsx, "MAX_PART_BYTES", 10_000)
    with pytest.raises(RecipientImportError, match="unpacks to more than"):
        import_file(app_context.db, book)
    assert RecipientListRepository(app_context.db).lists() == []


def test_legacy_excel_files_are_refused_with_what_to_do(
    app_context: AppContext, tmp_path: Path
) -> None:
    legacy = tmp_path / "old.xls"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(RecipientImportError, match="save it as XLSX or CSV"):
        import_file(app_context.db, legacy)


# -- an import killed midway ---------------------------------------------------------------
KILLABLE_IMPORT = """
import sys
from pathlib import Path
from teenvio_desktop.core.recipients import import_file, ImportOptions
from teenvio_desktop.core.store import Database
db = Database(Path(sys.argv[2]))
batches = []
def progress(report):
    batches.append(report)
    if len(batches) == 3:
        print("importing", flush=True)
        if sys.argv[3] == "wait":
            sys.stdin.readline()
import_file(db, Path(sys.argv[1]), ImportOptions(list_name="killed"), progress)
print("finished", flush=True)
"""


def _start_import(source: Path, database: Path, mode: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", KILLABLE_IMPORT, str(source), str(database), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "importing"
    return child


def _leftovers(database: Path) -> tuple[int, int]:
    db = Database(database)
    try:
        lists = db.conn.execute("SELECT count(*) FROM recipient_lists").fetchone()[0]
        blocks = db.conn.execute("SELECT count(*) FROM recipient_blocks").fetchone()[0]
        return int(lists), int(blocks)
    finally:
        db.close()


def test_an_import_killed_midway_is_cleaned_at_the_next_start(tmp_path: Path) -> None:
    source = tmp_path / "big.csv"
    with source.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["email", "nombre"])
        writer.writerows([f"u{i}@example.com", f"N {i}"] for i in range(200_000))
    database = tmp_path / "data" / "teenvio.sqlite3"
    database.parent.mkdir()
    Database(database).close()

    # An import another live process is running is left alone...
    alive = _start_import(source, database, "wait")
    db = Database(database)
    assert discard_abandoned_imports(db) == 0
    assert RecipientListRepository(db).lists() == []  # never visible half done
    db.close()
    os.kill(alive.pid, signal.SIGKILL)
    alive.wait(timeout=30)
    assert alive.stdout is not None and alive.stdin is not None
    alive.stdout.close()
    alive.stdin.close()
    lists, blocks = _leftovers(database)
    assert lists == 1 and blocks > 0

    # ...and once its process is gone, the next start (here the command line) removes it.
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEENVIO_")}
    command = ["recipients", "list", "--json", "--data-dir", str(database.parent)]
    done = subprocess.run(
        [sys.executable, "-m", "teenvio_desktop", *command],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
    assert _leftovers(database) == (0, 0)


def test_a_silent_import_elsewhere_is_given_up_after_a_while(app_context: AppContext) -> None:
    repo = RecipientListRepository(app_context.db)
    other = repo.begin_list("other machine", ["email"], "x.csv")
    app_context.db.conn.execute(
        "UPDATE recipient_lists SET importer = 'elsewhere:123', heartbeat = ? WHERE id = ?",
        ("2000-01-01T00:00:00+00:00", other),
    )
    fresh = repo.begin_list("recent", ["email"], "y.csv")
    app_context.db.conn.execute(
        "UPDATE recipient_lists SET importer = 'elsewhere:124' WHERE id = ?", (fresh,)
    )
    assert discard_abandoned_imports(app_context.db) == 1
    left = app_context.db.conn.execute("SELECT id FROM recipient_lists").fetchall()
    assert [r[0] for r in left] == [fresh]
    assert list(iter_rejects(app_context.db, other)) == []
