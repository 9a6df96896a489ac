"""Preview modes on a 100 KB newsletter, against the sanitiser alone in the same run.

The document is MJML's output (inline styles, tables, images with alt text, dark-mode
rules): the kind the transforms work hardest on. Figures, medians of RUNS rounds:

- ``sanitize_ms``: the baseline, bleach cleaning the whole document (what a document
  opened in the composer costs once; edits then re-clean only their piece);
- ``modes_ms``: dark (forced) + images off + as Teenvio applied to the sanitised document;
- ``modes_document_dark_ms``: the same with the message's own dark styles instead;
- ``render_all_ms``: sanitiser and every mode, as the preview calls it (``render_preview``)
  for a document none of whose pieces were cleaned before (the preview then reuses them);
- ``ratio``: render_all / sanitize.

Run: ``.venv/bin/python -m pytest tests/benchmarks/test_bench_preview_modes.py -s``
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable

from teenvio_desktop.core.campaign import TeenvioOptions
from teenvio_desktop.core.mjml import compile_mjml
from teenvio_desktop.core.preview_modes import DarkMode, PreviewModes, apply_modes, render_preview
from teenvio_desktop.core.sanitize import SHARED_PIECES, PreviewSanitizer
from teenvio_desktop.core.starters import starter_source

RUNS = int(os.environ.get("BENCH_RUNS", "15"))
TARGET_BYTES = 100 * 1024
OPTIONS = TeenvioOptions(language=4, social_links=True)


def newsletter_of(size: int) -> str:
    source = starter_source("newsletter", "es")
    head, body = source.split("<mj-body", 1)
    opening, rest = body.split(">", 1)
    sections, closing = rest.rsplit("</mj-body>", 1)
    html = ""
    copies = 1
    while len(html.encode()) < size:
        copies += 1
        html = compile_mjml(f"{head}<mj-body{opening}>{sections * copies}</mj-body>{closing}").html
    return html


def _median_ms(work: Callable[[], object]) -> float:
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(samples), 2)


def _cold_render(document: str, modes: PreviewModes) -> object:
    SHARED_PIECES.clear()
    return render_preview(document, modes, options=OPTIONS)


def test_all_modes_on_a_100_kb_document() -> None:
    document = newsletter_of(TARGET_BYTES)
    sanitizer = PreviewSanitizer()
    sanitized = sanitizer.sanitize(document).html
    forced = PreviewModes(DarkMode.FORCED, images_off=True, as_teenvio=True)
    own_dark = PreviewModes(DarkMode.DOCUMENT, images_off=True, as_teenvio=True)
    figures: dict[str, object] = {
        "runs": RUNS,
        "doc_bytes": len(document.encode()),
        "sanitized_bytes": len(sanitized.encode()),
        "images": document.count("<img"),
        "sanitize_ms": _median_ms(lambda: sanitizer.sanitize(document)),
        "modes_ms": _median_ms(lambda: apply_modes(sanitized, forced, options=OPTIONS)),
        "modes_document_dark_ms": _median_ms(
            lambda: apply_modes(sanitized, own_dark, options=OPTIONS)
        ),
        # A document none of whose pieces were cleaned before: the sanitiser's full cost.
        "render_all_ms": _median_ms(lambda: _cold_render(document, forced)),
    }
    figures["ratio"] = round(float(figures["render_all_ms"]) / float(figures["sanitize_ms"]), 2)  # type: ignore[arg-type]
    print(json.dumps(figures))
    assert figures["doc_bytes"] >= TARGET_BYTES  # type: ignore[operator]
    # Every mode together costs less than the sanitiser the preview already runs.
    assert float(figures["modes_ms"]) < float(figures["sanitize_ms"])  # type: ignore[arg-type]
