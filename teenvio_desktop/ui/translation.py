"""Installing the translations in the GUI, and the words for any error shown to the user.

The catalogue itself and the language choice are shared with the command line
(``teenvio_desktop/translations.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.translations import catalog

_installed: list[QTranslator] = []  # kept alive for as long as they are installed


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's own and the application's translations for ``language``."""
    installed: list[QTranslator] = []
    qt_base = QTranslator(app)
    if qt_base.load(
        QLocale(language),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    ours = catalog(language)
    if ours is not None:
        app.installTranslator(ours)
        installed.append(ours)
    _installed.extend(installed)
    QLocale.setDefault(QLocale(language))
    return installed


def qt_translate(context: str, text: str) -> str:
    """Translate through the installed translators (the GUI)."""
    return QCoreApplication.translate(context, text)


def error_text(error: BaseException) -> str:
    """A translated, actionable message for any error reaching the user."""
    if isinstance(error, TeenvioError):
        return error.render(qt_translate)
    return QCoreApplication.translate("errors", "Unexpected error: {error}").format(error=error)
