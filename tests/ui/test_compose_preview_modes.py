"""The preview modes in the composer, read back from the real QtWebEngine page: dark mode
(the message's own styles, forced, beside light), images off, as Teenvio will send it,
combined on a phone, and each labelled for what it approximates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.preview_modes import DarkMode
from teenvio_desktop.core.starters import starter_campaign
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.compose.area import ComposeArea
from teenvio_desktop.ui.compose.preview import MOBILE_WIDTH
from teenvio_desktop.ui.main_window import MainWindow
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
from tests.helpers.compose import good_campaign, run_js, spin, wait_analysis_settled

pytestmark = pytest.mark.timeout(180)

SIMPLE = (
    '<html><body><div id="light" style="background-color:#ffffff;color:#333333">claro</div>'
    '<img src="https://x.example/p.png" alt="Foto del producto" width="300" height="90">'
    "<p>Texto del mensaje</p></body></html>"
)


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


def settled(area: ComposeArea) -> None:
    assert wait_analysis_settled(area, 60)


def page(area: ComposeArea, script: str, web: Any = None) -> Any:
    from PySide6.QtWebEngineCore import QWebEngineScript

    target = web.page if web is not None else area.preview.page
    box: dict[str, Any] = {}
    target.runJavaScript(
        script, QWebEngineScript.ScriptWorldId.ApplicationWorld, lambda v: box.setdefault("v", v)
    )
    assert spin(lambda: "v" in box, 20), script
    return box["v"]


def computed(area: ComposeArea, selector: str, prop: str, web: Any = None) -> str:
    return str(page(area, f"getComputedStyle(document.querySelector({selector!r})).{prop}", web))


def test_dark_mode_from_the_message_s_own_styles_and_beside_light(area: ComposeArea) -> None:
    campaign = starter_campaign("newsletter", "es")
    area.load_campaign(campaign)
    settled(area)
    assert computed(area, ".tv-card", "backgroundColor") == "rgb(255, 255, 255)"
    bar = area.preview.bar
    bar.dark_button.click()  # the message's own dark styles, the default
    assert bar.dark() == DarkMode.DOCUMENT
    settled(area)
    assert computed(area, ".tv-card", "backgroundColor") == "rgb(31, 41, 55)"
    assert computed(area, "body", "backgroundColor") == "rgb(17, 24, 39)"
    assert any("dark-mode styles" in note for note in area.preview.notes())

    bar.side_by_side_action.trigger()
    settled(area)
    light = area.preview.light_web
    assert light is not None and light.view.isVisible()
    assert computed(area, ".tv-card", "backgroundColor", light) == "rgb(255, 255, 255)"
    assert computed(area, ".tv-card", "backgroundColor") == "rgb(31, 41, 55)"
    assert area.preview.dark_caption.isVisible()

    bar.set_dark(DarkMode.OFF)
    settled(area)
    assert not area.preview.light_web.view.isVisible()  # type: ignore[union-attr]
    assert computed(area, ".tv-card", "backgroundColor") == "rgb(255, 255, 255)"


def test_forced_dark_is_labelled_an_approximation(area: ComposeArea) -> None:
    area.load_campaign(good_campaign(html=SIMPLE))
    settled(area)
    area.preview.bar.set_dark(DarkMode.FORCED)
    settled(area)
    assert computed(area, "#light", "backgroundColor") == "rgb(18, 18, 18)"
    assert computed(area, "#light", "color") == "rgb(204, 204, 204)"
    assert "approximate" in area.preview.bar.dark_button.toolTip()
    assert any(note.startswith("Approximation") for note in area.preview.notes())


def test_images_off_shows_the_alt_text(area: ComposeArea) -> None:
    area.load_campaign(good_campaign(html=SIMPLE))
    settled(area)
    area.preview.bar.images_off_button.click()
    settled(area)
    assert page(area, "document.images.length") == 0
    assert page(area, "document.querySelector('.teenvio-alt').innerText") == "Foto del producto"
    assert any("alt text" in note for note in area.preview.notes())


def test_as_teenvio_follows_the_options_live_and_only_for_the_smtp_api(
    area: ComposeArea,
) -> None:
    area.load_campaign(good_campaign(html=SIMPLE))
    settled(area)
    area.preview.bar.as_teenvio_button.click()
    settled(area)
    header = "document.querySelector('.teenvio-cab').innerText"
    assert page(area, header).startswith("Si no puede ver correctamente")
    options = area.options
    options.language.setCurrentIndex(options.language.findData(4))  # English
    settled(area)
    assert page(area, header).startswith("If you cannot see this message correctly")
    options.social_links.setChecked(True)
    settled(area)
    icons = "document.querySelectorAll('.teenvio-social img').length"
    assert page(area, icons) == 4
    assert any("Approximation" in note for note in area.preview.notes())
    options.show_cab.setChecked(False)
    settled(area)
    assert page(area, "document.querySelectorAll('.teenvio-cab').length") == 0

    area.fields.transport.setCurrentIndex(area.fields.transport.findData("rest"))
    settled(area)
    assert not area.preview.bar.as_teenvio_button.isEnabled()
    assert page(area, icons) == 0  # TEA Lite sends the message as written


def test_every_condition_at_once_on_a_phone(area: ComposeArea) -> None:
    area.load_campaign(good_campaign(html=SIMPLE))
    settled(area)
    preview = area.preview
    preview.mode_buttons["mobile"].click()
    preview.bar.set_dark(DarkMode.FORCED)
    preview.bar.images_off_button.click()
    preview.bar.as_teenvio_button.click()
    settled(area)
    assert run_js(area, "document.documentElement.clientWidth") <= MOBILE_WIDTH
    assert computed(area, ".teenvio-cab", "backgroundColor") == "rgb(18, 18, 18)"
    assert computed(area, "#light", "color") == "rgb(204, 204, 204)"
    assert page(area, "document.querySelector('.teenvio-alt').innerText") == "Foto del producto"
    assert len(preview.notes()) == 3  # forced dark, images off, as Teenvio
