"""The sandbox's "as delivered" copy: what Teenvio adds, as the composer's preview shows it."""

from __future__ import annotations

import pytest

from teenvio_desktop.core.campaign import Campaign, TeenvioOptions
from teenvio_desktop.core.mime import build_message
from teenvio_desktop.core.preview_modes import (
    PreviewModes,
    header_block,
    render_preview,
    social_footer,
)
from teenvio_desktop.sandbox.server import RunningSandbox
from tests.helpers.sandbox import smtp_ssl

pytestmark = pytest.mark.timeout(60)

HTML = (
    "<html><body><h1>Novedades</h1>"
    "<p>Hola, mira <a href='https://e.example/o'>la oferta</a>.</p></body></html>"
)


def _send(sandbox: RunningSandbox, options: TeenvioOptions) -> None:
    campaign = Campaign(
        subject="Novedades", sender="demo@example.com", html=HTML, text="Hola",
        options=options, recipients=["ana@example.org"],
    )  # fmt: skip
    with smtp_ssl(sandbox) as client:
        client.send_message(build_message(campaign), to_addrs=campaign.recipients)


def test_as_delivered_has_the_preview_header_block_in_the_chosen_language(
    sandbox: RunningSandbox,
) -> None:
    options = TeenvioOptions(language=4, social_links=True)
    _send(sandbox, options)
    (received,) = sandbox.received_campaigns()
    delivered = received.html_as_delivered
    # Beside the message as received, unchanged ...
    assert "If you cannot see" not in received.html and "Novedades" in received.html_original
    # ... the copy as delivered carries exactly the blocks the preview shows.
    block = header_block(options)
    assert block in delivered and "If you cannot see this message correctly," in block
    assert social_footer(options) in delivered
    preview = render_preview(HTML, PreviewModes(as_teenvio=True), options=options).html
    assert block in preview and social_footer(options) in preview
    assert delivered.index(block) < delivered.index("Novedades") < delivered.index("teenvio-social")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (TeenvioOptions(), "Si no puede ver correctamente este mensaje,"),  # Teenvio's default
        (TeenvioOptions(language=18), "Mezu hau ondo ikusten ez baduzu,"),
        (TeenvioOptions(language=15, show_cab=False), None),
    ],
)
def test_each_campaign_gets_its_own_options(
    sandbox: RunningSandbox, options: TeenvioOptions, expected: str | None
) -> None:
    _send(sandbox, options)
    (received,) = sandbox.received_campaigns()
    delivered = received.html_as_delivered
    if expected is None:
        assert "teenvio-cab" not in delivered
    else:
        assert header_block(options) in delivered and expected in delivered
    assert "teenvio-social" not in delivered
