"""Light or dark: following the system's setting, or the one the user chose.

:class:`Theme` applies a scheme to the application (the Fusion style with legible check
boxes, a complete palette and a small style sheet of named roles) and follows the system's changes
(``QStyleHints.colorSchemeChanged``) while the preference is ``system``. Widgets read the
colours of the scheme in use through :func:`colors`, which looks at the application's
palette, and repaint on Qt's own palette-change events; nobody keeps a list of them.
"""

from __future__ import annotations

import sys
from typing import Literal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from teenvio_desktop.ui.style.colors import (
    DARK,
    LIGHT,
    SCHEMES,
    Scheme,
    SchemeColors,
    build_palette,
)
from teenvio_desktop.ui.style.indicators import LegibleIndicatorStyle
from teenvio_desktop.ui.style.stylesheet import stylesheet

Preference = Literal["system", "light", "dark"]
PREFERENCES: tuple[Preference, ...] = ("system", "light", "dark")
SETTING_KEY = "ui.color_scheme"


def colors() -> SchemeColors:
    """The named colours of the scheme the application shows right now."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return LIGHT
    window = app.palette().color(QPalette.ColorRole.Window)
    return DARK if window.lightness() < 128 else LIGHT


def is_palette_change(event: QEvent) -> bool:
    """Whether ``event`` tells a widget that the colours changed (repaint, re-colour)."""
    return event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


def _scheme_of(hint: Qt.ColorScheme) -> Scheme:
    return Scheme.DARK if hint == Qt.ColorScheme.Dark else Scheme.LIGHT


def system_scheme() -> Scheme:
    return _scheme_of(QGuiApplication.styleHints().colorScheme())


class Theme(QObject):
    """The scheme applied to the application; one per application."""

    changed = Signal(object)  # SchemeColors

    def __init__(self, app: QApplication, preference: Preference = "system") -> None:
        super().__init__(app)
        self._app = app
        self._preference: Preference = preference
        self._applied: Scheme | None = None
        # macOS draws its own light and dark well; elsewhere Fusion and our palette are the
        # same on every desktop (and the only reliable dark scheme on Linux).
        self._own_style = sys.platform != "darwin"
        self._style: LegibleIndicatorStyle | None = None
        self._system = system_scheme()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_changed)

    @property
    def preference(self) -> Preference:
        return self._preference

    @property
    def scheme(self) -> Scheme:
        return self._applied or self._wanted()

    def _wanted(self) -> Scheme:
        if self._preference == "light":
            return Scheme.LIGHT
        if self._preference == "dark":
            return Scheme.DARK
        return self._system

    def set_preference(self, preference: Preference, *, force: bool = False) -> None:
        self._preference = preference
        self.apply(force=force)

    def apply(self, *, force: bool = False) -> None:
        """Apply the wanted scheme (again with ``force``, e.g. after the palette was reset)."""
        scheme = self._wanted()
        if scheme == self._applied and not force:
            return
        self._applied = scheme
        chosen = SCHEMES[scheme]
        if self._own_style:
            if self._style is None or not isValid(self._style):
                self._style = LegibleIndicatorStyle(chosen)
                self._app.setStyle(self._style)  # the application owns it
            self._style.colors = chosen
            self._app.setPalette(build_palette(chosen))
        self._app.setStyleSheet(stylesheet(chosen))
        self.changed.emit(chosen)

    def _on_system_changed(self, scheme: Qt.ColorScheme) -> None:
        self._system = _scheme_of(scheme)
        if self._preference == "system":
            self.apply()


_theme: Theme | None = None


def install_theme(app: QApplication, preference: Preference = "system") -> Theme:
    """Apply ``preference`` to ``app`` now and keep following it; returns the theme."""
    global _theme
    if _theme is None or not isValid(_theme) or _theme.parent() is not app:
        _theme = Theme(app, preference)
    _theme.set_preference(preference, force=True)
    return _theme


def current_theme() -> Theme | None:
    return _theme if _theme is not None and isValid(_theme) else None
