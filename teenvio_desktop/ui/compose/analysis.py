"""The work behind each preview update, run off the GUI thread (Qt-free).

Sanitising half a megabyte of HTML with bleach and building the MIME message take long
enough to be felt while typing, so one debounced job does both and returns everything the
composer shows: the preview document, the checks, the size meter and the raw headers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.checks import Check, CheckEnvironment, message_size, run_checks
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback, no_progress

PREVIEW_STAGE = "preview"


@dataclass(frozen=True)
class Analysis:
    generation: int
    preview_html: str
    blocked_images: int
    checks: list[Check]
    size: int
    limit: int
    headers: str
    headers_error: TeenvioError | None


def _teenvio_lines(campaign: Campaign) -> str:
    return "".join(f"{name}: {value}\r\n" for name, value in campaign.options.headers())


def headers_preview(campaign: Campaign) -> tuple[str, TeenvioError | None]:
    """The raw header block as sent, or the Teenvio lines alone and why it cannot build."""
    from teenvio_desktop.core.mime import raw_headers_preview

    try:
        return raw_headers_preview(campaign), None
    except TeenvioError as exc:
        return _teenvio_lines(campaign), exc


def analyse(
    generation: int,
    campaign: Campaign,
    env: CheckEnvironment,
    *,
    allow_remote_images: bool,
    cid_url: Callable[[str], str | None],
    progress: ProgressCallback = no_progress,
) -> Analysis:
    # Imported here, in the worker: bleach and the MIME builder stay out of start-up.
    from teenvio_desktop.core.mime import build_message, header_block, serialize
    from teenvio_desktop.core.sanitize import sanitize_for_preview

    sanitized = sanitize_for_preview(
        campaign.html, allow_remote_images=allow_remote_images, cid_resolver=cid_url
    )
    # The preview goes out first: the checks below need not hold it back.
    progress(
        Progress(
            PREVIEW_STAGE,
            details={
                "generation": generation,
                "html": sanitized.html,
                "blocked": sanitized.blocked_images,
            },
        )
    )
    # Build the SMTP message once: its exact size feeds the checks, its header block the
    # headers view (which shows the SMTP headers for either transport).
    headers, error = _teenvio_lines(campaign), None
    try:
        data = serialize(build_message(campaign))
    except TeenvioError as exc:
        error = exc
    else:
        headers = header_block(data)
        if campaign.transport == "smtp":
            env = replace(env, encoded_size=len(data))
    checks = run_checks(campaign, env)
    size, limit = message_size(campaign, env)
    return Analysis(
        generation, sanitized.html, sanitized.blocked_images, checks, size, limit, headers, error
    )


def analysis_task(generation: int, campaign: Campaign, env: CheckEnvironment, **kw: object):  # type: ignore[no-untyped-def]
    """``analyse`` in the worker pattern's ``fn(progress, cancel)`` shape."""

    def run(progress: ProgressCallback, cancel: CancelToken) -> Analysis:
        cancel.raise_if_cancelled()
        return analyse(generation, campaign, env, progress=progress, **kw)  # type: ignore[arg-type]

    return run
