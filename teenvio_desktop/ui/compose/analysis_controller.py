"""Keeping the checks, size meter, headers and quality analyses in step with what is typed.

They run after a short pause in typing and only once the preview is idle, so they never
compete with it for the processor; while one runs, later requests coalesce into one more
run. ``due`` hands the campaign to the quality analyses at the same moment.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from teenvio_desktop.core.checks import has_errors
from teenvio_desktop.ui.compose.analysis import Analysis, analysis_task, headers_preview
from teenvio_desktop.ui.compose.checks_panel import ChecksPanel
from teenvio_desktop.ui.compose.form import CampaignForm
from teenvio_desktop.ui.compose.preview import PreviewPane
from teenvio_desktop.ui.compose.preview_controller import PreviewController
from teenvio_desktop.ui.latest import LatestRequest
from teenvio_desktop.ui.translation import error_text

log = logging.getLogger(__name__)

CHECKS_DELAY_MS = 300
# A page may keep loading for long (a slow remote image): past this, the checks start
# once the preview's own work is done, without waiting for the page.
PAGE_WAIT_MS = 1000


class AnalysisController(QObject):
    started = Signal()  # an analysis of the current content was asked for
    due = Signal(object)  # the Campaign being checked: the quality analyses may run now
    analysed = Signal(int)  # the generation just shown
    settled = Signal()  # what is shown matches the content; nothing pending
    sendable = Signal(bool)  # False while a check blocks sending
    status = Signal(str)

    def __init__(
        self,
        form: CampaignForm,
        preview: PreviewController,
        pane: PreviewPane,
        checks: ChecksPanel,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.form, self.preview, self.pane, self.checks = form, preview, pane, checks
        self._generation = 0
        self._shown = 0
        self._waiting_for_preview = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(CHECKS_DELAY_MS)
        self._debounce.timeout.connect(self._on_due)
        self._page_wait = QTimer(self)
        self._page_wait.setSingleShot(True)
        self._page_wait.setInterval(PAGE_WAIT_MS)
        self._page_wait.timeout.connect(self._on_page_wait_over)
        self._latest = LatestRequest(self, coalesce=True)
        self._latest.result.connect(self._on_analysis)
        self._latest.error.connect(self._on_error)
        self._latest.idle.connect(self._maybe_settled)
        preview.idle.connect(self._on_preview_idle)

    def schedule(self) -> None:
        """Check again after a short pause (restarted by every call)."""
        self._debounce.start()

    def is_settled(self) -> bool:
        """Preview, checks and headers show the current content; nothing is pending."""
        return (
            not self._debounce.isActive()
            and not self._waiting_for_preview
            and not self._latest.is_busy()
            and self._shown == self._generation > 0
            and self.preview.is_settled()
        )

    def show_headers_now(self) -> None:
        """The headers view follows an option at once, without waiting for the pause."""
        headers, _error = headers_preview(self.form.campaign())
        self.pane.set_headers(headers)

    def _on_due(self) -> None:
        if self.preview.is_settled():
            self._start()
        else:
            self._waiting_for_preview = True  # the preview's idle signal starts it
            self._page_wait.start()

    def _on_page_wait_over(self) -> None:
        if not self._waiting_for_preview:
            return
        if self.preview.is_rendered() and not self._debounce.isActive():
            self._start()
        else:
            self._page_wait.start()  # the preview still renders: never in its way

    def _on_preview_idle(self) -> None:
        if self._waiting_for_preview and not self._debounce.isActive():
            self._start()
        else:
            self._maybe_settled()

    def _start(self) -> None:
        self._waiting_for_preview = False
        self._page_wait.stop()
        self._generation += 1
        campaign = self.form.campaign()
        self.started.emit()
        self.due.emit(campaign)
        self._latest.submit(
            analysis_task(self._generation, campaign, self.form.check_environment())
        )

    def _on_analysis(self, analysis: Analysis) -> None:
        self.checks.set_checks(analysis.checks)
        self.checks.set_size(analysis.size, analysis.limit)
        headers = analysis.headers
        if analysis.headers_error is not None:
            explained = error_text(analysis.headers_error).replace("\n", "\n# ")
            headers = f"# {explained}\n{headers}"
        self.pane.set_headers(headers)
        self.sendable.emit(not has_errors(analysis.checks))
        self._shown = analysis.generation
        self.analysed.emit(analysis.generation)

    def _on_error(self, error: BaseException) -> None:
        # Runs after every pause in typing: never a dialog, the status bar says it.
        log.error("Checks update failed: %s", error)
        self._shown = self._generation  # nothing newer is coming for what was asked
        self.status.emit(error_text(error))

    def _maybe_settled(self) -> None:
        if self.is_settled():
            self.settled.emit()
