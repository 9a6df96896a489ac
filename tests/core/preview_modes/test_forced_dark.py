"""Forced dark modes: the two families of client recolouring, approximated."""

from __future__ import annotations

import re

from teenvio_desktop.core.preview_modes.colors import recolor
from teenvio_desktop.core.preview_modes.forced_dark import force_dark
from teenvio_desktop.core.sanitize import sanitize_for_preview

DOC = sanitize_for_preview(
    "<html><head><style>.light{background-color:#ffffff;color:#222222}"
    ".dark{background:#000000;color:white}"
    "[data-ogsc] .keep{color:#123456 !important}</style></head>"
    '<body bgcolor="#f4f4f4"><div class="light" style="background-color:#fff;color:#333">L</div>'
    '<div style="background:#101010 url(https://x.example/bg.png);color:#fafafa">D</div>'
    '<font color="black">F</font><img src="data:image/png;base64,AAAA" alt="i">'
    '<p style="font-family:Arial">plain</p></body></html>',
    allow_remote_images=True,
).html


def style_of(html: str, text: str) -> str:
    match = re.search(r"<(\w+)([^>]*)>" + re.escape(text) + "<", html)
    assert match, text
    return match.group(2)


def test_partial_darkens_light_surfaces_and_lightens_dark_text_only() -> None:
    out = force_dark(DOC, "partial")
    light = style_of(out, "L")
    assert "background-color:#121212" in light and "color:#cccccc" in light
    assert "data-ogsb" in light and "data-ogsc" in light  # Outlook.com's markers
    dark = style_of(out, "D")
    assert "background:#101010" in dark and "color:#fafafa" in dark  # already dark: kept
    assert "data-ogs" not in dark
    assert 'color="#e8e8e8"' in style_of(out, "F")
    assert ".light{background-color:#121212;color:#dddddd}" in out
    assert ".dark{background:#000000;color:white}" in out
    assert 'bgcolor="#1c1c1c"' in out  # the body's own colour, on the body tag


def test_full_inverts_every_colour() -> None:
    out = force_dark(DOC, "full")
    dark = style_of(out, "D")
    assert "background:#f0f0f0" in dark and "color:#050505" in dark
    assert ".dark{background:#ffffff;color:#000000}" in out
    assert "data-ogs" not in out.split("</head>")[1]  # only Outlook.com marks elements


def test_outlook_dark_rules_images_and_untouched_markup_stay() -> None:
    out = force_dark(DOC, "partial")
    assert "[data-ogsc] .keep{color:#123456 !important}" in out
    assert '<img src="data:image/png;base64,AAAA" alt="i">' in out
    assert '<p style="font-family:Arial;">plain</p>' in out
    assert "url(https://x.example/bg.png)" in out  # backgrounds are images: kept
    head = out.split("</head>")[0]
    assert '<meta name="color-scheme" content="dark">' in head
    assert "html,body{background-color:#121212;color:#e8e8e8}" in head
    # The canvas goes first so that the message's own (recoloured) rules win.
    assert head.index("#e8e8e8") < head.index(".light")


def test_colour_arithmetic() -> None:
    assert recolor("#fff", "background", "partial") == "#121212"
    assert recolor("#000", "text", "partial") == "#e8e8e8"
    assert recolor("#000", "background", "partial") is None
    assert recolor("white", "text", "partial") is None
    assert recolor("#000", "background", "full") == "#ffffff"
    assert recolor("rgba(255, 255, 255, 0.5)", "background", "partial") == "rgba(18, 18, 18, 0.5)"
    assert recolor("hsl(210, 100%, 90%)", "background", "partial") == "#002a53"
    assert recolor("transparent", "background", "full") is None
    assert recolor("currentColor", "text", "full") is None
    assert recolor("solid", "background", "full") is None


def test_strings_and_urls_inside_values_are_not_colours() -> None:
    doc = sanitize_for_preview(
        '<p style="background:url(data:image/png;base64,QUFB#fff) #ffffff">x</p>'
    ).html
    out = force_dark(doc, "partial")
    assert "QUFB#fff)" in out and "#121212" in out


def test_hostile_css_is_recoloured_in_linear_time() -> None:
    hostile = "x{" * 30_000 + "color:#000;" * 30_000 + "url(" * 30_000
    doc = f"<html><head><style>{hostile}</style></head><body><p style='{hostile}'>p</p></body>"
    out = force_dark(sanitize_for_preview(doc).html, "full")
    assert "<style>" in out
