"""The entry point: version, help, running as a module, the self-test."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from teenvio_desktop import __version__
from teenvio_desktop.cli.main import build_parser


def _run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "teenvio_desktop", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def test_version_and_help_as_a_module() -> None:
    version = _run("--version")
    assert version.returncode == 0 and __version__ in version.stdout
    helptext = _run("--help")
    assert helptext.returncode == 0
    for word in ("--sandbox", "--data-dir", "--lang", "--self-test"):
        assert word in helptext.stdout


def test_unknown_option_is_a_usage_error() -> None:
    assert _run("--no-such-option").returncode == 2


def test_global_options_parse_before_and_after_subcommand() -> None:
    parser = build_parser()
    args = parser.parse_args(["--data-dir", "/tmp/x", "--lang", "es"])
    assert args.data_dir == "/tmp/x" and args.lang == "es" and args.command is None


def test_self_test_prints_one_json_object_and_exits_zero() -> None:
    result = _run("--self-test", timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    report = json.loads(lines[0])
    assert report["ok"] is True
    assert report["startup_ms"] > 0
    assert [s["name"] for s in report["steps"]][:1] == ["start"]
    assert all(step["ok"] for step in report["steps"])


def test_version_and_help_import_no_qt_and_no_catalogue() -> None:
    script = (
        "import sys\n"
        "from teenvio_desktop.cli.main import main\n"
        "for flag in ('--version', '--help'):\n"
        "    try:\n"
        "        main([flag])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'email_validator',"
        " 'teenvio_desktop.core', 'teenvio_desktop.cli.send', 'teenvio_desktop.cli.stats'))"
        " or m == 'teenvio_desktop.translations']\n"
        "print('LOADED', loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "LOADED []"


def test_each_subcommand_has_its_own_help() -> None:
    """Subcommands are loaded on demand; naming one still gives its full help."""
    for command, option in (("send", "--via"), ("stats", "--since"), ("recipients", "ACTION")):
        done = _run(command, "--help")
        assert done.returncode == 0, done.stderr
        assert f"usage: teenvio-desktop {command}" in done.stdout and option in done.stdout
    nested = _run("--lang", "en", "recipients", "import", "--help")
    assert nested.returncode == 0 and "--email-column" in nested.stdout
    assert _run("no-such-command").returncode == 2


def test_messages_come_from_one_catalogue_loaded_once() -> None:
    from teenvio_desktop.cli.common import CliRuntime
    from teenvio_desktop.cli.main import build_parser
    from teenvio_desktop.translations import catalog

    runtime = CliRuntime(build_parser().parse_args(["--lang", "es"]))
    before = catalog.cache_info()
    assert runtime.tr("Missing arguments: {flags}.") == "Faltan argumentos: {flags}."
    for _ in range(50):
        runtime.tr("Missing arguments: {flags}.")
    after = catalog.cache_info()
    assert after.misses - before.misses <= 1  # at most the first message loads it
    assert after.currsize >= 1
