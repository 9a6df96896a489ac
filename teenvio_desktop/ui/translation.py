"""Installing the translations in the GUI, and the words for any error shown to the user.

The catalogue itself and the language choice are shared with the command line
(``teenvio_desktop/translations.py``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.translations import catalog

log = logging.getLogger(__name__)

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
    """A translated message for any error reaching the user, saying what to do.

    Expected failures are :class:`TeenvioError` (the core's typed errors). Anything else
    reaching the user is logged with its traceback here, and explained by its kind.
    """
    if isinstance(error, TeenvioError):
        return error.render(qt_translate)
    log.error("Shown to the user: %s: %s", type(error).__name__, error, exc_info=error)
    return _unforeseen_text(error)


def _unforeseen_text(error: BaseException) -> str:
    detail = str(error).strip() or type(error).__name__
    if isinstance(error, OSError) and error.filename:
        reason = error.strerror or detail
        return QCoreApplication.translate(
            "errors",
            "The file {file} could not be used ({reason}). Check that it exists, that you may "
            "read it (and write to its folder), and that the disk is not full, then try again.",
        ).format(file=str(error.filename), reason=reason)
    if isinstance(error, OSError):
        return QCoreApplication.translate(
            "errors",
            "The system refused an operation ({reason}). Check the network connection and free "
            "disk space, then try again.",
        ).format(reason=error.strerror or detail)
    if isinstance(error, MemoryError):
        return QCoreApplication.translate(
            "errors",
            "There was not enough memory to finish. Close other programs or use a smaller file, "
            "then try again.",
        )
    if type(error).__module__.startswith("jinja2"):
        return QCoreApplication.translate(
            "errors",
            "A merge field could not be filled in ({reason}). Check that the recipient list has "
            "that column, or remove the field from the subject and the message.",
        ).format(reason=detail)
    return QCoreApplication.translate(
        "errors",
        "The operation could not be finished ({kind}: {reason}). Nothing you typed was lost. "
        "Try again; if it happens again, send the log file (the logs folder of the data "
        "directory) to support.",
    ).format(kind=type(error).__name__, reason=detail)
