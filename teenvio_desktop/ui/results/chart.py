"""Opens and clicks over time, drawn with pyqtgraph.

Bars: opens and clicks per interval (the interval follows the campaign's age, see
``core/stats/timeline.py``), on the left axis. Lines: their running totals, on the right
axis. The time axis shows local times and dates in the user's locale; the colours follow
the scheme and change with it.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QDateTime, QEvent, QLocale
from PySide6.QtGui import QColor, QFont

from teenvio_desktop.core.stats.timeline import DAY, HOUR, MINUTE, Timeline
from teenvio_desktop.ui.style import colors, is_palette_change

WEEK = 7 * DAY
HEADROOM = 1.22


def _month_first(locale: QLocale) -> bool:
    """Whether the locale writes the month before the day ("Nov 30", not "30 nov")."""
    order = [ch for ch in locale.dateFormat(QLocale.FormatType.ShortFormat) if ch in "dM"]
    return bool(order) and order[0] == "M"


class LocaleDateAxis(pg.DateAxisItem):  # type: ignore[misc]
    """Local times, and the date at midnight and for day ticks, in the user's locale."""

    def __init__(self) -> None:
        super().__init__(orientation="bottom", utcOffset=None)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        locale = QLocale()
        day_format = "MMM d" if _month_first(locale) else "d MMM"
        time_format = locale.timeFormat(QLocale.FormatType.ShortFormat)
        labels = []
        for value in values:
            moment = QDateTime.fromSecsSinceEpoch(int(value))
            if not moment.isValid():
                labels.append("")
            elif spacing >= DAY or moment.time().msecsSinceStartOfDay() == 0:
                labels.append(locale.toString(moment.date(), day_format))
            else:
                labels.append(locale.toString(moment.time(), time_format))
        return labels


