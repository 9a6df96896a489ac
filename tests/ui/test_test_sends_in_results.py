"""Test sends are marked as tests in Results, and hidden when the user says so (remembered)."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.compose.area import ComposeArea
from teenvio_desktop.ui.results import ResultsArea
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
from tests.helpers.compose import good_campaign, wait_analysis_settled

pytestmark = pytest.mark.timeout(120)


@pytest.mark.parametrize("transport", ["smtp", "rest"])
def test_a_test_send_is_marked_and_can_be_hidden(
    qtbot: QtBot, app_context: AppContext, sandbox: Any, transport: str
) -> None:
    app_context.sandbox = sandbox
    window = build_main_window(app_context, prompter=ScriptedPrompter())
    qtbot.addWidget(window)
    window.show()
    compose = window.area("compose")
    assert isinstance(compose, ComposeArea)
    compose.load_campaign(
        good_campaign(
            sender=sandbox.info.senders[0], transport=transport, source_system=sandbox.info.user
        )
    )
    assert wait_analysis_settled(compose)
    for test in (True, False):
        done: list[object] = []
        compose.sending.send_finished.connect(done.append)
        started = (
            compose.sending.test_send(["prueba@example.com"], None)
            if test
            else compose.sending.send()
        )
        assert started
        qtbot.waitUntil(lambda d=done: bool(d), timeout=60_000)
    records = CampaignRepository(app_context.db).list()
    assert sorted(r.is_test for r in records) == [False, True]

    results = window.area("results")
    assert isinstance(results, ResultsArea)
    window.show_area("results")
    model = results.campaign_model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    subject = model.COLUMNS.index("subject")
    subjects = {model.index(r, subject).data() for r in range(2)}
    assert subjects == {"Novedades de noviembre", "Test: Novedades de noviembre"}

    results.show_tests.setChecked(False)
    shown = [model.index(r, subject).data() for r in range(model.rowCount())]
    assert shown == ["Novedades de noviembre"]
    # Remembered: the next Results area (the next start) hides them too.
    again = ResultsArea(app_context, prompter=ScriptedPrompter())
    qtbot.addWidget(again)
    assert not again.show_tests.isChecked() and again.campaign_model.rowCount() == 1
    window.close()
    app_context.sandbox = None
