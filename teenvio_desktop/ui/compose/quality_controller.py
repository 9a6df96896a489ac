"""Running the quality analyses for the composer's panel.

- Live (``core.quality.analyse``: compatibility, accessibility, the links' form): after a
  pause in typing, once the preview has caught up, in the background; while one runs,
  later requests coalesce into one more run.
- On demand (buttons): the link check (network) and the spam score (SpamAssassin), each
  with progress and a cancel button; merge fields in links are filled in with the
  preview's chosen recipient first.
- A finding's place: the cursor goes to its line and column in the HTML (for an MJML
  campaign, in the compiled HTML the checks read).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Signal

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.quality import Location, QualityOptions, QualityReport
from teenvio_desktop.core.quality.links import LinkReport
from teenvio_desktop.core.quality.spam import SpamReport
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback
from teenvio_desktop.ui.compose.editor_positions import go_to
from teenvio_desktop.ui.compose.editors import EditorTabs
from teenvio_desktop.ui.compose.quality_panel import QualityPanel
from teenvio_desktop.ui.latest import LatestRequest
from teenvio_desktop.ui.tasks import Task, run_task
from teenvio_desktop.ui.translation import error_text

log = logging.getLogger(__name__)

MergeRow = Callable[[], Mapping[str, str] | None]


def link_summary(report: LinkReport) -> str:
    from PySide6.QtCore import QCoreApplication

    checked = len(report.results)
    failed = sum(1 for r in report.results if not r.ok)
    redirected = sum(1 for r in report.results if r.ok and r.redirects)
    if not checked:
        return QCoreApplication.translate("QualityController", "no web links or images")
    text = QCoreApplication.translate("QualityController", "%n checked", "", checked)
    text += ": " + QCoreApplication.translate("QualityController", "%n with problems", "", failed)
    if redirected:
        text += ", " + QCoreApplication.translate(
            "QualityController", "%n redirected", "", redirected
        )
    return text


class QualityController(QObject):
    analysed = Signal(object)  # QualityReport, once shown
    links_checked = Signal(object)  # LinkReport
    spam_scored = Signal(object)  # SpamReport
    check_failed = Signal(str, object)  # "links"/"spam", the exception

    def __init__(
        self, panel: QualityPanel, editors: EditorTabs, merge_row: MergeRow, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.panel, self.editors, self._merge_row = panel, editors, merge_row
        self._report: QualityReport | None = None
        self._analysed_html: str | None = None
        self._transport = "smtp"
        self._live = LatestRequest(self, coalesce=True)
        self._live.result.connect(self._on_live)
        self._live.error.connect(self._on_live_error)
        self._links: Task | None = None
        self._spam: Task | None = None
        self._campaign: Callable[[], Campaign] | None = None
        panel.finding_activated.connect(self.show_place)
        panel.links.start_requested.connect(self.check_links)
        panel.links.cancel_requested.connect(lambda: self._cancel(self._links))
        panel.spam.start_requested.connect(self.score_spam)
        panel.spam.cancel_requested.connect(lambda: self._cancel(self._spam))

    def set_campaign_source(self, campaign: Callable[[], Campaign]) -> None:
        """Where the on-demand checks read the campaign (the composer's form)."""
        self._campaign = campaign

    # -- live --------------------------------------------------------------------------------
    def analyse(self, campaign: Campaign) -> None:
        """Analyse ``campaign``'s HTML part in the background (coalescing requests)."""
        from teenvio_desktop.core.quality.tasks import analysis_task

        self._transport = campaign.transport
        html = campaign.html
        options = QualityOptions(
            transport=campaign.transport, list_unsubscribe=campaign.list_unsubscribe
        )
        task = analysis_task(html, options)

        def run(progress: ProgressCallback, cancel: CancelToken) -> tuple[str, QualityReport]:
            return html, task(progress, cancel)

        self._live.submit(run)

    def is_settled(self) -> bool:
        return not self._live.is_busy()

    def report(self) -> QualityReport | None:
        return self._report

    def _on_live(self, value: object) -> None:
        assert isinstance(value, tuple)
        html, report = value
        assert isinstance(html, str) and isinstance(report, QualityReport)
        self._report, self._analysed_html = report, html
        self.panel.set_live(report.findings, report.compatibility)
        self.analysed.emit(report)

    def _on_live_error(self, error: BaseException) -> None:
        log.error("Quality analysis failed: %s", error)
        self.panel.summary.setText(error_text(error))

    # -- on demand ---------------------------------------------------------------------------
    def check_links(self) -> Task | None:
        """Visit every link and image of the analysed HTML (with the chosen recipient)."""
        from teenvio_desktop.core.quality.tasks import links_task

        if self._links is not None or self._campaign is None:
            return None
        campaign = self._campaign()
        merge_row = self._merge_row() if campaign.transport == "rest" else None
        html = campaign.html
        document = self._report.document if html == self._analysed_html and self._report else html
        task = run_task(
            links_task(document, transport=campaign.transport, merge_row=merge_row), self
        )
        self._links = task
        self.panel.links.running(True)
        task.progress.connect(lambda p: self._progress(self.panel.links, p))
        task.result.connect(self._on_links)
        task.error.connect(lambda exc: self._failed("links", exc))
        task.cancelled.connect(lambda: self._stopped("links"))
        task.finished.connect(lambda: setattr(self, "_links", None))
        task.start()
        return task

    def score_spam(self) -> Task | None:
        """Ask SpamAssassin about the message as it would be sent."""
        from teenvio_desktop.core.quality.tasks import spam_task

        if self._spam is not None or self._campaign is None:
            return None
        campaign = self._campaign()
        merge_row = self._merge_row() if campaign.transport == "rest" else None
        task = run_task(spam_task(campaign, merge_row=merge_row), self)
        self._spam = task
        self.panel.spam.running(True)
        task.progress.connect(lambda p: self._progress(self.panel.spam, p))
        task.result.connect(self._on_spam)
        task.error.connect(lambda exc: self._failed("spam", exc))
        task.cancelled.connect(lambda: self._stopped("spam"))
        task.finished.connect(lambda: setattr(self, "_spam", None))
        task.start()
        return task

    def is_checking(self) -> bool:
        return self._links is not None or self._spam is not None

    @staticmethod
    def _progress(row: object, progress: object) -> None:
        if isinstance(progress, Progress):
            row.set_progress(progress.done, progress.total)  # type: ignore[attr-defined]

    @staticmethod
    def _cancel(task: Task | None) -> None:
        if task is not None:
            task.cancel()

    def _on_links(self, report: object) -> None:
        assert isinstance(report, LinkReport)
        self.show_links(report)
        self.links_checked.emit(report)

    def show_links(self, report: LinkReport) -> None:
        """A link check's findings in the panel (from its button or the send confirmation)."""
        self.panel.set_links(report.findings, link_summary(report))

    def _on_spam(self, report: object) -> None:
        assert isinstance(report, SpamReport)
        if not report.available:
            status = self.tr("SpamAssassin is not installed (see the advice below)")
        else:
            status = self.tr("{score} points (marked as spam from {threshold})").format(
                score=f"{report.score:.1f}", threshold=f"{report.threshold:.1f}"
            )
        self.panel.set_spam(report.findings, status)
        self.spam_scored.emit(report)

    def _failed(self, which: str, error: BaseException) -> None:
        log.warning("Quality check %s failed: %s", which, error)
        row = self.panel.links if which == "links" else self.panel.spam
        row.running(False)
        row.set_status(error_text(error))
        self.check_failed.emit(which, error)

    def _stopped(self, which: str) -> None:
        row = self.panel.links if which == "links" else self.panel.spam
        row.running(False)
        row.set_status(self.tr("cancelled"))

    # -- places --------------------------------------------------------------------------------
    def show_place(self, location: Location) -> None:
        """The HTML's line and column of a finding, under the cursor."""
        view = self.editors.show_html_view()
        go_to(view, location.line, location.column)
