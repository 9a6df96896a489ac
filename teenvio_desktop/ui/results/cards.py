"""A campaign's numbers as cards: one large figure each, its caption and a detail line.

Six cards read left to right the way a campaign unfolds: sent, delivered, opened,
clicked, bounced, unsubscribed. Every number and percentage is in the locale's format; the
detail line carries the secondary numbers (accepted, rates, totals, hard and soft).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.stats.queries import StatsSummary
from teenvio_desktop.ui.formatting import format_count, format_percent
from teenvio_desktop.ui.style import scaled_font, set_role

CONTEXT = "SummaryCards"
CARDS = (
    ("sent", QT_TRANSLATE_NOOP("SummaryCards", "Sent"),
     QT_TRANSLATE_NOOP("SummaryCards", "Messages handed to Teenvio; the detail says how many "
                                       "it accepted.")),
    ("delivered", QT_TRANSLATE_NOOP("SummaryCards", "Delivered"),
     QT_TRANSLATE_NOOP("SummaryCards", "Messages the recipients' servers accepted.")),
    ("opened", QT_TRANSLATE_NOOP("SummaryCards", "Opened"),
     QT_TRANSLATE_NOOP("SummaryCards", "People who opened the message at least once (unique "
                                       "opens), their share of the delivered messages, and "
                                       "every open counted.")),
    ("clicked", QT_TRANSLATE_NOOP("SummaryCards", "Clicked"),
     QT_TRANSLATE_NOOP("SummaryCards", "People who clicked a link (unique clicks), the "
                                       "click-through rate (their share of the delivered "
                                       "messages), and every click counted.")),
    ("bounced", QT_TRANSLATE_NOOP("SummaryCards", "Bounced"),
     QT_TRANSLATE_NOOP("SummaryCards", "Messages returned: hard bounces (the address does not "
                                       "work) and soft bounces (a temporary problem).")),
    ("unsubscribed", QT_TRANSLATE_NOOP("SummaryCards", "Unsubscribed"),
     QT_TRANSLATE_NOOP("SummaryCards", "People who asked not to receive more messages.")),
)  # fmt: skip
NO_VALUE = "–"


class SummaryCard(QFrame):
    def __init__(self, key: str, title: str, explanation: str) -> None:
        super().__init__()
        self.setObjectName(f"card_{key}")
        set_role(self, "frameRole", "card")
        self.setToolTip(explanation)
        self.value = QLabel(NO_VALUE)
        self.value.setObjectName(f"summary_{key}")
        self.value.setFont(scaled_font(self.value, 1.7, bold=True))
        self.caption = QLabel(title)
        self.caption.setFont(scaled_font(self.caption, 1.0, bold=True))
        self.detail = QLabel()
        self.detail.setObjectName(f"summary_{key}_detail")
        self.detail.setWordWrap(True)  # two lines rather than a wider card
        set_role(self.detail, "textRole", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        self.setAccessibleName(title)

    def show_numbers(self, value: str, detail: str) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.setAccessibleDescription(f"{value}. {detail}" if detail else value)


class SummaryCards(QWidget):
    """The six cards; :meth:`numbers` gives the summary they show (tests read it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summary")
        self.cards: dict[str, SummaryCard] = {}
        self._summary: StatsSummary | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for key, title, explanation in CARDS:
            card = SummaryCard(
                key,
                QCoreApplication.translate(CONTEXT, title),
                QCoreApplication.translate(CONTEXT, explanation),
            )
            self.cards[key] = card
            layout.addWidget(card, 1)
        self.values = {key: card.value for key, card in self.cards.items()}

    def numbers(self) -> StatsSummary | None:
        return self._summary

    def clear(self) -> None:
        self._summary = None
        for card in self.cards.values():
            card.show_numbers(NO_VALUE, "")

    def show_summary(self, s: StatsSummary) -> None:
        self._summary = s
        n, pct = format_count, format_percent
        sent_share = s.delivered / s.sent if s.sent else 0.0
        unsubscribe_rate = s.unsubscribes / s.delivered if s.delivered else 0.0
        self.cards["sent"].show_numbers(
            n(s.sent), self.tr("{accepted} accepted").format(accepted=n(s.accepted))
        )
        self.cards["delivered"].show_numbers(
            n(s.delivered), self.tr("{rate} of sent").format(rate=pct(sent_share))
        )
        self.cards["opened"].show_numbers(
            n(s.unique_opens),
            self.tr("{rate} · {total} opens").format(rate=pct(s.open_rate), total=n(s.opens)),
        )
        self.cards["clicked"].show_numbers(
            n(s.unique_clicks),
            self.tr("{rate} · {total} clicks").format(
                rate=pct(s.click_through_rate), total=n(s.clicks)
            ),
        )
        self.cards["bounced"].show_numbers(
            n(s.bounces_hard + s.bounces_soft),
            self.tr("{hard} hard · {soft} soft").format(
                hard=n(s.bounces_hard), soft=n(s.bounces_soft)
            ),
        )
        self.cards["unsubscribed"].show_numbers(
            n(s.unsubscribes), self.tr("{rate} of delivered").format(rate=pct(unsubscribe_rate))
        )
