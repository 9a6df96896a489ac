"""The pre-send checks: a live list (errors first) and the size meter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.checks import Check
from teenvio_desktop.ui.formatting import format_decimal
from teenvio_desktop.ui.style import colors


def _translate_check(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class ChecksPanel(QGroupBox):
    check_activated = Signal(object)  # the Check clicked (or Enter): show what it is about

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Pre-send checks"), parent)
        self.checks: list[Check] = []
        self.list = QListWidget()
        self.list.setObjectName("checks_list")
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(self._activated)
        self.list.itemActivated.connect(self._activated)
        self.meter = QProgressBar()
        self.meter.setObjectName("size_meter")
        self.meter.setTextVisible(True)
        self.summary = QLabel()
        meter_row = QHBoxLayout()
        meter_row.addWidget(QLabel(self.tr("Size")))
        meter_row.addWidget(self.meter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(meter_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def set_checks(self, checks: list[Check]) -> None:
        self.checks = list(checks)
        self.list.clear()
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "info": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        for check in checks:
            item = QListWidgetItem(icons[check.severity], check.render(_translate_check))
            item.setData(256, check.code)
            self.list.addItem(item)
        errors = sum(c.severity == "error" for c in checks)
        warnings = sum(c.severity == "warning" for c in checks)
        if errors:
            self.summary.setText(
                self.tr("{errors}; {warnings}.").format(
                    errors=self.tr("%n error(s) block sending", "", errors),
                    warnings=self.tr("%n warning(s)", "", warnings),
                )
            )
        elif warnings:
            self.summary.setText(self.tr("Ready to send, with %n warning(s).", "", warnings))
        else:
            self.summary.setText(self.tr("Ready to send."))

    def _activated(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if 0 <= row < len(self.checks):
            self.check_activated.emit(self.checks[row])

    def codes(self) -> list[str]:
        return [c.code for c in self.checks]

    def has_errors(self) -> bool:
        return any(c.severity == "error" for c in self.checks)

    def set_size(self, size: int, limit: int) -> None:
        self.meter.setRange(0, 1000)
        self.meter.setValue(min(1000, round(1000 * size / max(1, limit))))
        self.meter.setFormat(
            self.tr("{size} KB of {limit} KB").format(
                size=format_decimal(size / 1024), limit=format_decimal(limit / 1024, 0)
            )
        )
        c = colors()
        color = c.error if size > limit else c.warning if size > 0.9 * limit else c.success
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {color}; }}")
