"""Start-up and preview latency of the composer, against bare Qt baselines in the same run.

Each figure is measured in a fresh subprocess (the parent's clock from spawn to the child's
"ready" line), median of several runs:
- ``bare_window_ms``: a bare PySide6 QMainWindow shown and its event loop running;
- ``bare_webview_ms``: a bare QWebEngineView shown with a small page loaded;
- ``app_window_ms``: teenvio-desktop's main window interactive, preview not created;
- ``app_window_preview_ms``: the same plus the preview created and showing its document;
- ``editor_key_500kb_ms``: a key handled in the editor of a 500 KB document, against a
  bare ``QPlainTextEdit``.

Keystroke to preview is ``test_bench_preview.py``.

The package is compiled to bytecode first, as installed.

Run: ``.venv/bin/python -m pytest tests/benchmarks/test_bench_startup.py -s``
"""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))

PRELUDE = """
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from teenvio_desktop.ui.application import prepare_qt_environment
prepare_qt_environment()
from PySide6.QtCore import QTimer, QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication
app = QApplication.instance() or QApplication(sys.argv[:1])

def ready(extra=None):
    print(json.dumps({"ready": True, **(extra or {})}), flush=True)
    os._exit(0)

import json
"""

DOC_100KB = (
    "<html><head><style>td { padding: 4px }</style></head><body><table>"
    + "".join(
        f"<tr><td style='color:#333'>Fila {n}</td><td><a href='https://example.com/{n}'>"
        f"enlace {n}</a></td></tr>\n"
        for n in range(1000)
    )
    + "</table></body></html>"
)

SCRIPTS = {
    "bare_window": """
from PySide6.QtWidgets import QMainWindow, QLabel
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1280, 820); w.show()
QTimer.singleShot(0, ready)
app.exec()
""",
    "bare_webview": """
from PySide6.QtWebEngineWidgets import QWebEngineView
v = QWebEngineView(); v.resize(1280, 820); v.show()
v.loadFinished.connect(lambda ok: ready())
v.setHtml("<p>hello</p>")
app.exec()
""",
    "app_window": """
import tempfile
from pathlib import Path
# As the application starts (ui/app.py): the preview's browser first, then the window.
from teenvio_desktop.ui.compose.preview_engine import start_preview_engine
if WITH_PREVIEW:
    start_preview_engine()
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.paths import DataDir
from teenvio_desktop.ui.compose.area import ComposeArea
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
ComposeArea.create_preview_on_show = WITH_PREVIEW
context = AppContext.open(DataDir(Path(tempfile.mkdtemp())))
window = build_main_window(context, prompter=ScriptedPrompter())
area = window.area("compose")
if WITH_PREVIEW:
    area.preview.rendered.connect(lambda generation: ready())
window.show()
if not WITH_PREVIEW:
    QTimer.singleShot(0, ready)
app.exec()
""",
    "keystroke": """
import tempfile, statistics
from pathlib import Path
from PySide6.QtTest import QTest
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.paths import DataDir
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
context = AppContext.open(DataDir(Path(tempfile.mkdtemp())))
window = build_main_window(context, prompter=ScriptedPrompter())
area = window.area("compose")
window.show()
editor = area.editors.html_editor
# Editing a 500 KB document: time for a key to be handled (highlighting included).
big = DOC * 5
editor.setPlainText(big)
QCoreApplication.processEvents()
cursor = editor.textCursor(); cursor.setPosition(len(big) // 2); editor.setTextCursor(cursor)
started = time.perf_counter()
QTest.keyClicks(editor, "x" * 50)
per_key = (time.perf_counter() - started) * 1000 / 50
ready({"samples_ms": [per_key]})
""",
    "bare_editor": """
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit
editor = QPlainTextEdit(); editor.resize(800, 600); editor.show()
big = DOC * 5
editor.setPlainText(big)
QCoreApplication.processEvents()
cursor = editor.textCursor(); cursor.setPosition(len(big) // 2); editor.setTextCursor(cursor)
started = time.perf_counter()
QTest.keyClicks(editor, "x" * 50)
ready({"samples_ms": [(time.perf_counter() - started) * 1000 / 50]})
""",
}


def _run(name: str, **constants: object) -> tuple[float, dict[str, object]]:
    body = SCRIPTS[name]
    for key, value in constants.items():
        body = f"{key} = {value!r}\n" + body
    code = PRELUDE + "\n" + body
    with tempfile.TemporaryDirectory() as home:
        script = os.path.join(home, f"{name}.py")
        with open(script, "w", encoding="utf-8") as handle:
            handle.write(code)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TEENVIO_DESKTOP_HOME": home}
        errors = open(os.path.join(home, "stderr.txt"), "w+", encoding="utf-8")  # noqa: SIM115
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, script],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env=env,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        elapsed = (time.perf_counter() - started) * 1000
        proc.wait(60)
        proc.stdout.close()
        errors.seek(0)
        stderr = errors.read()[-3000:]
        errors.close()
    assert line.startswith("{"), f"{name} failed: {stderr}"
    data = json.loads(line)
    return elapsed, data


def _median(name: str, **constants: object) -> float:
    return round(statistics.median(_run(name, **constants)[0] for _ in range(RUNS)), 1)


def _latency(name: str) -> tuple[float, dict[str, object]]:
    _elapsed, data = _run(name, DOC=DOC_100KB)
    return round(statistics.median(data["samples_ms"]), 1), data  # type: ignore[arg-type]


def test_startup_and_preview_latency() -> None:
    # As installed (a wheel's install and the bundle compile it): a development environment
    # that writes no bytecode would otherwise compile the package at every start.
    assert compileall.compile_dir(ROOT / "teenvio_desktop", quiet=1)
    figures = {
        "runs": RUNS,
        "bare_window_ms": _median("bare_window"),
        "bare_webview_ms": _median("bare_webview"),
        "app_window_ms": _median("app_window", WITH_PREVIEW=False),
        "app_window_preview_ms": _median("app_window", WITH_PREVIEW=True),
        "doc_bytes": len(DOC_100KB.encode()),
    }
    figures["editor_key_500kb_ms"] = round(_latency("keystroke")[0], 2)
    figures["bare_editor_key_500kb_ms"] = round(_latency("bare_editor")[0], 2)
    figures["app_vs_bare_window"] = round(figures["app_window_ms"] / figures["bare_window_ms"], 2)
    figures["app_preview_vs_bare_webview"] = round(
        figures["app_window_preview_ms"] / figures["bare_webview_ms"], 2
    )
    figures["preview_overhead_ms"] = round(
        figures["app_window_preview_ms"] - figures["app_window_ms"], 1
    )
    print(json.dumps(figures))
