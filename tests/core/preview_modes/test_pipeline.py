"""Modes combined on the sanitised document, and the sanitiser's guarantees kept by all."""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from teenvio_desktop.core.campaign import TeenvioOptions
from teenvio_desktop.core.preview_modes import (
    DarkMode,
    PreviewModes,
    apply_modes,
    header_block,
    render_preview,
)
from teenvio_desktop.core.preview_modes.pipeline import (
    NOTE_AS_TEENVIO,
    NOTE_DARK_RULES,
    NOTE_FORCED,
    NOTE_IMAGES_OFF,
    NOTE_MISSING_ALT,
    NOTE_NO_DARK_RULES,
    NOTE_TEENVIO_ADDS_NOTHING,
)
from teenvio_desktop.core.sanitize import sanitize_for_preview

ALL_MODES = [
    PreviewModes(dark, images, teenvio)
    for dark, images, teenvio in itertools.product(DarkMode, (False, True), (False, True))
]

NEWSLETTER = (
    "<html><head><style>.card{background:#ffffff;color:#222}"
    "@media (prefers-color-scheme: dark){.card{background:#1f2937;color:#f3f4f6}}</style></head>"
    '<body><div class="card"><img src="cid:logo" alt="Logo" width="160" height="48">'
    '<p>Hola</p><img src="https://x.example/p.png" width="10" height="10"></div></body></html>'
)


def test_modes_combine_in_a_fixed_order() -> None:
    options = TeenvioOptions(language=4, social_links=True)
    doc = render_preview(
        NEWSLETTER,
        PreviewModes(DarkMode.FORCED, images_off=True, as_teenvio=True),
        options=options,
        cid_resolver=lambda cid: f"teenvio-preview://cid/{cid}",
    )
    html = doc.html
    assert "If you cannot see this message correctly," in html  # Teenvio's block ...
    assert 'alt="Facebook"' not in html and ">Facebook</span>" in html  # ... its icons off
    assert ">Logo</span>" in html and doc.images_replaced == 6 and doc.images_missing_alt == 1
    assert ".card{background:#121212;color:#dddddd}" in html  # forced on the light rules
    assert "@media not all" in html and doc.dark_rules == 1
    assert doc.blocked_images == 1 and doc.missing_cids == ()
    assert doc.notes == (NOTE_FORCED, NOTE_IMAGES_OFF, NOTE_MISSING_ALT, NOTE_AS_TEENVIO)


def test_dark_document_mode_uses_the_message_own_dark_styles() -> None:
    doc = render_preview(NEWSLETTER, PreviewModes(DarkMode.DOCUMENT))
    assert "@media all {.card{background:#1f2937;color:#f3f4f6}}" in doc.html
    assert doc.notes == (NOTE_DARK_RULES,)
    plain = render_preview("<p>Hola</p>", PreviewModes(DarkMode.DOCUMENT))
    assert plain.dark_rules == 0 and plain.notes == (NOTE_NO_DARK_RULES,)
    assert '<meta name="color-scheme" content="dark">' in plain.html


def test_light_preview_never_applies_dark_rules_whatever_the_desktop_scheme() -> None:
    assert "@media not all {.card{background:#1f2937" in render_preview(NEWSLETTER).html


def test_as_teenvio_follows_the_options_and_says_when_nothing_is_added() -> None:
    sanitized = sanitize_for_preview("<p>x</p>").html
    on = apply_modes(sanitized, PreviewModes(as_teenvio=True), options=TeenvioOptions(language=8))
    assert header_block(TeenvioOptions(language=8)) in on.html
    off = apply_modes(
        sanitized, PreviewModes(as_teenvio=True), options=TeenvioOptions(show_cab=False)
    )
    assert off.html == apply_modes(sanitized, PreviewModes()).html
    assert off.notes == (NOTE_TEENVIO_ADDS_NOTHING,)


def test_notes_are_translated() -> None:
    doc = render_preview(
        "<p>x</p>", PreviewModes(images_off=True), translate=lambda c, t: f"{c}:{t}"
    )
    assert doc.notes == (f"preview_modes:{NOTE_IMAGES_OFF}",)


# --- the sanitiser's guarantees survive every combination of modes -------------------------

HOSTILE = [
    "<script>alert(1)</script>", '<img src="x" onerror="alert(2)">', "<body onload=alert(3)>",
    '<a href="javascript:alert(4)">j</a>', '<img src="https://evil.example/t.gif" alt="t">',
    '<img src="//evil.example/p.gif">', '<div style="background:url(https://evil.example/b)">',
    "<style>@import url(https://evil.example/x.css); .a{background:url(//evil.example/c)}</style>",
    "<style>@media (prefers-color-scheme: dark){.a{color:#fff}} </style><script>x()</script>",
    '<table background="https://evil.example/t.png"><tr><td bgcolor="#fff">t</td></tr></table>',
    '<picture><source srcset="https://evil.example/s.webp"><img src="a.png"></picture>',
    '<iframe src="https://evil.example"></iframe>', '<form action="https://evil.example">',
    '<p style="color:#000;background-color:white" title="a>b">t</p>', "<font color=red>f</font>",
    '<svg onload="x()"><script>y()</script></svg>', '<meta http-equiv="refresh" content="0">',
    '<link rel="stylesheet" href="https://evil.example/l.css">', "<p>&lt;script&gt;</p>",
]  # fmt: skip
_REMOTE = re.compile(r"^\s*(?:https?:)?//", re.I)


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.faults: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "form", "link", "svg", "base"):
            self.faults.append(f"<{tag}>")
        if tag == "meta" and any(k == "http-equiv" for k, _ in attrs):
            self.faults.append("meta http-equiv")
        self._in_style = tag == "style"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.faults.append(f"handler {name}")
            if "javascript:" in value.lower():
                self.faults.append(f"javascript: in {name}")
            if name in ("src", "srcset", "background") and _REMOTE.match(value):
                self.faults.append(f"remote {name}")
            if name == "style":
                self._css(value)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._css(data)

    def _css(self, css: str) -> None:
        lowered = css.lower()
        if "@import" in lowered or re.search(r"url\(\s*['\"]?\s*(?:https?:)?//", lowered):
            self.faults.append(f"remote css {css[:60]}")
        if "expression(" in lowered:
            self.faults.append("expression()")


def audit(html: str) -> list[str]:
    parser = _Audit()
    parser.feed(html)
    parser.close()
    return parser.faults


@settings(max_examples=60, deadline=None)
@given(
    parts=st.lists(st.sampled_from(HOSTILE) | st.text(max_size=30), min_size=1, max_size=8),
    options=st.builds(
        TeenvioOptions,
        show_cab=st.booleans(),
        social_links=st.booleans(),
        language=st.sampled_from([3, 4, 6, 18]),
    ),
)
def test_no_mode_brings_back_scripts_handlers_or_remote_loads(
    parts: list[str], options: TeenvioOptions
) -> None:
    sanitized = sanitize_for_preview("".join(parts)).html
    # What the sanitiser lets through is its business (the view's request interceptor still
    # blocks remote loads); no transform may add to it.
    allowed = set(audit(sanitized))
    for modes in ALL_MODES:
        added = set(audit(apply_modes(sanitized, modes, options=options).html)) - allowed
        assert not added, modes
