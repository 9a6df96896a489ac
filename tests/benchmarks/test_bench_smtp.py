"""Benchmark: a 400 KB HTML campaign to 10,000 recipients through the sandbox's SMTP-API.

Run: ``.venv/bin/python -m pytest tests/benchmarks/test_bench_smtp.py -s``. Prints one JSON
object: build time (checks + MIME + text part from the HTML), send time (TLS, AUTH, 10,000
RCPT, DATA), peak Python memory of each, and bare baselines measured in the same run:
the stdlib building the same two-part message without any checks, and raw smtplib
sending the same bytes with the same RCPTs.
"""

from __future__ import annotations

import email.policy
import gc
import json
import smtplib
import ssl
import time
import tracemalloc
from collections.abc import Callable
from email.message import EmailMessage
from typing import TypeVar

import pytest

from teenvio_desktop.core.campaign import Campaign, TeenvioOptions
from teenvio_desktop.core.mime import html_to_text
from teenvio_desktop.core.smtp import SmtpSettings, deliver, prepare_send
from teenvio_desktop.sandbox.server import RunningSandbox

RECIPIENTS = 10_000
HTML_BYTES = 400_000
T = TypeVar("T")


def newsletter_html(target: int) -> str:
    """Markup-heavy HTML (inline styles, tables), short lines, like a real newsletter."""
    head = (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Ofertas</title></head>\n"
        "<body style='margin:0;padding:0;background:#f4f4f4'>\n"
        "<table role='presentation' width='100%' cellpadding='0' cellspacing='0'>\n"
    )
    rows: list[str] = []
    size, i = len(head), 0
    while size < target - 40:
        row = (
            "<tr>\n<td style='padding:12px 16px;border-bottom:1px solid #e0e0e0;\n"
            "font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#333333;\n"
            "line-height:20px;background-color:#ffffff;text-align:left'>\n"
            f"Producto {i}</td>\n"
            "<td style='padding:12px 16px;border-bottom:1px solid #e0e0e0;\n"
            "font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#0066cc'>\n"
            f"<a href='https://shop.example/p/{i}?utm_source=teenvio'\n"
            "style='color:#0066cc;text-decoration:underline'>Ver</a></td>\n</tr>\n"
        )
        rows.append(row)
        size += len(row)
        i += 1
    return head + "".join(rows) + "</table></body></html>\n"


def measure(fn: Callable[[], T]) -> tuple[T, float]:
    gc.collect()
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def peak_memory(fn: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def bare_build(campaign: Campaign) -> bytes:
    msg = EmailMessage(policy=email.policy.SMTP.clone(cte_type="7bit"))
    msg["From"] = campaign.sender
    msg["To"] = "undisclosed-recipients:;"
    msg["Subject"] = campaign.subject
    msg.set_content(html_to_text(campaign.html))
    msg.add_alternative(campaign.html, subtype="html")
    return msg.as_bytes()


@pytest.mark.timeout(900)
def test_bench_smtp(sandbox: RunningSandbox) -> None:
    info = sandbox.info
    recipients = [f"cliente{i}@example.com" for i in range(RECIPIENTS)]
    campaign = Campaign(
        subject="Ofertas de la semana — hasta un 50 %",
        sender="demo@example.com",
        sender_name="Tienda Ejemplo",
        html=newsletter_html(HTML_BYTES),
        options=TeenvioOptions(social_links=True),
        recipients=recipients,
    )
    settings = SmtpSettings(
        info.host, info.smtps_port, "tls", info.user, info.password, str(info.ca_file), 300.0
    )

    prepared, build_s = measure(lambda: prepare_send(campaign))
    assert prepared.data is not None and len(prepared.recipients) == RECIPIENTS
    bare_bytes, bare_build_s = measure(lambda: bare_build(campaign))
    build_peak = peak_memory(lambda: prepare_send(campaign))

    result, send_s = measure(lambda: deliver(prepared, settings))
    assert len(result.accepted) == RECIPIENTS and result.teenvio_id is not None

    def raw_smtplib() -> None:
        context = ssl.create_default_context(cafile=str(info.ca_file))
        with smtplib.SMTP_SSL(info.host, info.smtps_port, context=context, timeout=300) as s:
            s.login(info.user, info.password)
            refused = s.sendmail(campaign.sender, recipients, prepared.data or b"")
            assert not refused

    _, baseline_send_s = measure(raw_smtplib)
    send_peak = peak_memory(lambda: deliver(prepared, settings))
    assert len(sandbox.received_campaigns()) == 3

    figures = {
        "benchmark": "smtp_send",
        "html_bytes": len(campaign.html.encode()),
        "message_bytes": prepared.size,
        "recipients": RECIPIENTS,
        "build_s": round(build_s, 3),
        "baseline_stdlib_build_s": round(bare_build_s, 3),
        "build_ratio": round(build_s / bare_build_s, 2),
        "build_peak_mib": round(build_peak / 2**20, 1),
        "send_s": round(send_s, 3),
        "baseline_raw_smtplib_send_s": round(baseline_send_s, 3),
        "send_ratio": round(send_s / baseline_send_s, 2),
        "send_peak_mib": round(send_peak / 2**20, 1),
        "baseline_message_bytes": len(bare_bytes),
    }
    print(json.dumps(figures))
