"""Each account's last "Test connection": what it found and when, shown only for it.

Kept for the running session, keyed by account name (names compare case-insensitively);
a test still running belongs to its account too, so selecting another account never shows
someone else's progress or results.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from teenvio_desktop.core.accounts.probe import ConnectionReport
from teenvio_desktop.ui.translation import error_text


@dataclass(frozen=True)
class LastTest:
    text: str  # what the test found (or the stage it is at)
    finished_at: QDateTime | None = None  # None while it runs

    def render(self) -> str:
        if self.finished_at is None:
            return self.text
        when = QLocale().toString(self.finished_at.toLocalTime(), QLocale.FormatType.ShortFormat)
        heading = QCoreApplication.translate("AccountsArea", "Last test: {time}").format(time=when)
        return f"{heading}\n{self.text}"


def report_text(report: ConnectionReport) -> str:
    lines = []
    for check in report.checks:
        transport = (
            QCoreApplication.translate("AccountsArea", "SMTP-API")
            if check.transport == "smtp"
            else QCoreApplication.translate("AccountsArea", "TEA Lite")
        )
        if check.error is None:
            lines.append(
                QCoreApplication.translate(
                    "AccountsArea", "✔ {transport}: connection and login work."
                ).format(transport=transport)
            )
        else:
            lines.append(
                QCoreApplication.translate("AccountsArea", "✘ {transport}: {error}").format(
                    transport=transport, error=error_text(check.error)
                )
            )
    return "\n".join(lines)


class LastTests:
    def __init__(self) -> None:
        self._by_account: dict[str, LastTest] = {}

    def running(self, account: str, text: str) -> None:
        self._by_account[account.lower()] = LastTest(text)

    def finished(self, account: str, text: str) -> None:
        self._by_account[account.lower()] = LastTest(text, QDateTime.currentDateTime())

    def text_for(self, account: str | None) -> str:
        found = self._by_account.get(account.lower()) if account else None
        return found.render() if found else ""

    def forget(self, account: str) -> None:
        self._by_account.pop(account.lower(), None)

    def rename(self, old: str, new: str) -> None:
        found = self._by_account.pop(old.lower(), None)
        if found is not None:
            self._by_account[new.lower()] = found
