"""Keystroke to preview, against a bare ``QWebEngineView.setHtml`` measured in the same run.

Each side runs in its own fresh process, with the same window size and the same document:

- ``app``: teenvio-desktop's main window with the document in the HTML editor. A sample
  types a short word before ``</body>`` (``QTest.keyClicks``) and ends when the preview
  page that contains it has finished loading (``loadFinished``, read back to be sure it
  holds the word). Between samples the composer settles (checks and quality analyses
  done), as after a pause in typing.
- ``bare``: a bare ``QWebEngineView``; a sample is ``setHtml`` of the same document with
  the same word, ending at ``loadFinished`` (read back the same way).

Figures (medians of ``BENCH_SAMPLES`` samples) at 10 KB and 100 KB:

- the ratios app/bare (aims: at most 1.5 at 10 KB, 2.5 at 100 KB);
- for the record, the same document loaded into a bare view through the preview's own URL
  scheme (the engine's load without ``setHtml``'s encoding: the app's overhead alone);
- the quality analysis of the 100 KB document (``core.quality.analyse``, which runs after
  the preview, never in front of it) against the preview's budget at 100 KB (2.5 x the
  bare ``setHtml``);
- how long a key takes to be handled in the editor while typing fast (a key every 30 ms,
  so the preview and the checks run in the background meanwhile): median, 95th
  percentile and worst, against a bare ``QPlainTextEdit`` typed the same way.
``document_opened_to_preview`` is the first preview of a document none of whose pieces
were cleaned before (opening a file): bleach's full cost, paid once per document.

Run: ``.venv/bin/python -m pytest tests/benchmarks/test_bench_preview.py -s``
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

SAMPLES = int(os.environ.get("BENCH_SAMPLES", "7"))


def table_document(rows: int) -> str:
    """The issue's document: a table of ``rows`` rows (1000 rows are about 100 KB)."""
    return (
        "<html><head><style>td { padding: 4px }</style></head><body><table>"
        + "".join(
            f"<tr><td style='color:#333'>Fila {n}</td><td><a href='https://example.com/{n}'>"
            f"enlace {n}</a></td></tr>\n"
            for n in range(rows)
        )
        + "</table></body></html>"
    )


DOCUMENTS = {"10kb": table_document(100), "100kb": table_document(1000)}

PRELUDE = """
import json, os, statistics, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from teenvio_desktop.ui.application import prepare_qt_environment
prepare_qt_environment()
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication.instance() or QApplication(sys.argv[:1])

def spin(predicate, timeout=120):
    end = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > end:
            raise SystemExit("timeout")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

def page_text(page):
    box = {}
    page.toPlainText(lambda text: box.setdefault("t", text))
    spin(lambda: "t" in box, 10)
    return box["t"]

def token_of(n):
    return "K" + "QWXZ"[n % 4] * (n % 5 + 3) + str(n)

def type_keys(editor, count=90, every_s=0.03):
    # A fast typist: a key every 30 ms, the event loop running in between.
    keys = []
    for n in range(count):
        started = time.perf_counter()
        QTest.keyClick(editor, "x")
        keys.append((time.perf_counter() - started) * 1000)
        end = started + every_s
        while time.perf_counter() < end:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 2)
    return keys

def wait_for_load_with(page, token, loads):
    # Qt's own loop, not a Python busy loop competing for the GIL with the worker.
    loop = QEventLoop()
    found = {}
    def check(_ok=True):
        stamp = time.perf_counter()
        def seen(text):
            if token in text and "at" not in found:
                found["at"] = stamp
                loop.quit()
        page.toPlainText(seen)
    loads.connect(check)
    QTimer.singleShot(120000, loop.quit)
    loop.exec()
    loads.disconnect(check)
    return found["at"]
"""

APP = """
from teenvio_desktop.ui.application import create_application
create_application()  # as the app starts: its garbage collection and thread switching
import tempfile
from pathlib import Path
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.paths import DataDir
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
context = AppContext.open(DataDir(Path(tempfile.mkdtemp())).ensure())
window = build_main_window(context, prompter=ScriptedPrompter())
window.resize(1280, 800)
window.show()
area = window.area("compose")
spin(area.preview.has_view)
editor = area.editors.html_editor
spin(area.analysis.is_settled)
# A document opened (nothing of it cleaned before): every piece is cleaned once.
started = time.perf_counter()
editor.setPlainText(DOC)
opened_ms = (wait_for_load_with(area.preview.page, LAST, area.preview.rendered) - started) * 1000
spin(area.analysis.is_settled)
samples = []
for n in range(SAMPLES):
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("</body>"))
    editor.setTextCursor(cursor)
    editor.setFocus()
    token = token_of(n)
    started = time.perf_counter()
    QTest.keyClicks(editor, token)
    shown = wait_for_load_with(area.preview.page, token, area.preview.rendered)
    samples.append((shown - started) * 1000)
    spin(lambda: area.analysis.is_settled() and area.quality.is_settled())
# How long a key takes to be handled while the preview renders in the background.
keys = type_keys(editor)
print(json.dumps({"samples_ms": samples, "keys_ms": keys, "opened_ms": opened_ms}), flush=True)
os._exit(0)
"""

