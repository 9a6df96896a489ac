"""TEA Lite on aiohttp.web: the six endpoints of the seed plus the OpenAPI document.

Answers (decided where the seed only shows examples; the OpenAPI document says the same):

* ``/bounces``, ``/responses`` and ``/interactions`` answer a JSON array of the seed's
  objects; ``page`` counts from 0 and a page past the end is ``[]``.
* ``/responses`` lists deliveries (``"type": "Delivered"``, ``"errorCode": "250"``) and
  bounces (``"Hard"``/``"Soft"``) of one campaign.
* ``/unsubscribe`` answers ``{page, lastPage, unsubscribes}``; ``page`` counts from 1.
* An event is listed only once its time has passed; its ``timestamp`` is when it happened.
* /interactions without a time window (the seed's examples give none) reads the last
  30 days up to now. Everything else the sandbox adds is listed in the package docstring.
* Injected faults: ``fail_rate`` answers 400 Retriable before doing anything;
  ``drop_rate`` closes the connection after the call was processed (a /send is stored)
  but before the answer; ``latency_ms`` delays every answer.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import sqlite3
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from aiohttp import BodyPartReader, web

from teenvio_desktop.sandbox.records import StoredFile
from teenvio_desktop.sandbox.rest_params import (
    ApiError,
    invalid,
    page_number,
    require_param,
    time_window,
    validate_send,
)
from teenvio_desktop.sandbox.service import SandboxService
from teenvio_desktop.sandbox.storage import now_s, stamp

SERVICE_KEY = web.AppKey("service", SandboxService)
UNAVAILABLE = "Servicio temporalmente inaccesible"
TOO_BIG = "Request size too big. Maximum request size is 2 MB."
NO_ATTACHMENT = "key not found: attachment"
# Paths anyone may read: the API description and the hosted images and attachments.
PUBLIC_PREFIXES = ("/openapi.json", "/files/")
# How much of an oversized upload is read (and dropped) so the client gets the 400.
DRAIN_LIMIT = 64 * 1024 * 1024
# /interactions without a time window (as in the seed's examples): the last 30 days.
DEFAULT_WINDOW_S = 30 * 24 * 3600

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def error_response(error: ApiError) -> web.Response:
    return web.json_response(
        {"errorCategory": error.category, "errorText": error.text}, status=error.status
    )


def credentials_rejected() -> web.Response:
    return web.json_response(
        {"errorText": "CredentialsRejected", "errorCategory": "Permanent"}, status=403
    )


def _authorised(request: web.Request, token: str) -> bool:
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    return scheme.lower() == "basic" and hmac.compare_digest(value.strip().encode(), token.encode())


@web.middleware
async def teenvio_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    if request.path.startswith(PUBLIC_PREFIXES):
        return await handler(request)
    service = request.app[SERVICE_KEY]
    faults = service.faults
    if faults.latency_s:
        await asyncio.sleep(faults.latency_s)
    if faults.roll("fail_rate"):
        return error_response(ApiError(400, UNAVAILABLE, "Retriable"))
    if not _authorised(request, service.config.token):
        return credentials_rejected()
    try:
        response = await handler(request)
    except ApiError as error:
        response = error_response(error)
    except web.HTTPException:
        raise
    except (sqlite3.Error, ValueError, KeyError) as exc:
        response = error_response(ApiError(500, f"Error interno: {type(exc).__name__}"))
    if faults.roll("drop_rate"):
        # The call did its work; the client never hears about it.
        if request.transport is not None:
            request.transport.abort()
        raise web.HTTPServiceUnavailable()  # never written: the transport is gone
    return response


# --- sending ---------------------------------------------------------------------------


async def send(request: web.Request) -> web.Response:
    service = request.app[SERVICE_KEY]
    body = await request.read()
    try:
        data = json.loads(body or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ApiError(500, "El cuerpo de la petición no es un JSON válido") from exc
    if not isinstance(data, dict):
        raise ApiError(500, "El cuerpo de la petición debe ser un objeto JSON")
    fields, send_at = validate_send(data)
    message_id = service.accept_rest_message(fields, send_at_epoch=send_at, payload=data)
    return web.json_response({"messageId": str(message_id)}, status=202)


async def _drain(request: web.Request) -> None:
    read = 0
    while read < DRAIN_LIMIT:
        chunk = await request.content.readany()
        if not chunk:
            return
        read += len(chunk)


async def send_with_attachment(request: web.Request) -> web.Response:
    service = request.app[SERVICE_KEY]
    limit = service.config.rest_max_request_size
    if request.content_length is not None and request.content_length > limit:
        await _drain(request)
        raise ApiError(400, TOO_BIG)
    if not request.content_type.startswith("multipart/"):
        await _drain(request)
        raise ApiError(400, NO_ATTACHMENT)
    data: dict[str, Any] = {}
    files: list[tuple[str, str, bytes]] = []
    total = 0
    reader = await request.multipart()
    while True:
        part = await reader.next()
        if part is None:
            break
        if not isinstance(part, BodyPartReader):
            continue
        # Chunk by chunk, so an upload without Content-Length cannot outgrow the limit.
        chunks: list[bytes] = []
        while chunk := await part.read_chunk():
            total += len(chunk)
            if total > limit:
                await _drain(request)
                raise ApiError(400, TOO_BIG)
            chunks.append(chunk)
        content = bytes(part.decode(bytearray(b"".join(chunks))))
        if part.name == "attachment":
            files.append(
                (
                    part.filename or "attachment",
                    part.headers.get("Content-Type", "application/octet-stream"),
                    bytes(content),
                )
            )
        elif part.headers.get("Content-Type", "").startswith("application/json"):
            try:
                document = json.loads(content)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise ApiError(500, "El cuerpo de la petición no es un JSON válido") from exc
            if isinstance(document, dict):
                data.update(document)
        elif part.name and not part.filename:  # files under other keys are not read
            data[part.name] = content.decode(part.get_charset("utf-8"), "replace")
    if not files:
        raise ApiError(400, NO_ATTACHMENT)
    fields, send_at = validate_send(data)
    stored: list[StoredFile] = [service.host_file(name, kind, blob) for name, kind, blob in files]
    message_id = service.accept_rest_message(
        fields, send_at_epoch=send_at, payload=data, attachments=stored
    )
    return web.json_response({"messageId": str(message_id)}, status=202)


# --- statistics ------------------------------------------------------------------------


def _page(request: web.Request, first: int) -> tuple[int, int, int]:
    """(page, offset, limit) for the request's ``page``."""
    page = page_number(request.query, first)
    size = request.app[SERVICE_KEY].config.page_size
    return page, (page - first) * size, size


