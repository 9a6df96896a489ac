"""Running part of a test in another interface language."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLocale


@contextmanager
def interface_language(language: str) -> Iterator[None]:
    """The app's catalogue and locale for ``language`` until the block ends (English has a
    catalogue too: its plural forms)."""
    from teenvio_desktop.translations import catalog

    translator = catalog(language)
    previous = QLocale()
    if translator is not None:
        QCoreApplication.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
    try:
        yield
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(previous)