class CountAxis(pg.AxisItem):  # type: ignore[misc]
    """Whole numbers only (they are counts), in the locale's digits and separators."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:
        levels = super().tickValues(minVal, maxVal, size)
        return [
            (spacing, [v for v in values if float(v).is_integer()])
            for spacing, values in levels
            if spacing >= 1
        ] or [(1.0, [float(v) for v in range(int(minVal), int(maxVal) + 1)])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        locale = QLocale()
        return [locale.toString(round(float(v) * scale)) for v in values]


class TimelineChart(pg.PlotWidget):  # type: ignore[misc]
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            parent=parent,
            axisItems={"bottom": LocaleDateAxis(), "left": CountAxis("left")},
        )
        self.setObjectName("timeline_chart")
        self.setAccessibleName(self.tr("Opens and clicks over time"))
        self.setMinimumHeight(180)
        item = self.getPlotItem()
        item.setMenuEnabled(False)  # pyqtgraph's own menu is English only
        item.hideButtons()
        self.setMouseEnabled(x=True, y=False)
        self.showGrid(x=False, y=True, alpha=0.25)
        # Running totals on their own axis, at the right.
        self.totals_view = pg.ViewBox()
        self.totals_view.setMouseEnabled(x=False, y=False)
        right = CountAxis("right")
        item.setAxisItems({"right": right})
        item.showAxis("right")
        item.scene().addItem(self.totals_view)
        right.linkToView(self.totals_view)
        self.totals_view.setXLink(item)
        item.vb.sigResized.connect(self._match_views)

        self._opens_bars = pg.BarGraphItem(x=[], height=[], width=1)
        self._clicks_bars = pg.BarGraphItem(x=[], height=[], width=1)
        item.addItem(self._opens_bars)
        item.addItem(self._clicks_bars)
        self._opens_total = pg.PlotDataItem([], [])
        self._clicks_total = pg.PlotDataItem([], [])
        self.totals_view.addItem(self._opens_total)
        self.totals_view.addItem(self._clicks_total)
        self.legend = item.addLegend(offset=(8, 4), colCount=4)
        self._empty = pg.TextItem(anchor=(0.5, 0.5))
        item.addItem(self._empty, ignoreBounds=True)
        self.timeline = Timeline(HOUR, ())
        self._ready = True  # palette changes during the base class's set-up come too early
        self._restyle()
        self._show_empty(True)

    # -- colours ---------------------------------------------------------------------------
    def _restyle(self) -> None:
        c = colors()
        self.setBackground(QColor(c.base))
        axis_pen = pg.mkPen(QColor(c.border))
        text_pen = pg.mkPen(QColor(c.muted_text))
        for name in ("bottom", "left", "right"):
            axis = self.getPlotItem().getAxis(name)
            axis.setPen(axis_pen)
            axis.setTextPen(text_pen)
        opens, clicks = QColor(c.chart_opens), QColor(c.chart_clicks)
        for bars, color in ((self._opens_bars, opens), (self._clicks_bars, clicks)):
            fill = QColor(color)
            fill.setAlpha(150)
            bars.setOpts(brush=pg.mkBrush(fill), pen=pg.mkPen(None))
        self._opens_total.setPen(pg.mkPen(opens, width=2.5))
        self._clicks_total.setPen(pg.mkPen(clicks, width=2.5))
        self._empty.setColor(QColor(c.muted_text))
        self._relabel()

    def interval_text(self, width: int) -> str:
        """The interval in words: "hour", "5 minutes", "day" (plurals through %n)."""
        if width % WEEK == 0:
            return str(self.tr("%n week(s)", "", width // WEEK))
        if width % DAY == 0:
            return str(self.tr("%n day(s)", "", width // DAY))
        if width % HOUR == 0:
            return str(self.tr("%n hour(s)", "", width // HOUR))
        return str(self.tr("%n minute(s)", "", max(1, width // MINUTE)))

    def _relabel(self) -> None:
        c = colors()
        style = {"color": c.muted_text}
        interval = self.interval_text(self.timeline.width)
        item = self.getPlotItem()
        item.setLabel("left", self.tr("Per {interval}").format(interval=interval), **style)
        item.setLabel("right", self.tr("Total so far"), **style)
        self.legend.clear()
        self.legend.setLabelTextColor(QColor(c.text))
        self.legend.addItem(self._opens_bars, self.tr("Opens"))
        self.legend.addItem(self._clicks_bars, self.tr("Clicks"))
        self.legend.addItem(self._opens_total, self.tr("Total opens"))
        self.legend.addItem(self._clicks_total, self.tr("Total clicks"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_palette_change(event) and getattr(self, "_ready", False):
            self._restyle()

    def _match_views(self) -> None:
        item = self.getPlotItem()
        self.totals_view.setGeometry(item.vb.sceneBoundingRect())
        self.totals_view.linkedViewChanged(item.vb, self.totals_view.XAxis)

    # -- data ------------------------------------------------------------------------------
    def set_timeline(self, timeline: Timeline) -> None:
        self.timeline = timeline
        width = timeline.width
        starts = [float(s) for s in timeline.starts]
        self._opens_bars.setOpts(
            x=[s + 0.3 * width for s in starts], height=timeline.opens, width=0.38 * width
        )
        self._clicks_bars.setOpts(
            x=[s + 0.7 * width for s in starts], height=timeline.clicks, width=0.38 * width
        )
        ends = [s + width for s in starts]
        self._opens_total.setData(ends, timeline.cumulative_opens())
        self._clicks_total.setData(ends, timeline.cumulative_clicks())
        self._relabel()
        empty = not any(timeline.opens) and not any(timeline.clicks)
        self._show_empty(empty)
        if starts:
            self.setXRange(starts[0], starts[-1] + width, padding=0.02)
            peak = max(max(timeline.opens), max(timeline.clicks), 1)
            # Headroom at the top keeps the legend clear of the data.
            self.setYRange(0, peak * HEADROOM, padding=0)
            total = max(timeline.cumulative_opens()[-1], timeline.cumulative_clicks()[-1], 1)
            self.totals_view.setYRange(0, total * HEADROOM, padding=0)
        self._describe()

    def _show_empty(self, empty: bool) -> None:
        self._empty.setVisible(empty)
        if empty:
            font = QFont(self.font())
            font.setPointSizeF(max(font.pointSizeF(), 1) * 1.1)
            self._empty.setFont(font)
            self._empty.setText(self.tr("No opens or clicks yet"))
            self.setXRange(0, 1, padding=0)
            self.setYRange(0, 1, padding=0)
            self.totals_view.setYRange(0, 1, padding=0)
            self._empty.setPos(0.5, 0.5)
        self.getPlotItem().getAxis("bottom").setStyle(showValues=not empty)

    def _describe(self) -> None:
        """What a screen reader says about the chart: the totals and the period."""
        timeline = self.timeline
        if not timeline.bins:
            self.setAccessibleDescription(self.tr("No opens or clicks yet"))
            return
        locale = QLocale()
        first = QDateTime.fromSecsSinceEpoch(timeline.bins[0].start)
        last = QDateTime.fromSecsSinceEpoch(timeline.bins[-1].start + timeline.width)
        self.setAccessibleDescription(
            self.tr("{opens} opens and {clicks} clicks from {start} to {end}").format(
                opens=locale.toString(sum(timeline.opens)),
                clicks=locale.toString(sum(timeline.clicks)),
                start=locale.toString(first, QLocale.FormatType.ShortFormat),
                end=locale.toString(last, QLocale.FormatType.ShortFormat),
            )
        )

    def plotted(self) -> tuple[list[float], list[float]]:
        """(opens, clicks) per interval as drawn: what tests read back."""
        opens = self._opens_bars.opts.get("height")
        clicks = self._clicks_bars.opts.get("height")
        return (
            [] if opens is None else [float(v) for v in opens],
            [] if clicks is None else [float(v) for v in clicks],
        )

    def plotted_totals(self) -> tuple[list[float], list[float]]:
        """The running totals as drawn."""
        opens = self._opens_total.getData()[1]
        clicks = self._clicks_total.getData()[1]
        return (
            [] if opens is None else [float(v) for v in opens],
            [] if clicks is None else [float(v) for v in clicks],
        )
