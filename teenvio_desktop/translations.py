"""The language and the translation catalogue, shared by the command line and the GUI.

One compiled catalogue (``ui/i18n/teenvio_desktop_<lang>.qm``) per language, loaded once
per process through QtCore's QTranslator (no widget, no QApplication needed). The GUI
installs it; the command line calls :func:`translator`. ``--version`` and ``--help``
never import this module.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

SUPPORTED_LANGUAGES = ("es", "en")
CATALOG_PREFIX = "teenvio_desktop_"

Translate = Callable[[str, str], str]


def resolve_language(requested: str | None = None) -> str:
    """``--lang`` when given, else the system locale's language when supported, else English."""
    if requested:
        return requested
    system = _posix_language()
    if system is None:
        from PySide6.QtCore import QLocale

        system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED_LANGUAGES else "en"


def _posix_language() -> str | None:
    """The language of the locale variables, read as Qt reads them on Linux and BSD.

    Importing QtCore only to ask it costs a command about 0.1 s; on Windows and macOS the
    system's own settings count, so Qt is asked there.
    """
    if os.name != "posix" or sys.platform == "darwin":
        return None
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            language = value.split(".")[0].split("@")[0].split("_")[0]
            return "en" if language in ("C", "POSIX") else language
    return "en"


@functools.cache
def catalog(language: str) -> QTranslator | None:
    """The application's compiled catalogue for ``language`` (loaded once), or None."""
    from PySide6.QtCore import QTranslator

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
