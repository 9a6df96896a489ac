"""A campaign's numbers as cards: a caption, one large figure with its rate, a detail line.

Six cards read left to right the way a campaign unfolds: sent, delivered, opened,
clicked, bounced, unsubscribed. Every number and percentage is in the locale's format;
the rate sits beside the figure (in the accent colour) and the detail line carries the
secondary numbers (accepted, totals, hard and soft). Tooltips say what each one counts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
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
        self.rate = QLabel()
        self.rate.setObjectName(f"summary_{key}_rate")
        self.rate.setFont(scaled_font(self.rate, 1.05, bold=True))
        set_role(self.rate, "textRole", "accent")
        self.caption = QLabel(title)
        self.caption.setFont(scaled_font(self.caption, 1.0, bold=True))
        self.detail = QLabel()
        self.detail.setObjectName(f"summary_{key}_detail")
        self.detail.setWordWrap(True)  # two lines rather than a wider card
        set_role(self.detail, "textRole", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(0)
        figures = QHBoxLayout()
        figures.setSpacing(6)
        figures.addWidget(self.value, 0, Qt.AlignmentFlag.AlignBaseline)
        figures.addWidget(self.rate, 0, Qt.AlignmentFlag.AlignBaseline)
        figures.addStretch(1)
        layout.addWidget(self.caption)
        layout.addLayout(figures)
        layout.addWidget(self.detail)
        self.setAccessibleName(title)

    def show_numbers(self, value: str, rate: str, detail: str) -> None:
        self.value.setText(value)
        self.rate.setText(rate)
        self.detail.setText(detail)
        self.setAccessibleDescription(". ".join(part for part in (value, rate, detail) if part))


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
            card.show_numbers(NO_VALUE, "", "")

    def show_summary(self, s: StatsSummary) -> None:
        self._summary = s
        n, pct = format_count, format_percent

        def share(part: int, whole: int) -> str:
            return pct(part / whole) if whole else ""

        bounces = s.bounces_hard + s.bounces_soft
        cards = self.cards
        cards["sent"].show_numbers(
            n(s.sent), "", self.tr("{accepted} accepted").format(accepted=n(s.accepted))
        )
        cards["delivered"].show_numbers(
            n(s.delivered), share(s.delivered, s.sent), self.tr("of those sent")
        )
        cards["opened"].show_numbers(
            n(s.unique_opens),
            share(s.unique_opens, s.delivered),
            self.tr("{total} opens").format(total=n(s.opens)),
        )
        cards["clicked"].show_numbers(
            n(s.unique_clicks),
            share(s.unique_clicks, s.delivered),
            self.tr("{total} clicks").format(total=n(s.clicks)),
        )
        cards["bounced"].show_numbers(
            n(bounces),
            share(bounces, s.sent),
            self.tr("{hard} hard · {soft} soft").format(
                hard=n(s.bounces_hard), soft=n(s.bounces_soft)
            ),
        )
        cards["unsubscribed"].show_numbers(
            n(s.unsubscribes), share(s.unsubscribes, s.delivered), self.tr("of those delivered")
        )
