"""The language and the translation catalogue, shared by the command line and the GUI.

One compiled catalogue (``ui/i18n/teenvio_desktop_<lang>.qm``) per language, loaded once
per process through QtCore's QTranslator (no widget, no QApplication needed). The GUI
installs it; the command line calls :func:`translator`. ``--version`` and ``--help``
never import this module.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import resources

from PySide6.QtCore import QLocale, QTranslator

SUPPORTED_LANGUAGES = ("es", "en")
CATALOG_PREFIX = "teenvio_desktop_"

Translate = Callable[[str, str], str]


def resolve_language(requested: str | None = None) -> str:
    """``--lang`` when given, else the system locale's language when supported, else English."""
    if requested:
        return requested
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED_LANGUAGES else "en"


@functools.cache
def catalog(language: str) -> QTranslator | None:
    """The application's compiled catalogue for ``language`` (loaded once), or None."""
    translator = QTranslator()
    source = resources.files("teenvio_desktop.ui") / "i18n" / f"{CATALOG_PREFIX}{language}.qm"
    with resources.as_file(source) as path:
        if path.exists() and translator.load(str(path)):
            return translator
    return None


def translator(language: str) -> Translate:
    """``translate(context, text)`` from the catalogue, the English text when it has none."""
    loaded = catalog(language)

    def translate(context: str, text: str) -> str:
        if loaded is None:
            return text
        return loaded.translate(context, text) or text

    return translate
