"""After adding accounts, testing, sending over both APIs, syncing statistics and exporting
them from the command line, no password or token is found in the data directory, the logs,
the programs' output or the processes' command lines."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.timeout(180)


class Runner:
    def __init__(self, data: Path, env: dict[str, str]) -> None:
        self.data, self.env = data, env
        self.seen: list[str] = []  # argv, live /proc command lines, stdout and stderr

    def __call__(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "teenvio_desktop", *args, "--data-dir", str(self.data)]
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=self.env,
        )
        # Popen returns once the program is executing: read its command line as ps would.
        cmdline = Path(f"/proc/{proc.pid}/cmdline")
        if cmdline.exists():
            self.seen.append(cmdline.read_bytes().replace(b"\0", b" ").decode())
        out, err = proc.communicate(stdin, timeout=120)
        self.seen += [" ".join(argv), out, err]
        return subprocess.CompletedProcess(argv, proc.returncode, out, err)


def test_no_secret_leaks_anywhere(tmp_path: Path, sandbox, secret_service) -> None:
    info = sandbox.info
    data = tmp_path / "data"
    html = tmp_path / "mail.html"
    html.write_text("<html><body><p>Hello there</p></body></html>", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEENVIO_")}
    env.update(secret_service.env, QT_QPA_PLATFORM="offscreen")
    run = Runner(data, env)

    steps = [
        run(
            "account", "add", "Desk", "--smtp-host", info.host,
            "--smtp-port", str(info.smtp_port), "--security", "starttls", "--user", info.user,
            "--api", info.api_url, "--source-system", "desk", "--cafile", str(info.ca_file),
            "--sender", "demo@example.com", "--default", stdin=f"{info.password}\n{info.token}\n",
        ),
        run("account", "list", "--json"),
        run("account", "test", "Desk", "--debug"),
        run(
            "send", "--via", "smtp", "--account", "Desk", "--from", "demo@example.com",
            "--to", "ana@example.org", "bob@example.org", "--subject", "Hello",
            "--html", str(html), "--debug",
        ),
        run(
            "send", "--via", "rest", "--account", "Desk", "--campaign-id", "77",
            "--from", "demo@example.com", "--from-name", "Demo", "--to", "ana@example.org",
            "--subject", "Hello",
            "--html", str(html), "--debug",
        ),
        run(
            "stats", "--api", info.api_url, "--source-system", "desk", "--campaign-id", "77",
            "--debug",
        ),
        run(
            "stats", "--account", "Desk", "--campaign-id", "77", "--kind", "responses",
            "--format", "csv", "--output", str(data / "export.csv"),
        ),
    ]  # fmt: skip
    for step in steps:
        assert step.returncode == 0, (step.args, step.stdout, step.stderr)
    assert (data / "export.csv").exists() and any(data.joinpath("logs").iterdir())

    secrets = [info.password, info.token]
    secrets += [base64.b64encode(s.encode()).decode() for s in secrets]  # AUTH LOGIN form
    for text in run.seen:
        for secret in secrets:
            assert secret not in text, "a secret appeared in a command line or the output"
    files = [p for p in data.rglob("*") if p.is_file()]
    assert any(p.suffix == ".log" for p in files) and any("sqlite" in p.name for p in files)
    for path in files:
        content = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in content, f"a secret was written to {path}"
