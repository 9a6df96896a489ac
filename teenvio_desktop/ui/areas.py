"""Which areas the main window shows, in order. Each area module owns its widgets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui.accounts import AccountsArea
from teenvio_desktop.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("Areas", text)


def install_areas(window: MainWindow, context: AppContext) -> None:
    from teenvio_desktop.ui.compose.area import ComposeArea

    compose = ComposeArea(context, window)
    window.add_area("compose", _tr("Compose"), compose)
    compose.install_menus(window)
    from teenvio_desktop.ui.recipients import RecipientsArea

    window.add_area("recipients", _tr("Recipients"), RecipientsArea(context))
    from teenvio_desktop.ui.results import ResultsArea

    window.add_area("results", _tr("Results"), ResultsArea(context))
    window.add_area("accounts", _tr("Accounts"), AccountsArea(context))
