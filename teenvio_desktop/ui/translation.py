"""Language choice and Qt translators for the GUI and the command line."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from teenvio_desktop.core.errors import TeenvioError

SUPPORTED_LANGUAGES = ("es", "en")
CATALOG_PREFIX = "teenvio_desktop_"


def resolve_language(requested: str | None = None) -> str:
    """``--lang`` when given, else the system locale's language when supported, else English."""
    if requested:
        return requested
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED_LANGUAGES else "en"


def load_catalog(language: str) -> QTranslator | None:
    """The application's compiled catalog for ``language``, or None when there is none."""
    translator = QTranslator()
    catalog = resources.files("teenvio_desktop.ui") / "i18n" / f"{CATALOG_PREFIX}{language}.qm"
    with resources.as_file(catalog) as path:
        if path.exists() and translator.load(str(path)):
            return translator
    return None


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's own and the application's translations; keep the result alive."""
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
    ours = load_catalog(language)
    if ours is not None:
        ours.setParent(app)
        app.installTranslator(ours)
        installed.append(ours)
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


class CatalogTranslate:
    """Translate without a QCoreApplication (the command line)."""

    def __init__(self, language: str) -> None:
        self._translator = load_catalog(language)

    def __call__(self, context: str, text: str) -> str:
        if self._translator is None:
            return text
        return self._translator.translate(context, text) or text
