"""The Accounts area: add/edit/test/remove through the widgets, keyring banner, default."""

from __future__ import annotations

import base64
import logging

import pytest
from keyring.backends import fail
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.accounts import SecretKind, SecretStore, account_repository
from teenvio_desktop.core.logsetup import configure_logging
from teenvio_desktop.ui.accounts import AccountDialog, AccountsArea
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter

pytestmark = pytest.mark.timeout(90)


def _when_modal(qtbot: QtBot, action) -> None:
    """Run ``action(widget)`` on the next modal window (dialogs block in exec())."""

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, poll)
            return
        action(modal)

    QTimer.singleShot(0, poll)


def _fill(dialog: AccountDialog, sandbox, name: str) -> None:
    info = sandbox.info
    dialog.name_edit.setText(name)
    dialog.host_edit.setText(info.host)
    dialog.port_spin.setValue(info.smtp_port)
    dialog.security_combo.setCurrentIndex(dialog.security_combo.findData("starttls"))
    dialog.user_edit.setText(info.user)
    dialog.password_edit.setText(info.password)
    dialog.rest_group.setChecked(True)
    dialog.url_edit.setText(info.api_url)
    dialog.source_edit.setText("desk")
    dialog.token_edit.setText(info.token)
    dialog.ca_edit.setText(str(info.ca_file))
    dialog.senders_edit.setPlainText("Demo <demo@example.com>\nnews@example.com")
    dialog.reply_tos_edit.setPlainText("Help <help@example.com>")


def test_add_test_and_remove_an_account_with_the_real_keyring(
    qtbot: QtBot, app_context, sandbox, secret_service
) -> None:
    log_file = configure_logging(app_context.data_dir.logs, debug=True)
    store = SecretStore(secret_service.backend())
    area = AccountsArea(app_context, store=store)
    qtbot.addWidget(area)
    assert area.banner.isHidden()

    def fill_and_save(dialog) -> None:
        assert dialog.password_edit.echoMode() == QLineEdit.EchoMode.Password
        assert dialog.token_edit.echoMode() == QLineEdit.EchoMode.Password
        _fill(dialog, sandbox, "Desk")
        dialog.accept()

    _when_modal(qtbot, fill_and_save)
    with qtbot.waitSignal(area.accounts_changed, timeout=10_000):
        area.add_account()
    account = account_repository(app_context).get("Desk")
    assert [s.formatted() for s in account.senders] == [
        "Demo <demo@example.com>",
        "news@example.com",
    ]
    assert account.reply_tos[0].address == "help@example.com"
    fresh = SecretStore(secret_service.backend())
    assert fresh.get("Desk", SecretKind.SMTP_PASSWORD) == sandbox.info.password
    assert fresh.get("Desk", SecretKind.TEALITE_TOKEN) == sandbox.info.token

    area.select("Desk")
    task = area.test_selected()
    assert task is not None and not area.test_button.isEnabled()
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: area.test_button.isEnabled())
    assert area.test_result.text().count("✔") == 2, area.test_result.text()

    area.select("Desk")
    area.default_button.click()
    assert account_repository(app_context).get("Desk").is_default

    _when_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    with qtbot.waitSignal(area.accounts_changed, timeout=10_000):
        area.remove_account()
    assert account_repository(app_context).find("Desk") is None
    assert fresh.get("Desk", SecretKind.SMTP_PASSWORD) is None
    assert fresh.get("Desk", SecretKind.TEALITE_TOKEN) is None

    # Nothing secret in the data directory or the (debug) log.
    _stop_logging()
    assert log_file.exists()
    secrets = [sandbox.info.password, sandbox.info.token]
    secrets += [base64.b64encode(s.encode()).decode() for s in secrets]
    for path in app_context.data_dir.root.rglob("*"):
        if path.is_file():
            assert not any(s.encode() in path.read_bytes() for s in secrets), path


def _stop_logging() -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_teenvio", False):
            root.removeHandler(handler)
            handler.close()


def test_a_failed_test_is_explained(qtbot: QtBot, app_context, sandbox) -> None:
    store = SecretStore(fail.Keyring())
    prompter = ScriptedPrompter()
    area = AccountsArea(app_context, store=store, prompter=prompter)
    qtbot.addWidget(area)

    def fill(dialog: AccountDialog) -> bool:
        _fill(dialog, sandbox, "Wrong")
        dialog.password_edit.setText("not-the-password")
        return True

    prompter.fill(AccountDialog, fill)
    with qtbot.waitSignal(area.accounts_changed, timeout=10_000):
        area.add_account()
    area.select("Wrong")
    task = area.test_selected()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: area.test_button.isEnabled())
    text = area.test_result.text()
    assert "✘" in text and "rejected the user name or password" in text
    assert "✔" in text  # the token was right: TEA Lite works


