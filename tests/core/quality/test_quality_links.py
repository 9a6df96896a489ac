"""The on-demand link check against a real HTTP(S) server on loopback."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from teenvio_desktop.core.errors import Cancelled
from teenvio_desktop.core.quality import QualityOptions, analyse, links
from teenvio_desktop.core.quality.links import (
    LinkCache,
    LinkCheckOptions,
    Redirect,
    check_links,
)
from teenvio_desktop.core.tasks import CancelToken, Progress
from teenvio_desktop.sandbox.tls import ensure_tls_files, server_ssl_context
from tests.core.quality.link_server import BIG_BODY_BYTES, LinkServer

CORPUS = Path(__file__).resolve().parents[1] / "quality_corpus"
FAST = LinkCheckOptions(timeout_s=5, deadline_s=10, max_redirects=3)


@pytest.fixture
def server() -> Iterator[LinkServer]:
    with LinkServer() as running:
        yield running


def corpus_html(base: str) -> str:
    return (CORPUS / "links.html").read_text(encoding="utf-8").replace("BASE", base)


def summary(findings: list) -> list[tuple[str, str, int | None, int]]:  # type: ignore[type-arg]
    return sorted(
        (f.id, f.severity, f.location.line if f.location else None, len(f.also_at))
        for f in findings
    )


def test_every_link_and_image_of_the_corpus_is_checked_and_judged(server: LinkServer) -> None:
    progress: list[Progress] = []
    report = check_links(
        corpus_html(server.base),
        transport="rest",
        merge_row={"id": "42"},
        options=FAST,
        cache=LinkCache(),
        progress=progress.append,
    )
    assert summary(report.findings) == [
        ("links.broken", "error", 7, 0),
        ("links.image.broken", "error", 13, 0),
        ("links.redirected", "advice", 8, 0),
        ("links.unreachable", "error", 10, 0),
    ]
    by_url = {r.url.replace(server.base, ""): r for r in report.results}
    assert set(by_url) == {
        "/ok", "/missing", "/old-offer", "/head-refused", "/loop", "/u/{{ id }}",
        "/logo.png", "/gone.png", "/baja",
    }  # fmt: skip
    ok = by_url["/ok"]
    assert (ok.status, ok.method, ok.redirects) == (200, "HEAD", ())
    assert [loc.line for loc in ok.locations] == [6, 14]  # both links, one request
    redirected = by_url["/old-offer"]
    assert redirected.status == 200
    assert redirected.redirects == (Redirect(301, f"{server.base}/ok"),)
    assert redirected.final_url == f"{server.base}/ok"
    refused = by_url["/head-refused"]
    assert (refused.status, refused.method) == (200, "GET")
    assert ("HEAD", "/head-refused") in server.requests
    assert ("GET", "/head-refused") in server.requests
    loop = by_url["/loop"]
    assert loop.status is None and loop.problem is not None
    assert loop.problem.render() == "more than 3 redirects"
    assert len(loop.redirects) == 4
    personal = by_url["/u/{{ id }}"]
    assert (personal.checked_url, personal.status) == (f"{server.base}/u/42", 200)
    assert by_url["/gone.png"].kind == "image" and by_url["/gone.png"].status == 404
    broken = next(f for f in report.findings if f.id == "links.broken")
    assert broken.render() == f"The link {server.base}/missing answers 404 Not Found."
    assert all(r.elapsed_ms > 0 for r in report.results if r.status is not None)
    assert progress[0].done == 0 and progress[-1].done == progress[-1].total == 9
    # mailto: and the unsubscribe link's form are the live analysis's job.
    live = analyse(corpus_html(server.base), QualityOptions(transport="rest"))
    assert summary([f for f in live.findings if f.category == "links"]) == [
        ("links.image.insecure", "advice", 12, 0),
        ("links.image.insecure", "advice", 13, 0),
        ("links.insecure", "advice", 6, 1),
        ("links.insecure", "advice", 7, 0),
        ("links.insecure", "advice", 8, 0),
        ("links.insecure", "advice", 9, 0),
        ("links.insecure", "advice", 10, 0),
        ("links.mailto.invalid", "error", 15, 0),
        ("links.unsubscribe.insecure", "warning", 16, 0),
    ]


def test_answers_are_cached_per_address_but_failures_are_asked_again(server: LinkServer) -> None:
    cache = LinkCache()
    html = f'<a href="{server.base}/ok">ok</a> <a href="http://127.0.0.1:9/down">down</a>'
    first = check_links(html, options=FAST, cache=cache)
    asked = len(server.requests)
    progress: list[Progress] = []
    second = check_links(html, options=FAST, cache=cache, progress=progress.append)
    assert len(server.requests) == asked  # /ok came from the cache
    assert [(p.done, p.total) for p in progress] == [(1, 2), (2, 2)]
    assert [r.cached for r in first.results] == [False, False]
    assert [r.cached for r in second.results] == [True, False]
    assert second.results[1].problem is not None
    assert second.results[1].problem.render() == "the server refused the connection"
    cache.clear()
    check_links(html, options=FAST, cache=cache)
    assert len(server.requests) == asked + 1


def test_merge_fields_need_a_recipient_and_their_columns(server: LinkServer) -> None:
    html = f'<a href="{server.base}/u/{{{{ id }}}}">Mi cuenta</a>'
    options = {"options": FAST, "cache": LinkCache()}
    without = check_links(html, transport="rest", **options)  # type: ignore[arg-type]
    assert summary(without.findings) == [("links.merge.no-recipient", "advice", 1, 0)]
    other = check_links(html, transport="rest", merge_row={"id": "7"}, **options)  # type: ignore[arg-type]
    assert summary(other.findings) == [("links.broken", "error", 1, 0)]
    missing = check_links(html, transport="rest", merge_row={"name": "Ana"}, **options)  # type: ignore[arg-type]
    assert summary(missing.findings) == [("links.merge.failed", "error", 1, 0)]
    assert "'id' is undefined" in missing.findings[0].render()
    smtp = check_links(html, transport="smtp", merge_row={"id": "42"}, **options)  # type: ignore[arg-type]
    assert smtp.results == () and smtp.findings == []
    assert [f.id for f in analyse(html).findings if f.category == "links"] == [
        "links.merge.smtp",
        "links.unsubscribe.missing",
    ]


def test_a_document_with_too_many_addresses_is_checked_up_to_the_limit(
    server: LinkServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(links, "MAX_ADDRESSES", 3)
    html = "".join(f'<a href="{server.base}/ok?n={n}">Oferta {n}</a>' for n in range(5))
    report = check_links(html, options=FAST, cache=LinkCache())
    assert [r.status for r in report.results] == [200, 200, 200]
    assert [(f.id, f.severity) for f in report.findings] == [("links.too-many", "advice")]
    assert report.findings[0].render() == (
        "The message has 5 different addresses; only the first 3 were checked."
    )


def test_a_body_is_never_read(server: LinkServer) -> None:
    report = check_links(f'<a href="{server.base}/big">big</a>', options=FAST, cache=LinkCache())
    assert (report.results[0].status, report.results[0].method) == (200, "GET")
    assert server.big_done.wait(30)
    assert server.big_written < BIG_BODY_BYTES


def test_a_server_that_does_not_answer_times_out(server: LinkServer) -> None:
    options = LinkCheckOptions(timeout_s=0.5, deadline_s=10)
    report = check_links(
        f'<a href="{server.base}/slow">slow</a>', options=options, cache=LinkCache()
    )
    assert summary(report.findings) == [("links.unreachable", "error", 1, 0)]
    assert report.findings[0].render() == (
        f"The link {server.base}/slow could not be followed: no answer within 0.5 s."
    )


def test_cancel_stops_the_check_while_requests_are_in_flight(server: LinkServer) -> None:
    cancel = CancelToken()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            check_links(f'<a href="{server.base}/slow">slow</a>', cancel=cancel, cache=LinkCache())
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    assert server.slow_arrived.wait(30)
    cancel.cancel()
    worker.join(30)
    assert not worker.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], Cancelled)


def test_tls_is_verified(tmp_path: Path) -> None:
    files = ensure_tls_files(tmp_path / "tls", "localhost")
    with LinkServer(tls=server_ssl_context(files)) as secure:
        html = f'<img src="{secure.base}/logo.png" alt="Logo">'
        untrusted = check_links(html, options=FAST, cache=LinkCache())
        assert summary(untrusted.findings) == [("links.image.unreachable", "error", 1, 0)]
        assert "TLS certificate is not valid" in untrusted.findings[0].render()
        trusted = check_links(
            html, options=LinkCheckOptions(cafile=str(files.ca_cert)), cache=LinkCache()
        )
        assert trusted.findings == [] and trusted.results[0].status == 200
