"""Images off: every image becomes a box of its size holding its alt text."""

from __future__ import annotations

import re

from teenvio_desktop.core.preview_modes.images_off import MISSING_ALT, images_off
from teenvio_desktop.core.sanitize import sanitize_for_preview


def boxes(html: str) -> list[str]:
    return re.findall(r'<span class="teenvio-alt"[^>]*>[^<]*</span>', html)


def test_remote_cid_and_data_images_become_alt_boxes_of_their_size() -> None:
    doc = sanitize_for_preview(
        '<img src="https://x.example/a.png" alt="Oferta &amp; más" width="300" height="120">'
        '<img src="cid:logo" alt="Logotipo" width="50%">'
        '<img src="data:image/png;base64,AAAA" alt="Dato" style="width:80px;color:#c00;'
        'font-family:Georgia;display:block">',
        cid_resolver=lambda cid: f"teenvio-preview://cid/{cid}",
    ).html
    report = images_off(doc)
    assert report.replaced == 3 and report.missing_alt == 0
    assert "<img" not in report.html
    first, second, third = boxes(report.html)
    assert ">Oferta &amp; más</span>" in first
    assert "width:300px;height:120px;" in first and 'data-alt="text"' in first
    assert "width:50%;" in second and ">Logotipo<" in second
    # The image's own style styles its alt text, as in the clients.
    assert "font-family:Georgia" in third and "display:block" in third and "color:#c00" in third
    # The box is always visible, even when the image's style says outline:none.
    assert third.index("outline:1px dashed") > third.index("display:block")


def test_missing_alt_is_shown_and_counted_and_empty_alt_is_decorative() -> None:
    doc = sanitize_for_preview('<img src="https://x.example/a.png"><img src="b.png" alt="">').html
    report = images_off(doc, translate=lambda context, text: f"[{context}] {text}")
    missing, decorative = boxes(report.html)
    assert report.missing_alt == 1
    assert f">[preview_modes] {MISSING_ALT}</span>" in missing and 'data-alt="missing"' in missing
    assert 'data-alt="empty"' in decorative and decorative.endswith("></span>")


def test_backgrounds_and_picture_sources_disappear() -> None:
    doc = sanitize_for_preview(
        "<html><head><style>.hero{background:url(cid:bg) #fff}</style></head><body>"
        '<table background="https://x.example/bg.png"><tr><td style="background-image:'
        'url(data:image/png;base64,AAAA);color:red">t</td></tr></table>'
        '<picture><source srcset="https://x.example/a.webp"><img src="a.png" alt="A"></picture>'
        "</body></html>",
        allow_remote_images=True,
    ).html
    out = images_off(doc).html
    assert "url(" not in out and "background=" not in out and "<source" not in out
    assert ".hero{background:none #fff}" in out
    assert 'style="background-image:none;color:red;"' in out
