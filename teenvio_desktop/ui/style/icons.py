"""Icons from one maintained set, drawn in the colours of the scheme in use.

Every icon comes from Material Design Icons 6 (Pictogrammers; Apache License 2.0),
bundled with QtAwesome (MIT). An icon is painted on demand by :class:`PaletteIconEngine`
in the current palette's colours, so it stays legible in light and dark and follows a
scheme change without anyone re-setting it.

The glyphs are drawn from QtAwesome's font file as QtAwesome draws them, without importing
QtAwesome: it reaches Qt through qtpy, whose star imports build every PySide6 class
(about a quarter of a second of start-up, before the first toolbar is painted).
"""

from __future__ import annotations

import functools
import importlib.util
import json
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QIconEngine, QPainter, QPixmap

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


@dataclass(frozen=True)
class _IconFont:
    family: str
    codepoints: dict[str, int]  # "mdi6.name" -> code point


@functools.cache
def _icon_font() -> _IconFont:
    """Material Design Icons 6 from QtAwesome's package data, registered with Qt once."""
    spec = importlib.util.find_spec("qtawesome")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("QtAwesome's fonts are missing: reinstall teenvio-desktop")
    fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    [font_file] = sorted(fonts.glob("materialdesignicons6-webfont-[0-9]*.ttf"))
    [charmap_file] = sorted(fonts.glob("materialdesignicons6-webfont-charmap-*.json"))
    font_id = QFontDatabase.addApplicationFontFromData(font_file.read_bytes())
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    charmap = json.loads(charmap_file.read_text(encoding="utf-8"))
    return _IconFont(family, {f"mdi6.{name}": int(code, 16) for name, code in charmap.items()})


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


def _paint_glyph(painter: QPainter, rect: QRect, glyph: str, color: str) -> None:
    # As QtAwesome's text drawing: the glyph 7/8 of the height (room for the font's
    # bearing), centred.
    icon_font = _icon_font()
    font = QFont(icon_font.family)
    font.setPixelSize(max(1, round(0.875 * rect.height())))
    painter.save()
    painter.setPen(QColor(color))
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, chr(icon_font.codepoints[glyph]))
    painter.restore()


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
        _paint_glyph(painter, rect, self.glyph, self._color(mode))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        try:
            self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        finally:
            painter.end()  # a painter left open on a freed pixmap crashes Qt
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
    return ICONS[name] in _icon_font().codepoints


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
