"""Cleaning piece by piece gives the document bleach gives whole, and reuses pieces.

Equality is judged as a browser would: both outputs parsed by html5lib and serialised
again, runs of whitespace in text collapsed (a stripped tag becomes a newline or nothing,
depending on what came before it), and empty formatting elements dropped (the parser
reopens an unclosed ``<b>`` where the whole document ends, but not where a piece ends;
an empty ``<b></b>`` shows nothing).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bleach._vendor import html5lib
from bleach._vendor.html5lib import serializer, treewalkers
from hypothesis import given, settings
from hypothesis import strategies as st

from teenvio_desktop.core.sanitize import PreviewSanitizer, sanitize_for_preview
from teenvio_desktop.core.sanitize_pieces import Irregular, PieceCleaner, _root
from teenvio_desktop.core.starters import starter_campaign

CORPUS = Path(__file__).parent / "quality_corpus"
# A table of a thousand rows, about 100 KB (the shape of the preview benchmark's document).
DOC_100KB = (
    "<html><head><style>td { padding: 4px }</style></head><body><table>"
    + "".join(
        f"<tr><td style='color:#333'>Fila {n}</td><td><a href='https://example.com/{n}'>"
        f"enlace {n}</a></td></tr>\n"
        for n in range(1000)
    )
    + "</table></body></html>"
)

WHOLE = PreviewSanitizer()
LETTER = starter_campaign("letter", "es").html


def as_browser_reads(html: str) -> str:
    dom = html5lib.parse(html, namespaceHTMLElements=False)
    walker = treewalkers.getTreeWalker("etree")
    text = serializer.HTMLSerializer(omit_optional_tags=False, quote_attr_values="always").render(
        walker(dom)
    )
    text = re.sub(r"\s+", " ", str(text))
    while True:
        shorter = _EMPTY_FORMATTING.sub("", text)
        if shorter == text:
            return text
        text = shorter


_EMPTY_FORMATTING = re.compile(r"<(b|i|em|strong|u|s|small|big|font|code|tt|nobr)></\1>")


def fresh_pieces(piece_chars: int = 256) -> tuple[PieceCleaner, PreviewSanitizer]:
    """A sanitiser with its own cache (small pieces, so that small documents split too)."""
    plain = PreviewSanitizer()
    pieces = PieceCleaner(plain.clean_in, piece_chars=piece_chars)
    return pieces, PreviewSanitizer(pieces)


def documents() -> dict[str, str]:
    found = {name: starter_campaign(name, "es").html for name in ("newsletter", "letter")}
    found |= {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.html")}
    found["table 100 KB"] = DOC_100KB
    return found


@pytest.mark.parametrize("name", sorted(documents()))
def test_the_same_document_as_bleach_whole(name: str) -> None:
    html = documents()[name]
    _pieces, sanitizer = fresh_pieces()
    assert as_browser_reads(sanitizer.sanitize(html).html) == as_browser_reads(
        WHOLE.sanitize(html).html
    )


def test_an_edit_cleans_only_the_piece_it_touches() -> None:
    pieces, sanitizer = fresh_pieces(1024)
    sanitizer.sanitize(DOC_100KB)
    first = pieces.misses
    assert first > 50  # a hundred kilobytes in pieces of about one
    edited = DOC_100KB.replace("Fila 500<", "Fila 500 editada<")
    out = sanitizer.sanitize(edited).html
    assert pieces.misses - first == 1
    assert "Fila 500 editada" in out
    assert as_browser_reads(out) == as_browser_reads(WHOLE.sanitize(edited).html)


def test_the_shared_sanitiser_reuses_pieces_across_calls() -> None:
    from teenvio_desktop.core.sanitize import SHARED_PIECES

    html = starter_campaign("newsletter", "en").html
    sanitize_for_preview(html)
    before = SHARED_PIECES.misses
    sanitize_for_preview(html.replace("</body>", "<p>nuevo</p></body>"))
    assert 1 <= SHARED_PIECES.misses - before <= 2


@pytest.mark.parametrize(
    "markup",
    [
        "<svg><circle/></svg>",
        "<p><b>crossed</p></b>",
        "<div>stray</span></div>",
        "<!-- never closed",
        "<textarea><p>not markup</p></textarea>",
        '<a b"c>quote in a name</a>',
    ],
)
def test_markup_that_does_not_nest_as_written_is_cleaned_whole(markup: str) -> None:
    with pytest.raises(Irregular):
        _root(markup)
    _pieces, sanitizer = fresh_pieces(8)
    assert sanitizer.clean_fragment(markup) == WHOLE.clean_fragment(markup)


def test_optional_end_tags_and_table_rows_split_like_the_parser() -> None:
    markup = (
        "<table><tr><td>uno<td>dos<tr><td>tres</table>"
        "<ul><li>a<li>b</ul><p>uno<p>dos<div>bloque</div>"
    ) * 20
    _pieces, sanitizer = fresh_pieces(64)
    assert as_browser_reads(sanitizer.clean_fragment(markup)) == as_browser_reads(
        WHOLE.clean_fragment(markup)
    )


SNIPPETS = st.sampled_from([
    "<td>", "</td>", "<tr>", "</tr>", "<p>", "</p>", "<b>", "</b>", "<div>", "</div>",
    "<li>", "<table>", "</table>", "<!--", "-->", '"', "'", "<", ">", "&amp;", "x",
    "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "<a href='javascript:x'>",
    " style=\"color:red\"", "<br>", "</br>", "<svg>", "<![CDATA[", "\n",
])  # fmt: skip


def test_an_unclosed_formatting_tag_before_the_document_reads_the_same() -> None:
    # Found by the property below: "<p><b>" typed before the doctype.
    base = "<p><b>" + LETTER
    _pieces, sanitizer = fresh_pieces(128)
    pieced = sanitizer.sanitize(base).html
    assert as_browser_reads(pieced) == as_browser_reads(WHOLE.sanitize(base).html)


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_random_edits_clean_like_bleach_whole_and_stay_safe(data: st.DataObject) -> None:
    base = LETTER
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(base)))
        base = base[:at] + data.draw(SNIPPETS) + base[at:]
    _pieces, sanitizer = fresh_pieces(128)
    pieced = sanitizer.sanitize(base).html
    assert as_browser_reads(pieced) == as_browser_reads(WHOLE.sanitize(base).html)
    assert_inert(pieced)


def assert_inert(html: str) -> None:
    """As a browser parses it: no script, no event handler, no javascript: address."""
    for element in html5lib.parse(html, namespaceHTMLElements=False).iter():
        assert str(element.tag).lower() not in ("script", "iframe", "object", "embed")
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (name, value)
            # A browser drops tabs and newlines from an address and trims control characters.
            address = re.sub(r"[\t\n\r]", "", value).strip("\x00\x20").lower()
            assert not address.startswith("javascript:"), (name, value)
