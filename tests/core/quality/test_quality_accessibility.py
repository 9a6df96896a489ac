"""Accessibility findings on the corpus, and the contrast and cascade they rest on."""

from __future__ import annotations

from pathlib import Path

import pytest

from teenvio_desktop.core.quality.accessibility import analyse_accessibility
from teenvio_desktop.core.quality.cascade import Cascade, media_applies_at_mobile
from teenvio_desktop.core.quality.colors import contrast_ratio, parse_color
from teenvio_desktop.core.quality.document import parse_document

CORPUS = Path(__file__).resolve().parents[1] / "quality_corpus"


def a11y(html: str) -> list[tuple[str, str, int | None, list[int]]]:
    return sorted(
        (
            f.id,
            f.severity,
            f.location.line if f.location else None,
            [loc.line for loc in f.also_at],
        )
        for f in analyse_accessibility(parse_document(html))
    )


def test_the_accessibility_corpus_yields_exactly_its_problems() -> None:
    html = (CORPUS / "accessibility.html").read_text(encoding="utf-8")
    assert a11y(html) == [
        ("a11y.contrast.low", "error", 22, []),  # .muted rule: #b0b0b0 on white
        ("a11y.contrast.low", "error", 23, []),  # white on white
        ("a11y.contrast.low", "error", 30, []),  # #333 on the cell's #1a1a1a bgcolor
        ("a11y.font.too-small", "warning", 36, [36]),  # .legal 11px, its link too
        ("a11y.heading.skipped-level", "warning", 21, []),
        ("a11y.img.missing-alt", "error", 19, []),
        ("a11y.img.spacer-missing-alt", "warning", 20, []),
        ("a11y.lang.missing", "warning", 2, []),
        ("a11y.link.no-text", "error", 26, []),  # only an image with alt=""
        ("a11y.link.vague-text", "warning", 24, []),  # "Pincha aquí"
        ("a11y.link.vague-text", "warning", 25, []),  # "click here"
        ("a11y.table.layout-role", "warning", 15, []),  # the <caption>ed table is data
    ]
    findings = {(f.id, f.location.line if f.location else 0): f for f in
                analyse_accessibility(parse_document(html))}  # fmt: skip
    assert findings[("a11y.contrast.low", 22)].render() == (
        "Text in #b0b0b0 on #ffffff has a contrast of 2.17:1; WCAG AA requires 4.5:1 for "
        "this text size."
    )
    assert findings[("a11y.link.vague-text", 24)].params["text"] == "Pincha aquí"
    assert findings[("a11y.font.too-small", 36)].params["size"] == "11"


def test_the_clean_newsletter_is_accessible() -> None:
    assert a11y((CORPUS / "clean.html").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "text", ["aquí", "Aquí.", "click here", "Click here »", "pincha aquí", "here", "Leer más…"]
)
def test_vague_link_texts_in_english_and_spanish(text: str) -> None:
    html = f'<html lang="es"><p><a href="https://example.com/x">{text}</a></p></html>'
    assert [f[0] for f in a11y(html)] == ["a11y.link.vague-text"]


def test_a_link_named_by_aria_label_or_an_image_alt_is_fine() -> None:
    html = (
        '<html lang="en"><a href="https://example.com/a" aria-label="Read the March report">'
        'here</a><a href="https://example.com/b"><img src="https://example.com/l.png" '
        'alt="Shop home"></a></html>'
    )
    assert a11y(html) == []


def test_large_text_needs_only_three_to_one() -> None:
    # #888 on white is 3.54:1: enough at 24px, or 18.66px bold; not at 16px.
    big = '<html lang="en"><h1 style="font-size:24px;font-weight:normal;color:#888">Big</h1></html>'
    bold = '<html lang="en"><p style="font-size:19px;font-weight:bold;color:#888">Bold</p></html>'
    small = '<html lang="en"><p style="font-size:16px;color:#888">Small</p></html>'
    assert a11y(big) == [] and a11y(bold) == []
    assert [f[0] for f in a11y(small)] == ["a11y.contrast.low"]


def test_translucent_colours_are_composited_and_backgrounds_inherited() -> None:
    html = (
        '<html lang="en"><body bgcolor="#000000"><table role="presentation"><tr><td>'
        '<p style="color:rgba(255,255,255,0.3)">Faint</p>'
        '<p style="color:#ffffff">Readable</p></td></tr></table></body></html>'
    )
    assert [(f[0], f[2]) for f in a11y(html)] == [("a11y.contrast.low", 1)]


def test_contrast_ratio_matches_wcag() -> None:
    black, white = parse_color("#000"), parse_color("white")
    assert black is not None and white is not None
    assert round(contrast_ratio(black, white), 2) == 21.0
    grey = parse_color("777777")  # bgcolor-style hex without "#"
    assert grey is not None and round(contrast_ratio(grey, white), 2) == 4.48
    assert parse_color("currentColor") is None and parse_color("nonsense") is None


def test_media_queries_are_evaluated_at_mobile_width() -> None:
    assert media_applies_at_mobile("screen and (max-width: 600px)")
    assert media_applies_at_mobile("only screen and (max-width:480px), print")
    assert not media_applies_at_mobile("screen and (min-width: 600px)")
    assert not media_applies_at_mobile("print")
    assert not media_applies_at_mobile("(prefers-color-scheme: dark)")
    assert media_applies_at_mobile("(max-width: 40em)")


def test_the_cascade_orders_important_specificity_and_inline_styles() -> None:
    html = (
        "<style>#main p { color: red } p.note { color: #111111 } .note { color: blue !important }"
        " p { font-size: 12px } @media (max-width: 600px) { .note { font-size: 18px } }</style>"
        '<div id="main"><p class="note" style="color: green">x</p><p>y</p></div>'
    )
    document = parse_document(html)
    cascade = Cascade(document)
    note = next(e for e in document.elements if e.attrs.get("class") == "note")
    plain = note.index + 1
    assert cascade.computed(note.index, "desktop").color == parse_color("blue")
    assert cascade.computed(note.index, "desktop").font_px == 12
    assert cascade.computed(note.index, "mobile").font_px == 18
    # "#main p" has a combinator: not matched (a simple cascade does not guess).
    assert cascade.computed(plain, "desktop").color == parse_color("black")


def test_hidden_text_is_not_judged() -> None:
    html = (
        '<html lang="en"><div style="display:none;color:#fff">preheader</div>'
        '<div style="max-height:0;overflow:hidden;color:#fff;font-size:1px">more</div>'
        '<p hidden style="color:#fff">hidden</p></html>'
    )
    assert a11y(html) == []
