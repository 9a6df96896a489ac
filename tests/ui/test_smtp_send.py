"""The GUI's SMTP send: a worker thread to the sandbox, progress in the dialog, cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.sending import SendOutcome, SmtpSendJob, prepare_send
from teenvio_desktop.core.smtp.client import STAGE_AUTHENTICATING, STAGE_DATA, STAGE_RECIPIENTS
from teenvio_desktop.core.smtp.records import RecordedSend
from teenvio_desktop.core.smtp.settings import SmtpSettings
from teenvio_desktop.core.tasks import Progress
from teenvio_desktop.sandbox.server import RunningSandbox
from teenvio_desktop.ui.sending import SmtpSendDialog, open_send_dialog
from tests.helpers.smtp import ScriptedServer, sample_campaign, sandbox_settings

pytestmark = pytest.mark.timeout(90)


def _dialog(context: AppContext, campaign: Campaign, settings: SmtpSettings) -> SmtpSendDialog:
    dialog = open_send_dialog(None, SmtpSendJob(context.db, campaign, lambda: settings))
    assert isinstance(dialog, SmtpSendDialog)
    return dialog


def test_send_runs_in_a_worker_with_progress_and_a_live_window(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    sandbox.set_faults(latency_ms=300)  # the DATA reply takes a while: the GUI must keep going
    recipients = [f"r{i}@example.com" for i in range(30)]
    dialog = _dialog(app_context, sample_campaign(recipients=recipients), sandbox_settings(sandbox))
    seen: list[Progress] = []
    labels: list[str] = []
    set_label = dialog.set_stage_text
    dialog.set_stage_text = lambda text: (labels.append(text), set_label(text))  # type: ignore[method-assign]
    ticks = {"n": 0}
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.__setitem__("n", ticks["n"] + 1))
    timer.start(20)
    gui_thread = threading.get_ident()
    delivered_in: list[int] = []
    dialog.send_finished.connect(lambda _outcome: delivered_in.append(threading.get_ident()))
    with qtbot.waitSignal(dialog.send_finished, timeout=30_000) as blocker:
        task = dialog.start()
        task.progress.connect(seen.append)
    qtbot.waitUntil(lambda: "Done" in labels, timeout=5_000)
    timer.stop()
    outcome = blocker.args[0]
    assert isinstance(outcome, SendOutcome)
    recorded = outcome.smtp
    assert isinstance(recorded, RecordedSend)
    assert delivered_in == [gui_thread]  # the outcome arrives in the GUI thread
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
    dialog = _dialog(app_context, sample_campaign(recipients=recipients), server.settings())

    class User(QObject):  # lives in the GUI thread, like the person clicking
        def press_cancel(self, progress: Progress) -> None:
            if progress.stage == STAGE_RECIPIENTS and progress.done >= 1:
                assert threading.current_thread() is threading.main_thread()
                button = dialog.findChild(QPushButton)
                assert button is not None and button.text() == "Cancel"
                button.click()

    user = User()
    try:
        with qtbot.waitSignal(dialog.send_cancelled, timeout=30_000):
            task = dialog.start()
            task.progress.connect(user.press_cancel)
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
    job = prepare_send(app_context, campaign)  # as the composer calls it
    assert isinstance(job, SmtpSendJob)
    dialog = open_send_dialog(None, job)
    with qtbot.waitSignal(dialog.send_finished, timeout=30_000) as blocker:
        dialog.start()
    assert blocker.args[0].smtp.result.accepted == ["ana@example.com", "Luis@example.org"]
    assert len(sandbox.received_campaigns()) == 1


def test_errors_arrive_through_the_error_signal(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    from teenvio_desktop.core.smtp.errors import AuthenticationFailed

    dialog = _dialog(app_context, sample_campaign(), sandbox_settings(sandbox, password="wrong"))
    with qtbot.waitSignal(dialog.send_failed, timeout=30_000) as blocker:
        dialog.start()
    assert isinstance(blocker.args[0], AuthenticationFailed)


def test_escape_while_sending_cancels_and_the_dialog_waits_for_the_end(
    qtbot: QtBot, app_context: AppContext
) -> None:
    server = ScriptedServer(delay_s=0.005)
    recipients = [f"e{i}@example.com" for i in range(3000)]
    dialog = _dialog(app_context, sample_campaign(recipients=recipients), server.settings())
    still_there: list[bool] = []

    class User(QObject):
        def press_escape(self, progress: Progress) -> None:
            if progress.stage == STAGE_RECIPIENTS and progress.done >= 1 and not still_there:
                dialog.reject()  # what Escape does
                still_there.append(isValid(dialog) and dialog.is_running())

    user = User()
    try:
        with qtbot.waitSignal(dialog.send_cancelled, timeout=30_000):
            task = dialog.start()
            task.progress.connect(user.press_escape)
    finally:
        server.close()
    assert still_there == [True]  # it did not vanish while the send was still running
    assert "DATA" not in server.verbs()
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=5_000)  # then it went away by itself
