"""Which areas the main window shows, in order. Each area module owns its widgets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui.main_window import MainWindow


def install_areas(window: MainWindow, context: AppContext) -> None:
    # Literal translate() calls (not a wrapper) so that lupdate extracts the titles.
    from teenvio_desktop.ui.accounts import AccountsArea
    from teenvio_desktop.ui.compose.area import ComposeArea
    from teenvio_desktop.ui.recipients import RecipientsArea
    from teenvio_desktop.ui.results import ResultsArea

    compose = ComposeArea(context, window)
    window.add_area("compose", QCoreApplication.translate("Areas", "Compose"), compose)
    compose.install_menus(window)
    window.add_area(
        "recipients", QCoreApplication.translate("Areas", "Recipients"), RecipientsArea(context)
    )
    window.add_area("results", QCoreApplication.translate("Areas", "Results"), ResultsArea(context))
    window.add_area(
        "accounts", QCoreApplication.translate("Areas", "Accounts"), AccountsArea(context)
    )
