"""Running part of a test in another interface language, as the app installs it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator


@contextmanager
def interface_language(language: str) -> Iterator[None]:
    """Qt's own and the app's catalogues, and the locale, for ``language`` until the block
    ends (English has a catalogue too: its plural forms)."""
    from teenvio_desktop.translations import catalog

    installed: list[QTranslator] = []
    qt_base = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(QLocale(language), "qtbase", "_", folder):
        installed.append(qt_base)
    ours = catalog(language)
    if ours is not None:
        installed.append(ours)
    previous = QLocale()
    for translator in installed:
        QCoreApplication.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
    try:
        yield
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(previous)