def _result(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "messageId": str(row["message_id"]),
        "recipient": row["recipient"],
        "errorCode": row["error_code"],
        "errorText": row["error_text"],
        "type": row["bounce_type"] if row["kind"] == "bounce" else "Delivered",
        "timestamp": stamp(row["at"]),
    }


async def bounces(request: web.Request) -> web.Response:
    service = request.app[SERVICE_KEY]
    source = require_param(request.query, "sourceSystem")
    start, end = time_window(request.query, required_window=True)
    _, offset, limit = _page(request, 0)
    rows = service.store.events_page(
        kinds=("bounce",),
        start=start,
        end=end,
        now=now_s(),
        offset=offset,
        limit=limit,
        source_system=source,
    )
    return web.json_response([_result(row) for row in rows])


async def responses(request: web.Request) -> web.Response:
    service = request.app[SERVICE_KEY]
    source = require_param(request.query, "sourceSystem")
    campaign = require_param(request.query, "campaignId")
    start, end = time_window(request.query, required_window=True)
    _, offset, limit = _page(request, 0)
    rows = service.store.events_page(
        kinds=("delivered", "bounce"),
        start=start,
        end=end,
        now=now_s(),
        offset=offset,
        limit=limit,
        source_system=source,
        campaign_id=campaign,
    )
    return web.json_response([_result(row) for row in rows])


