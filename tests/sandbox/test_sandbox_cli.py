"""``teenvio-desktop sandbox`` as a real subprocess: one JSON line, serves, stops on signals."""

from __future__ import annotations

import json
import os
import selectors
import signal
import smtplib
import ssl
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.timeout(60)

KEYS = ["smtp", "smtps", "api", "ca_file", "user", "password", "token", "senders"]


def _start(tmp_path: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "TEENVIO_DESKTOP_HOME": str(tmp_path / "home")}
    return subprocess.Popen(
        [sys.executable, "-m", "teenvio_desktop", "sandbox", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _first_line(process: subprocess.Popen[str], timeout: float = 30) -> dict[str, Any]:
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            process.kill()
            raise AssertionError("the sandbox printed nothing")
    line = process.stdout.readline()
    assert line.endswith("\n")
    document: dict[str, Any] = json.loads(line)
    return document


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_prints_one_json_line_serves_and_stops(tmp_path: Path, stop_signal: int) -> None:
    process = _start(
        tmp_path,
        "--data-dir",
        str(tmp_path / "data"),
        "--user",
        "prueba.plan",
        "--token",
        "token-de-prueba",
        "--sender",
        "envios@example.com",
        "--sender",
        "otro@example.com",
        "--seed",
        "3",
        "--time-scale",
        "100",
    )
    try:
        info = _first_line(process)
        assert list(info) == KEYS
        assert info["user"] == "prueba.plan" and info["token"] == "token-de-prueba"
        assert info["senders"] == ["envios@example.com", "otro@example.com"]
        assert info["smtp"].startswith("127.0.0.1:") and info["smtps"].startswith("127.0.0.1:")
        assert info["api"].startswith("http://127.0.0.1:")
        assert Path(info["ca_file"]).is_relative_to(tmp_path / "data" / "sandbox")
        answer = httpx.get(
            info["api"] + "/unsubscribe",
            params={"sourceSystem": "x"},
            headers={"Authorization": "Basic token-de-prueba"},
        )
        assert answer.json() == {"page": 1, "lastPage": True, "unsubscribes": []}
        host, port = info["smtps"].split(":")
        context = ssl.create_default_context(cafile=info["ca_file"])
        with smtplib.SMTP_SSL(host, int(port), context=context, timeout=10) as client:
            assert client.login("prueba.plan", info["password"])[0] == 235
    finally:
        process.send_signal(stop_signal)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert out == ""  # nothing after the one line
    with pytest.raises(httpx.ConnectError):
        httpx.get(info["api"] + "/openapi.json")


def test_bad_option_is_a_usage_error(tmp_path: Path) -> None:
    process = _start(tmp_path, "--fail-rate", "2")
    out, err = process.communicate(timeout=30)
    assert process.returncode == 2
    assert out == "" and "fail_rate" in err
