"""The window against a TEA Lite server that loses answers: what "may have been sent" is
named in the sending dialog and in Results, re-sent only after an explicit confirmation,
and a campaign another process is sending is said to be busy, naming that process."""

from __future__ import annotations

import dataclasses
import socket
import subprocess
import sys
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.outbox import (
    OutboxRepository,
    ReconcileOptions,
    create_rest_campaign,
)
from teenvio_desktop.core.sending import TeaLiteSendJob
from teenvio_desktop.ui.results import ResultsArea
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
from teenvio_desktop.ui.sending import TeaLiteSendDialog, open_send_dialog
from teenvio_desktop.ui.sending.outbox_model import state_label
from tests.peers.helpers import OPTIONS, campaign, connect, people
from tests.peers.tealite_peer import TeaLitePeer

pytestmark = pytest.mark.timeout(90)
Factory = Callable[..., TeaLitePeer]
BRIEF = dataclasses.replace(
    OPTIONS, reconcile=ReconcileOptions(first_check_s=0.05, interval_s=0.1, max_wait_s=0.3)
)


def _send_once(
    qtbot: QtBot, context: AppContext, peer: TeaLitePeer, prompter: ScriptedPrompter
) -> tuple[TeaLiteSendDialog, int]:
    prepared = create_rest_campaign(context.db, campaign(), people(12))
    job = TeaLiteSendJob(
        context.db, lambda: connect(peer), campaign_id=prepared.campaign_id, options=BRIEF
    )
    dialog = open_send_dialog(None, job, prompter=prompter)
    assert isinstance(dialog, TeaLiteSendDialog)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.send_finished, timeout=30_000):
        dialog.start()
    qtbot.waitUntil(lambda: not dialog.is_running())
    return dialog, prepared.campaign_id


def test_may_have_been_sent_is_named_and_resent_only_when_confirmed(
    qtbot: QtBot, app_context: AppContext, peer_factory: Factory
) -> None:
    peer = peer_factory(send_mode="drop_after_store", responses_visible=False)
    prompter = ScriptedPrompter()
    dialog, campaign_id = _send_once(qtbot, app_context, peer, prompter)
    uncertain = [m.recipient for m in OutboxRepository(app_context.db).uncertain(campaign_id)]
    assert len(uncertain) == 4
    status = dialog.status.text()
    assert "4 recipient(s) may have been sent" in status
    assert all(address in status for address in uncertain)
    assert dialog.values["uncertain"].text() == "4"
    assert dialog.resend_button.isVisible() and dialog.resend_button.isEnabled()
    states = {dialog.model.data(dialog.model.index(r, 3)) for r in range(dialog.model.rowCount())}
    assert state_label("uncertain") in states

    # Declined: nothing is queued or sent again.
    prompter.answer("confirm", False)
    dialog.resend_button.click()
    assert prompter.asked[-1].kind == "confirm" and uncertain[0] in prompter.asked[-1].text
    assert len(peer.stored()) == 12

    # Confirmed: those four, and only they, are sent once more.
    peer.send_mode = "strict"
    prompter.answer("confirm", True)
    with qtbot.waitSignal(dialog.send_finished, timeout=30_000):
        dialog.resend_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running())
    copies = peer.copies_per_recipient()
    assert sorted(r for r, n in copies.items() if n == 2) == sorted(uncertain)
    assert OutboxRepository(app_context.db).counts(campaign_id).uncertain == 0
    assert not dialog.resend_button.isVisible()


def test_results_name_who_may_have_been_sent_and_offer_the_resend(
    qtbot: QtBot, app_context: AppContext, peer_factory: Factory
) -> None:
    peer = peer_factory(send_mode="bare_500_after_store", responses_visible=False)
    prompter = ScriptedPrompter()
    _dialog, campaign_id = _send_once(qtbot, app_context, peer, prompter)
    uncertain = [m.recipient for m in OutboxRepository(app_context.db).uncertain(campaign_id)]
    results = ResultsArea(app_context, prompter=prompter)
    qtbot.addWidget(results)
    results.show()
    results.show_campaign(campaign_id)
    notes = results.send_notes
    qtbot.waitUntil(lambda: "may have been sent" in notes.text(), timeout=20_000)
    assert all(address in notes.text() for address in uncertain)
    assert notes.resend_button.isVisible()
    prompter.answer("confirm", False)
    assert not results.resend_uncertain()
    assert len(peer.stored()) == 12


def test_a_campaign_another_process_sends_is_said_to_be_busy(
    qtbot: QtBot, app_context: AppContext, peer_factory: Factory
) -> None:
    peer = peer_factory()
    prepared = create_rest_campaign(app_context.db, campaign(), people(3))
    other = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                             stdin=subprocess.PIPE)  # fmt: skip
    try:
        with app_context.db.transaction() as conn:
            conn.execute(
                "INSERT INTO send_leases (campaign_id, holder, pid, host, started_at,"
                " heartbeat_at, expires_at) VALUES (?, 'elsewhere', ?, ?, ?, ?, ?)",
                (prepared.campaign_id, other.pid, socket.gethostname(),
                 "2030-01-01T10:00:00+00:00", "2030-01-01T10:00:00+00:00",
                 "2099-01-01T10:00:00+00:00"),
            )  # fmt: skip
        job = TeaLiteSendJob(
            app_context.db, lambda: connect(peer), campaign_id=prepared.campaign_id, options=BRIEF
        )
        dialog = open_send_dialog(None, job, prompter=ScriptedPrompter())
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.send_failed, timeout=30_000):
            dialog.start()
        assert isinstance(dialog, TeaLiteSendDialog)
        text = dialog.status.text()
        assert f"process {other.pid} on {socket.gethostname()}" in text
        assert peer.stored() == []
    finally:
        other.communicate(b"", timeout=30)
