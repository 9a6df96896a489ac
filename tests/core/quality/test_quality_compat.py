"""Email-client compatibility against the shipped caniemail dataset, on the corpus."""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path

from teenvio_desktop.core.quality import analyse
from teenvio_desktop.core.quality.caniemail import load_dataset
from teenvio_desktop.core.quality.compatibility import analyse_compatibility, finding_id
from teenvio_desktop.core.quality.document import parse_document
from teenvio_desktop.core.quality.features import declaration_slugs, detect_features, feature_index

CORPUS = Path(__file__).resolve().parents[1] / "quality_corpus"
DATA = resources.files("teenvio_desktop.core.quality") / "data"


def compat(findings: list) -> list[tuple[str, str, int, int, int]]:  # type: ignore[type-arg]
    return [
        (f.id, f.severity, f.location.line, f.location.column, len(f.also_at))
        for f in findings
        if f.category == "compatibility"
    ]


def test_the_dataset_ships_with_its_version_licence_and_checksum() -> None:
    meta = json.loads((DATA / "caniemail.meta.json").read_text(encoding="utf-8"))
    data = (DATA / "caniemail.json").read_bytes()
    assert meta["package"] == "caniemail" and meta["license"] == "MIT"
    assert meta["data_sha256"] == hashlib.sha256(data).hexdigest()
    licence = (DATA / meta["license_file"]).read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "HTeuMeuLeu" in licence
    dataset = load_dataset()
    assert dataset.version == meta["version"] and len(dataset.features) == meta["features"]
    majors = [g.id for g in dataset.groups if g.major]
    assert majors == [
        "gmail", "outlook-windows", "outlook-macos", "outlook-com", "outlook-mobile",
        "apple-mail", "yahoo", "samsung-email", "thunderbird",
    ]  # fmt: skip
    assert all(g.members for g in dataset.groups if g.major)


def test_flexbox_position_svg_and_style_in_body_are_flagged_for_outlook_and_gmail() -> None:
    report = analyse((CORPUS / "outlook_layout.html").read_text(encoding="utf-8"))
    assert compat(report.findings) == [
        ("compat.html.svg", "error", 21, 7, 0),
        ("compat.html.style-in-body", "warning", 8, 1, 0),
        ("compat.css.display-flex", "warning", 14, 19, 0),
        ("compat.css.justify-content", "warning", 14, 33, 0),
        ("compat.css.position", "warning", 18, 19, 1),
        ("compat.css.left-right-top-bottom", "warning", 19, 41, 0),
        ("compat.html.doctype", "advice", 1, 1, 0),
        ("compat.html.lang", "advice", 2, 1, 0),
        ("compat.html.body", "advice", 7, 1, 0),
        ("compat.css.selector-class", "advice", 9, 3, 0),
        ("compat.css.padding", "advice", 9, 11, 0),
        ("compat.html.role", "advice", 11, 1, 1),
        ("compat.html.width", "advice", 11, 1, 1),
        ("compat.html.aria-label", "advice", 21, 7, 0),
        ("compat.html.height", "advice", 21, 7, 0),
    ]
    by_id = {f.id: f for f in report.findings}
    flex = by_id["compat.css.display-flex"]
    assert flex.render().startswith("display:flex is not supported by Outlook (Windows), ")
    assert "outlook.windows" in flex.data["unsupported"]
    assert flex.data["url"] == "https://www.caniemail.com/features/css-display-flex/"
    position = by_id["compat.css.position"]
    assert [loc.line for loc in position.also_at] == [19] and position.data["occurrences"] == 2
    assert "Outlook mobile (iOS)" in position.render()  # only one platform of the group
    in_body = by_id["compat.html.style-in-body"]
    assert in_body.render().startswith("<style> element inside <body> is not supported by Gmail,")
    assert "Partial. Not supported inside the `<body>`." in in_body.details


