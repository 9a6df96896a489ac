"""``teenvio-desktop recipients``: import, list and export through real processes."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parents[1] / "core" / "recipients_corpus"
pytestmark = pytest.mark.timeout(120)


def cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEENVIO_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-m", "teenvio_desktop", "recipients", *args, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_import_list_export_cycle(tmp_path: Path) -> None:
    data = tmp_path / "data"
    rejects = tmp_path / "rejects.csv"
    done = cli(
        data,
        "import",
        str(CORPUS / "utf8_comma.csv"),
        "--list",
        "Clientes",
        "--json",
        "--rejects",
        str(rejects),
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert {k: summary[k] for k in ("valid", "invalid", "duplicates", "suppressed")} == {
        "valid": 4,
        "invalid": 2,
        "duplicates": 2,
        "suppressed": 0,
    }
    assert summary["list"] == "Clientes"
    assert summary["columns"] == ["email", "name", "city"]  # every column, as in the wizard
    with rejects.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == 1 + 4

    sheet = cli(data, "import", str(CORPUS / "contacts.xlsx"), "--sheet", "Proveedores")
    assert sheet.returncode == 0, sheet.stderr
    assert "2 valid" in sheet.stdout

    forced = cli(
        data,
        "import",
        str(CORPUS / "cp1252_semicolon.csv"),
        "--encoding",
        "cp1252",
        "--delimiter",
        ";",
        "--email-column",
        "dirección",
        "--json",
    )
    assert json.loads(forced.stdout)["valid"] == 3

    listing = cli(data, "list", "--json")
    assert listing.returncode == 0
    lists = {item["name"]: item for item in json.loads(listing.stdout)}
    assert lists["Clientes"]["count"] == 4
    assert lists["contacts"]["count"] == 2

    out = tmp_path / "clientes.csv"
    exported = cli(data, "export", "Clientes", str(out))
    assert exported.returncode == 0, exported.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["email", "name", "city"]
    assert [r[0] for r in rows[1:]] == [
        "ana@example.com",
        "luis@example.com",
        "maria@example.org",
        "pedro@example.net",
    ]


def test_unreadable_files_fail_with_a_clear_message(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for name, text in (
        ("empty.csv", "is empty"),
        ("binary.csv", "is not a text file"),
        ("no_address.csv", "No column of email addresses"),
        ("truncated.xlsx", "damaged or incomplete"),
    ):
        done = cli(data, "import", str(CORPUS / name), "--json")
        assert done.returncode == 1
        assert text in done.stderr
        assert done.stdout == ""
    missing = cli(data, "export", "Nope", str(tmp_path / "x.csv"))
    assert missing.returncode == 1 and "no recipient list" in missing.stderr


def test_a_taken_name_needs_replace_or_append(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = tmp_path / "v1.csv"
    first.write_text("email,nombre\nana@example.com,Ana\njosé@example.es,José\n", encoding="utf-8")
    done = cli(data, "import", str(first), "--list", "Clientes", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "which the SMTP-API cannot take (TEA Lite can): 1." in done.stdout

    update = tmp_path / "v2.csv"
    update.write_text(
        "email,nombre\nANA@example.com,Ana\nluis@example.com,Luis\n", encoding="utf-8"
    )
    clash = cli(data, "import", str(update), "--list", "clientes", "--lang", "en")
    assert clash.returncode == 1
    assert "already exists" in clash.stderr and "--replace" in clash.stderr
    assert clash.stdout == ""

    appended = cli(data, "import", str(update), "--list", "Clientes", "--append", "--json")
    assert appended.returncode == 0, appended.stderr
    summary = json.loads(appended.stdout)
    assert (summary["mode"], summary["valid"], summary["duplicates"], summary["members"]) == (
        "append",
        1,
        1,
        3,
    )
    assert summary["smtputf8"] == 1

    replaced = cli(data, "import", str(update), "--list", "Clientes", "--replace", "--lang", "es")
    assert replaced.returncode == 0, replaced.stderr
    assert "Destinatarios en la lista ahora: 2." in replaced.stdout
    listing = json.loads(cli(data, "list", "--json").stdout)
    assert [(x["name"], x["count"]) for x in listing] == [("Clientes", 2)]
    assert listing[0]["merge_fields"] == ["email", "name", "nombre"]
    both = cli(data, "import", str(update), "--list", "X", "--replace", "--append")
    assert both.returncode == 2 and "not allowed with argument" in both.stderr
