"""Sending from the composer through the sandbox, over real sockets, and what follows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.compose.area import ComposeArea
from teenvio_desktop.ui.compose.confirmation import confirmation_summary
from teenvio_desktop.ui.main_window import MainWindow
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
from tests.helpers.compose import good_campaign, spin, wait_analysis_settled

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def prompter() -> ScriptedPrompter:
    return ScriptedPrompter()


@pytest.fixture
def window(
    qtbot: QtBot, app_context: AppContext, sandbox: Any, prompter: ScriptedPrompter
) -> Iterator[MainWindow]:
    app_context.sandbox = sandbox
    window = build_main_window(app_context, prompter=prompter)
    qtbot.addWidget(window)
    area = window.area("compose")
    assert isinstance(area, ComposeArea)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    app_context.sandbox = None


def compose(window: MainWindow) -> ComposeArea:
    area = window.area("compose")
    assert isinstance(area, ComposeArea)
    return area


def _send_and_wait(area: ComposeArea, qtbot: QtBot, **kw: Any) -> Any:
    results: list[object] = []
    failures: list[object] = []
    area.sending.send_finished.connect(results.append)
    area.sending.send_failed.connect(failures.append)
    started = area.sending.test_send(**kw) if kw else area.sending.send()
    assert isinstance(area.prompter, ScriptedPrompter)
    assert started, area.prompter.warnings()
    assert spin(lambda: results or failures, 60)
    assert not failures, failures
    return results[0]


def test_sender_picker_offers_the_sandbox_senders(window: MainWindow, sandbox: Any) -> None:
    area = compose(window)
    account = area.fields.current_account()
    assert account is not None and account.is_sandbox
    offered = [
        area.fields.sender_address.itemText(i) for i in range(area.fields.sender_address.count())
    ]
    assert offered == list(sandbox.info.senders)


def test_send_is_blocked_while_a_check_fails(
    window: MainWindow, sandbox: Any, prompter: ScriptedPrompter
) -> None:
    area = compose(window)
    area.load_campaign(good_campaign(sender=sandbox.info.senders[0], subject=""))
    assert not area.sending.send()
    assert "subject is empty" in prompter.warnings()[-1]
    assert area.side_tabs.currentWidget() is area.checks_panel
    assert sandbox.received_campaigns() == []


def test_smtp_send_through_the_sandbox_opens_the_results(
    window: MainWindow, sandbox: Any, qtbot: QtBot
) -> None:
    area = compose(window)
    campaign = good_campaign(sender=sandbox.info.senders[0])
    area.load_campaign(campaign)
    area.options.social_links.click()
    area.options.language.setCurrentIndex(area.options.language.findData(4))
    assert wait_analysis_settled(area)
    summary = confirmation_summary(area.form.check_environment(), area.campaign())
    assert "Recipients: 2" in summary and "SMTP-API" in summary and "language: English" in summary
    result = _send_and_wait(area, qtbot)
    received = sandbox.received_campaigns()
    assert len(received) == 1
    assert received[0].subject == campaign.subject
    assert set(received[0].recipients) == set(campaign.recipients)
    teenvio = {k: v for k, v in received[0].headers if k.lower().startswith("x-teenvio")}
    assert teenvio == {"X-Teenvio-SocialLinks": "yes", "X-Teenvio-Language": "4"}
    assert str(received[0].teenvio_id) in str(result)
    assert result.smtp.result.teenvio_id == str(received[0].teenvio_id)
    assert window.current_area() == "results"
    results = window.area("results")
    assert getattr(results, "current_campaign_id", None) == result.campaign_id
    # Sending saved the content: the autosave slot holds exactly what was sent.
    recovered = area.drafts.recovery()
    assert recovered is None or recovered.campaign.subject == campaign.subject


def test_rest_send_through_the_sandbox(window: MainWindow, sandbox: Any, qtbot: QtBot) -> None:
    area = compose(window)
    campaign = good_campaign(
        sender=sandbox.info.senders[0],
        transport="rest",
        subject="Hola {{ email }}",
        source_system=sandbox.info.user,
    )
    area.load_campaign(campaign)
    assert wait_analysis_settled(area)
    result = _send_and_wait(area, qtbot)
    assert result.accepted == 2 and result.failed == 0
    messages = sandbox.received_messages(source_system=sandbox.info.user)
    assert sorted(m.recipient for m in messages) == sorted(campaign.recipients)
    subjects = sorted(getattr(m, "subject", "") for m in messages)
    assert subjects == sorted(f"Hola {a}" for a in campaign.recipients)


def test_test_send_goes_only_to_the_test_addresses(
    window: MainWindow, sandbox: Any, qtbot: QtBot
) -> None:
    area = compose(window)
    area.load_campaign(good_campaign(sender=sandbox.info.senders[0]))
    assert wait_analysis_settled(area)
    _send_and_wait(area, qtbot, addresses=["prueba@example.com"], row=None)
    received = sandbox.received_campaigns()
    assert [c.recipients for c in received] == [("prueba@example.com",)]
    assert window.current_area() == "compose"


def test_recipient_list_feeds_merge_fields_and_personalised_sends(
    window: MainWindow, sandbox: Any, qtbot: QtBot
) -> None:
    from teenvio_desktop.core.recipients.repository import RecipientListRepository

    area = compose(window)
    people = {"ana@example.com": {"Nombre": "Ana"}, "luis@example.com": {"Nombre": "Luis"}}
    list_id = RecipientListRepository(area.context.db).create_from_addresses(
        "Clientes", list(people), people
    )
    area.reload_sources()
    campaign = good_campaign(
        sender=sandbox.info.senders[0],
        transport="rest",
        subject="Oferta",
        source_system=sandbox.info.user,
        campaign_ref="lista-1",
    )
    area.load_campaign(campaign)
    fields = area.fields
    fields.recipient_list.setCurrentIndex(fields.recipient_list.findData(list_id))
    assert "Nombre" in fields.merge_columns()
    fields.subject.setText("Oferta para ")
    fields.subject.end(False)
    next(a for a in fields.merge_menu.actions() if a.text() == "Nombre").trigger()
    assert fields.subject.text() == "Oferta para {{ Nombre }}"
    assert wait_analysis_settled(area)
    assert area.checks_panel.codes() == ["links_count"]  # the field is a column of the list
    fields.subject.setText("Oferta para {{ apellido }}")
    assert spin(lambda: "merge_field_unknown" in area.checks_panel.codes())
    fields.subject.setText("Oferta para {{ Nombre }}")
    assert wait_analysis_settled(area)

    # A test send rendered with Luis's data goes only to the test address.
    _send_and_wait(
        area,
        qtbot,
        addresses=["prueba@example.com"],
        row={"email": "luis@example.com", "Nombre": "Luis"},
    )
    tests = sandbox.received_messages(source_system=sandbox.info.user)
    assert [(m.recipient, m.subject) for m in tests] == [("prueba@example.com", "Oferta para Luis")]

    result = _send_and_wait(area, qtbot)
    assert result.accepted == 2
    subjects = {
        m.recipient: m.subject
        for m in sandbox.received_messages(source_system=sandbox.info.user)
        if m.recipient != "prueba@example.com"
    }
    assert subjects == {
        "ana@example.com": "Oferta para Ana",
        "luis@example.com": "Oferta para Luis",
    }


def test_test_send_asks_where_through_its_dialog(
    window: MainWindow, sandbox: Any, qtbot: QtBot, prompter: ScriptedPrompter
) -> None:
    from teenvio_desktop.ui.compose.test_send_dialog import TestSendDialog

    area = compose(window)
    area.load_campaign(good_campaign(sender=sandbox.info.senders[0]))
    assert wait_analysis_settled(area)
    # Declined: nothing is sent.
    assert not area.sending.test_send()
    assert sandbox.received_campaigns() == []

    def fill(dialog: TestSendDialog) -> bool:
        assert dialog.recipient.count() == 1  # no list chosen: no personalisation offered
        dialog.addresses_edit.setText("prueba@example.com; otra@example.com")
        return True

    prompter.fill(TestSendDialog, fill)
    results: list[object] = []
    area.sending.send_finished.connect(results.append)
    assert area.sending.test_send()
    assert spin(lambda: results, 60)
    received = sandbox.received_campaigns()
    assert [sorted(c.recipients) for c in received] == [["otra@example.com", "prueba@example.com"]]
    # The addresses are remembered for the next test send.
    seen: list[str] = []
    prompter.fill(TestSendDialog, lambda d: seen.append(d.addresses_edit.text()) or False)
    assert not area.sending.test_send()
    assert seen == ["prueba@example.com; otra@example.com"]


def test_test_send_dialog_offers_the_lists_recipients(
    qtbot: QtBot, app_context: AppContext
) -> None:
    from teenvio_desktop.core.recipients.repository import RecipientListRepository
    from teenvio_desktop.ui.compose.test_send_dialog import TestSendDialog

    people = {"ana@example.com": {"Nombre": "Ana"}, "luis@example.com": {"Nombre": "Luis"}}
    list_id = RecipientListRepository(app_context.db).create_from_addresses(
        "Clientes", list(people), people
    )
    campaign = good_campaign(transport="rest", recipient_list_id=list_id, recipients=[])
    dialog = TestSendDialog(app_context, campaign)
    qtbot.addWidget(dialog)
    assert dialog.recipient.count() == 3  # no personalisation, Ana, Luis
    assert dialog.row() is not None and dialog.row()["email"] == "ana@example.com"  # type: ignore[index]
    dialog.recipient.setCurrentIndex(2)
    assert dialog.row() == {"email": "luis@example.com", "name": "", "Nombre": "Luis"}
    dialog.recipient.setCurrentIndex(0)
    assert dialog.row() is None
    dialog.addresses_edit.setText("yo@example.com, tu@example.com")
    assert dialog.addresses() == ["yo@example.com", "tu@example.com"]
    dialog.accept()
    again = TestSendDialog(app_context, campaign)
    qtbot.addWidget(again)
    assert again.addresses_edit.text() == "yo@example.com, tu@example.com"
