"""The shared parse: elements, text and styles with the places a click takes the cursor to."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from teenvio_desktop.core.quality import analyse
from teenvio_desktop.core.quality.css import parse_declarations, parse_stylesheet
from teenvio_desktop.core.quality.document import element_text, parse_document


def test_locations_are_lines_and_columns_of_the_source() -> None:
    html = "<html>\n<body>\n  <p>Hola <b>mundo</b></p>\r\n<img  alt='x' src=\"a.png\">\n"
    document = parse_document(html)
    image = document.first("img")
    assert image is not None
    where = document.element_location(image)
    assert (where.line, where.column, where.offset) == (4, 1, html.index("<img"))
    src = document.attribute_location(image, "src")
    assert (src.line, src.column) == (4, 20) and html[src.offset : src.offset + 5] == "a.png"
    assert document.attribute_value(image, "alt") == (html.index("x'"), "x")
    texts = [(run.text, document.location(run.offset).line) for run in document.texts]
    assert texts == [("Hola", 3), ("mundo", 3)]
    assert document.attribute_value(image, "title") == (image.offset, None)


def test_implied_end_tags_keep_parents_right() -> None:
    html = "<table><tr><td>a<td>b<tr><td>c</table><ul><li>x<li>y</ul><p>one<div>two</div>"
    document = parse_document(html)
    tags = [e.tag for e in document.elements]
    parents = {
        i: document.elements[e.parent].tag if e.parent >= 0 else None
        for i, e in enumerate(document.elements)
    }
    assert [parents[i] for i, t in enumerate(tags) if t == "td"] == ["tr", "tr", "tr"]
    assert [parents[i] for i, t in enumerate(tags) if t == "tr"] == ["table", "table"]
    assert [parents[i] for i, t in enumerate(tags) if t == "li"] == ["ul", "ul"]
    assert parents[tags.index("div")] is None  # <div> closed the <p>


def test_style_blocks_know_whether_they_are_in_the_body() -> None:
    html = "<html><head><style>a{}</style></head><body><style>\n.b{}</style></body></html>"
    blocks = parse_document(html).styles
    assert [(b.css, b.in_body) for b in blocks] == [("a{}", False), ("\n.b{}", True)]
    fragment = parse_document("<style>x{}</style><p>t</p><style>y{}</style>").styles
    assert [b.in_body for b in fragment] == [False, True]


def test_link_text_includes_images_alt_and_collapses_whitespace() -> None:
    html = '<a href="x">  Ver <img src="i.png" alt="el catálogo">\n completo </a>'
    link = parse_document(html).first("a")
    assert link is not None and element_text(link) == "Ver el catálogo completo"


def test_inline_declarations_keep_their_offsets_through_quotes_and_urls() -> None:
    style = (
        "font-family:'A;B', sans-serif; background:url(data:image/png;base64,AAA=) ;"
        "/* c */color : red !important"
    )
    found = parse_declarations(style)
    assert [(d.name, d.value, d.important) for d in found] == [
        ("font-family", "'A;B', sans-serif", False),
        ("background", "url(data:image/png;base64,AAA=)", False),
        ("color", "red", True),
    ]
    assert [style[d.offset : d.offset + len(d.name)] for d in found] == [
        "font-family", "background", "color"
    ]  # fmt: skip


def test_stylesheets_give_rules_media_context_and_offsets() -> None:
    css = (
        "/* x */\n@media screen and (max-width:600px){\n  .a > b:hover { color: red }\n}\n"
        "p{margin:0}"
    )
    sheet = parse_stylesheet(css)
    assert [r.media for r in sheet.rules] == [("screen and (max-width:600px)",), ()]
    first = sheet.rules[0]
    assert first.selectors[0].kinds == {
        "class", "child", "type", "pseudo-class:hover", "chaining"
    }  # fmt: skip
    assert first.selectors[0].simple is None
    assert sheet.rules[1].selectors[0].simple is not None
    assert css[first.declarations[0].offset :].startswith("color")
    assert sheet.comments == (0,)


def test_hostile_documents_are_bounded_and_never_raise() -> None:
    deep = "<div>" * 100_000 + "text" + "</div>" * 100_000
    report = analyse(deep)
    assert report.document.elements[-1].parent == 99_998
    long_attribute = '<img src="' + "a" * 2_000_000 + '">'
    findings = analyse(long_attribute).findings
    missing_alt = next(f for f in findings if f.id == "a11y.img.missing-alt")
    assert len(missing_alt.params["src"]) <= 80
    many = '<p style="position:absolute">x</p>' * 5000
    position = next(f for f in analyse(many).findings if f.id == "compat.css.position")
    assert len(position.also_at) == 50 and position.data["occurrences"] == 5000


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' \n\r\tabpstyle:;{}#&!-ímg")), max_size=300))
def test_any_text_parses_and_every_location_round_trips(source: str) -> None:
    report = analyse(source)
    document = report.document
    for finding in report.findings:
        for where in (finding.location, *finding.also_at):
            if where is None:
                continue
            assert 0 <= where.offset <= len(source)
            assert document.location(where.offset) == where
