"""Which areas the main window shows, in order. Each area module owns its widgets.

Only the first screen (Compose) is built at start-up; the other areas are factories the
window calls the first time they are shown or asked for, and their modules (pyqtgraph and
numpy for Results, the keyring for Accounts) are imported only then.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui.main_window import MainWindow


def install_areas(window: MainWindow, context: AppContext) -> None:
    from teenvio_desktop.ui.compose.area import ComposeArea

    def recipients() -> QWidget:
        from teenvio_desktop.ui.recipients import RecipientsArea

        return RecipientsArea(context)

    def results() -> QWidget:
        from teenvio_desktop.ui.results import ResultsArea

        return ResultsArea(context)

    def accounts() -> QWidget:
        from teenvio_desktop.ui.accounts import AccountsArea

        return AccountsArea(context)

    # Literal translate() calls (not a wrapper) so that lupdate extracts the titles.
    compose = ComposeArea(context, window)
    window.add_area("compose", QCoreApplication.translate("Areas", "Compose"), compose)
    compose.install_menus(window)
    window.add_area("recipients", QCoreApplication.translate("Areas", "Recipients"), recipients)
    window.add_area("results", QCoreApplication.translate("Areas", "Results"), results)
    window.add_area("accounts", QCoreApplication.translate("Areas", "Accounts"), accounts)
