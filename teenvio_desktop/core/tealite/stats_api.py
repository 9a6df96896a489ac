"""TEA Lite's statistics endpoints, exactly as the seed documents them.

``GET /responses`` (sourceSystem + campaignId), ``/bounces`` (sourceSystem only),
``/interactions`` (idCampaign + type OPEN|CLICK) and ``/unsubscribe`` (sourceSystem +
optional idCampaign). The first three page from 0 until a page comes back empty; the
last pages from 1 until the answer says ``lastPage``. Time windows go out either as
``startTimeUTC``/``endTimeUTC`` or as local ``startTime``/``endTime`` plus ``tz``
(/unsubscribe only documents the UTC form). Each page is yielded as soon as it is
decoded so callers can store it and bound their memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo

from teenvio_desktop.core.clock import teenvio_timestamp
from teenvio_desktop.core.tasks import CancelToken
from teenvio_desktop.core.tealite.connection import error_for_exception, error_for_response
from teenvio_desktop.core.tealite.errors import PermanentError, TeaLiteError

if TYPE_CHECKING:
    import httpx  # imported by the caller that built the client; slow for the CLI's start

InteractionType = Literal["OPEN", "CLICK"]
Item = dict[str, Any]

# Safety net against a server that never returns an empty page or lastPage.
MAX_PAGES = 1_000_000
RETRY_DELAYS_S = (0.5, 1.0, 2.0)


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


class StatsApi:
    """Paged reads over one ``httpx.Client`` (from ``TeaLiteConnection.build_client()``)."""

    def __init__(
        self,
        client: httpx.Client,
        *,
        cancel: CancelToken | None = None,
        retry_delays: tuple[float, ...] = RETRY_DELAYS_S,
    ) -> None:
        self._client = client
        self._cancel = cancel or CancelToken()
        self._retry_delays = retry_delays
        self.requests = 0

    # -- endpoints -----------------------------------------------------------------------
    def responses(self, source_system: str, campaign_id: str, window: TimeWindow) -> Iterator[Page]:
        params = {"sourceSystem": source_system, "campaignId": campaign_id, **window.params()}
        return self._zero_based("/responses", params)

    def bounces(self, source_system: str, window: TimeWindow) -> Iterator[Page]:
        params = {"sourceSystem": source_system, **window.params()}
        return self._zero_based("/bounces", params)

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
        return self._zero_based("/interactions", params)

    def unsubscribes(
        self, source_system: str, window: TimeWindow | None, *, id_campaign: str | None = None
    ) -> Iterator[Page]:
        params = {"sourceSystem": source_system}
        if id_campaign:
            params["idCampaign"] = id_campaign
        if window is not None:
            params.update(window.utc_params())
        page = 1
        while page <= MAX_PAGES:
            body = self._get("/unsubscribe", {**params, "page": str(page)})
            if not isinstance(body, dict):
                raise _malformed("/unsubscribe", "an object with unsubscribes")
            items = body.get("unsubscribes") or []
            if not isinstance(items, list):
                raise _malformed("/unsubscribe", "a list in unsubscribes")
            yield Page(page, [i for i in items if isinstance(i, dict)])
            if body.get("lastPage", True) is not False or not items:
                return
            page += 1

    # -- paging and transport ------------------------------------------------------------
    def _zero_based(self, path: str, params: dict[str, str]) -> Iterator[Page]:
        for page in range(MAX_PAGES):
            body = self._get(path, {**params, "page": str(page)})
            items = _as_list(path, body)
            if not items:
                return
            yield Page(page, items)

    def _get(self, path: str, params: dict[str, str]) -> Any:
        import httpx

        attempt = 0
        while True:
            self._cancel.raise_if_cancelled()
            try:
                self.requests += 1
                response = self._client.get(path, params=params)
                error: TeaLiteError | None = error_for_response(response)
            except httpx.HTTPError as exc:
                error = error_for_exception(str(self._client.base_url) + path, exc)
                response = None
            if error is None and response is not None:
                try:
                    return json.loads(response.content)
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    raise _malformed(path, "JSON") from exc
            assert error is not None
            if not error.retriable or attempt >= len(self._retry_delays):
                raise error
            if self._cancel.wait(self._retry_delays[attempt]):
                self._cancel.raise_if_cancelled()
            attempt += 1


def _as_list(path: str, body: Any) -> list[Item]:
    """A page is a JSON list; tolerate one bare object or a wrapper with one list in it."""
    if isinstance(body, list):
        return [i for i in body if isinstance(i, dict)]
    if isinstance(body, dict):
        lists = [v for v in body.values() if isinstance(v, list)]
        if len(lists) == 1:
            return [i for i in lists[0] if isinstance(i, dict)]
        if not body:
            return []
        return [body]
    if body is None:
        return []
    raise _malformed(path, "a list of entries")


def _malformed(path: str, expected: str) -> PermanentError:
    return PermanentError(status=200, text=f"{path}: the answer is not {expected}")
