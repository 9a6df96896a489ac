"""Under the campaign's title: the recipients its send left out or the server refused."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

from teenvio_desktop.core.sending.notes import SendNotes


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
        return "\n".join(lines)


def describe_notes(notes: SendNotes) -> str:
    return SendNotesText().describe(notes)


class SendNotesLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("send_notes")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_notes(self, notes: SendNotes | None) -> None:
        text = describe_notes(notes) if notes is not None else ""
        self.setText(text)
        self.setVisible(bool(text))
