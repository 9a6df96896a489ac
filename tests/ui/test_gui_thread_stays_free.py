"""Nothing the user starts blocks the GUI thread: a keyring that takes seconds to answer (it
may be waiting for the user to unlock it), a saved list of 200,000 members expanded for an
SMTP send, and a file that is slow to read (a FIFO, like a network share).

A heartbeat timer on the GUI thread records every tick; the longest gap between ticks
while the work runs must stay far below the time the work itself takes. The bound is
generous (a loaded machine delays timers), and the work is slow on purpose (seconds), so
doing it on the GUI thread would exceed the bound by far.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.accounts import (
    Account,
    NamedAddress,
    SecretKind,
    SecretStore,
    SmtpConnection,
    account_repository,
    secret_store,
    use_secret_store,
)
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.recipients.repository import RecipientListRepository
from teenvio_desktop.ui.accounts import AccountDialog, AccountsArea
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.compose.area import ComposeArea
from teenvio_desktop.ui.main_window import MainWindow
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
from tests.helpers.compose import good_campaign

pytestmark = pytest.mark.timeout(180)

SLOW_S = 2.0  # how long the keyring (or a file) takes to answer
MAX_GAP_S = 1.0  # the longest the GUI thread may go without running its event loop


class SlowKeyring(KeyringBackend):
    """A keyring that answers after a while, like one waiting for the user to unlock it."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}
        self.calls: list[str] = []

    def _wait(self, what: str) -> None:
        self.calls.append(what)
        time.sleep(SLOW_S)

    def get_password(self, service: str, username: str) -> str | None:
        self._wait("get")
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._wait("set")
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._wait("delete")
        self.values.pop((service, username), None)


class Heartbeat(QObject):
    """Ticks on the GUI thread; ``longest_gap`` is the longest time between two ticks."""

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.longest_gap = 0.0

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest_gap = max(self.longest_gap, now - self._last)
        self._last = now

    def __enter__(self) -> Heartbeat:
        self._last = time.monotonic()
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.stop()
        self._tick()


@pytest.fixture
def slow_keyring(app_context: AppContext) -> SlowKeyring:
    backend = SlowKeyring()
    use_secret_store(app_context, SecretStore(backend))
    return backend


@pytest.fixture
def window(
    qtbot: QtBot, app_context: AppContext, slow_keyring: SlowKeyring
) -> Iterator[MainWindow]:
    del slow_keyring
    window = build_main_window(app_context, prompter=ScriptedPrompter())
    qtbot.addWidget(window)
    ComposeArea.create_preview_on_show = False  # no browser engine needed here
    window.show()
    qtbot.waitExposed(window)
    yield window
    ComposeArea.create_preview_on_show = True
    window.close()


def _prompter(window: MainWindow) -> ScriptedPrompter:
    assert isinstance(window.prompter, ScriptedPrompter)
    return window.prompter


def test_a_slow_keyring_never_freezes_the_window(
    qtbot: QtBot, window: MainWindow, slow_keyring: SlowKeyring, sandbox: Any
) -> None:
    accounts = window.area("accounts")
    assert isinstance(accounts, AccountsArea)
    window.show_area("accounts")
    info = sandbox.info

    def fill(dialog: AccountDialog) -> bool:
        dialog.name_edit.setText("Slow")
        dialog.host_edit.setText(info.host)
        dialog.port_spin.setValue(info.smtps_port)
        dialog.security_combo.setCurrentIndex(dialog.security_combo.findData("tls"))
        dialog.user_edit.setText(info.user)
        dialog.password_edit.setText(info.password)
        dialog.ca_edit.setText(str(info.ca_file))
        dialog.senders_edit.setPlainText("demo@example.com")
        return True

    prompter = _prompter(window)
    with Heartbeat() as beat:
        # The start-up check, then saving a password and reading it back to edit.
        qtbot.waitUntil(lambda: "get" in slow_keyring.calls, timeout=20_000)
        prompter.fill(AccountDialog, fill)
        with qtbot.waitSignal(accounts.accounts_changed, timeout=30_000):
            accounts.add_account()
        accounts.select("Slow")
        prompter.fill(AccountDialog, lambda dialog: True)
        with qtbot.waitSignal(accounts.accounts_changed, timeout=30_000):
            accounts.edit_account()
        # A send reads the password in its worker.
        compose = window.area("compose")
        assert isinstance(compose, ComposeArea)
        window.show_area("compose")
        compose.reload_sources()
        compose.load_campaign(
            good_campaign(sender="demo@example.com", account_name="Slow", recipients=["a@b.es"])
        )
        finished: list[object] = []
        compose.sending.send_finished.connect(finished.append)
        compose.sending.send_failed.connect(finished.append)
        assert compose.sending.send(), prompter.warnings()
        qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    assert slow_keyring.calls.count("set") >= 1 and slow_keyring.calls.count("get") >= 3
    assert len(sandbox.received_campaigns()) == 1, finished
    assert beat.longest_gap < MAX_GAP_S, f"the GUI thread stalled {beat.longest_gap:.2f} s"


def test_expanding_a_large_saved_list_for_an_smtp_send_never_freezes_the_window(
    qtbot: QtBot, window: MainWindow, app_context: AppContext, slow_keyring: SlowKeyring
) -> None:
    del slow_keyring
    with socket.socket() as probe:  # a port nobody listens on: the send fails at connect
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    account_repository(app_context).add(
        Account(
            "Local",
            smtp=SmtpConnection("127.0.0.1", closed_port, "none", "demo"),
            senders=(NamedAddress("demo@example.com"),),
        )
    )
    secret_store(app_context).set_session_only("Local", SecretKind.SMTP_PASSWORD, "secret")
    list_id = RecipientListRepository(app_context.db).create_from_addresses(
        "Grande", (f"persona{i}@example.com" for i in range(200_000))
    )
    compose = window.area("compose")
    assert isinstance(compose, ComposeArea)
    compose.reload_sources()
    compose.load_campaign(
        good_campaign(
            sender="demo@example.com",
            account_name="Local",
            recipients=[],
            recipient_list_id=list_id,
        )
    )
    failed: list[object] = []
    compose.sending.send_failed.connect(failed.append)
    with Heartbeat() as beat:
        started = time.monotonic()
        assert compose.sending.send(), _prompter(window).warnings()
        qtbot.waitUntil(lambda: bool(failed), timeout=120_000)
        took = time.monotonic() - started
    assert "refused" in str(failed[0]).lower() or "connect" in str(failed[0]).lower(), failed
    # Done on the GUI thread, the expansion would be one gap as long as the whole send.
    assert beat.longest_gap < min(MAX_GAP_S, took / 2), (
        f"the GUI thread stalled {beat.longest_gap:.2f} s of {took:.2f} s"
    )


def test_a_file_slow_to_read_never_freezes_the_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    compose = window.area("compose")
    assert isinstance(compose, ComposeArea)
    slow = tmp_path / "boletin.html"
    os.mkfifo(slow)  # reading blocks until the writer below has written

    def write_later() -> None:
        time.sleep(SLOW_S)
        with slow.open("w", encoding="utf-8") as pipe:
            pipe.write("<html><head><title>Desde la red</title></head><body>Hola</body></html>")

    writer = threading.Thread(target=write_later)
    with Heartbeat() as beat:
        writer.start()
        task = compose.content.open_file(slow)
        assert task is not None
        qtbot.waitUntil(lambda: compose.fields.subject.text() == "Desde la red", timeout=30_000)
    writer.join(10)
    assert beat.longest_gap < MAX_GAP_S, f"the GUI thread stalled {beat.longest_gap:.2f} s"
