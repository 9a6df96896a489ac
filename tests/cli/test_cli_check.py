"""``teenvio-desktop check``: the quality analyses from the command line, as CI runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.quality.link_server import LinkServer

CORPUS = Path(__file__).parents[1] / "core" / "quality_corpus"
pytestmark = pytest.mark.timeout(240)


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TEENVIO_")}
    environment["QT_QPA_PLATFORM"] = "offscreen"
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "teenvio_desktop", "check", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=environment,
    )


@pytest.fixture
def server() -> Iterator[LinkServer]:
    with LinkServer() as running:
        yield running


def test_a_clean_newsletter_passes_with_a_summary() -> None:
    done = cli(str(CORPUS / "clean.html"), "--lang", "en")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"{CORPUS / 'clean.html'}: errors 0, warnings 0, advice 16"
    assert lines[1].startswith("Compatibility: 89% overall (Gmail ")
    assert "Outlook (Windows) " in lines[1]
    assert "advice  1:1  compat.html.doctype" in done.stdout


def test_problems_exit_1_with_the_gui_ids_and_lines_in_json() -> None:
    done = cli(str(CORPUS / "outlook_layout.html"), "--format", "json")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] is False and report["counts"]["error"] == 1
    first = report["findings"][0]
    assert (first["id"], first["severity"], first["line"], first["column"]) == (
        "compat.html.svg", "error", 21, 7
    )  # fmt: skip
    assert first["category"] == "compatibility" and first["data"]["feature"] == "html-svg"
    clients = {c["id"]: c for c in report["compatibility"]["clients"]}
    assert clients["outlook-windows"]["name"] == "Outlook (Windows)"
    assert report["compatibility"]["dataset"]["name"] == "caniemail"
    assert report["links"] is None and report["spam"] is None


def test_messages_follow_the_language() -> None:
    done = cli(str(CORPUS / "accessibility.html"), "--lang", "es")
    assert done.returncode == 1
    assert done.stdout.splitlines()[0].endswith(": errores 5, avisos 8, consejos 11")
    assert "no tiene texto alternativo" in done.stdout
    spanish = json.loads(cli(str(CORPUS / "accessibility.html"), "--lang", "es",
                             "--format", "json").stdout)  # fmt: skip
    ids = [f["id"] for f in spanish["findings"]]
    english = json.loads(cli(str(CORPUS / "accessibility.html"), "--lang", "en",
                             "--format", "json").stdout)  # fmt: skip
    assert ids == [f["id"] for f in english["findings"]]  # the ids never change


def test_links_are_visited_on_request(server: LinkServer, tmp_path: Path) -> None:
    page = tmp_path / "links.html"
    page.write_text(
        (CORPUS / "links.html").read_text(encoding="utf-8").replace("BASE", server.base),
        encoding="utf-8",
    )
    assert server.requests == []
    quick = cli(str(page), "--format", "json")
    assert server.requests == []  # never automatic
    assert json.loads(quick.stdout)["links"] is None
    recipients = tmp_path / "recipients.csv"
    recipients.write_text("email,id\nana@example.com,7\nluis@example.com,42\n", encoding="utf-8")
    done = cli(str(page), "--links", "--via", "rest", "--recipients", str(recipients),
               "--row", "2", "--format", "json")  # fmt: skip
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    results = {r["url"].replace(server.base, ""): r for r in report["links"]}
    assert results["/u/{{ id }}"]["checked_url"] == f"{server.base}/u/42"
    assert results["/u/{{ id }}"]["status"] == 200
    assert results["/old-offer"]["redirects"] == [{"status": 301, "url": f"{server.base}/ok"}]
    ids = {f["id"] for f in report["findings"]}
    assert {"links.broken", "links.image.broken", "links.unreachable", "links.redirected",
            "links.mailto.invalid"} <= ids  # fmt: skip


def test_spam_score_of_an_eml(tmp_path: Path) -> None:
    done = cli(str(CORPUS / "spammy.eml"), "--spam", "--format", "json")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert report["spam"]["available"] and report["spam"]["is_spam"]
    assert report["spam"]["threshold"] == 5.0
    assert any(f["id"] == "spam.score" and f["severity"] == "error" for f in report["findings"])
    text = cli(str(CORPUS / "spammy.eml"), "--spam", "--lang", "es")
    assert "Puntuación de spam: " in text.stdout


def test_without_spamassassin_the_check_still_runs_and_says_how_to_install(
    tmp_path: Path,
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(sys.executable)
    done = cli(str(CORPUS / "clean.html"), "--spam", "--format", "json",
               env={"PATH": str(bin_dir)})  # fmt: skip
    assert shutil.which("spamassassin", path=str(bin_dir)) is None
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["spam"]["available"] is False
    hint = next(f for f in report["findings"] if f["id"] == "spam.unavailable")
    assert hint["severity"] == "advice" and "apt-get install spamassassin" in hint["message"]


@pytest.mark.parametrize(
    "args",
    [
        ("/no/such/file.html",),
        (str(CORPUS / "clean.html"), "--format", "xml"),
        (str(CORPUS / "clean.html"), "--text", "/no/such/text.txt"),
        (str(CORPUS / "clean.html"), "--via", "pigeon"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    done = cli(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr and done.stderr.strip()


def test_a_row_outside_the_recipient_list_is_a_usage_error(tmp_path: Path) -> None:
    recipients = tmp_path / "r.csv"
    recipients.write_text("email\nana@example.com\n", encoding="utf-8")
    done = cli(str(CORPUS / "clean.html"), "--recipients", str(recipients), "--row", "3",
               "--lang", "en")  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip() == "--row 3: the list has 1 recipients."


def test_the_subcommand_loads_the_analyses_only_when_it_runs() -> None:
    script = (
        "import sys\n"
        "from teenvio_desktop.cli.main import build_parser\n"
        "build_parser()\n"
        "print(sorted(m for m in sys.modules if m.startswith('teenvio_desktop.core.quality')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=True)  # fmt: skip
    assert done.stdout.strip() == "[]"
