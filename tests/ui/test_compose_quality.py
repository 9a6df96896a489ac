"""The quality panel in the composer: the corpus' findings live, a click takes the cursor
to the place (emoji included), the link check and the spam score from their buttons (a
loopback HTTP server, the real SpamAssassin), and the link check before sending."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.quality import QualityOptions, analyse
from teenvio_desktop.core.starters import starter_source
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.compose.area import ComposeArea
from teenvio_desktop.ui.compose.editor_positions import line_and_column
from teenvio_desktop.ui.compose.link_check_dialog import LinkCheckDialog
from teenvio_desktop.ui.main_window import MainWindow
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
from tests.core.quality.link_server import LinkServer
from tests.helpers.compose import good_campaign, spin, wait_analysis_settled

pytestmark = pytest.mark.timeout(240)
CORPUS = Path(__file__).parents[1] / "core" / "quality_corpus"


@pytest.fixture
def prompter() -> ScriptedPrompter:
    return ScriptedPrompter()


def _window(qtbot: QtBot, context: AppContext, prompter: ScriptedPrompter) -> MainWindow:
    window = build_main_window(context, prompter=prompter)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def area(
    qtbot: QtBot, app_context: AppContext, prompter: ScriptedPrompter
) -> Iterator[ComposeArea]:
    window = _window(qtbot, app_context, prompter)
    composer = window.area("compose")
    assert isinstance(composer, ComposeArea)
    composer.side_tabs.setCurrentWidget(composer.quality_panel)
    yield composer
    window.close()


def analysed(area: ComposeArea) -> None:
    assert wait_analysis_settled(area, 60)
    assert spin(area.quality.is_settled, 60)


def click(qtbot: QtBot, area: ComposeArea, finding_id: str) -> Any:
    tree = area.quality_panel.tree
    item = area.quality_panel.item_for(finding_id)
    assert item is not None, area.quality_panel.finding_ids()
    tree.scrollToItem(item)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    return item


@pytest.mark.parametrize("name", ["outlook_layout.html", "accessibility.html", "links.html"])
def test_the_corpus_findings_show_and_a_click_goes_to_the_line(
    qtbot: QtBot, area: ComposeArea, name: str
) -> None:
    html = (CORPUS / name).read_text(encoding="utf-8")
    area.load_campaign(good_campaign(html=html))
    analysed(area)
    expected = analyse(html, QualityOptions(transport="smtp")).findings
    shown = area.quality_panel.findings()
    assert sorted(f.id for f in shown) == sorted(f.id for f in expected)
    assert area.quality_panel.summary.text().startswith(
        f"{sum(f.severity == 'error' for f in expected)} error"
    )
    assert "overall" in area.quality_panel.clients.text()
    target = next(f for f in expected if f.location is not None and f.location.line > 3)
    assert target.location is not None
    click(qtbot, area, target.id)
    editor = area.editors.html_editor
    assert area.editors.tabs.currentWidget() is editor and editor.hasFocus()
    assert line_and_column(editor) == (target.location.line, target.location.column)


def test_columns_count_characters_not_utf16_units(qtbot: QtBot, area: ComposeArea) -> None:
    html = (
        '<html lang="es"><body>\n'
        '<p>😀 Ofertas 🎉🎉 <img src="https://example.com/a.png" width="20"></p>\n'
        "</body></html>"
    )
    area.load_campaign(good_campaign(html=html))
    analysed(area)
    click(qtbot, area, "a11y.img.missing-alt")
    editor = area.editors.html_editor
    assert line_and_column(editor)[0] == 2
    cursor = editor.textCursor()
    rest = cursor.block().text()[line_and_column(editor)[1] - 1 :]
    assert rest.startswith("<img"), rest


def test_an_mjml_campaign_s_findings_point_into_the_compiled_html(
    qtbot: QtBot, area: ComposeArea
) -> None:
    source = starter_source("letter", "es").replace('alt="', 'data-x="', 1)
    area.load_campaign(good_campaign(mjml_source=source, html=""))
    analysed(area)
    ids = area.quality_panel.finding_ids()
    target = next(f for f in area.quality_panel.findings() if f.location is not None)
    click(qtbot, area, target.id)
    compiled = area.editors.mjml.compiled_view
    assert area.editors.tabs.currentWidget() is area.editors.mjml and compiled.hasFocus()
    assert target.location is not None
    assert line_and_column(compiled)[0] == target.location.line, ids


def test_check_links_from_its_button_with_progress_and_cancel(
    qtbot: QtBot, area: ComposeArea
) -> None:
    with LinkServer() as server:
        html = (
            f'<html lang="es"><body><a href="{server.base}/ok">Catálogo</a>\n'
            f'<a href="{server.base}/missing">Oferta de otoño</a>\n'
            f'<a href="{server.base}/old-offer">Oferta antigua</a></body></html>'
        )
        area.load_campaign(good_campaign(html=html))
        analysed(area)
        panel = area.quality_panel
        with qtbot.waitSignal(area.quality.links_checked, timeout=60_000):
            panel.links.button.click()
            assert panel.links.progress.isVisible() and panel.links.cancel.isVisible()
            assert not panel.links.button.isEnabled()
        assert not panel.links.progress.isVisible()
        ids = [f.id for f in panel.findings("links")]
        assert "links.broken" in ids and "links.redirected" in ids
        assert panel.links.status_text() == "3 checked: 1 with problems, 1 redirected"
        assert "3 checked" in panel.item_group("links").text(0)
        item = click(qtbot, area, "links.broken")
        assert "answers 404" in item.text(0)
        assert line_and_column(area.editors.html_editor)[0] == 2

        area.editors.html_editor.setPlainText(f'<a href="{server.base}/slow">Despacio</a>')
        analysed(area)
        panel.links.button.click()
        assert server.slow_arrived.wait(30)
        panel.links.cancel.click()
        assert spin(lambda: panel.links.status_text() == "cancelled", 30)
        assert panel.links.button.isEnabled()
        server.release_slow()
        assert spin(lambda: not area.quality.is_checking(), 30)


def test_spam_score_from_its_button(qtbot: QtBot, area: ComposeArea) -> None:
    area.load_campaign(good_campaign(subject="GRATIS GRATIS GANA DINERO YA"))
    analysed(area)
    panel = area.quality_panel
    with qtbot.waitSignal(area.quality.spam_scored, timeout=180_000) as scored:
        panel.spam.button.click()
        assert panel.spam.cancel.isVisible()
    report = scored.args[0]
    assert report.available and report.score is not None
    assert f"{report.score:.1f} points" in panel.spam.status_text()
    assert any(f.id.startswith("spam.") for f in panel.findings("spam"))


def test_the_send_confirmation_checks_the_links_first(
    qtbot: QtBot, app_context: AppContext, sandbox: Any, prompter: ScriptedPrompter
) -> None:
    app_context.sandbox = sandbox
    window = _window(qtbot, app_context, prompter)
    area = window.area("compose")
    assert isinstance(area, ComposeArea)
    try:
        with LinkServer() as server:
            html = (
                f'<html lang="es"><body><a href="{server.base}/missing">Rebajas</a></body></html>'
            )
            area.load_campaign(good_campaign(sender=sandbox.info.senders[0], html=html))
            analysed(area)

            def run_check(dialog: LinkCheckDialog) -> bool:
                dialog.start()
                qtbot.waitUntil(dialog.is_done, timeout=60_000)
                return True

            prompter.fill(LinkCheckDialog, run_check)
            prompter.answer("confirm", False)  # seen the broken link: not now
            assert not area.sending.send()
            question = [a for a in prompter.asked if a.kind == "confirm"][-1]
            assert "Links and images: 1 checked: 1 with problems." in question.text
            assert "answers 404" in question.text
            assert "links.broken" in area.quality_panel.finding_ids()
            assert not sandbox.received_campaigns()

            # Skipped (no script: the dialog is dismissed), the confirmation says so.
            assert area.sending.send()
            question = [a for a in prompter.asked if a.kind == "confirm"][-1]
            assert "Links and images were not checked." in question.text
            assert spin(lambda: not area.sending.is_sending(), 60)
    finally:
        window.close()
        app_context.sandbox = None