async def interactions(request: web.Request) -> web.Response:
    service = request.app[SERVICE_KEY]
    campaign = require_param(request.query, "idCampaign")
    kind = require_param(request.query, "type").upper()
    if kind not in ("OPEN", "CLICK"):
        raise invalid("type")
    # The seed's own examples (/interactions?idCampaign=1&idMessage=1&type=CLICK) give no
    # window: a missing bound means the last DEFAULT_WINDOW_S up to now.
    start, end = time_window(request.query, required_window=False)
    end = now_s() if end is None else end
    start = end - DEFAULT_WINDOW_S if start is None else start
    id_message = request.query.get("idMessage", "").strip() or None
    if id_message is not None and not id_message.isdigit():
        raise invalid("idMessage")
    _, offset, limit = _page(request, 0)
    rows = service.store.events_page(
        kinds=(kind.lower(),),
        start=start,
        end=end,
        now=now_s(),
        offset=offset,
        limit=limit,
        campaign_id=campaign,
        message_id=int(id_message) if id_message else None,
    )
    return web.json_response(
        [
            {
                "email": row["recipient"],
                "timestamp": stamp(row["at"]),
                "ip": row["ip"],
                "idCampaign": row["campaign_id"],
                "idMessage": str(row["message_id"]),
                "link": row["link"],
                "linkName": row["link_name"],
                "type": kind,
                "sourceSystem": row["source_system"],
            }
            for row in rows
        ]
    )


async def unsubscribe(request: web.Request) -> web.Response:
    service = request.app[SERVICE_KEY]
    source = require_param(request.query, "sourceSystem")
    campaign = request.query.get("idCampaign", "").strip() or None
    start, end = time_window(request.query, required_window=False)
    page, offset, limit = _page(request, 1)
    rows = service.store.events_page(
        kinds=("unsubscribe",),
        start=start,
        end=end,
        now=now_s(),
        offset=offset,
        limit=limit + 1,
        source_system=source,
        campaign_id=campaign,
    )
    items = [
        {
            "recipient": row["recipient"],
            "idCampaign": row["campaign_id"],
            "idMessage": str(row["message_id"]),
            "dateRequest": datetime.fromtimestamp(row["at"], UTC).strftime("%Y-%m-%d"),
        }
        for row in rows[:limit]
    ]
    return web.json_response({"page": page, "lastPage": len(rows) <= limit, "unsubscribes": items})


# --- documents -------------------------------------------------------------------------


def openapi_document(base_url: str) -> dict[str, Any]:
    text = resources.files("teenvio_desktop.sandbox").joinpath("openapi.json").read_text("utf-8")
    document: dict[str, Any] = json.loads(text)
    if base_url:
        document["servers"] = [{"url": base_url, "description": "this sandbox"}]
    return document


async def openapi(request: web.Request) -> web.Response:
    return web.json_response(openapi_document(request.app[SERVICE_KEY].base_url))


async def hosted_file(request: web.Request) -> web.Response:
    file_id = request.match_info["file_id"]
    found = request.app[SERVICE_KEY].store.get_file(int(file_id)) if file_id.isdigit() else None
    if found is None:
        raise web.HTTPNotFound()
    _filename, content_type, data = found
    return web.Response(body=data, content_type=content_type)


def build_app(service: SandboxService) -> web.Application:
    # The 2 MB rule is ours to answer (with TEA Lite's text), so aiohttp's own cap is higher.
    app = web.Application(middlewares=[teenvio_middleware], client_max_size=DRAIN_LIMIT)
    app[SERVICE_KEY] = service
    app.router.add_post("/send", send)
    app.router.add_post("/sendWithAttachment", send_with_attachment)
    app.router.add_get("/bounces", bounces)
    app.router.add_get("/responses", responses)
    app.router.add_get("/interactions", interactions)
    app.router.add_get("/unsubscribe", unsubscribe)
    app.router.add_get("/openapi.json", openapi)
    app.router.add_get("/files/{file_id}/{name}", hosted_file)
    return app
