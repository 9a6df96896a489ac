"""TEA Lite's answers as typed errors.

The API answers failures with ``{"errorCategory": "Retriable"|"Permanent", "errorText": ...}``
(400 for Retriable, 500 for Permanent) and ``403 {"errorText": "CredentialsRejected"}`` when
the token is refused. Anything else (timeouts, dropped connections, 5xx without a category)
is a :class:`TeaLiteUnavailable`: a read (GET) retries it like a Retriable answer, while a
POST /send that may have reached the server is never repeated blindly (see
``core/outbox/transport.py``). An answer that is too big, too slow, malformed or endless is
an :class:`UntrustedAnswer` naming the endpoint; asking again would not help.
"""

from __future__ import annotations

from typing import Any

from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP


class TeaLiteError(TeenvioError):
    """Base of every TEA Lite failure; ``retriable`` tells whether to try again."""

    retriable = False

    def __init__(
        self,
        template: str,
        *,
        status: int | None = None,
        category: str | None = None,
        text: str | None = None,
        **params: object,
    ) -> None:
        self.status = status
        self.category = category
        self.text = text
        super().__init__(template, server_code=status, server_text=text, **params)


class CredentialsRejected(TeaLiteError):
    def __init__(self, *, status: int = 403, text: str = "CredentialsRejected") -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "TEA Lite rejected the token. Check the account's token and source system, "
                "then try again.",
            ),
            status=status,
            category="Permanent",
            text=text,
        )


class RetriableError(TeaLiteError):
    retriable = True

    def __init__(self, *, status: int | None = 400, text: str | None = None) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors", "TEA Lite is temporarily unavailable; the request will be retried."
            ),
            status=status,
            category="Retriable",
            text=text,
        )


class PermanentError(TeaLiteError):
    def __init__(self, *, status: int | None = 500, text: str | None = None) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "TEA Lite refused the request for good: {reason}. Fix it before sending again.",
            ),
            status=status,
            category="Permanent",
            text=text,
            reason=text or "",
        )


class TeaLiteUnavailable(TeaLiteError):
    """No usable answer: network error, timeout, or an error without a category."""

    retriable = True

    def __init__(self, url: str, detail: str, *, status: int | None = None) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "Could not get an answer from TEA Lite at {url} ({detail}). Check the address "
                "and your connection; the request will be retried.",
            ),
            status=status,
            text=None,
            url=url,
            detail=detail,
        )


class TlsVerificationError(TeaLiteError):
    def __init__(self, url: str, detail: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The certificate of {url} could not be verified ({detail}). If the server uses "
                "a private CA, name its CA file in the account.",
            ),
            url=url,
            detail=detail,
        )


class UntrustedAnswer(TeaLiteError):
    """An answer that cannot be used as it is: too big, too slow, malformed, or endless.

    Never retried: asking again would get the same answer. ``endpoint`` names the path.
    """

    def __init__(self, template: str, *, endpoint: str, **params: Any) -> None:
        self.endpoint = endpoint
        super().__init__(template, endpoint=endpoint, **params)


class AnswerTooLarge(UntrustedAnswer):
    def __init__(self, endpoint: str, limit: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The answer of TEA Lite's {endpoint} is larger than {limit} bytes, so it was "
                "not read. Ask for a shorter time window, or ask the server's operator why "
                "its pages are so large.",
            ),
            endpoint=endpoint,
            limit=limit,
        )


class AnswerTooSlow(UntrustedAnswer):
    def __init__(self, endpoint: str, seconds: float) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "TEA Lite's {endpoint} took more than {seconds} seconds to send its answer, so "
                "it was abandoned. Check your connection and try again later.",
            ),
            endpoint=endpoint,
            seconds=round(seconds),
        )


class MalformedAnswer(UntrustedAnswer):
    def __init__(self, endpoint: str, detail: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "TEA Lite's {endpoint} answered something that is not what its documentation "
                "describes ({detail}). Nothing from this answer was stored; check the API "
                "address, or report it to the server's operator.",
            ),
            endpoint=endpoint,
            detail=detail,
        )


class RepeatedPage(UntrustedAnswer):
    def __init__(self, endpoint: str, page: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "TEA Lite's {endpoint} answered page {page} with the same entries as the page "
                "before: the server does not honour the page parameter. Reading stopped; the "
                "entries read so far were kept. Report it to the server's operator.",
            ),
            endpoint=endpoint,
            page=page,
        )


class TooManyPages(UntrustedAnswer):
    def __init__(self, endpoint: str, limit: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "TEA Lite's {endpoint} was still sending pages after {limit} pages for one "
                "time window, so reading stopped; the entries read so far were kept. Ask for "
                "a shorter time window, or report it to the server's operator.",
            ),
            endpoint=endpoint,
            limit=limit,
        )
