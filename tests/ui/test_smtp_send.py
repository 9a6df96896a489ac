"""The GUI's SMTP send: a worker thread to the sandbox, progress in the dialog, cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.smtp.client import STAGE_AUTHENTICATING, STAGE_DATA, STAGE_RECIPIENTS
from teenvio_desktop.core.smtp.records import RecordedSend
from teenvio_desktop.core.tasks import Progress
from teenvio_desktop.sandbox.server import RunningSandbox
from teenvio_desktop.ui.smtp_send import SendProgressDialog, start_smtp_send
from tests.core.smtp_helpers import ScriptedServer, sample_campaign, sandbox_settings

pytestmark = pytest.mark.timeout(90)


def test_send_runs_in_a_worker_with_progress_and_a_live_window(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    sandbox.set_faults(latency_ms=300)  # the DATA reply takes a while: the GUI must keep going
    recipients = [f"r{i}@example.com" for i in range(30)]
    task = start_smtp_send(
        None, app_context.db, sample_campaign(recipients=recipients), sandbox_settings(sandbox)
    )
    dialog = task.progress_dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, SendProgressDialog)
    seen: list[Progress] = []
    labels: list[str] = []
    task.worker.progress.connect(seen.append)
    set_label = dialog.setLabelText
    dialog.setLabelText = lambda text: (labels.append(text), set_label(text))  # type: ignore[method-assign]
    ticks = {"n": 0}
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.__setitem__("n", ticks["n"] + 1))
    timer.start(20)
    gui_thread = threading.get_ident()
    with qtbot.waitSignal(task.worker.result, timeout=30_000) as blocker:
        task.start()
    # waitSignal fires in the worker thread; let the GUI thread drain the queued reports.
    qtbot.waitUntil(lambda: "Done" in labels, timeout=5_000)
    timer.stop()
    recorded = blocker.args[0]
    assert isinstance(recorded, RecordedSend)
    assert task.thread is not None and threading.get_ident() == gui_thread
    (received,) = sandbox.received_campaigns()
    assert recorded.result.teenvio_id == str(received.teenvio_id)
    record = CampaignRepository(app_context.db).get(recorded.campaign_id)
    assert record is not None and record.state == "sent"
    stages = [p.stage for p in seen]
    assert STAGE_AUTHENTICATING in stages and STAGE_DATA in stages
    assert any(p.stage == STAGE_RECIPIENTS and p.done == p.total == 30 for p in seen)
    assert "Adding recipients: 30 of 30" in labels
    assert labels[-2:] == ["Sending the message", "Done"]
    assert ticks["n"] >= 3  # the event loop ran while the worker waited for the server
    # The dialog goes away by itself once the worker has finished.
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=5_000)


def test_cancel_button_stops_the_send_before_data(qtbot: QtBot, app_context: AppContext) -> None:
    server = ScriptedServer(delay_s=0.005)  # 3000 recipients take 15 s: time to press Cancel
    recipients = [f"c{i}@example.com" for i in range(3000)]
    task = start_smtp_send(
        None, app_context.db, sample_campaign(recipients=recipients), server.settings()
    )
    dialog: SendProgressDialog = task.progress_dialog  # type: ignore[attr-defined]

    class User(QObject):  # lives in the GUI thread, like the person clicking
        def press_cancel(self, progress: Progress) -> None:
            if progress.stage == STAGE_RECIPIENTS and progress.done >= 1:
                assert threading.current_thread() is threading.main_thread()
                button = dialog.findChild(QPushButton)
                assert button is not None and button.text() == "Cancel"
                button.click()

    user = User()
    task.worker.progress.connect(user.press_cancel)
    try:
        with qtbot.waitSignal(task.worker.cancelled, timeout=30_000):
            task.start()
    finally:
        server.close()
    assert "DATA" not in server.verbs()
    assert server.verbs()[-1] == "QUIT"
    rcpts = server.verbs().count("RCPT")
    assert 1 <= rcpts < 3000
    (record,) = CampaignRepository(app_context.db).list(transport="smtp")
    assert record.state == "cancelled"


def test_composer_call_uses_the_campaign_account(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    app_context.sandbox = sandbox  # what --sandbox does: the built-in "sandbox" account
    campaign = sample_campaign(account_name="sandbox")
    task = start_smtp_send(None, app_context, campaign)  # as ui/compose/sending.py calls it
    with qtbot.waitSignal(task.worker.result, timeout=30_000) as blocker:
        task.start()
    assert blocker.args[0].result.accepted == ["ana@example.com", "Luis@example.org"]
    assert len(sandbox.received_campaigns()) == 1


def test_errors_arrive_through_the_error_signal(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    from teenvio_desktop.core.smtp.errors import AuthenticationFailed

    task = start_smtp_send(
        None, app_context.db, sample_campaign(), sandbox_settings(sandbox, password="wrong")
    )
    with qtbot.waitSignal(task.worker.error, timeout=30_000) as blocker:
        task.start()
    assert isinstance(blocker.args[0], AuthenticationFailed)
