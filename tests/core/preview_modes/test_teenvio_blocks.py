"""What the SMTP-API adds (header line, social footer), approximated, in 13 languages."""

from __future__ import annotations

import pytest

from teenvio_desktop.core.campaign import TEENVIO_LANGUAGES, TeenvioOptions
from teenvio_desktop.core.preview_modes.teenvio_blocks import (
    HEADER_SENTENCES,
    SOCIAL_NETWORKS,
    add_teenvio_blocks,
    as_delivered,
    header_block,
    options_from_headers,
    social_footer,
)

DOC = '<html><head></head><body bgcolor="#fff"><p>Contenido</p></body></html>'


def test_every_teenvio_language_has_its_sentence() -> None:
    assert set(HEADER_SENTENCES) == set(TEENVIO_LANGUAGES)
    tags = [tag for tag, _sentence, _link in HEADER_SENTENCES.values()]
    assert len(set(tags)) == len(tags)
    assert HEADER_SENTENCES[3][1:] == ("Si no puede ver correctamente este mensaje,", "pinche aquí")


@pytest.mark.parametrize("language", sorted(TEENVIO_LANGUAGES))
def test_header_block_speaks_the_campaign_language(language: int) -> None:
    tag, sentence, link = HEADER_SENTENCES[language]
    block = header_block(TeenvioOptions(language=language))
    assert f'lang="{tag}"' in block
    assert block.count("<a ") == 1 and f">{link}</a>" in block
    assert sentence in block


def test_blocks_follow_show_cab_and_social_links() -> None:
    default = add_teenvio_blocks(DOC, TeenvioOptions())
    assert default.startswith('<html><head></head><body bgcolor="#fff"><div class="teenvio-cab"')
    assert "teenvio-social" not in default
    both = add_teenvio_blocks(DOC, TeenvioOptions(social_links=True, language=6))
    assert both.endswith(social_footer(TeenvioOptions(language=6)) + "</body></html>")
    assert "cliquez ici" in both
    none = add_teenvio_blocks(DOC, TeenvioOptions(show_cab=False))
    assert none == DOC


def test_social_icons_are_local_images_with_alt_text() -> None:
    footer = social_footer(TeenvioOptions())
    for name, _colour, _glyph in SOCIAL_NETWORKS:
        assert f'alt="{name}"' in footer
    assert footer.count('src="data:image/svg+xml;base64,') == len(SOCIAL_NETWORKS)
    assert "http" not in footer.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_a_fragment_without_body_still_gets_its_blocks() -> None:
    out = add_teenvio_blocks("<p>x</p>", TeenvioOptions(social_links=True))
    assert out.startswith('<div class="teenvio-cab"') and out.endswith("</div>")


def test_options_from_received_headers() -> None:
    assert options_from_headers({}) == TeenvioOptions()
    options = options_from_headers(
        {"x-teenvio-showcab": "NO", "X-Teenvio-SocialLinks": "yes", "X-Teenvio-Language": "4"}
    )
    assert (options.show_cab, options.social_links, options.language) == (False, True, 4)
    assert options_from_headers({"X-Teenvio-Language": "²"}).language == 3
    assert options_from_headers({"X-Teenvio-Language": "99"}).language == 99
    # An unknown id falls back to Spanish, Teenvio's default.
    assert 'lang="es"' in header_block(options_from_headers({"X-Teenvio-Language": "99"}))


def test_as_delivered_is_the_same_blocks_as_the_preview() -> None:
    headers = {"X-Teenvio-Language": "7", "X-Teenvio-SocialLinks": "yes"}
    options = TeenvioOptions(language=7, social_links=True)
    assert as_delivered(DOC, headers) == add_teenvio_blocks(DOC, options)
    assert "klicken Sie hier" in as_delivered(DOC, headers)
