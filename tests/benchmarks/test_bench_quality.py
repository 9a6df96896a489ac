# ruff: noqa: E501 - the newsletter markup below is written as email markup is
"""Benchmark: the live quality analyses of a 100 KB newsletter, against a bare parse.

Run: ``.venv/bin/python -m pytest tests/benchmarks/test_bench_quality.py -s``. Prints one
JSON object: the median time of :func:`teenvio_desktop.core.quality.analyse` (one parse
shared by compatibility, accessibility and the links' form), each stage on its own, the
first call of the process (which loads and indexes the caniemail dataset), and the bare
baseline measured in the same run: the standard library's HTMLParser reading the same
document with no handlers, which is the parser the analyses build on.
"""

from __future__ import annotations

import gc
import json
import statistics
import time
from collections.abc import Callable
from html.parser import HTMLParser

from teenvio_desktop.core.quality import analyse
from teenvio_desktop.core.quality.accessibility import analyse_accessibility
from teenvio_desktop.core.quality.compatibility import analyse_compatibility
from teenvio_desktop.core.quality.document import parse_document
from teenvio_desktop.core.quality.link_forms import link_form_findings

TARGET_BYTES = 100_000
RUNS = 15

HEAD = """<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"><title>Boletín</title>
<style>
  body { margin: 0; padding: 0; }
  .content { padding: 24px; }
  .footer { color: #555555; font-size: 13px; }
  @media screen and (max-width: 600px) {
    .content { padding: 12px !important; }
    .footer { font-size: 14px !important; }
  }
</style></head>
<body style="margin:0;padding:0;background-color:#f4f4f4;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f4f4">
<tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0">
"""
BLOCK = """<tr>
  <td class="content" style="padding:24px 32px;background-color:#ffffff;font-family:Arial,sans-serif;font-size:16px;line-height:24px;color:#333333;" bgcolor="#ffffff">
    <h2 style="margin:0 0 12px 0;font-size:22px;line-height:28px;color:#111111;">Noticias {n}</h2>
    <p style="margin:0 0 16px 0;">Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>
    <table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%"><tr>
      <td width="50%" style="padding:0 8px 0 0;"><img src="https://cdn.example.com/img/{n}.jpg" width="260" height="160" alt="Foto {n}" style="display:block;border:0;width:100%;height:auto;"></td>
      <td width="50%" style="padding:0 0 0 8px;vertical-align:top;font-size:14px;line-height:20px;"><a href="https://www.example.com/articulos/{n}?utm_source=boletin" style="color:#0b5cad;text-decoration:underline;">Leer el artículo {n}</a></td>
    </tr></table>
  </td>
</tr>
"""
FOOT = """<tr><td class="footer" style="padding:16px;">Si no quieres recibir más correos,
<a href="https://www.example.com/baja" style="color:#0b5cad;">date de baja</a>.</td></tr>
</table></td></tr></table></body></html>
"""


def newsletter(target: int = TARGET_BYTES) -> str:
    blocks: list[str] = []
    size, n = len(HEAD) + len(FOOT), 0
    while size < target:
        n += 1
        block = BLOCK.format(n=n)
        blocks.append(block)
        size += len(block.encode("utf-8"))
    return HEAD + "".join(blocks) + FOOT


def bare_parse(html: str) -> None:
    parser = HTMLParser(convert_charrefs=True)
    parser.feed(html)
    parser.close()


def median_ms(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def test_live_analyses_of_a_100_kb_newsletter() -> None:
    html = newsletter()
    start = time.perf_counter()
    first = analyse(html)
    first_ms = (time.perf_counter() - start) * 1000
    assert not [f for f in first.findings if f.severity == "error"]
    bare = median_ms(lambda: bare_parse(html))
    whole = median_ms(lambda: analyse(html))
    document = parse_document(html)
    figures = {
        "document_bytes": len(html.encode("utf-8")),
        "analysis_ms": round(whole, 1),
        "bare_parse_ms": round(bare, 1),
        "ratio": round(whole / bare, 2),
        "parse_ms": round(median_ms(lambda: parse_document(html)), 1),
        "compatibility_ms": round(median_ms(lambda: analyse_compatibility(document)), 1),
        "accessibility_ms": round(median_ms(lambda: analyse_accessibility(document)), 1),
        "link_forms_ms": round(median_ms(lambda: link_form_findings(document)), 1),
        "first_call_ms": round(first_ms, 1),
        "runs": RUNS,
    }
    print(json.dumps(figures))
    # About 45 ms on a quiet machine ("a few tens of milliseconds"); absolute times on a
    # shared machine are noise, so the bound is on the ratio to the bare parse.
    assert whole / bare < 5
