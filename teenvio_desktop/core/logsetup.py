"""Logging to a rotating file in the data directory, with secrets redacted.

Secrets (passwords, tokens) are registered with :func:`register_secret` as soon as the
application learns them; every record is scrubbed of them before it is written anywhere.
"""

from __future__ import annotations

import logging
import logging.handlers
import threading
from pathlib import Path

LOG_FILE_NAME = "teenvio-desktop.log"
_REDACTED = "********"
_secrets: set[str] = set()
_secrets_lock = threading.Lock()


def register_secret(value: str | None) -> None:
    """Never let ``value`` (or its AUTH LOGIN base64 form) reach a log."""
    if not value or len(value) < 3:
        return
    import base64

    with _secrets_lock:
        _secrets.add(value)
        _secrets.add(base64.b64encode(value.encode()).decode())


def redact(text: str) -> str:
    with _secrets_lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, _REDACTED)
    return text


class RedactingFilter(logging.Filter):
    """Replaces every registered secret in the final message with asterisks."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def configure_logging(log_dir: Path, *, debug: bool = False) -> Path:
    """Log to ``log_dir``; with ``debug`` also to stderr. Returns the log file path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_teenvio", False):
            root.removeHandler(handler)
            handler.close()
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    file_handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handlers: list[logging.Handler] = [file_handler]
    if debug:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(RedactingFilter())
        handler._teenvio = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    # Third-party debug output can echo AUTH exchanges and headers: keep it quiet.
    for noisy in ("mail.log", "httpx", "httpcore", "aiohttp.access", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return log_file
