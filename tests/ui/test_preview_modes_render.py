"""Preview modes as QtWebEngine renders them: colours, alt text and Teenvio's header read
back from the page (the composer's own PreviewPane: JavaScript off, our URL scheme)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.campaign import TeenvioOptions
from teenvio_desktop.core.preview_modes import DarkMode, PreviewModes, render_preview
from teenvio_desktop.core.starters import starter_campaign
from teenvio_desktop.ui.compose.preview import MOBILE_WIDTH, PreviewPane
from teenvio_desktop.ui.compose.scheme import cid_url
from tests.helpers.compose import spin

pytestmark = pytest.mark.timeout(120)

SIMPLE = (
    '<html><body><div id="light" style="background-color:#ffffff;color:#333333">claro</div>'
    '<div id="dark" style="background-color:#000000;color:#ffffff">oscuro</div>'
    '<img id="photo" src="https://x.example/p.png" alt="Foto del producto" width="300" height="90">'
    '<img src="cid:logo" width="120" height="40"></body></html>'
)


@pytest.fixture
def pane(qtbot: QtBot) -> Iterator[PreviewPane]:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(800, 900)
    pane.show()
    pane.ensure_view()
    qtbot.waitExposed(pane)
    yield pane
    pane.release()


_generation = 0


def show(qtbot: QtBot, pane: PreviewPane, html: str, modes: PreviewModes, **kw: Any) -> None:
    global _generation
    _generation += 1
    document = render_preview(html, modes, cid_resolver=cid_url, **kw)
    with qtbot.waitSignal(pane.rendered, timeout=60_000):
        pane.show_document(_generation, document.html)


def js(pane: PreviewPane, script: str) -> Any:
    from PySide6.QtWebEngineCore import QWebEngineScript

    box: dict[str, Any] = {}
    assert pane.page is not None
    pane.page.runJavaScript(
        script, QWebEngineScript.ScriptWorldId.ApplicationWorld, lambda v: box.setdefault("v", v)
    )
    assert spin(lambda: "v" in box, 20), script
    return box["v"]


def js_json(pane: PreviewPane, expression: str) -> Any:
    """Arrays do not survive runJavaScript's conversion: they come back through JSON."""
    return json.loads(str(js(pane, f"JSON.stringify({expression})")))


def computed(pane: PreviewPane, selector: str, prop: str) -> str:
    return str(js(pane, f"getComputedStyle(document.querySelector({selector!r})).{prop}"))


def test_dark_mode_with_the_message_own_styles(qtbot: QtBot, pane: PreviewPane) -> None:
    campaign = starter_campaign("newsletter", "es")
    pane.set_images({i.cid: (i.content_type, i.data) for i in campaign.images})
    show(qtbot, pane, campaign.html, PreviewModes())
    assert computed(pane, ".tv-card", "backgroundColor") == "rgb(255, 255, 255)"
    assert computed(pane, ".tv-text div", "color") == "rgb(31, 41, 55)"
    show(qtbot, pane, campaign.html, PreviewModes(DarkMode.DOCUMENT))
    assert computed(pane, ".tv-card", "backgroundColor") == "rgb(31, 41, 55)"
    assert computed(pane, ".tv-text div", "color") == "rgb(243, 244, 246)"
    assert computed(pane, "body", "backgroundColor") == "rgb(17, 24, 39)"
    # The logo still loads from the message's inline images.
    assert js(pane, "document.querySelector('img').naturalWidth") == 320


def test_forced_dark_partial_and_full(qtbot: QtBot, pane: PreviewPane) -> None:
    show(qtbot, pane, SIMPLE, PreviewModes(DarkMode.FORCED))
    assert computed(pane, "#light", "backgroundColor") == "rgb(18, 18, 18)"
    assert computed(pane, "#light", "color") == "rgb(204, 204, 204)"
    assert computed(pane, "#dark", "backgroundColor") == "rgb(0, 0, 0)"  # already dark
    assert computed(pane, "body", "backgroundColor") == "rgb(18, 18, 18)"
    show(qtbot, pane, SIMPLE, PreviewModes(DarkMode.FORCED_FULL))
    assert computed(pane, "#dark", "backgroundColor") == "rgb(255, 255, 255)"
    assert computed(pane, "#dark", "color") == "rgb(0, 0, 0)"


def test_images_off_shows_alt_text_in_boxes_of_the_image_size(
    qtbot: QtBot, pane: PreviewPane
) -> None:
    show(qtbot, pane, SIMPLE, PreviewModes(images_off=True))
    assert js(pane, "document.images.length") == 0
    texts = js_json(pane, "[...document.querySelectorAll('.teenvio-alt')].map(e => e.innerText)")
    assert texts == ["Foto del producto", "Image without alt text"]
    box = js_json(pane, "document.querySelector('.teenvio-alt').getBoundingClientRect()")
    assert (box["width"], box["height"]) == (300, 90)


def test_as_teenvio_header_in_the_campaign_language(qtbot: QtBot, pane: PreviewPane) -> None:
    options = TeenvioOptions(language=6, social_links=True)
    show(qtbot, pane, SIMPLE, PreviewModes(as_teenvio=True), options=options)
    header = js(pane, "document.querySelector('.teenvio-cab').innerText")
    assert header == "Si ce message ne s’affiche pas correctement, cliquez ici"
    assert js(pane, "document.body.firstElementChild.className") == "teenvio-cab"
    icons = js_json(pane, "[...document.querySelectorAll('.teenvio-social img')].map(i => i.alt)")
    assert icons == ["Facebook", "X", "LinkedIn", "Instagram"]
    drawn = "[...document.querySelectorAll('.teenvio-social img')].every(i => i.naturalWidth)"
    assert spin(lambda: js(pane, drawn))


def test_every_mode_at_once_on_a_phone(qtbot: QtBot, pane: PreviewPane) -> None:
    pane.set_mode("mobile")
    modes = PreviewModes(DarkMode.FORCED, images_off=True, as_teenvio=True)
    show(qtbot, pane, SIMPLE, modes, options=TeenvioOptions(language=4))
    assert js(pane, "document.documentElement.clientWidth") <= MOBILE_WIDTH
    assert js(pane, "document.querySelector('.teenvio-cab').innerText").startswith(
        "If you cannot see this message correctly"
    )
    assert computed(pane, ".teenvio-cab", "backgroundColor") == "rgb(18, 18, 18)"
    assert computed(pane, "#light", "color") == "rgb(204, 204, 204)"
    assert js(pane, "document.querySelector('.teenvio-alt').innerText") == "Foto del producto"
