"""Fusion with check boxes and radio buttons whose outline can be seen in both schemes.

Fusion outlines an indicator with the window colour darkened: on the dark scheme's window
that is almost black on almost black (an empty "Schedule" box could not be seen), and on
the light one a faint grey. The proxy hands Fusion a window colour from which its own
darkening gives the scheme's ``control_border`` (at least 3:1 against the window, WCAG's
contrast for controls), so Fusion still draws the box, circle, mark and focus itself.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

from teenvio_desktop.ui.style.colors import SchemeColors

# Fusion darkens the window colour by this factor (QColor.darker) for these outlines.
_FUSION_DARKENING = {
    QStyle.PrimitiveElement.PE_IndicatorCheckBox: 1.4 / 1.1,  # darker(140), lighter(110)
    QStyle.PrimitiveElement.PE_IndicatorRadioButton: 1.5,  # darker(150)
}


def _undarkened(color: QColor, factor: float) -> QColor:
    """The colour that ``QColor.darker(factor * 100)`` turns into ``color``."""
    value = min(255, round(color.value() * factor))
    return QColor.fromHsv(color.hsvHue(), color.hsvSaturation(), value, color.alpha())


class LegibleIndicatorStyle(QProxyStyle):
    def __init__(self, colors: SchemeColors) -> None:
        super().__init__("Fusion")
        self.colors = colors

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        factor = _FUSION_DARKENING.get(element)
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        if factor is None or not enabled:  # a disabled control may look faint
            super().drawPrimitive(element, option, painter, widget)
            return
        legible = type(option)(option)  # a copy of the same kind (button, view item)
        palette = QPalette(option.palette)
        palette.setColor(
            QPalette.ColorRole.Window, _undarkened(QColor(self.colors.control_border), factor)
        )
        legible.palette = palette
        super().drawPrimitive(element, legible, painter, widget)
