"""Preview with a recipient's data (TEA Lite): the first recipient by default, another one
chosen or found by address; subject, HTML and plain text personalised; the same recipient
fills the merge fields of the link check."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.recipients.repository import RecipientListRepository
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.compose.area import ComposeArea
from teenvio_desktop.ui.main_window import MainWindow
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
from tests.core.quality.link_server import LinkServer
from tests.helpers.compose import (
    good_campaign,
    preview_text,
    spin,
    wait_analysis_settled,
    wait_preview_contains,
)

pytestmark = pytest.mark.timeout(180)
PEOPLE = {
    "ana@example.com": {"nombre": "Ana", "id": "42"},
    "luis@example.com": {"nombre": "Luis", "id": "7"},
    "marta@example.com": {"nombre": "Marta", "id": "42"},
}


@pytest.fixture
def area(qtbot: QtBot, app_context: AppContext) -> Iterator[ComposeArea]:
    window: MainWindow = build_main_window(app_context, prompter=ScriptedPrompter())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    composer = window.area("compose")
    assert isinstance(composer, ComposeArea)
    assert spin(composer.preview.has_view)
    yield composer
    window.close()


def personalised_campaign(area: ComposeArea, html: str) -> int:
    list_id = RecipientListRepository(area.context.db).create_from_addresses(
        "Clientes", list(PEOPLE), PEOPLE
    )
    area.reload_sources()
    campaign = good_campaign(
        transport="rest",
        subject="Para {{ nombre }}",
        html=html,
        text="Hola {{ nombre }}, tu número es {{ id }}.",
        recipients=[],
        recipient_list_id=list_id,
    )
    area.load_campaign(campaign)
    return list_id


def test_preview_as_the_second_recipient_shows_their_data(qtbot: QtBot, area: ComposeArea) -> None:
    personalised_campaign(area, "<html><body><h1>Hola {{ nombre }}</h1></body></html>")
    picker = area.recipient_picker
    assert picker.isVisible()
    assert spin(lambda: len(picker.rows()) == 3)
    assert wait_preview_contains(area, "Hola Ana")  # the first recipient by default
    assert area.preview.subject_label.text() == "Subject for ana@example.com: Para Ana"

    picker.choose(1)
    assert wait_preview_contains(area, "Hola Luis")
    assert wait_analysis_settled(area)
    assert area.preview.subject_label.text() == "Subject for luis@example.com: Para Luis"
    assert area.preview.text_view.toPlainText() == "Hola Luis, tu número es 7."
    assert "{{" not in preview_text(area)

    picker.choose(-1)  # nobody: the fields as written
    assert wait_preview_contains(area, "{{ nombre }}")
    assert area.preview.subject_label.text() == "Subject: Para {{ nombre }}"


def test_the_picker_searches_the_list_by_address(qtbot: QtBot, area: ComposeArea) -> None:
    personalised_campaign(area, "<p>Hola {{ nombre }}</p>")
    picker = area.recipient_picker
    assert spin(lambda: len(picker.rows()) == 3)
    line = picker.combo.lineEdit()
    assert line is not None
    line.clear()
    with qtbot.waitSignal(picker.rows_loaded, timeout=20_000):
        qtbot.keyClicks(line, "marta")
    assert [row["email"] for row in picker.rows()] == ["marta@example.com"]
    picker.choose(0)
    assert wait_preview_contains(area, "Hola Marta")


def test_a_missing_value_is_said_above_the_preview(area: ComposeArea) -> None:
    personalised_campaign(area, "<p>Hola {{ apellido }}</p>")
    assert wait_analysis_settled(area)
    assert any("could not be filled in for ana@example.com" in n for n in area.preview.notes())
    assert "{{ apellido }}" in preview_text(area)


def test_the_smtp_api_does_not_personalise(area: ComposeArea) -> None:
    personalised_campaign(area, "<p>Hola {{ nombre }}</p>")
    assert wait_preview_contains(area, "Hola Ana")
    area.fields.transport.setCurrentIndex(area.fields.transport.findData("smtp"))
    assert wait_preview_contains(area, "Hola {{ nombre }}")
    assert not area.recipient_picker.isVisible()


def test_the_link_check_fills_merge_fields_with_the_chosen_recipient(
    qtbot: QtBot, area: ComposeArea
) -> None:
    with LinkServer() as server:
        link = f'<a href="{server.base}/u/{{{{ id }}}}">Tu perfil</a>'
        html = f'<html lang="es"><body>{link}</body></html>'
        personalised_campaign(area, html)
        picker = area.recipient_picker
        assert spin(lambda: len(picker.rows()) == 3)
        assert wait_analysis_settled(area)
        panel = area.quality_panel
        with qtbot.waitSignal(area.quality.links_checked, timeout=60_000) as checked:
            panel.links.button.click()
        assert [r.checked_url for r in checked.args[0].results] == [f"{server.base}/u/42"]
        assert "links.broken" not in panel.finding_ids()

        picker.choose(1)  # Luis, id 7: no such profile
        assert wait_analysis_settled(area)
        with qtbot.waitSignal(area.quality.links_checked, timeout=60_000) as checked:
            panel.links.button.click()
        assert [r.checked_url for r in checked.args[0].results] == [f"{server.base}/u/7"]
        assert "links.broken" in panel.finding_ids()
