"""The asyncio runner against a real loopback server: bounded answers, no redirects."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable

from aiohttp import web

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.merge import MergeTemplates
from teenvio_desktop.core.outbox.aio_runner import AsyncRunner
from teenvio_desktop.core.outbox.repository import OutboxMessage
from teenvio_desktop.core.outbox.transport import Outcome
from teenvio_desktop.core.tealite.answers import MAX_SEND_ANSWER_BYTES
from teenvio_desktop.core.tealite.connection import TeaLiteConnection

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
CAMPAIGN = Campaign(transport="rest", subject="Hi", sender="d@example.com", sender_name="D",
                    html="<p>Hi</p>", text="Hi", source_system="s", campaign_ref="c")  # fmt: skip
MESSAGE = OutboxMessage(1, 1, 1, "0" * 32, "a@example.com", "", {}, "sending", None, 1, None,
                        None, None, "2026-01-01")  # fmt: skip


def attempt_against(handler: Handler, timeout_s: float = 5.0) -> Outcome:
    async def main() -> Outcome:
        app = web.Application()
        app.router.add_post("/send", handler)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        sock = socket.create_server(("127.0.0.1", 0))
        await web.SockSite(runner, sock).start()
        connection = TeaLiteConnection(
            f"http://127.0.0.1:{sock.getsockname()[1]}", "t", timeout_s=timeout_s
        )
        templates = MergeTemplates.for_campaign(CAMPAIGN)
        try:
            async with AsyncRunner(connection, 2, CAMPAIGN, templates) as sender:
                return await asyncio.wait_for(sender.attempt(MESSAGE), 60)
        finally:
            await runner.cleanup()

    return asyncio.run(main())


def test_an_accepted_message_keeps_its_message_id() -> None:
    async def accept(request: web.Request) -> web.StreamResponse:
        assert (await request.json())["outboundId"] == "0" * 32
        return web.json_response({"messageId": "42"}, status=202)

    outcome = attempt_against(accept)
    assert (outcome.kind, outcome.message_id) == ("accepted", "42")


def test_an_endless_answer_is_cut_and_the_status_still_counts() -> None:
    async def endless(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(status=202)
        await response.prepare(request)
        chunk = b"x" * 65536
        for _ in range(MAX_SEND_ANSWER_BYTES // len(chunk) + 4):
            await response.write(chunk)
        return response

    outcome = attempt_against(endless)
    assert (outcome.kind, outcome.message_id) == ("accepted", None)


def test_a_declared_oversized_answer_is_not_read() -> None:
    async def oversized(request: web.Request) -> web.StreamResponse:
        body = b'{"messageId": "1", "pad": "' + b"x" * MAX_SEND_ANSWER_BYTES + b'"}'
        return web.Response(body=body, status=202, content_type="application/json")

    assert attempt_against(oversized).kind == "accepted"


def test_a_redirect_is_not_followed_and_stops_the_campaign() -> None:
    async def redirect(request: web.Request) -> web.StreamResponse:
        raise web.HTTPTemporaryRedirect("http://127.0.0.1:9/elsewhere")

    outcome = attempt_against(redirect)
    assert outcome.kind == "stop" and outcome.maybe_sent


def test_an_answer_that_never_comes_is_uncertain() -> None:
    async def silent(request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(2)  # past the 0.3 s timeout; short, as cleanup waits for it
        return web.json_response({}, status=202)

    assert attempt_against(silent, timeout_s=0.3).kind == "uncertain"
