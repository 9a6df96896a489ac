"""Without a working keyring the window says so from the start, above every area, with
what to do; with one, nothing is said."""

from __future__ import annotations

import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.accounts import SecretStore, use_secret_store
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.keyring_banner import KeyringBanner
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
from tests.helpers.language import interface_language

pytestmark = pytest.mark.timeout(90)


def _banner(window: object) -> KeyringBanner:
    from teenvio_desktop.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    found = window.findChild(KeyringBanner)
    assert isinstance(found, KeyringBanner)
    return found


def test_a_failing_keyring_is_said_at_start_and_the_accounts_area_shares_it(
    qtbot: QtBot, app_context: AppContext
) -> None:
    use_secret_store(app_context, SecretStore(fail.Keyring()))
    window = build_main_window(app_context, prompter=ScriptedPrompter())
    qtbot.addWidget(window)
    window.show()
    banner = _banner(window)
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    text = banner.label.text()
    assert "GNOME Keyring or KWallet" in text and "until the application closes" in text
    # Not modal, and not only in Accounts: the composer is shown and usable.
    assert window.current_area() == "compose" and window.isEnabled()
    window.show_area("accounts")
    assert len(window.findChildren(KeyringBanner)) == 1
    assert banner.isVisible()
    window.close()


def test_a_working_keyring_says_nothing(
    qtbot: QtBot, app_context: AppContext, secret_service
) -> None:
    use_secret_store(app_context, SecretStore(secret_service.backend()))
    window = build_main_window(app_context, prompter=ScriptedPrompter())
    qtbot.addWidget(window)
    window.show()
    banner = _banner(window)
    # The check ran (the retry button is disabled while it does) and found the keyring.
    qtbot.waitUntil(banner.retry_button.isEnabled, timeout=10_000)
    assert banner.isHidden()
    window.close()


def test_try_again_finds_a_keyring_that_came_back(
    qtbot: QtBot, app_context: AppContext, secret_service
) -> None:
    store = SecretStore(fail.Keyring())
    use_secret_store(app_context, store)
    window = build_main_window(app_context, prompter=ScriptedPrompter())
    qtbot.addWidget(window)
    window.show()
    banner = _banner(window)
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    store._pinned = secret_service.backend()  # unlocked or installed meanwhile
    qtbot.waitUntil(banner.retry_button.isEnabled)
    banner.retry_button.click()
    qtbot.waitUntil(banner.isHidden, timeout=10_000)
    window.close()


def test_in_spanish_the_banner_has_no_english_words(qtbot: QtBot, app_context: AppContext) -> None:
    use_secret_store(app_context, SecretStore(fail.Keyring()))
    with interface_language("es"):
        window = build_main_window(app_context, prompter=ScriptedPrompter())
        qtbot.addWidget(window)
        window.show()
        banner = _banner(window)
        qtbot.waitUntil(banner.isVisible, timeout=10_000)
        text = banner.label.text()
        assert "no se encontró ningún llavero" in text and "backend" not in text
        window.close()
