"""Starter templates: MJML that compiles cleanly, passes the checks and reads well for all."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
import tinycss2.color3

from teenvio_desktop.core.checks import CheckEnvironment, run_checks
from teenvio_desktop.core.mjml import compile_mjml
from teenvio_desktop.core.starters import (
    LANGUAGES,
    UnknownStarterError,
    list_starters,
    starter_campaign,
    starter_source,
    starter_templates,
)

STARTERS = [(s.key, language) for s in starter_templates() for language in LANGUAGES]


def test_three_starters_listed_with_translated_titles() -> None:
    assert [key for key, _title, _description in list_starters()] == [
        "newsletter", "announcement", "letter"
    ]  # fmt: skip
    translated = list_starters(lambda context, text: f"{context}/{text}")
    assert translated[0][1] == "starters/Newsletter"
    assert translated[2][2].startswith("starters/Text only")
    with pytest.raises(UnknownStarterError):
        starter_campaign("brochure", "es")
    with pytest.raises(UnknownStarterError):
        starter_source("letter", "fr")


@pytest.mark.parametrize(("key", "language"), STARTERS)
def test_compiles_without_warnings_and_passes_every_check(key: str, language: str) -> None:
    output = compile_mjml(starter_source(key, language))
    assert output.warnings == () and output.title and output.preview
    campaign = starter_campaign(key, language)
    campaign.sender, campaign.recipients = "demo@example.com", ["ana@example.com"]
    env = CheckEnvironment(validated_senders=["demo@example.com"])
    for transport in ("smtp", "rest"):
        campaign.transport = transport
        campaign.sender_name = campaign.reply_to_name = "Demo"
        campaign.reply_to, campaign.campaign_ref, campaign.source_system = (
            "demo@example.com", "c1", "s1"
        )  # fmt: skip
        problems = [c for c in run_checks(campaign, env) if c.severity != "info"]
        assert problems == [], (transport, [c.render() for c in problems])
    assert campaign.options.language == {"es": 3, "en": 4}[language]
    assert campaign.subject == output.title


class _Facts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[dict[str, str | None]] = []
        self.links: list[tuple[str, str]] = []
        self.html_lang = ""
        self.tables: list[str | None] = []
        self._link: list[str] | None = None
        self._href = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.html_lang = values.get("lang") or ""
        elif tag == "img":
            self.images.append(values)
        elif tag == "table":
            self.tables.append(values.get("role"))
        elif tag == "a":
            self._link, self._href = [], values.get("href") or ""

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link is not None:
            self.links.append((self._href, " ".join("".join(self._link).split())))
            self._link = None


@pytest.mark.parametrize(("key", "language"), STARTERS)
def test_accessible_markup(key: str, language: str) -> None:
    campaign = starter_campaign(key, language)
    facts = _Facts()
    facts.feed(campaign.html)
    assert facts.html_lang == language
    assert facts.tables and all(role == "presentation" for role in facts.tables)
    for image in facts.images:
        assert (image.get("alt") or "").strip(), image  # every image says what it is
        assert str(image.get("src")).startswith("cid:")
    assert {i.cid for i in campaign.images} == {str(i["src"])[4:] for i in facts.images}
    vague = {"aquí", "pinche aquí", "haz clic aquí", "here", "click here", "more", "más"}
    for _href, text in facts.links:
        assert text.lower() not in vague and len(text) > 8, text
    unsubscribe = [href for href, text in facts.links if re.search(r"baja|unsubscribe", text, re.I)]
    assert unsubscribe and all(href.startswith("https://") for href in unsubscribe)
    assert "@media (prefers-color-scheme: dark)" in campaign.html


def _luminance(colour: str) -> float:
    rgba = tinycss2.color3.parse_color(colour)
    assert isinstance(rgba, tinycss2.color3.RGBA), colour

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(rgba.red) + 0.7152 * channel(rgba.green) + 0.0722 * channel(rgba.blue)


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _text_pairs(source: str) -> list[tuple[str, str, str]]:
    """(where, text colour, background) for every text the MJML declares, dark styles aside."""
    root = ET.fromstring(source)
    attributes = root.find("mj-head/mj-attributes")
    defaults = {child.tag: child.attrib for child in attributes} if attributes is not None else {}
    pairs: list[tuple[str, str, str]] = []

    def walk(element: ET.Element, background: str) -> None:
        own = element.get("background-color")
        if element.tag in ("mj-body", "mj-section", "mj-wrapper", "mj-column") and own:
            background = own
        if element.tag in ("mj-text", "mj-button"):
            base = defaults.get(element.tag, {})
            colour = element.get("color") or base.get("color") or "#000000"
            surface = background
            if element.tag == "mj-button":
                surface = element.get("background-color") or base.get("background-color") or ""
            pairs.append((element.tag, colour, surface))
            for inner in element.iter():
                match = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", inner.get("style", ""))
                if match:
                    pairs.append((f"{element.tag}/{inner.tag}", match.group(1), surface))
        for child in element:
            walk(child, background)

    body = root.find("mj-body")
    assert body is not None
    walk(body, "#ffffff")
    return pairs


def _dark_pairs(source: str) -> list[tuple[str, str]]:
    dark = source.split("@media (prefers-color-scheme: dark)")[1].split("</mj-style>")[0]
    colours = re.findall(r"\.tv-[a-z]+[^{]*\{[^}]*?(?<![-\w])color:\s*(#[0-9a-f]{6})", dark)
    surfaces = re.findall(r"background-color:\s*(#[0-9a-f]{6})", dark)
    return [(colour, surface) for colour in colours for surface in surfaces]


@pytest.mark.parametrize(("key", "language"), STARTERS)
def test_text_contrast_is_at_least_aa(key: str, language: str) -> None:
    source = starter_source(key, language)
    pairs = _text_pairs(source)
    assert len(pairs) >= 4
    for where, colour, background in pairs:
        assert contrast(colour, background) >= 4.5, (where, colour, background)
    dark = _dark_pairs(source)
    assert dark
    for colour, background in dark:
        assert contrast(colour, background) >= 4.5, ("dark", colour, background)
