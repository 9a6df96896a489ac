"""Reading TEA Lite's answers as untrusted input: bounded in size, time and nesting.

Every answer is streamed and abandoned past ``limit`` bytes (counted after any
Content-Encoding is undone, so a compressed bomb is bounded too) or past ``deadline_s``
seconds in total (httpx's timeout applies per read, so a server trickling one byte at a time
would otherwise never time out). JSON is decoded by the standard library, whose recursion
guard turns absurd nesting into a :class:`MalformedAnswer` instead of a crash; the
shapes callers accept are themselves shallow (a page is a list of flat objects).
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any

from teenvio_desktop.core.tealite.errors import AnswerTooLarge, AnswerTooSlow, MalformedAnswer

if TYPE_CHECKING:
    import httpx

# A statistics page: the sandbox's largest pages (20,000 interactions) are about 5 MB.
MAX_PAGE_BYTES = 32 * 1024 * 1024
# The answer to POST /send is a small object ({"messageId": "1"} or an error).
MAX_SEND_ANSWER_BYTES = 64 * 1024
# Total time to receive one answer once its headers arrived.
ANSWER_DEADLINE_S = 120.0


def read_body(
    response: httpx.Response,
    endpoint: str,
    *,
    limit: int = MAX_PAGE_BYTES,
    deadline_s: float = ANSWER_DEADLINE_S,
) -> bytes:
    """The body of a streamed ``response``, or :class:`AnswerTooLarge`/:class:`AnswerTooSlow`.

    Network errors while reading propagate as httpx exceptions.
    """
    declared = response.headers.get("Content-Length", "")
    if declared.strip().isdigit() and int(declared) > limit:
        raise AnswerTooLarge(endpoint, limit)
    started = time.monotonic()
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise AnswerTooLarge(endpoint, limit)
        if time.monotonic() - started > deadline_s:
            raise AnswerTooSlow(endpoint, deadline_s)
        chunks.append(chunk)
    return b"".join(chunks)


def decode_json(body: bytes, endpoint: str) -> Any:
    """Parse ``body`` as JSON; :class:`MalformedAnswer` when it is not, or nests absurdly."""
    try:
        return json.loads(body)
    except RecursionError:
        raise MalformedAnswer(endpoint, "JSON nested too deeply") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MalformedAnswer(endpoint, f"not JSON: {_short(str(exc))}") from None


def nesting_exceeds(value: Any, limit: int) -> bool:
    """True when ``value`` holds containers nested deeper than ``limit`` (iterative)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        current, depth = stack.pop()
        if isinstance(current, dict):
            children: Any = current.values()
        elif isinstance(current, list):
            children = current
        else:
            continue
        if depth >= limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
