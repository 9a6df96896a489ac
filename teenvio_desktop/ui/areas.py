"""The main window and its areas, wired together.

Only the first screen (Compose) is built at start-up; the other areas are factories the
window calls the first time they are shown or asked for, and their modules (pyqtgraph and
numpy for Results, the keyring for Accounts) are imported only then. Areas do not know the
window: they emit signals (a status message, "show this campaign's results") that are
connected here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui.file_folders import FolderMemory
from teenvio_desktop.ui.main_window import MainWindow
from teenvio_desktop.ui.prompter import DialogPrompter, Prompter

STATUS_MS = 5000


def build_main_window(context: AppContext, *, prompter: Prompter | None = None) -> MainWindow:
    if prompter is None:
        prompter = DialogPrompter(FolderMemory(context.settings))
    window = MainWindow(context, prompter)
    install_areas(window, context)
    return window


def install_areas(window: MainWindow, context: AppContext) -> None:
    from teenvio_desktop.ui.compose.area import ComposeArea
    from teenvio_desktop.ui.keyring_banner import KeyringBanner, install_keyring_banner

    prompter = window.prompter
    keyring_banner = KeyringBanner()
    window.add_banner(keyring_banner)

    def show_status(text: str) -> None:
        window.statusBar().showMessage(text, STATUS_MS)

    def recipients() -> QWidget:
        from teenvio_desktop.ui.recipients import RecipientsArea

        return RecipientsArea(context, prompter=prompter)

    def results() -> QWidget:
        from teenvio_desktop.ui.results import ResultsArea

        area = ResultsArea(context, prompter=prompter)
        area.status_message.connect(show_status)
        window.add_close_guard(area)
        return area

    def accounts() -> QWidget:
        from teenvio_desktop.ui.accounts import AccountsArea

        return AccountsArea(context, prompter=prompter, banner=keyring_banner)

    def show_results(campaign_id: int) -> None:
        from teenvio_desktop.ui.results import ResultsArea

        window.show_area("results")
        area = window.area("results")
        assert isinstance(area, ResultsArea)
        area.show_campaign(campaign_id)

    # Literal translate() calls (not a wrapper) so that lupdate extracts the titles.
    compose = ComposeArea(context, prompter=prompter)
    window.add_area("compose", QCoreApplication.translate("Areas", "Compose"), compose)
    compose.install_menus(window.file_menu, window.edit_menu, before=window.quit_action)
    window.addActions(compose.commands.toolbar_actions())
    compose.commands.triggered_anywhere.connect(lambda: window.show_area("compose"))
    compose.status_message.connect(show_status)
    compose.results_requested.connect(show_results)

    def show_members(list_id: int, search: str) -> None:
        from teenvio_desktop.ui.recipients import RecipientsArea

        window.show_area("recipients")
        area = window.area("recipients")
        assert isinstance(area, RecipientsArea)
        area.show_members(list_id, search)

    compose.members_requested.connect(show_members)
    window.add_close_guard(compose)
    window.area_changed.connect(lambda key: compose.reload_sources() if key == "compose" else None)
    window.add_area("recipients", QCoreApplication.translate("Areas", "Recipients"), recipients)
    window.add_area("results", QCoreApplication.translate("Areas", "Results"), results)
    window.add_area("accounts", QCoreApplication.translate("Areas", "Accounts"), accounts)
    # Not only once Accounts is opened: a missing keyring is said from the start.
    install_keyring_banner(keyring_banner, context)
