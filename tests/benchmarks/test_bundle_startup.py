"""Start time of the frozen bundle against the same app from the venv and a bare interpreter.

    packaging/build.sh
    .venv/bin/python -m pytest tests/benchmarks/test_bundle_startup.py -s

Prints ONE JSON object: medians over RUNS runs of
- ``bare_python_ms``: ``python -c pass`` (the baseline: what any Python program pays);
- ``venv_version_ms`` / ``bundle_version_ms``: wall time of ``teenvio-desktop --version``;
- ``venv_self_test_ms`` / ``bundle_self_test_ms``: wall time of the whole ``--self-test``;
- ``venv_startup_ms`` / ``bundle_startup_ms``: the self-test's own ``startup_ms`` (window shown);
- ``webengine_loaded_when_window_shown``: whether QtWebEngineWidgets was already imported when
  the main window first showed (it must not be: the composer creates its browser afterwards);
- ``bundle_webengine_process_within_3s``: whether the bundle's Chromium helper runs 3 s after
  start (information: the composer warms its preview up right after the first paint).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_EXE = ROOT / "dist" / "teenvio-desktop" / "teenvio-desktop"
VENV_EXE = Path(sys.executable).with_name("teenvio-desktop")
RUNS = 5
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_LOGGING_RULES": "qt.*=false"}


def _wall_ms(command: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=600)
    elapsed = (time.perf_counter() - started) * 1000
    assert result.returncode == 0, result.stdout + result.stderr
    return elapsed, result.stdout


def _self_test(exe: Path) -> tuple[float, float]:
    wall, out = _wall_ms([str(exe), "--self-test"])
    report = json.loads(next(line for line in out.splitlines() if line.startswith("{")))
    assert report["ok"], report
    return wall, float(report["startup_ms"])


WINDOW_SHOWN_PROBE = """
import sys, tempfile, pathlib
from teenvio_desktop.ui.application import create_application
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.paths import DataDir
app = create_application()
context = AppContext.open(DataDir(pathlib.Path(tempfile.mkdtemp())).ensure(), language="en")
window = build_main_window(context)
window.show()  # the composer creates its browser from the event loop, after this
print("PySide6.QtWebEngineWidgets" in sys.modules)
"""


def _webengine_loaded_when_window_shown() -> bool:
    out = _wall_ms([sys.executable, "-c", WINDOW_SHOWN_PROBE])[1]
    return out.strip().splitlines()[-1] == "True"


def _webengine_running_at_start(exe: Path, data_dir: Path) -> bool:
    """Start the GUI, wait for its window, and look for a Chromium helper process."""
    proc = subprocess.Popen(
        [str(exe), "--data-dir", str(data_dir)],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(3)  # well past the window showing (startup is a fraction of this)
        assert proc.poll() is None, "the app exited early"
        children = subprocess.run(
            ["ps", "-o", "comm=", "--ppid", str(proc.pid)], capture_output=True, text=True
        ).stdout
        return "QtWebEngineProc" in children
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.timeout(900)
def test_bundle_startup(tmp_path: Path) -> None:
    if not BUNDLE_EXE.exists():
        pytest.fail(f"no bundle at {BUNDLE_EXE}: run packaging/build.sh first", pytrace=False)
    figures: dict[str, list[float]] = {}
    for _ in range(RUNS):
        figures.setdefault("bare_python_ms", []).append(_wall_ms([sys.executable, "-c", "pass"])[0])
        for label, exe in (("venv", VENV_EXE), ("bundle", BUNDLE_EXE)):
            figures.setdefault(f"{label}_version_ms", []).append(
                _wall_ms([str(exe), "--version"])[0]
            )
            wall, startup = _self_test(exe)
            figures.setdefault(f"{label}_self_test_ms", []).append(wall)
            figures.setdefault(f"{label}_startup_ms", []).append(startup)
    result: dict[str, object] = {
        key: round(statistics.median(values), 1) for key, values in figures.items()
    }
    result["runs"] = RUNS
    result["bundle_version_vs_bare_python"] = round(
        result["bundle_version_ms"] / result["bare_python_ms"],  # type: ignore[operator]
        2,
    )
    result["webengine_loaded_when_window_shown"] = _webengine_loaded_when_window_shown()
    result["bundle_webengine_process_within_3s"] = _webengine_running_at_start(BUNDLE_EXE, tmp_path)
    print(json.dumps(result))
    assert result["webengine_loaded_when_window_shown"] is False
