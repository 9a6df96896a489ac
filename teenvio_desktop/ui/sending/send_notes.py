"""Under the campaign's title: the recipients its send left out or the server refused."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from teenvio_desktop.core.sending.notes import SendNotes
from teenvio_desktop.ui.eliding_label import ElidingLabel
from teenvio_desktop.ui.style import MARGIN, SPACING, icon, set_role


def _named(addresses: list[str], total: int) -> str:
    return ", ".join(addresses) + (" …" if total > len(addresses) else "")


class SendNotesText(QObject):
    """The words for :class:`SendNotes` (a QObject so that plurals go through ``tr``)."""

    def describe(self, notes: SendNotes) -> str:
        lines: list[str] = []
        if notes.left_out_total:
            text = self.tr(
                "%n recipient(s) left out: the SMTP-API cannot take addresses with characters "
                "other than plain letters and digits before the @ ({addresses}). Send them "
                "through TEA Lite, or correct the addresses in the list.",
                None,
                notes.left_out_total,
            )
            lines.append(text.format(addresses=_named(list(notes.left_out), notes.left_out_total)))
        if notes.refused_total:
            refused = [address + " (" + reply + ")" for address, reply in notes.refused]
            text = self.tr(
                "%n recipient(s) refused by the server: {addresses}", None, notes.refused_total
            )
            lines.append(text.format(addresses=_named(refused, notes.refused_total)))
        if notes.uncertain_total:
            text = self.tr(
                "%n recipient(s) may have been sent: no answer from TEA Lite confirmed it "
                "({addresses}). They are not sent again unless you choose “Send again anyway”; "
                "they may then receive the message twice.",
                None,
                notes.uncertain_total,
            )
            lines.append(
                text.format(addresses=_named(list(notes.uncertain), notes.uncertain_total))
            )
        return "\n".join(lines)

    def summarize(self, notes: SendNotes) -> str:
        """One line: how many recipients each note is about (the details on request)."""
        parts: list[str] = []
        if notes.left_out_total:
            parts.append(self.tr("%n recipient(s) left out", None, notes.left_out_total))
        if notes.refused_total:
            parts.append(
                self.tr("%n recipient(s) refused by the server", None, notes.refused_total)
            )
        if notes.uncertain_total:
            parts.append(self.tr("%n recipient(s) may have been sent", None, notes.uncertain_total))
        return " · ".join(parts)


def describe_notes(notes: SendNotes) -> str:
    return SendNotesText().describe(notes)


class SendNotesPanel(QFrame):
    """One line that counts the notes, the full notes on request ("Details"), and
    "Send again anyway…" when TEA Lite messages may have been sent. Collapsed, long notes
    leave the Results chart and links their room in a small window."""

    resend_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("send_notes")
        self.summary = ElidingLabel()
        self.summary.setObjectName("send_notes_summary")
        self.label = QLabel()
        self.label.setObjectName("send_notes_text")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.hide()
        self.details_button = QPushButton(self.tr("Details"))
        self.details_button.setObjectName("send_notes_details")
        self.details_button.setCheckable(True)
        self.details_button.setToolTip(self.tr("Show or hide who was not sent to, and why"))
        self.details_button.toggled.connect(self.label.setVisible)
        self.resend_button = QPushButton(self.tr("Send again anyway…"))
        self.resend_button.setObjectName("resend_uncertain")
        self.resend_button.clicked.connect(self.resend_requested)
        self.resend_button.setIcon(icon("send"))
        set_role(self, "frameRole", "warning")  # stands out in both schemes, like a banner
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.details_button)
        row.addWidget(self.resend_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, SPACING, MARGIN, SPACING)
        layout.addLayout(row)
        layout.addWidget(self.label)
        self.notes: SendNotes | None = None
        self.hide()

    def text(self) -> str:
        """The full notes, shown or not."""
        return self.label.text()

    def show_notes(self, notes: SendNotes | None) -> None:
        self.notes = notes
        words = SendNotesText()
        text = words.describe(notes) if notes is not None else ""
        self.label.setText(text)
        self.summary.setText(words.summarize(notes) if notes is not None else "")
        self.summary.setToolTip(text)
        self.resend_button.setVisible(notes is not None and notes.uncertain_total > 0)
        self.setVisible(bool(text))