def test_no_keyring_shows_the_banner_and_keeps_secrets_for_the_session(
    qtbot: QtBot, app_context, sandbox, secret_service
) -> None:
    store = SecretStore(fail.Keyring())
    prompter = ScriptedPrompter()
    area = AccountsArea(app_context, store=store, prompter=prompter)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitUntil(area.banner.isVisible)
    assert "not available" in area.banner.label.text()
    assert "GNOME Keyring or KWallet" in area.banner.label.text()
    prompter.fill(AccountDialog, lambda dialog: _fill(dialog, sandbox, "Session") or True)
    with qtbot.waitSignal(area.accounts_changed, timeout=10_000):
        area.add_account()
    assert area.banner.isVisible()
    assert store.get("Session", SecretKind.SMTP_PASSWORD) == sandbox.info.password
    # The keyring comes back (e.g. unlocked): "Try again" moves the secrets into it.
    store._pinned = secret_service.backend()
    qtbot.waitUntil(area.banner.retry_button.isEnabled)
    area.banner.retry_button.click()
    qtbot.waitUntil(area.banner.isHidden)
    fresh = SecretStore(secret_service.backend())
    assert fresh.get("Session", SecretKind.SMTP_PASSWORD) == sandbox.info.password
    fresh.delete_account("Session")


def test_the_form_validates_and_flags_the_deprecated_port(qtbot: QtBot, app_context) -> None:
    dialog = AccountDialog(None, has_secrets=False)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.port_preset.setCurrentIndex(2)
    assert dialog.port_spin.value() == 2500 and dialog.deprecated_label.isVisible()
    dialog.port_preset.setCurrentIndex(1)
    assert dialog.port_spin.value() == 58700 and not dialog.deprecated_label.isVisible()
    assert dialog.security_combo.currentData() == "starttls"
    dialog.port_spin.setValue(46500)
    assert dialog.port_preset.currentIndex() == 0
    dialog.accept()  # empty name
    assert dialog.isVisible() and dialog.account() is None
    assert "account name" in dialog.error_label.text()
    dialog.name_edit.setText("Acme")
    dialog.host_edit.setText("api3.teenvio.com")
    dialog.user_edit.setText("ana.acme")
    dialog.accept()  # no password for a new SMTP connection
    assert dialog.account() is None and "password" in dialog.error_label.text()


def test_the_sandbox_account_is_listed_and_default(qtbot: QtBot, app_context, sandbox) -> None:
    app_context.sandbox = sandbox
    area = AccountsArea(app_context, store=SecretStore(fail.Keyring()))
    qtbot.addWidget(area)
    assert area.account_list.item(0).text().startswith("sandbox")
    area.select("sandbox")
    assert not area.edit_button.isEnabled() and not area.remove_button.isEnabled()
    assert area.test_button.isEnabled()


def test_each_account_shows_only_its_own_last_test_with_its_time(
    qtbot: QtBot, app_context, sandbox
) -> None:
    store = SecretStore(fail.Keyring())
    prompter = ScriptedPrompter()
    area = AccountsArea(app_context, store=store, prompter=prompter)
    qtbot.addWidget(area)
    for name in ("First", "Second"):
        prompter.fill(AccountDialog, lambda dialog, n=name: _fill(dialog, sandbox, n) or True)
        with qtbot.waitSignal(area.accounts_changed, timeout=10_000):
            area.add_account()
    area.select("First")
    task = area.test_selected()
    assert task is not None
    # Another account chosen while the first one's test runs: none of it shows there.
    area.select("Second")
    assert area.test_result.text() == ""
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert area.test_result.text() == ""
    area.select("First")
    text = area.test_result.text()
    assert text.count("✔") == 2, text
    assert text.startswith("Last test: ")
    # A new account starts with no results at all.
    prompter.fill(AccountDialog, lambda dialog: _fill(dialog, sandbox, "Third") or True)
    with qtbot.waitSignal(area.accounts_changed, timeout=10_000):
        area.add_account()
    assert area.selected() is not None and area.selected().name == "Third"
    assert area.test_result.text() == ""


def test_the_keyring_is_never_read_on_the_gui_thread(
    qtbot: QtBot, app_context, sandbox, secret_service
) -> None:
    """Opening the area, saving, editing and removing an account read or write the keyring
    only in worker threads (the keyring may wait for the user to unlock it)."""
    import threading

    from keyring.backends.SecretService import Keyring

    gui_thread = threading.current_thread()
    on_gui_thread: list[str] = []
    calls: list[str] = []

    class Watching(Keyring):
        def _note(self, what: str) -> None:
            calls.append(what)
            if threading.current_thread() is gui_thread:
                on_gui_thread.append(what)

        def get_password(self, service: str, username: str) -> str | None:
            self._note(f"get {username}")
            return super().get_password(service, username)

        def set_password(self, service: str, username: str, password: str) -> None:
            self._note(f"set {username}")
            super().set_password(service, username, password)

        def delete_password(self, service: str, username: str) -> None:
            self._note(f"delete {username}")
            super().delete_password(service, username)

    prompter = ScriptedPrompter()
    area = AccountsArea(app_context, store=SecretStore(Watching()), prompter=prompter)
    qtbot.addWidget(area)
    qtbot.waitUntil(lambda: "get probe" in calls)
    prompter.fill(AccountDialog, lambda dialog: _fill(dialog, sandbox, "Watched") or True)
    with qtbot.waitSignal(area.accounts_changed, timeout=10_000):
        area.add_account()
    area.select("Watched")
    prompter.fill(AccountDialog, lambda dialog: True)
    with qtbot.waitSignal(area.accounts_changed, timeout=10_000):
        area.edit_account()
    prompter.answer("confirm", True)
    with qtbot.waitSignal(area.accounts_changed, timeout=10_000):
        area.remove_account()
    assert {c.split()[0] for c in calls} == {"get", "set", "delete"}, calls
    assert on_gui_thread == []
