"""MJML in campaigns: drafts keep the source, files open, the HTML part follows it."""

from __future__ import annotations

from pathlib import Path

import pytest

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.campaign_files import open_campaign_file
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.drafts import DraftRepository
from teenvio_desktop.core.html_tools import OpenFileError
from teenvio_desktop.core.mjml import (
    MAX_SOURCE_BYTES,
    MjmlCompileError,
    compile_campaign,
    open_mjml_file,
    read_html_or_mjml,
)

SOURCE = (
    "<mjml><mj-head><mj-title>Oferta de otoño</mj-title></mj-head><mj-body><mj-section>"
    '<mj-column><mj-text>Hola <a href="https://example.com/o">ver la oferta</a></mj-text>'
    "</mj-column></mj-section></mj-body></mjml>"
)
BROKEN = "<mjml><mj-body>\n<mj-section>\n</mj-body></mjml>"


def test_compile_campaign_refreshes_the_html_part_and_keeps_it_on_error() -> None:
    campaign = Campaign(mjml_source=SOURCE)
    output = compile_campaign(campaign)
    assert output is not None and campaign.html == output.html
    assert "ver la oferta" in campaign.html
    campaign.mjml_source = BROKEN
    with pytest.raises(MjmlCompileError):
        compile_campaign(campaign)
    assert campaign.html == output.html  # a typo never blanks the preview
    assert compile_campaign(Campaign(html="<p>x</p>")) is None


def test_drafts_keep_the_mjml_source(app_context: AppContext) -> None:
    campaign = Campaign(subject="Otoño", mjml_source=SOURCE)
    compile_campaign(campaign)
    drafts = DraftRepository(app_context.db)
    draft_id = drafts.save(campaign, "MJML")
    assert drafts.open(draft_id).campaign == campaign
    drafts.autosave(campaign, "MJML", draft_id)
    recovered = drafts.recovery()
    assert recovered is not None and recovered.campaign.mjml_source == SOURCE
    # Drafts saved before MJML existed open with no source.
    legacy = Campaign.from_dict({k: v for k, v in campaign.to_dict().items() if k != "mjml_source"})
    assert legacy.mjml_source == ""


def test_opening_an_mjml_file(tmp_path: Path) -> None:
    path = tmp_path / "otoño.MJML"
    path.write_text(SOURCE, encoding="utf-8")
    campaign = open_campaign_file(path)
    assert campaign.subject == "Oferta de otoño" and campaign.mjml_source == SOURCE
    assert "ver la oferta" in campaign.html
    assert "[ver la oferta](https://example.com/o)" in campaign.text
    broken = tmp_path / "roto.mjml"
    broken.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(MjmlCompileError) as caught:
        open_campaign_file(broken)
    assert caught.value.line == 2  # the <mj-section> left open
    lenient = open_mjml_file(broken, strict=False)
    assert lenient.mjml_source == BROKEN and lenient.html == "" and lenient.text == ""


def test_files_are_bounded_and_decoded(tmp_path: Path) -> None:
    with_bom = tmp_path / "bom.mjml"
    with_bom.write_bytes(SOURCE.encode("utf-8-sig"))
    assert "<title>Oferta de otoño</title>" in read_html_or_mjml(with_bom).html
    huge = tmp_path / "huge.mjml"
    huge.write_bytes(b" " * (MAX_SOURCE_BYTES + 10))
    with pytest.raises(MjmlCompileError, match="limit is 976 KB"):
        read_html_or_mjml(huge)
    with pytest.raises(OpenFileError):
        read_html_or_mjml(tmp_path / "missing.mjml")
    html = tmp_path / "plain.html"
    html.write_text("<p>hola</p>", encoding="utf-8")
    assert read_html_or_mjml(html).html == "<p>hola</p>"
    assert read_html_or_mjml(html).mjml_source is None
