"""The link check the send confirmation runs first: progress, skip, and what it found.

Every link and remote image is visited (``core.quality.links``) before the user confirms a
send, so a broken link is seen while it can still be fixed. Skipping is always possible
(a slow server must not hold a campaign back); the confirmation then says the links were
not checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.quality import Finding, has_errors, sort_findings
from teenvio_desktop.core.quality.links import LinkReport
from teenvio_desktop.core.tasks import Progress
from teenvio_desktop.ui.compose.quality_controller import link_summary
from teenvio_desktop.ui.prompter import Prompter
from teenvio_desktop.ui.tasks import Task, run_task
from teenvio_desktop.ui.translation import error_text

SHOWN_PROBLEMS = 5


@dataclass(frozen=True)
class LinkCheckOutcome:
    text: str  # for the confirmation
    problems: bool  # something is broken: the confirmation defaults to "No"


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def has_web_addresses(html: str) -> bool:
    lowered = html.lower()
    return "http://" in lowered or "https://" in lowered or "{{" in html


class LinkCheckDialog(QDialog):
    """Runs the link check once shown (or started); accepted when it finished."""

    def __init__(
        self,
        campaign: Campaign,
        merge_row: Mapping[str, str] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Checking links"))
        self.report: LinkReport | None = None
        self.error: BaseException | None = None
        label = QLabel(self.tr("Visiting every link and image before sending…"))
        label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("send_link_progress")
        self.progress.setAccessibleName(self.tr("Link check progress"))
        self.progress.setRange(0, 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        skip = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        skip.setText(self.tr("Skip the check"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self._campaign, self._merge_row = campaign, merge_row
        self.task: Task | None = None

    def start(self) -> None:
        """Start visiting (when shown: nothing goes out for a dialog nobody sees)."""
        from teenvio_desktop.core.quality.tasks import links_task

        if self.task is not None:
            return
        campaign = self._campaign
        self.task = run_task(
            links_task(campaign.html, transport=campaign.transport, merge_row=self._merge_row),
            self,
        )
        self.task.progress.connect(self._on_progress)
        self.task.result.connect(self._on_result)
        self.task.error.connect(self._on_error)
        self.task.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.start()

    def is_done(self) -> bool:
        return self.report is not None or self.error is not None

    def _on_progress(self, progress: object) -> None:
        if isinstance(progress, Progress) and progress.total:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(progress.done)

    def _on_result(self, report: object) -> None:
        assert isinstance(report, LinkReport)
        self.report = report
        self.accept()

    def _on_error(self, error: BaseException) -> None:
        self.error = error
        self.accept()

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
        super().reject()

    def outcome(self) -> LinkCheckOutcome:
        if self.report is None:
            reason = error_text(self.error) if self.error is not None else ""
            text = self.tr("Links and images were not checked.")
            return LinkCheckOutcome(f"{text} {reason}".strip(), problems=False)
        findings = [f for f in self.report.findings if f.severity != "advice"]
        lines = [self.tr("Links and images: {summary}.").format(
            summary=link_summary(self.report))]  # fmt: skip
        lines += [f"• {f.render(_translate)}" for f in _first(findings)]
        if len(findings) > SHOWN_PROBLEMS:
            lines.append(self.tr("… see the Quality tab for the rest."))
        return LinkCheckOutcome("\n".join(lines), problems=has_errors(findings))


def _first(findings: list[Finding]) -> list[Finding]:
    return sort_findings(findings)[:SHOWN_PROBLEMS]


def check_links_before_sending(
    campaign: Campaign,
    merge_row: Mapping[str, str] | None,
    prompter: Prompter,
    parent: QWidget | None,
) -> tuple[LinkCheckOutcome | None, LinkReport | None]:
    """Run the check in its dialog; what the confirmation says (None: nothing to check)."""
    if not has_web_addresses(campaign.html):
        return None, None
    dialog = LinkCheckDialog(campaign, merge_row, parent)
    prompter.run(dialog)
    outcome = dialog.outcome()
    dialog.deleteLater()
    return outcome, dialog.report
