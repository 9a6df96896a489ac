"""Keeping the preview, checks, size meter and headers in step with what is typed.

A short pause in typing starts one analysis (``analysis.py``) in the background; while one
runs, later requests coalesce into one more run. The preview part is shown as soon as it
is ready, the checks when everything is.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from teenvio_desktop.core.checks import has_errors
from teenvio_desktop.core.tasks import Progress
from teenvio_desktop.ui.compose.analysis import (
    PREVIEW_STAGE,
    Analysis,
    analysis_task,
    headers_preview,
)
from teenvio_desktop.ui.compose.checks_panel import ChecksPanel
from teenvio_desktop.ui.compose.form import CampaignForm
from teenvio_desktop.ui.compose.preview import PreviewPane
from teenvio_desktop.ui.compose.scheme import cid_url
from teenvio_desktop.ui.latest import LatestRequest
from teenvio_desktop.ui.translation import error_text

log = logging.getLogger(__name__)

DEBOUNCE_MS = 300


class AnalysisController(QObject):
    started = Signal()  # an analysis of the current content was asked for
    analysed = Signal(int)  # the generation just shown
    settled = Signal()  # what is shown matches the content; nothing pending
    sendable = Signal(bool)  # False while a check blocks sending
    status = Signal(str)

    def __init__(
        self, form: CampaignForm, preview: PreviewPane, checks: ChecksPanel, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.form, self.preview, self.checks = form, preview, checks
        self._generation = 0
        self._previewed = 0
        self._shown = 0
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start)
        self._latest = LatestRequest(self, coalesce=True)
        self._latest.progress.connect(self._on_progress)
        self._latest.result.connect(self._on_analysis)
        self._latest.error.connect(self._on_error)
        self._latest.idle.connect(self._maybe_settled)

    def schedule(self) -> None:
        """Analyse again after a short pause (restarted by every call)."""
        self._debounce.start()

    def is_settled(self) -> bool:
        return (
            not self._debounce.isActive()
            and not self._latest.is_busy()
            and self._shown == self._generation > 0
        )

    def show_headers_now(self) -> None:
        """The headers view follows an option at once, without waiting for the pause."""
        headers, _error = headers_preview(self.form.campaign())
        self.preview.set_headers(headers)

    def _start(self) -> None:
        self._generation += 1
        campaign = self.form.campaign()
        self.started.emit()
        self.preview.set_plain_text(campaign.text)
        self._latest.submit(
            analysis_task(
                self._generation,
                campaign,
                self.form.check_environment(),
                allow_remote_images=self.preview.allow_images(),
                cid_url=cid_url,
            )
        )

    def _on_progress(self, progress: Progress) -> None:
        if progress.stage != PREVIEW_STAGE:
            return
        details = progress.details
        self._show_preview(
            int(details["generation"]), str(details["html"]), int(details["blocked"])
        )

    def _show_preview(self, generation: int, html: str, blocked: int) -> None:
        if generation <= self._previewed:
            return  # already shown (the early report came first)
        self._previewed = generation
        images = self.form.attachments.images
        self.preview.set_images({i.cid: (i.content_type, i.data) for i in images})
        self.preview.show_document(generation, html)
        self.preview.set_blocked_count(blocked)

    def _on_analysis(self, analysis: Analysis) -> None:
        self._show_preview(analysis.generation, analysis.preview_html, analysis.blocked_images)
        self.checks.set_checks(analysis.checks)
        self.checks.set_size(analysis.size, analysis.limit)
        headers = analysis.headers
        if analysis.headers_error is not None:
            explained = error_text(analysis.headers_error).replace("\n", "\n# ")
            headers = f"# {explained}\n{headers}"
        self.preview.set_headers(headers)
        self.sendable.emit(not has_errors(analysis.checks))
        self._shown = analysis.generation
        self.analysed.emit(analysis.generation)

    def _on_error(self, error: BaseException) -> None:
        # Runs after every pause in typing: never a dialog, the status bar says it.
        log.error("Preview update failed: %s", error)
        self.status.emit(error_text(error))

    def _maybe_settled(self) -> None:
        if self.is_settled():
            self.settled.emit()
