"""The pre-send checks' work, run off the GUI thread (Qt-free).

Building the MIME message takes long enough on a large campaign to be felt while typing,
so it runs in the background after a pause, once the preview has caught up, and returns
what the checks panel and the headers view show: the checks, the size meter and the raw
headers. The preview's own work is ``core/compose/preview.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.checks import Check, CheckEnvironment, message_size, run_checks
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback


@dataclass(frozen=True)
class Analysis:
    generation: int
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


def analyse(generation: int, campaign: Campaign, env: CheckEnvironment) -> Analysis:
    # Imported here, in the worker: the MIME builder stays out of start-up.
    from teenvio_desktop.core.mime import build_message, header_block, serialize

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
    return Analysis(generation, checks, size, limit, headers, error)


def analysis_task(generation: int, campaign: Campaign, env: CheckEnvironment):  # type: ignore[no-untyped-def]
    """``analyse`` in the worker pattern's ``fn(progress, cancel)`` shape."""

    def run(progress: ProgressCallback, cancel: CancelToken) -> Analysis:
        del progress
        cancel.raise_if_cancelled()
        return analyse(generation, campaign, env)

    return run