BARE = """
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QPlainTextEdit
view = QWebEngineView()
view.resize(1280, 800)
view.show()
view.setHtml("<p>start</p>")
spin(lambda: "start" in page_text(view.page()))
samples = []
for n in range(SAMPLES):
    token = token_of(n)
    started = time.perf_counter()
    view.setHtml(DOC.replace("</body>", token + "</body>"))
    shown = wait_for_load_with(view.page(), token, view.loadFinished)
    samples.append((shown - started) * 1000)
# The engine's load alone, through the preview's own URL scheme (no setHtml encoding):
# what the app's figure would be if sanitising and modes cost nothing.
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from teenvio_desktop.ui.compose.scheme import SCHEME_BYTES, PreviewSchemeHandler, document_url
view.close()
scheme_view = QWebEngineView()
scheme_view.resize(1280, 800)
profile = QWebEngineProfile()
handler = PreviewSchemeHandler(profile)
profile.installUrlSchemeHandler(SCHEME_BYTES, handler)
scheme_page = QWebEnginePage(profile, scheme_view)
scheme_view.setPage(scheme_page)
scheme_view.show()
scheme = []
for n in range(SAMPLES):
    token = token_of(n)
    started = time.perf_counter()
    handler.set_document(DOC.replace("</body>", token + "</body>"))
    scheme_page.setUrl(document_url(n + 1))
    shown = wait_for_load_with(scheme_page, token, scheme_page.loadFinished)
    scheme.append((shown - started) * 1000)
editor = QPlainTextEdit()
editor.resize(640, 600)
editor.show()
editor.setPlainText(DOC)
QCoreApplication.processEvents()
keys = type_keys(editor)
print(json.dumps({"samples_ms": samples, "scheme_ms": scheme, "keys_ms": keys}), flush=True)
os._exit(0)
"""


def _run(body: str, document: str) -> dict[str, Any]:
    last = document.rsplit("Fila ", 1)[1].split("<", 1)[0]
    code = f"{PRELUDE}\nDOC = {document!r}\nLAST = 'Fila {last}'\nSAMPLES = {SAMPLES}\n{body}"
    with tempfile.TemporaryDirectory() as home:
        script = os.path.join(home, "bench.py")
        with open(script, "w", encoding="utf-8") as handle:
            handle.write(code)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TEENVIO_DESKTOP_HOME": home}
        done = subprocess.run(
            [sys.executable, script], capture_output=True, text=True, env=env, timeout=900
        )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, f"benchmark process failed: {done.stderr[-3000:]}"
    data: dict[str, Any] = json.loads(lines[-1])
    return data


def _quality_ms(document: str) -> float:
    from teenvio_desktop.core.quality import QualityOptions, analyse

    analyse(document, QualityOptions())  # the first call loads the caniemail dataset
    samples = []
    for _ in range(SAMPLES):
        started = time.perf_counter()
        analyse(document, QualityOptions())
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def test_keystroke_to_preview_against_a_bare_set_html() -> None:
    figures: dict[str, object] = {"samples": SAMPLES}
    for size, document in DOCUMENTS.items():
        bare = _run(BARE, document)
        app = _run(APP, document)
        app_ms = statistics.median(app["samples_ms"])
        bare_ms = statistics.median(bare["samples_ms"])
        figures[f"doc_{size}_bytes"] = len(document.encode())
        figures[f"keystroke_to_preview_{size}_ms"] = round(app_ms, 1)
        figures[f"bare_setHtml_{size}_ms"] = round(bare_ms, 1)
        figures[f"ratio_{size}"] = round(app_ms / bare_ms, 2)
        figures[f"document_opened_to_preview_{size}_ms"] = round(float(app["opened_ms"]), 1)
        scheme_ms = statistics.median(bare["scheme_ms"])
        figures[f"bare_scheme_load_{size}_ms"] = round(scheme_ms, 1)
        figures[f"ratio_vs_scheme_load_{size}"] = round(app_ms / scheme_ms, 2)
        if size == "100kb":
            keys, bare_keys = sorted(app["keys_ms"]), sorted(bare["keys_ms"])
            figures["editor_key_median_ms"] = round(statistics.median(keys), 2)
            figures["editor_key_p95_ms"] = round(keys[int(len(keys) * 0.95)], 2)
            figures["editor_key_worst_ms"] = round(keys[-1], 2)
            figures["bare_editor_key_median_ms"] = round(statistics.median(bare_keys), 2)
            figures["bare_editor_key_worst_ms"] = round(bare_keys[-1], 2)
            quality = _quality_ms(document)
            figures["quality_100kb_ms"] = round(quality, 1)
            figures["quality_vs_preview_budget_100kb"] = round(quality / (2.5 * bare_ms), 2)
    print(json.dumps(figures))