def test_the_clean_newsletter_has_no_error_or_warning_and_scores_high() -> None:
    report = analyse((CORPUS / "clean.html").read_text(encoding="utf-8"))
    assert [f for f in report.findings if f.severity != "advice"] == []
    assert {f.id for f in report.findings} == {
        "compat.html.doctype", "compat.html.lang", "compat.html.style",
        "compat.css.selector-class", "compat.css.at-media", "compat.css.important",
        "compat.html.body", "compat.css.margin", "compat.css.padding", "compat.html.role",
        "compat.html.width", "compat.html.align", "compat.css.font-size",
        "compat.css.line-height", "compat.html.height", "compat.image.gif",
    }  # fmt: skip
    summary = report.compatibility
    assert summary.overall is not None and 85 <= summary.overall <= 95
    scores = {client.id: client for client in summary.clients}
    assert scores["apple-mail"].support == 100.0
    outlook = scores["outlook-windows"]
    assert outlook.support is not None and outlook.support < scores["apple-mail"].support
    assert outlook.supported + outlook.partial + outlook.unsupported <= len(summary.features)
    assert "html-table" in summary.features and "css-padding" in summary.features


def test_features_of_style_blocks_selectors_and_values_are_recognised() -> None:
    html = (
        "<style>\n"
        "@media (prefers-color-scheme: dark) { a:hover { color: rgb(0 0 0) } }\n"
        "td > p + p, .x.y::before { margin: calc(1rem + 2vw);\n"
        "  background: linear-gradient(red, blue) }\n"
        "@font-face { font-family: X; src: url(x.woff) }\n"
        "</style><p style='border-top:1px solid red;--gap:2px;width:fit-content'>x</p>"
    )
    uses = detect_features(parse_document(html), load_dataset())
    assert {
        "css-at-media", "css-at-media-prefers-color-scheme", "css-pseudo-class-hover",
        "css-rgb", "css-selector-child", "css-selector-adjacent-sibling",
        "css-selector-grouping", "css-selector-chaining", "css-pseudo-element-before",
        "css-margin", "css-unit-calc", "css-unit-rem", "css-unit-vw", "css-background",
        "css-linear-gradient", "css-at-font-face", "css-border", "css-variables",
        "css-width", "css-intrinsic-size", "css-unit-px", "html-style", "html-p",
    } <= set(uses.places)  # fmt: skip
    # Inside @font-face, "src" and "font-family" describe the font, not an element.
    assert "css-font" not in uses.places


def test_declaration_mapping_uses_the_dataset_names() -> None:
    index = feature_index(load_dataset())
    assert declaration_slugs(index, "display", "inline-flex", False) == ("css-display-flex",)
    assert declaration_slugs(index, "display", "block", True) == ("css-display", "css-important")
    assert declaration_slugs(index, "margin-top", "-4px", False) == ("css-margin", "css-unit-px")
    assert declaration_slugs(index, "border-inline-start-color", "#fff", False) == (
        "css-border-inline-block-longhand",
    )
    assert declaration_slugs(index, "mso-line-height-rule", "exactly", False) == ()
    assert declaration_slugs(index, "background", "url('a(1).png') #fff", False) == (
        "css-background",
    )


def test_finding_ids_are_stable_and_derive_from_caniemail_slugs() -> None:
    assert finding_id("css-display-flex") == "compat.css.display-flex"
    assert finding_id("html-svg") == "compat.html.svg"
    assert finding_id("image-webp") == "compat.image.webp"
    assert finding_id("amp") == "compat.other.amp"


def test_locations_inside_style_attributes_point_at_the_declaration() -> None:
    html = '<table>\n<tr><td style="color:red;\n  position: absolute">x</td></tr></table>'
    _, findings = analyse_compatibility(parse_document(html))
    position = next(f for f in findings if f.id == "compat.css.position")
    assert position.location is not None
    assert (position.location.line, position.location.column) == (3, 3)
    # With character references in the value, the attribute's start is the best place.
    html = '<p style="font-family:&quot;A&quot;; position:fixed">x</p>'
    _, findings = analyse_compatibility(parse_document(html))
    position = next(f for f in findings if f.id == "compat.css.position")
    assert position.location is not None and position.location.column == 11
