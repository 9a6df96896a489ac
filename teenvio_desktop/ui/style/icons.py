"""Icons from one maintained set, drawn in the colours of the scheme in use.

Every icon comes from Material Design Icons 6 (Pictogrammers; Apache License 2.0),
bundled with QtAwesome (MIT). An icon is painted on demand by :class:`PaletteIconEngine`
in the current palette's colours, so it stays legible in light and dark and follows a
scheme change without anyone re-setting it.
"""

from __future__ import annotations

import os
from enum import Enum
from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPixmap

from teenvio_desktop.ui.style.colors import SchemeColors
from teenvio_desktop.ui.style.scheme import colors

# The icon names the app uses, by what they stand for: one place to change the look.
ICONS: dict[str, str] = {
    # Areas
    "compose": "mdi6.email-edit-outline",
    "recipients": "mdi6.account-group-outline",
    "results": "mdi6.chart-box-outline",
    "accounts": "mdi6.account-key-outline",
    # Composer
    "new": "mdi6.file-document-plus-outline",
    "open": "mdi6.folder-open-outline",
    "save": "mdi6.content-save-outline",
    "find": "mdi6.magnify",
    "image": "mdi6.image-plus-outline",
    "text": "mdi6.text-box-outline",
    "css": "mdi6.language-css3",
    "more": "mdi6.dots-horizontal",
    "test_send": "mdi6.email-check-outline",
    "send": "mdi6.send",
    "undo": "mdi6.undo",
    "redo": "mdi6.redo",
    # Find bar
    "previous": "mdi6.chevron-up",
    "next": "mdi6.chevron-down",
    "close": "mdi6.close",
    "match_case": "mdi6.format-letter-case",
    "regex": "mdi6.regex",
    # Lists, results, accounts
    "import": "mdi6.file-import-outline",
    "rename": "mdi6.pencil-outline",
    "merge": "mdi6.call-merge",
    "export": "mdi6.export-variant",
    "delete": "mdi6.delete-outline",
    "add": "mdi6.plus",
    "edit": "mdi6.pencil-outline",
    "default": "mdi6.star-outline",
    "test_connection": "mdi6.lan-connect",
    "sync": "mdi6.sync",
    "save_list": "mdi6.playlist-plus",
    "filter": "mdi6.filter-outline",
    "account": "mdi6.account-key-outline",
    "sandbox": "mdi6.test-tube",
    "ok": "mdi6.check-circle-outline",
    "warning": "mdi6.alert-outline",
    "error": "mdi6.alert-circle-outline",
    "info": "mdi6.information-outline",
    "check_links": "mdi6.link-variant",
    "spam_score": "mdi6.email-alert-outline",
    "mjml": "mdi6.code-tags",
    # Starter templates, by key.
    "starter_newsletter": "mdi6.newspaper-variant-outline",
    "starter_announcement": "mdi6.bullhorn-outline",
    "starter_letter": "mdi6.email-open-outline",
}


class IconRole(Enum):
    TEXT = "text"  # like the text beside it
    ACCENT = "accent"  # the accent colour (the active area)
    ON_ACCENT = "on_accent"  # on an accent-filled button
    MUTED = "muted"
    WARNING = "warning"
    ERROR = "error"
    SUCCESS = "success"


def _qtawesome() -> Any:
    # QtAwesome reaches Qt through qtpy: make sure it picks the binding the app uses.
    os.environ.setdefault("QT_API", "pyside6")
    import qtawesome

    return qtawesome


def _role_color(role: IconRole, c: SchemeColors) -> str:
    return {
        IconRole.TEXT: c.text,
        IconRole.ACCENT: c.accent if not c.is_dark else c.link,
        IconRole.ON_ACCENT: c.on_accent,
        IconRole.MUTED: c.muted_text,
        IconRole.WARNING: c.warning,
        IconRole.ERROR: c.error,
        IconRole.SUCCESS: c.success,
    }[role]


_glyphs: dict[tuple[str, str], QIcon] = {}


def _glyph(name: str, color: str) -> QIcon:
    key = (name, color)
    icon = _glyphs.get(key)
    if icon is None:
        icon = _qtawesome().icon(name, color=color, color_disabled=color, color_active=color)
        _glyphs[key] = icon
    return icon


class PaletteIconEngine(QIconEngine):
    """Paints one glyph in the colour its role has in the scheme shown right now."""

    def __init__(self, glyph: str, role: IconRole) -> None:
        super().__init__()
        self.glyph = glyph
        self.role = role

    def _color(self, mode: QIcon.Mode) -> str:
        c = colors()
        if mode == QIcon.Mode.Disabled:
            return c.disabled_text
        if mode == QIcon.Mode.Selected and self.role is not IconRole.ON_ACCENT:
            return c.on_accent
        return _role_color(self.role, c)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        _glyph(self.glyph, self._color(mode)).paint(
            painter, rect, Qt.AlignmentFlag.AlignCenter, QIcon.Mode.Normal, state
        )

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return PaletteIconEngine(self.glyph, self.role)

    def key(self) -> str:
        return "teenvio-palette-icon"


def icon(name: str, role: IconRole = IconRole.TEXT) -> QIcon:
    """The icon for ``name`` (a key of :data:`ICONS`), drawn in ``role``'s colour."""
    return QIcon(PaletteIconEngine(ICONS[name], role))


def glyph_exists(name: str) -> bool:
    """Whether the icon set has ``name`` (a key of :data:`ICONS`): what a test checks."""
    try:
        _qtawesome().icon(ICONS[name])
    except Exception:
        return False
    return True


def sample_color(qicon: QIcon, size: int = 24) -> QColor:
    """The most opaque pixel's colour of ``qicon`` rendered now (tests read it back)."""
    image = qicon.pixmap(QSize(size, size)).toImage()
    best, best_alpha = QColor(), -1
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > best_alpha:
                best, best_alpha = pixel, pixel.alpha()
    return best
