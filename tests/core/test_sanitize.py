"""The preview sanitiser removes everything active and keeps email layout."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from teenvio_desktop.core.sanitize import BLOCKED_IMAGE, sanitize_for_preview


def test_scripts_and_their_content_are_removed() -> None:
    out = sanitize_for_preview("<p>a</p><script>alert('x')</script><SCRIPT src=x></SCRIPT>").html
    assert "<script" not in out.lower() and "alert" not in out


def test_event_handlers_are_removed() -> None:
    out = sanitize_for_preview(
        '<img src="data:image/gif;base64,AA" onerror="x()"><body onload="y()">'
        '<a href="https://e.com" onclick="z()" onmouseover="w()">l</a>'
    ).html
    for handler in ("onerror", "onload", "onclick", "onmouseover"):
        assert handler not in out
    assert 'href="https://e.com"' in out


def test_forms_inputs_and_frames_are_removed() -> None:
    out = sanitize_for_preview(
        '<form action="https://evil"><input name="p"><button>Go</button></form>'
        '<iframe src="https://evil"></iframe><object data="x"></object><embed src="y">'
    ).html.lower()
    for tag in ("<form", "<input", "<button", "<iframe", "<object", "<embed"):
        assert tag not in out
    assert "evil" not in out


def test_javascript_urls_are_removed() -> None:
    out = sanitize_for_preview(
        '<a href="javascript:alert(1)">a</a><a href=" JaVaScRiPt:alert(2)">b</a>'
        '<img src="javascript:alert(3)">'
    ).html
    assert "javascript" not in out.lower()


def test_tables_and_inline_styles_are_kept() -> None:
    out = sanitize_for_preview(
        '<table width="600" cellpadding="0" cellspacing="0" bgcolor="#ffffff" '
        'style="margin: 0 auto; padding: 10px; background-color: #fafafa">'
        '<tr><td align="center" valign="top" style="font-family: Arial; color: #333333">'
        "Hi</td></tr></table>"
    ).html
    assert "<table" in out and "<td" in out
    assert 'width="600"' in out and 'cellpadding="0"' in out and 'bgcolor="#ffffff"' in out
    assert "padding: 10px" in out and "margin: 0 auto" in out
    assert "font-family: Arial" in out and 'align="center"' in out


def test_style_blocks_are_kept_without_imports_or_expressions() -> None:
    out = sanitize_for_preview(
        "<html><head><style>@import url(https://evil/x.css); p { color: red; "
        "width: expression(alert(1)) }</style></head><body><p>x</p></body></html>"
    ).html
    assert "p { color: red;" in out
    assert "@import" not in out and "expression(" not in out


def test_style_block_cannot_close_itself() -> None:
    out = sanitize_for_preview("<style>p{}</style><script>x</script></style></p>").html
    assert out.count("</style>") == 1


def test_remote_images_blocked_unless_allowed() -> None:
    doc = (
        '<img src="https://tracker.example/p.gif"><p style="background: url(https://x/y.png)">t</p>'
    )
    blocked = sanitize_for_preview(doc)
    assert "tracker.example" not in blocked.html and BLOCKED_IMAGE in blocked.html
    assert "https://x/y.png" not in blocked.html
    assert blocked.blocked_images == 1
    allowed = sanitize_for_preview(doc, allow_remote_images=True)
    assert 'src="https://tracker.example/p.gif"' in allowed.html
    assert allowed.blocked_images == 0


def test_cid_images_resolved_and_missing_ones_reported() -> None:
    out = sanitize_for_preview(
        '<img src="cid:logo"><img src="cid:nope">',
        cid_resolver=lambda cid: "data:image/png;base64,AAAA" if cid == "logo" else None,
    )
    assert 'src="data:image/png;base64,AAAA"' in out.html
    assert out.missing_cids == ["nope"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="<>/=\"' abcdefijklmnoprstvxy:;()", max_size=120))
def test_no_active_content_survives_arbitrary_markup(markup: str) -> None:
    lowered = sanitize_for_preview(markup).html.lower()
    assert "<script" not in lowered and "<iframe" not in lowered and "<form" not in lowered
    assert " onload=" not in lowered and " onerror=" not in lowered
