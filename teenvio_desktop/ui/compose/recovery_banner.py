"""The banner that offers back the work a crash left unsaved."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class RecoveryBanner(QFrame):
    restore_requested = Signal()
    discard_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("restore_draft")
        self.discard_button = QPushButton(self.tr("Discard"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.discard_button)
        self.restore_button.clicked.connect(self.restore_requested)
        self.discard_button.clicked.connect(self.discard_requested)
        self.hide()

    def offer(self, when: str, subject: str) -> None:
        self.label.setText(
            self.tr(
                'The app did not close properly. Unsaved work from {time} ("{subject}") '
                "was recovered. Restore it?"
            ).format(time=when, subject=subject)
        )
        self.show()
