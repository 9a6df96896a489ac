"""TEA Lite's answers as typed errors.

The API answers failures with ``{"errorCategory": "Retriable"|"Permanent", "errorText": ...}``
(400 for Retriable, 500 for Permanent) and ``403 {"errorText": "CredentialsRejected"}`` when
the token is refused. Anything else (timeouts, dropped connections, 5xx without a category)
is a :class:`TeaLiteUnavailable`, which callers retry like a Retriable answer.
"""

from __future__ import annotations

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
