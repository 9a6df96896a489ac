"""Asking a web server about one address: HEAD (GET when refused), redirects one by one.

No body is ever read: the status line and headers are enough (httpx bounds their size),
and the connection is closed as soon as they arrive. Each request has a timeout, each
address a deadline covering its redirects, and a bounded number run at once. TLS is
verified against the system's CAs (or a given CA file). Answers are cached per address
for the life of the process; network failures are not, so a retry asks again.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from teenvio_desktop import __version__
from teenvio_desktop.core.errors import Cancelled
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.quality.findings import (
    Location,
    Phrase,
    Translate,
    identity_translate,
)
from teenvio_desktop.core.quality.link_forms import TargetKind, is_remote
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback

if TYPE_CHECKING:
    import httpx

STAGE = "links"
# Status codes with which servers refuse HEAD although GET would work.
HEAD_REFUSED = frozenset({400, 403, 405, 406, 409, 501})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_SHOWN_URL = 2000
MAX_REASON = 100
POLL_S = 0.05


@dataclass(frozen=True)
class LinkCheckOptions:
    timeout_s: float = 10.0  # connect, read and write, per request
    deadline_s: float = 20.0  # per address, redirects included
    max_redirects: int = 10
    concurrency: int = 8
    cafile: str | None = None  # trust only this CA file (default: the system's CAs)
    use_cache: bool = True


@dataclass(frozen=True)
class Redirect:
    status: int
    url: str  # where it points


@dataclass(frozen=True)
class LinkResult:
    """What one address answered (or why it could not be asked)."""

    url: str  # as written in the document
    checked_url: str  # after merge fields were filled in
    kind: TargetKind
    locations: tuple[Location, ...]
    status: int | None = None
    reason: str = ""
    final_url: str = ""
    redirects: tuple[Redirect, ...] = ()
    elapsed_ms: float = 0.0
    method: str = ""
    problem: Phrase | None = None  # when there is no status
    cached: bool = False

    @property
    def ok(self) -> bool:
        return self.status is not None and self.status < 400

    def to_json(self, translate: Translate = identity_translate) -> dict[str, Any]:
        problem = self.problem.render(translate) if self.problem is not None else None
        return {
            "url": self.url,
            "checked_url": self.checked_url,
            "kind": self.kind,
            "lines": [loc.line for loc in self.locations],
            "status": self.status,
            "reason": self.reason,
            "final_url": self.final_url,
            "redirects": [{"status": r.status, "url": r.url} for r in self.redirects],
            "elapsed_ms": round(self.elapsed_ms, 1),
            "method": self.method,
            "problem": problem,
            "cached": self.cached,
        }


@dataclass
class LinkCache:
    """Answers per address, shared by every check of the process (thread-safe)."""

    _entries: dict[str, LinkResult] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, url: str) -> LinkResult | None:
        with self._lock:
            return self._entries.get(url)

    def put(self, url: str, result: LinkResult) -> None:
        if result.status is None:
            return  # network failures may be transient: ask again next time
        with self._lock:
            self._entries[url] = result

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


PROCESS_CACHE = LinkCache()

PROBLEM_TIMEOUT = QT_TRANSLATE_NOOP("quality", "no answer within {seconds} s")
PROBLEM_DNS = QT_TRANSLATE_NOOP("quality", "the server's name could not be found")
PROBLEM_REFUSED = QT_TRANSLATE_NOOP("quality", "the server refused the connection")
PROBLEM_TLS = QT_TRANSLATE_NOOP("quality", "its TLS certificate is not valid ({reason})")
PROBLEM_CONNECTION = QT_TRANSLATE_NOOP("quality", "the connection failed ({reason})")
PROBLEM_PROTOCOL = QT_TRANSLATE_NOOP("quality", "the server's answer is not valid HTTP")
PROBLEM_REDIRECTS = QT_TRANSLATE_NOOP("quality", "more than {count} redirects")
PROBLEM_BAD_REDIRECT = QT_TRANSLATE_NOOP("quality", "it redirects to an unusable address: {url}")
PROBLEM_INVALID = QT_TRANSLATE_NOOP("quality", "the address is not valid")


def clean_text(text: str, limit: int) -> str:
    """Server-supplied text made printable and short."""
    text = "".join(c if c.isprintable() else " " for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _connect_problem(exc: Exception) -> Phrase:
    import ssl

    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, ssl.SSLCertVerificationError):
            reason = cause.verify_message or str(cause)
            return Phrase(PROBLEM_TLS, {"reason": clean_text(reason, 200)})
        if isinstance(cause, ConnectionRefusedError):
            return Phrase(PROBLEM_REFUSED)
        if type(cause).__name__ == "gaierror":
            return Phrase(PROBLEM_DNS)
        cause = cause.__cause__ or cause.__context__
    text = str(exc)
    if "Name or service not known" in text or "nodename nor servname" in text:
        return Phrase(PROBLEM_DNS)
    if "CERTIFICATE_VERIFY_FAILED" in text:
        return Phrase(PROBLEM_TLS, {"reason": clean_text(text, 200)})
    return Phrase(PROBLEM_CONNECTION, {"reason": clean_text(text or type(exc).__name__, 200)})


class _Checker:
    def __init__(self, client: httpx.AsyncClient, options: LinkCheckOptions) -> None:
        self.client = client
        self.options = options

    async def _ask(self, method: str, url: str) -> httpx.Response:
        request = self.client.build_request(method, url)
        response = await self.client.send(request, stream=True)
        await response.aclose()  # headers are enough: the body is never read
        return response

    async def check(self, url: str) -> LinkResult:
        import asyncio

        import httpx

        result = LinkResult(url=url, checked_url=url, kind="link", locations=())
        start = time.monotonic()
        try:
            async with asyncio.timeout(self.options.deadline_s):
                result = await self._follow(url, result)
        except TimeoutError:
            seconds = f"{self.options.deadline_s:g}"
            result = replace(result, problem=Phrase(PROBLEM_TIMEOUT, {"seconds": seconds}))
        except httpx.TimeoutException:
            seconds = f"{self.options.timeout_s:g}"
            result = replace(result, problem=Phrase(PROBLEM_TIMEOUT, {"seconds": seconds}))
        except (httpx.ConnectError, httpx.NetworkError) as exc:
            result = replace(result, problem=_connect_problem(exc))
        except (httpx.RemoteProtocolError, httpx.LocalProtocolError, httpx.DecodingError):
            result = replace(result, problem=Phrase(PROBLEM_PROTOCOL))
        except (httpx.InvalidURL, httpx.UnsupportedProtocol, ValueError):
            result = replace(result, problem=Phrase(PROBLEM_INVALID))
        except httpx.HTTPError as exc:
            result = replace(result, problem=_connect_problem(exc))
        return replace(result, elapsed_ms=(time.monotonic() - start) * 1000)

    async def _follow(self, url: str, result: LinkResult) -> LinkResult:
        method, current = "HEAD", url
        redirects: list[Redirect] = []
        while True:
            response = await self._ask(method, current)
            if method == "HEAD" and response.status_code in HEAD_REFUSED:
                method = "GET"
                response = await self._ask(method, current)
            location = response.headers.get("location")
            if response.status_code in REDIRECT_STATUSES and location:
                target = str(response.url.join(location.strip()))
                if not is_remote(target):
                    shown = clean_text(target, MAX_SHOWN_URL)
                    return replace(result, problem=Phrase(PROBLEM_BAD_REDIRECT, {"url": shown}),
                                   redirects=tuple(redirects), method=method)  # fmt: skip
                redirects.append(Redirect(response.status_code, clean_text(target, MAX_SHOWN_URL)))
                if len(redirects) > self.options.max_redirects:
                    count = self.options.max_redirects
                    return replace(result, problem=Phrase(PROBLEM_REDIRECTS, {"count": count}),
                                   redirects=tuple(redirects), method=method)  # fmt: skip
                current = target
                continue
            return replace(
                result,
                status=response.status_code,
                reason=clean_text(response.reason_phrase, MAX_REASON),
                final_url=clean_text(current, MAX_SHOWN_URL),
                redirects=tuple(redirects),
                method=method,
            )


def _client(options: LinkCheckOptions) -> httpx.AsyncClient:
    import ssl

    import httpx

    context = ssl.create_default_context(cafile=options.cafile)
    return httpx.AsyncClient(
        verify=context,
        follow_redirects=False,
        timeout=httpx.Timeout(options.timeout_s),
        limits=httpx.Limits(
            max_connections=options.concurrency, max_keepalive_connections=options.concurrency
        ),
        headers={"User-Agent": f"teenvio-desktop/{__version__} (link check)"},
        trust_env=False,
    )


async def check_all(
    urls: list[str],
    options: LinkCheckOptions,
    progress: ProgressCallback,
    cancel: CancelToken,
) -> dict[str, LinkResult]:
    import asyncio  # here: the composer imports this module at start-up, before any check

    results: dict[str, LinkResult] = {}
    limit = asyncio.Semaphore(options.concurrency)
    async with _client(options) as client:
        checker = _Checker(client, options)

        async def one(url: str) -> tuple[str, LinkResult]:
            async with limit:
                return url, await checker.check(url)

        pending = {asyncio.create_task(one(url)) for url in urls}
        try:
            while pending:
                done, pending = await asyncio.wait(pending, timeout=POLL_S)
                for task in done:
                    url, result = task.result()
                    results[url] = result
                if done:
                    progress(Progress(STAGE, len(results), len(urls)))
                if cancel.cancelled:
                    raise Cancelled()
        finally:
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)
    return results
