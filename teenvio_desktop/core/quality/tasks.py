"""The analyses in the worker pattern's shape, ``fn(progress, cancel) -> result``.

``ui/tasks.py`` calls a task function with the progress callback and the cancel token
as positional arguments; these factories bind everything else, so the composer's panel
can write ``run_in_background(links_task(document, transport="rest", merge_row=row))``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.quality.analysis import QualityOptions, QualityReport, analyse
from teenvio_desktop.core.quality.document import HtmlDocument
from teenvio_desktop.core.quality.links import LinkCheckOptions, LinkReport, check_links
from teenvio_desktop.core.quality.spam import SpamOptions, SpamReport, check_spam
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback

Task = Callable[[ProgressCallback, CancelToken], Any]


def analysis_task(
    html: str, options: QualityOptions | None = None
) -> Callable[[ProgressCallback, CancelToken], QualityReport]:
    """The cheap analyses (a few tens of milliseconds): after each pause in typing."""

    def run(progress: ProgressCallback, cancel: CancelToken) -> QualityReport:
        del progress
        return analyse(html, options, cancel=cancel)

    return run


def links_task(
    document: str | HtmlDocument,
    *,
    transport: str = "smtp",
    merge_row: Mapping[str, Any] | None = None,
    options: LinkCheckOptions | None = None,
) -> Callable[[ProgressCallback, CancelToken], LinkReport]:
    """The link check (network): when the user asks, or before sending."""

    def run(progress: ProgressCallback, cancel: CancelToken) -> LinkReport:
        return check_links(
            document,
            transport=transport,
            merge_row=merge_row,
            options=options,
            progress=progress,
            cancel=cancel,
        )

    return run


def spam_task(
    campaign: Campaign,
    *,
    merge_row: Mapping[str, Any] | None = None,
    options: SpamOptions | None = None,
) -> Callable[[ProgressCallback, CancelToken], SpamReport]:
    """The SpamAssassin check (one to a few seconds): when the user asks."""

    def run(progress: ProgressCallback, cancel: CancelToken) -> SpamReport:
        return check_spam(
            campaign, merge_row=merge_row, options=options, progress=progress, cancel=cancel
        )

    return run
