"""The app's look: colour schemes, icons, spacing and type (see the modules)."""

from __future__ import annotations

from teenvio_desktop.ui.style.colors import DARK, LIGHT, Scheme, SchemeColors
from teenvio_desktop.ui.style.icons import IconRole, icon
from teenvio_desktop.ui.style.metrics import (
    MARGIN,
    SPACING,
    area_margins,
    scaled_font,
    set_heading,
)
from teenvio_desktop.ui.style.roles import set_role
from teenvio_desktop.ui.style.scheme import (
    PREFERENCES,
    Preference,
    Theme,
    colors,
    current_theme,
    install_theme,
    is_palette_change,
)

__all__ = [
    "DARK",
    "LIGHT",
    "MARGIN",
    "PREFERENCES",
    "SPACING",
    "IconRole",
    "Preference",
    "Scheme",
    "SchemeColors",
    "Theme",
    "area_margins",
    "colors",
    "current_theme",
    "icon",
    "install_theme",
    "is_palette_change",
    "scaled_font",
    "set_heading",
    "set_role",
]
