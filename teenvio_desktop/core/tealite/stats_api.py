"""TEA Lite's statistics endpoints, as the seed documents them, read as untrusted input.

``GET /responses`` (sourceSystem + campaignId), ``/bounces`` (sourceSystem only),
``/interactions`` (idCampaign + type OPEN|CLICK) and ``/unsubscribe`` (sourceSystem +
optional idCampaign). The first three page from 0 ("0 a n"), the last from 1 ("1 a n").
Time windows go out either as ``startTimeUTC``/``endTimeUTC`` or as local
``startTime``/``endTime`` plus ``tz`` (/unsubscribe only documents the UTC form). Each page
is yielded as soon as it is decoded so callers can store it and bound their memory.

What the seeds allow is accepted: a JSON array of entries, one bare entry object (the
seed's examples show single objects), or a wrapper object like /unsubscribe's
``{"page", "lastPage", "unsubscribes": [...]}`` (any endpoint; ``lastPage`` is honoured).
Reading ends at an empty page or ``lastPage``. A server that does not is stopped with a
typed error naming the endpoint: a page identical to the one before is
:class:`RepeatedPage` (except page 1 repeating page 0, which is how a server counting
from 1 answers ``page=0``: that copy is skipped), and more than ``max_pages`` pages in
one window is :class:`TooManyPages`. Answers are bounded in bytes, time and entries
(``answers.py``); entries that are not objects are counted in :attr:`Page.dropped`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo

from teenvio_desktop.core.clock import teenvio_timestamp
from teenvio_desktop.core.tasks import CancelToken
from teenvio_desktop.core.tealite.answers import (
    ANSWER_DEADLINE_S,
    MAX_PAGE_BYTES,
    MAX_SEND_ANSWER_BYTES,
    decode_json,
    read_body,
)
from teenvio_desktop.core.tealite.connection import error_for_exception, error_for_status
from teenvio_desktop.core.tealite.errors import (
    MalformedAnswer,
    RepeatedPage,
    TooManyPages,
    UntrustedAnswer,
)

if TYPE_CHECKING:
    import httpx  # imported by the caller that built the client; slow for the CLI's start

InteractionType = Literal["OPEN", "CLICK"]
Item = dict[str, Any]

# Pages of one feed in one time window. The sandbox's default page holds 100 entries, so
# this is a million entries per window; a larger campaign syncs in several windows.
MAX_PAGES = 10_000
MAX_ITEMS_PER_PAGE = 100_000
RETRY_DELAYS_S = (0.5, 1.0, 2.0)
# Where a wrapper object may keep its entries, by endpoint (any single list also works).
WRAPPER_KEYS = {
    "/unsubscribe": "unsubscribes",
    "/bounces": "bounces",
    "/responses": "responses",
    "/interactions": "interactions",
}


@dataclass(frozen=True)
class TimeWindow:
    """``[start, end]``; sent in UTC, or as wall-clock times in ``tz`` when one is named."""

    start: datetime
    end: datetime
    tz: str | None = None

    def params(self) -> dict[str, str]:
        if self.tz is None:
            return {
                "startTimeUTC": teenvio_timestamp(self.start),
                "endTimeUTC": teenvio_timestamp(self.end),
            }
        zone = ZoneInfo(self.tz)
        return {
            "startTime": self.start.astimezone(zone).strftime("%Y%m%d%H%M%S"),
            "endTime": self.end.astimezone(zone).strftime("%Y%m%d%H%M%S"),
            "tz": self.tz,
        }

    def utc_params(self) -> dict[str, str]:
        return TimeWindow(self.start, self.end).params()


@dataclass(frozen=True)
class Page:
    number: int
    items: list[Item]
    dropped: int = 0  # entries that were not JSON objects (skipped)


@dataclass(frozen=True)
class _Shape:
    items: list[Any]
    last_page: bool | None
    fingerprint: bytes


def page_shape(path: str, body: Any, raw: bytes, max_items: int = MAX_ITEMS_PER_PAGE) -> _Shape:
    """The entries of one decoded answer, whether it is a list, a wrapper or one object."""
    last_page: bool | None = None
    fingerprint = hashlib.blake2b(raw, digest_size=16).digest()
    if body is None:
        items: list[Any] = []
    elif isinstance(body, list):
        items = body
    elif isinstance(body, dict):
        lists = {k: v for k, v in body.items() if isinstance(v, list)}
        flag = body.get("lastPage")
        last_page = flag if isinstance(flag, bool) else None
        known = WRAPPER_KEYS.get(path)
        if known in lists:
            items = lists[str(known)]
        elif len(lists) == 1:
            items = next(iter(lists.values()))
        elif lists:
            raise MalformedAnswer(path, f"several lists in one answer: {', '.join(sorted(lists))}")
        elif not body or last_page is not None:
            items = []
        else:
            items = [body]  # one bare entry, as in the seed's examples
        if lists or last_page is not None:
            # A wrapper's own fields (its page number) must not hide a repeated page.
            entries = json.dumps(items, sort_keys=True, default=str).encode()
            fingerprint = hashlib.blake2b(entries, digest_size=16).digest()
    else:
        raise MalformedAnswer(path, "not a list of entries")
    if len(items) > max_items:
        raise MalformedAnswer(path, f"more than {max_items} entries in one page")
    return _Shape(items, last_page, fingerprint)


class StatsApi:
    """Paged reads over one ``httpx.Client`` (from ``TeaLiteConnection.build_client()``)."""

    def __init__(
        self,
        client: httpx.Client,
        *,
        cancel: CancelToken | None = None,
        retry_delays: tuple[float, ...] = RETRY_DELAYS_S,
        max_pages: int = MAX_PAGES,
        max_page_bytes: int = MAX_PAGE_BYTES,
        max_items: int = MAX_ITEMS_PER_PAGE,
        answer_deadline_s: float = ANSWER_DEADLINE_S,
    ) -> None:
        self._client = client
        self._cancel = cancel or CancelToken()
        self._retry_delays = retry_delays
        self.max_pages = max(1, max_pages)
        self._max_page_bytes = max_page_bytes
        self._max_items = max_items
        self._deadline_s = answer_deadline_s
        self.requests = 0

    # -- endpoints -----------------------------------------------------------------------
    def responses(self, source_system: str, campaign_id: str, window: TimeWindow) -> Iterator[Page]:
        params = {"sourceSystem": source_system, "campaignId": campaign_id, **window.params()}
        return self._pages("/responses", params, first=0)

    def bounces(self, source_system: str, window: TimeWindow) -> Iterator[Page]:
        params = {"sourceSystem": source_system, **window.params()}
        return self._pages("/bounces", params, first=0)

    def interactions(
        self,
        id_campaign: str,
        kind: InteractionType,
        window: TimeWindow,
        *,
        id_message: str | None = None,
    ) -> Iterator[Page]:
        params = {"idCampaign": id_campaign, "type": kind, **window.params()}
        if id_message:
            params["idMessage"] = id_message
        return self._pages("/interactions", params, first=0)

    def unsubscribes(
        self, source_system: str, window: TimeWindow | None, *, id_campaign: str | None = None
    ) -> Iterator[Page]:
        params = {"sourceSystem": source_system}
        if id_campaign:
            params["idCampaign"] = id_campaign
        if window is not None:
            params.update(window.utc_params())
        return self._pages("/unsubscribe", params, first=1)

    # -- paging --------------------------------------------------------------------------
    def _pages(self, path: str, params: dict[str, str], *, first: int) -> Iterator[Page]:
        previous: bytes | None = None
        number = first
        for _ in range(self.max_pages):
            raw = self._get(path, {**params, "page": str(number)})
            shape = page_shape(path, decode_json(raw, path), raw, self._max_items)
            if not shape.items:
                return
            if shape.fingerprint == previous:
                if not (first == 0 and number == 1):
                    raise RepeatedPage(path, number)
                # A server counting from 1 answered page=0 as page 1: skip the copy.
                number += 1
                previous = None
                continue
            entries = [i for i in shape.items if isinstance(i, dict)]
            yield Page(number, entries, dropped=len(shape.items) - len(entries))
            if shape.last_page:
                return
            previous = shape.fingerprint
            number += 1
        raise TooManyPages(path, self.max_pages)

    # -- transport -----------------------------------------------------------------------
    def _get(self, path: str, params: dict[str, str]) -> bytes:
        """One answer's bytes; retriable failures are retried after each of the delays."""
        import httpx

        attempt = 0
        while True:
            self._cancel.raise_if_cancelled()
            try:
                self.requests += 1
                with self._client.stream("GET", path, params=params) as response:
                    if response.is_success:
                        return read_body(
                            response, path, limit=self._max_page_bytes, deadline_s=self._deadline_s
                        )
                    error = error_for_status(response, self._error_body(response, path))
            except UntrustedAnswer:
                raise
            except (httpx.HTTPError, httpx.InvalidURL, OSError) as exc:
                error = error_for_exception(str(self._client.base_url) + path, exc)
            assert error is not None
            if not error.retriable or attempt >= len(self._retry_delays):
                raise error
            if self._cancel.wait(self._retry_delays[attempt]):
                self._cancel.raise_if_cancelled()
            attempt += 1

    def _error_body(self, response: httpx.Response, path: str) -> bytes | None:
        try:
            return read_body(response, path, limit=MAX_SEND_ANSWER_BYTES, deadline_s=30.0)
        except UntrustedAnswer:
            return None
