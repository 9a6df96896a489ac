"""Start-up and preview latency of the composer, against bare Qt baselines in the same run.

Each figure is measured in a fresh subprocess (the parent's clock from spawn to the child's
"ready" line), median of several runs:
- ``bare_window_ms``: a bare PySide6 QMainWindow shown and its event loop running;
- ``bare_webview_ms``: a bare QWebEngineView shown with a small page loaded;
- ``app_window_ms``: teenvio-desktop's main window interactive, preview not created;
- ``app_window_preview_ms``: the same plus the preview created and showing its document;
- ``keystroke_to_preview_ms``: in the app, a key typed into a 100 KB HTML document until
  the preview's page text contains it (debounce, sanitising and rendering included);
- ``bare_setHtml_100kb_ms``: the bare baseline for that: setHtml of the same document
  into a bare QWebEngineView until its text reads back.

Run: ``.venv/bin/python -m pytest tests/benchmarks/test_bench_startup.py -s``
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

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
from PySide6.QtGui import QTextCursor
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.paths import DataDir
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
context = AppContext.open(DataDir(Path(tempfile.mkdtemp())))
window = build_main_window(context, prompter=ScriptedPrompter())
area = window.area("compose")
window.show()
def spin(pred, timeout=60):
    end = time.perf_counter() + timeout
    while not pred():
        if time.perf_counter() > end:
            raise SystemExit("timeout")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
def page_text():
    box = {}
    area.preview.page.toPlainText(lambda t: box.setdefault("t", t))
    end = time.perf_counter() + 2  # a callback is dropped when a navigation starts
    while "t" not in box and time.perf_counter() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    return box.get("t", "")
spin(area.preview.has_view)
area.editors.html_editor.setPlainText(DOC)
spin(lambda: "Fila 999" in page_text())
editor = area.editors.html_editor
samples = []
for n in range(5):
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("</body>"))
    editor.setTextCursor(cursor)
    editor.setFocus()
    token = "K" + "QWXZ"[n % 4] * (n + 3)
    # Wait in Qt's own loop (as the app does), not in a Python busy loop that would
    # compete for the GIL with the sanitiser's thread.
    loop = QEventLoop()
    def check(_generation, token=token, loop=loop):
        area.preview.page.toPlainText(lambda text: loop.quit() if token in text else None)
    area.preview.rendered.connect(check)
    QTimer.singleShot(60000, loop.quit)
    started = time.perf_counter()
    QTest.keyClicks(editor, token)
    loop.exec()
    samples.append((time.perf_counter() - started) * 1000)
    area.preview.rendered.disconnect(check)
# Editing a 500 KB document: time for a key to be handled (highlighting included).
big = DOC * 5
area.editors.html_editor.setPlainText(big)
QCoreApplication.processEvents()
cursor = editor.textCursor(); cursor.setPosition(len(big) // 2); editor.setTextCursor(cursor)
started = time.perf_counter()
QTest.keyClicks(editor, "x" * 50)
per_key = (time.perf_counter() - started) * 1000 / 50
ready({"samples_ms": samples, "editor_key_500kb_ms": per_key})
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
    "bare_sethtml": """
import statistics
from PySide6.QtWebEngineWidgets import QWebEngineView
v = QWebEngineView(); v.resize(1280, 820); v.show()
def spin(pred, timeout=60):
    end = time.perf_counter() + timeout
    while not pred():
        if time.perf_counter() > end:
            raise SystemExit("timeout")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
def page_text():
    box = {}
    v.page().toPlainText(lambda t: box.setdefault("t", t))
    end = time.perf_counter() + 2  # a callback is dropped when a navigation starts
    while "t" not in box and time.perf_counter() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    return box.get("t", "")
loads = []
v.loadFinished.connect(loads.append)
v.setHtml(DOC); spin(lambda: loads and "Fila 999" in page_text())
samples = []
for n in range(5):
    token = "K" + "QWXZ"[n % 4] * (n + 3)
    started = time.perf_counter()
    loop = QEventLoop()
    def check(_ok, token=token, loop=loop):
        v.page().toPlainText(lambda text: loop.quit() if token in text else None)
    v.loadFinished.connect(check)
    QTimer.singleShot(60000, loop.quit)
    v.setHtml(DOC.replace("</body>", token + "</body>"))
    loop.exec()
    samples.append((time.perf_counter() - started) * 1000)
    v.loadFinished.disconnect(check)
ready({"samples_ms": samples})
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
    figures = {
        "runs": RUNS,
        "bare_window_ms": _median("bare_window"),
        "bare_webview_ms": _median("bare_webview"),
        "app_window_ms": _median("app_window", WITH_PREVIEW=False),
        "app_window_preview_ms": _median("app_window", WITH_PREVIEW=True),
        "doc_bytes": len(DOC_100KB.encode()),
    }
    figures["keystroke_to_preview_ms"], keystroke = _latency("keystroke")
    figures["bare_setHtml_100kb_ms"], _ = _latency("bare_sethtml")
    figures["editor_key_500kb_ms"] = round(float(keystroke["editor_key_500kb_ms"]), 2)  # type: ignore[arg-type]
    figures["bare_editor_key_500kb_ms"] = round(_latency("bare_editor")[0], 2)
    figures["app_vs_bare_window"] = round(figures["app_window_ms"] / figures["bare_window_ms"], 2)
    figures["app_preview_vs_bare_webview"] = round(
        figures["app_window_preview_ms"] / figures["bare_webview_ms"], 2
    )
    figures["preview_overhead_ms"] = round(
        figures["app_window_preview_ms"] - figures["app_window_ms"], 1
    )
    print(json.dumps(figures))
