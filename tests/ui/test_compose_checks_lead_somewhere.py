"""Checks lead somewhere: merge fields with the SMTP-API block with their fix offered, a
check about a field brings it into view, and the TEA Lite form shows what TEA Lite needs
(and none of the SMTP-only Teenvio options)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.checks import MERGE_FIELDS_SMTP, Check
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.compose.area import ComposeArea
from teenvio_desktop.ui.compose.confirmation import confirmation_summary
from teenvio_desktop.ui.main_window import MainWindow
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
from tests.helpers.compose import good_campaign, spin, wait_analysis_settled
from tests.helpers.language import interface_language

pytestmark = pytest.mark.timeout(120)

PERSONAL_HTML = (
    "<html><body><p>Hola {{ nombre }}, mira "
    "<a href='https://example.com/a'>esto</a>.</p></body></html>"
)


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
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    app_context.sandbox = None


def compose(window: MainWindow) -> ComposeArea:
    area = window.area("compose")
    assert isinstance(area, ComposeArea)
    return area


def test_merge_fields_block_an_smtp_send_and_removing_them_sends_clean_text(
    window: MainWindow, sandbox: Any, prompter: ScriptedPrompter
) -> None:
    area = compose(window)
    area.load_campaign(
        good_campaign(
            sender=sandbox.info.senders[0],
            subject="Hola {{ nombre }}",
            html=PERSONAL_HTML,
            text="Hola {{ nombre | default('cliente') }}\n",
        )
    )
    assert wait_analysis_settled(area)
    check = next(c for c in area.checks_panel.checks if c.code == MERGE_FIELDS_SMTP)
    assert check.severity == "error" and not area.commands.send.isEnabled()

    # Declining the fix sends nothing.
    assert not area.sending.send()
    assert prompter.asked[-1].kind == "choose"
    assert sandbox.received_campaigns() == []

    results: list[object] = []
    area.sending.send_finished.connect(results.append)
    prompter.answer("choose", "Remove the merge fields")
    assert area.sending.send()  # fixed, confirmed (the prompter says yes), sent
    assert spin(lambda: results, 60)
    (received,) = sandbox.received_campaigns()
    assert received.subject == "Hola"
    raw = received.raw.decode("utf-8", "replace")
    assert "{{" not in raw and "{{" not in received.html and "{{" not in received.text
    assert "Hola, mira" in received.html
    assert area.fields.subject.text() == "Hola"
    assert area.editors.text_editor.toPlainText() == "Hola cliente\n"
    # One undo step brings the fields back in each editor.
    area.editors.html_editor.undo()
    assert area.editors.html_editor.toPlainText() == PERSONAL_HTML


def test_the_fix_can_switch_to_tealite_and_points_at_what_it_needs(
    window: MainWindow, sandbox: Any, prompter: ScriptedPrompter
) -> None:
    area = compose(window)
    area.load_campaign(
        good_campaign(sender=sandbox.info.senders[0], html=PERSONAL_HTML, campaign_ref="")
    )
    assert wait_analysis_settled(area)
    prompter.answer("choose", "Send through TEA Lite")
    area.check_actions.show(Check("error", MERGE_FIELDS_SMTP, "x"))
    assert area.fields.is_rest()
    assert QApplication.focusWidget() is area.fields.campaign_ref
    assert not area.fields.campaign_ref.visibleRegion().isEmpty()
    assert sandbox.received_campaigns() == []


def test_a_test_send_with_merge_fields_on_smtp_is_blocked_too(
    window: MainWindow, sandbox: Any, prompter: ScriptedPrompter
) -> None:
    area = compose(window)
    area.load_campaign(good_campaign(sender=sandbox.info.senders[0], html=PERSONAL_HTML))
    assert wait_analysis_settled(area)
    assert not area.sending.test_send(addresses=["yo@example.com"], row={"nombre": "Ana"})
    assert [a.kind for a in prompter.asked][-1] == "choose"
    assert sandbox.received_campaigns() == []


def test_a_check_about_a_field_brings_it_into_view_in_a_small_window(
    window: MainWindow, sandbox: Any, qtbot: QtBot
) -> None:
    window.resize(1024, 560)
    area = compose(window)
    area.load_campaign(
        good_campaign(sender=sandbox.info.senders[0], transport="rest", list_unsubscribe="x")
    )
    area.left_splitter.setSizes([90, 500])  # the user made the envelope tiny
    qtbot.waitUntil(lambda: area.fields_scroll.height() < 120)
    assert area.fields.list_unsubscribe.visibleRegion().isEmpty()
    assert wait_analysis_settled(area)
    row = next(
        i for i, c in enumerate(area.checks_panel.checks) if c.code == "list_unsubscribe_format"
    )
    area.checks_panel.list.itemClicked.emit(area.checks_panel.list.item(row))
    assert QApplication.focusWidget() is area.fields.list_unsubscribe
    assert not area.fields.list_unsubscribe.visibleRegion().isEmpty()


def test_a_blocked_send_focuses_the_first_field_at_fault(
    window: MainWindow, sandbox: Any, prompter: ScriptedPrompter
) -> None:
    area = compose(window)
    area.load_campaign(
        good_campaign(sender=sandbox.info.senders[0], transport="rest", campaign_ref="")
    )
    assert wait_analysis_settled(area)
    assert not area.sending.send()
    assert "campaign id" in prompter.warnings()[-1]
    assert QApplication.focusWidget() is area.fields.campaign_ref


def test_the_tealite_form_fits_and_leaves_the_teenvio_options_out(
    window: MainWindow, sandbox: Any, qtbot: QtBot
) -> None:
    window.resize(1280, 800)
    area = compose(window)
    area.load_campaign(good_campaign(sender=sandbox.info.senders[0], send_at="20991231100000"))
    options_index = area.side_tabs.indexOf(area.options_tab)
    assert area.side_tabs.isTabVisible(options_index)
    area.fields.transport.setCurrentIndex(area.fields.transport.findData("rest"))
    assert not area.side_tabs.isTabVisible(options_index)
    for widget in (
        area.fields.campaign_ref,
        area.fields.source_system,
        area.fields.schedule,
        area.fields.list_unsubscribe,
    ):
        qtbot.waitUntil(lambda w=widget: not w.visibleRegion().isEmpty())
        assert widget.visibleRegion().boundingRect().height() >= widget.height() - 1
    summary = confirmation_summary(area.form.check_environment(), area.campaign())
    assert "Track opens" not in summary and "Header:" not in summary
    assert "Campaign id: nov-1" in summary
    area.fields.transport.setCurrentIndex(area.fields.transport.findData("smtp"))
    assert area.side_tabs.isTabVisible(options_index)
    summary = confirmation_summary(area.form.check_environment(), area.campaign())
    assert "Track opens" in summary and "Campaign id" not in summary


def test_an_smtp_send_leaves_out_who_it_cannot_take_and_says_so(
    window: MainWindow, sandbox: Any, prompter: ScriptedPrompter, qtbot: QtBot
) -> None:
    area = compose(window)
    recipients = ["ana@example.com", "iñigo@example.com"]
    area.load_campaign(good_campaign(sender=sandbox.info.senders[0], recipients=recipients))
    assert wait_analysis_settled(area)
    (check,) = [c for c in area.checks_panel.checks if c.code == "smtputf8_recipients"]
    assert check.severity == "warning" and "iñigo@example.com" in check.render()
    summary = confirmation_summary(area.form.check_environment(), area.campaign())
    assert "Left out, as the SMTP-API cannot take them: 1 (iñigo@example.com)" in summary
    results: list[object] = []
    area.sending.send_finished.connect(results.append)
    with interface_language("en"):
        assert area.sending.send()
        assert spin(lambda: results, 60)
    (received,) = sandbox.received_campaigns()
    assert list(received.recipients) == ["ana@example.com"]
    warning = prompter.warnings()[-1]
    assert "Sent to 1 recipient." in warning and "iñigo@example.com" in warning
    assert "1 recipient left out" in warning
    from teenvio_desktop.ui.results import ResultsArea

    results_area = window.area("results")
    assert isinstance(results_area, ResultsArea)
    qtbot.waitUntil(lambda: "iñigo@example.com" in results_area.send_notes.text(), timeout=20_000)
    assert results_area.send_notes.isVisible()


def test_the_addresses_check_leads_to_the_list_members_to_correct(
    window: MainWindow, sandbox: Any, qtbot: QtBot
) -> None:
    from teenvio_desktop.core.recipients import RecipientListRepository
    from teenvio_desktop.ui.recipients import RecipientsArea

    area = compose(window)
    list_id = RecipientListRepository(area.context.db).create_from_addresses(
        "Clientes", ["ana@example.com", "iñigo@example.com", "luis@example.org"]
    )
    area.reload_sources()
    area.load_campaign(
        good_campaign(sender=sandbox.info.senders[0], recipients=[], recipient_list_id=list_id)
    )
    assert wait_analysis_settled(area)
    row = next(i for i, c in enumerate(area.checks_panel.checks) if c.code == "smtputf8_recipients")
    assert "iñigo@example.com" in area.checks_panel.checks[row].render()
    area.checks_panel.list.itemClicked.emit(area.checks_panel.list.item(row))
    assert window.current_area() == "recipients"
    members = window.area("recipients")
    assert isinstance(members, RecipientsArea)
    assert members.search_edit.text() == "iñigo@example.com"
    qtbot.waitUntil(lambda: members.members_model.rowCount() == 1, timeout=10_000)
