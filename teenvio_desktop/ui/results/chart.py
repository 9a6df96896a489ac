"""Opens and clicks per hour, drawn with pyqtgraph (widget-based, maintained)."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from teenvio_desktop.core.stats.queries import TimelinePoint


class TimelineChart(pg.PlotWidget):  # type: ignore[misc]
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent=parent, axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
        self.setObjectName("timeline_chart")
        self.setBackground(None)
        self.showGrid(x=True, y=True, alpha=0.2)
        self.setLabel("left", QCoreApplication.translate("ResultsArea", "Events per hour"))
        self.addLegend(offset=(10, 10))
        self.setMouseEnabled(x=True, y=False)
        self._opens = self.plot(
            [],
            [],
            name=QCoreApplication.translate("ResultsArea", "Opens"),
            pen=pg.mkPen("#2a7ab9", width=2),
            symbol="o",
            symbolSize=5,
            symbolBrush="#2a7ab9",
        )
        self._clicks = self.plot(
            [],
            [],
            name=QCoreApplication.translate("ResultsArea", "Clicks"),
            pen=pg.mkPen("#e07b24", width=2),
            symbol="s",
            symbolSize=5,
            symbolBrush="#e07b24",
        )
        self.points: list[TimelinePoint] = []

    def set_points(self, points: list[TimelinePoint]) -> None:
        self.points = list(points)
        xs = [p.hour.timestamp() for p in points]
        self._opens.setData(xs, [p.opens for p in points])
        self._clicks.setData(xs, [p.clicks for p in points])
        if points:
            self.enableAutoRange()

    def plotted(self) -> tuple[list[float], list[float]]:
        """(opens, clicks) y values as drawn: what tests read back."""
        opens = self._opens.getData()[1]
        clicks = self._clicks.getData()[1]
        return (
            [] if opens is None else [float(v) for v in opens],
            [] if clicks is None else [float(v) for v in clicks],
        )
