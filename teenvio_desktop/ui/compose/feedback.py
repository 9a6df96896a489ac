"""How the composer's controllers tell the user something: the status bar or a warning."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from teenvio_desktop.ui.prompter import Prompter
from teenvio_desktop.ui.translation import error_text

log = logging.getLogger(__name__)


class Feedback(QObject):
    status = Signal(str)  # a short message for the status bar

    def __init__(self, view: QWidget, prompter: Prompter) -> None:
        super().__init__(view)
        self.view = view
        self.prompter = prompter

    def say(self, text: str) -> None:
        self.status.emit(text)

    def report(self, error: BaseException, title: str | None = None) -> None:
        """An error the user must see: in the status bar and in a warning."""
        log.warning("Composer: %s", error)
        message = error_text(error)
        self.status.emit(message)
        self.prompter.warn(self.view, title or self.tr("Composer"), message)
