"""The ceiling for the sending benchmark: a bare asyncio client, in its own process.

``python -m tests.helpers.bare_tealite_client URL COUNT CONCURRENCY HTML_FILE TOKEN TAG``
builds COUNT personalised JSON bodies from the same HTML the client sends (``{{ nombre }}``,
``{{ codigo }}`` and ``{{ ciudad | default('tu ciudad') }}`` replaced with ``str.replace``:
the least a personalised send can do; outboundIds ``TAG-n``), POSTs them with ONE
persistent ``aiohttp.ClientSession`` at CONCURRENCY requests in flight, checks every
answer is 2xx, and prints one JSON object with the time of the send loop. The caller
measures the whole process (start, imports and all) around it.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

import aiohttp


def personalised(html: str, n: int) -> str:
    return (
        html.replace("{{ nombre }}", f"Persona {n}")
        .replace("{{ codigo }}", f"C{n:05d}")
        .replace("{{ ciudad | default('tu ciudad') }}", "Lugo" if n % 3 == 0 else "tu ciudad")
    )


def bodies(count: int, html: str, tag: str) -> list[bytes]:
    return [
        json.dumps(
            {
                "type": "email",
                "outboundId": f"{tag}-{n}",
                "campaignId": "bare",
                "sourceSystem": "bare",
                "sender": "demo@example.com",
                "senderName": "Demo",
                "replyTo": "demo@example.com",
                "replyToName": "Demo",
                "recipient": f"persona{n}@example.com",
                "recipientName": f"Persona {n}",
                "subjectContentPlainText": f"Hola Persona {n}, tu código C{n:05d}",
                "bodyContentHTML": personalised(html, n),
                "bodyContentPlainText": f"Hola Persona {n}, tu código es C{n:05d}.",
            },
            ensure_ascii=False,
        ).encode()
        for n in range(count)
    ]


async def send_all(url: str, payloads: list[bytes], concurrency: int, token: str) -> float:
    headers = {"Authorization": f"Basic {token}", "Content-Type": "application/json"}
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(url, headers=headers, connector=connector) as session:
        pending = iter(payloads)

        async def worker() -> None:
            for body in pending:
                async with session.post("/send", data=body) as response:
                    await response.read()
                    assert 200 <= response.status < 300, response.status

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return time.perf_counter() - started


def main() -> None:
    url, count, concurrency = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(sys.argv[4], encoding="utf-8") as handle:
        payloads = bodies(count, handle.read(), sys.argv[6])
    send_s = asyncio.run(send_all(url, payloads, concurrency, sys.argv[5]))
    print(json.dumps({"send_s": send_s, "messages": count}))


if __name__ == "__main__":
    main()
