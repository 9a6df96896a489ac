"""Spacing and type: the few sizes every area uses, so the window reads as one design."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLayout, QWidget

SPACING = 8  # between related controls
MARGIN = 12  # around an area's content
RADIUS = 4  # rounded corners of cards, banners and the primary button
TOOLBAR_ICON = 20  # icons beside text in toolbars and on buttons
BUTTON_ICON = 16
NAVIGATION_ICON = 26


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """``widget``'s font, ``factor`` times larger (titles, figures), optionally bold."""
    font = QFont(widget.font())
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * factor)
    else:
        font.setPixelSize(round(font.pixelSize() * factor))
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    return font


def set_heading(widget: QWidget, factor: float = 1.25) -> None:
    """A title: larger and semi-bold."""
    widget.setFont(scaled_font(widget, factor, bold=True))


def area_margins(layout: QLayout) -> None:
    """The margins and spacing of an area's top-level layout."""
    layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
    layout.setSpacing(SPACING)
