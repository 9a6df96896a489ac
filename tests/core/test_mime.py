"""The campaign's MIME message: structure, Teenvio headers, encodings, injection guards."""

from __future__ import annotations

import email.policy
from email.message import EmailMessage
from email.parser import BytesParser

import pytest

from teenvio_desktop.core.campaign import Attachment, Campaign, InlineImage, TeenvioOptions
from teenvio_desktop.core.mime import (
    build_message,
    encoded_size,
    header_block,
    html_to_text,
    message_warnings,
    raw_headers_preview,
    serialize,
)
from teenvio_desktop.core.mime_checks import (
    ControlCharacterInField,
    InvalidAddress,
    InvalidFieldValue,
    LineBreakInField,
    MessageFieldError,
    MissingField,
)

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def campaign(**changes: object) -> Campaign:
    base = Campaign(
        subject="Ofertas de otoño ☂",
        sender="demo@example.com",
        sender_name="Víctor J. Chamorro",
        html='<html><body><p>Hola <a href="https://teenvio.example/x">aquí</a></p></body></html>',
        text="Hola, aquí: https://teenvio.example/x\n",
        recipients=["a@example.com"],
    )
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def parse(msg: EmailMessage) -> EmailMessage:
    back = BytesParser(policy=email.policy.default).parsebytes(serialize(msg))
    assert isinstance(back, EmailMessage)
    return back


def test_alternative_with_plain_and_html_and_required_headers() -> None:
    msg = build_message(campaign())
    back = parse(msg)
    assert back.get_content_type() == "multipart/alternative"
    types = [p.get_content_type() for p in back.iter_parts()]
    assert types == ["text/plain", "text/html"]
    assert back["Subject"] == "Ofertas de otoño ☂"
    assert back["From"].addresses[0].display_name == "Víctor J. Chamorro"
    assert back["From"].addresses[0].addr_spec == "demo@example.com"
    assert back["Message-ID"].endswith("@example.com>")
    assert back["Date"].datetime is not None
    assert back["MIME-Version"] == "1.0"
    assert back["To"] == "undisclosed-recipients:;"
    assert "Reply-To" not in back


def test_non_ascii_headers_are_rfc2047_and_body_is_7bit() -> None:
    data = serialize(build_message(campaign()))
    assert max(data) < 128
    head = header_block(data)
    assert "=?utf-8?" in head
    assert "otoño" not in head


def test_exact_size_is_the_serialized_length() -> None:
    msg = build_message(campaign())
    assert encoded_size(msg) == len(serialize(msg))
    assert serialize(msg) == serialize(msg)  # boundaries are fixed once generated


def test_inline_images_go_in_related_with_content_id() -> None:
    html = '<p><img src="cid:logo@teenvio"> <img src="cid:banner"></p>'
    images = [
        InlineImage("logo@teenvio", "logo.png", "image/png", PNG),
        InlineImage("banner", "banner.gif", "image/gif", b"GIF89a"),
    ]
    back = parse(build_message(campaign(html=html, images=images)))
    assert back.get_content_type() == "multipart/alternative"
    plain, related = list(back.iter_parts())
    assert plain.get_content_type() == "text/plain"
    assert related.get_content_type() == "multipart/related"
    parts = list(related.iter_parts())
    assert parts[0].get_content_type() == "text/html"
    assert [(p["Content-ID"], p.get_content_type(), p.get_content()) for p in parts[1:]] == [
        ("<logo@teenvio>", "image/png", PNG),
        ("<banner>", "image/gif", b"GIF89a"),
    ]
    assert parts[1].get_content_disposition() == "inline"
    assert parts[1].get_filename() == "logo.png"
    assert message_warnings(campaign(html=html, images=images)) == []


def test_attachments_make_mixed_and_are_flagged() -> None:
    attachment = Attachment("tarifa ñ.pdf", "application/pdf", b"%PDF-1.4 ...")
    c = campaign(attachments=[attachment])
    back = parse(build_message(c))
    assert back.get_content_type() == "multipart/mixed"
    body, attached = list(back.iter_parts())
    assert body.get_content_type() == "multipart/alternative"
    assert attached.get_filename() == "tarifa ñ.pdf"
    assert attached.get_content() == b"%PDF-1.4 ..."
    (warning,) = message_warnings(c)
    assert warning.params == {"name": "tarifa ñ.pdf"}


def test_warnings_for_unused_and_missing_inline_images() -> None:
    c = campaign(
        html='<img src="cid:missing">',
        images=[InlineImage("unused", "u.png", "image/png", PNG)],
    )
    assert sorted(w.params["cid"] for w in message_warnings(c)) == ["missing", "unused"]


def test_default_options_write_no_teenvio_header() -> None:
    head = raw_headers_preview(campaign())
    assert "X-Teenvio" not in head


def test_each_option_writes_exactly_the_documented_header() -> None:
    options = TeenvioOptions(
        show_cab=False, social_links=True, language=4, tracking_opening=False, tracking_clicks=False
    )
    head = raw_headers_preview(campaign(options=options))
    lines = [line for line in head.split("\r\n") if line.startswith("X-Teenvio-")]
    assert lines == [
        "X-Teenvio-ShowCab: no",
        "X-Teenvio-SocialLinks: yes",
        "X-Teenvio-Language: 4",
        "X-Teenvio-TrackingOpening: no",
        "X-Teenvio-TrackingClicks: no",
    ]


def test_preview_is_the_exact_header_block_sent() -> None:
    msg = build_message(campaign(reply_to="soporte@example.com", reply_to_name="Soporte"))
    data = serialize(msg)
    head = header_block(data)
    assert data.startswith(head.encode("ascii") + b"\r\n")
    assert "Reply-To: Soporte <soporte@example.com>\r\n" in head
    assert "Content-Type: multipart/alternative;" in head


def test_unknown_language_is_refused() -> None:
    with pytest.raises(InvalidFieldValue):
        build_message(campaign(options=TeenvioOptions(language=9)))


def test_missing_text_is_generated_from_html_keeping_links() -> None:
    back = parse(build_message(campaign(text="")))
    plain = back.get_body(("plain",))
    assert plain is not None
    assert "[aquí](https://teenvio.example/x)" in plain.get_content()


def test_html_to_text_keeps_link_targets() -> None:
    assert html_to_text('<p>Ver <a href="https://x.example/">web</a></p>').strip() == (
        "Ver [web](https://x.example/)"
    )
    assert html_to_text("   ") == ""


def test_missing_html_is_refused() -> None:
    with pytest.raises(MissingField) as info:
        build_message(campaign(html="  "))
    assert "HTML part" in str(info.value)


@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("subject", {"subject": "Hi\r\nBcc: victim@example.com"}),
        ("subject", {"subject": "Hi\nX-Teenvio-ShowCab: no"}),
        ("subject", {"subject": "line\u2028separator"}),
        ("sender name", {"sender_name": "Eve\rBcc: x@example.com"}),
        ("sender address", {"sender": "demo@example.com\r\nRCPT TO:<x@example.com>"}),
        ("reply-to address", {"reply_to": "a@example.com\nBcc: b@example.com"}),
        ("reply-to name", {"reply_to": "a@example.com", "reply_to_name": "A\x85B"}),
        ("inline image content id", {"images": [InlineImage("a\nb", "a.png", "image/png", PNG)]}),
        ("inline image file name", {"images": [InlineImage("a", "a\r.png", "image/png", PNG)]}),
        ("attachment file name", {"attachments": [Attachment("x\n.pdf", "application/pdf", b"")]}),
    ],
)
def test_line_breaks_are_refused_naming_the_field(field: str, changes: dict[str, object]) -> None:
    with pytest.raises(LineBreakInField) as info:
        build_message(campaign(**changes))
    assert info.value.field == field
    assert field in str(info.value)
    assert "line break" in str(info.value)


def test_control_characters_are_refused() -> None:
    with pytest.raises(ControlCharacterInField) as info:
        build_message(campaign(subject="bell\x07"))
    assert "U+0007" in str(info.value)


@pytest.mark.parametrize(
    "address",
    [
        "no-at-sign",
        "two@@example.com",
        "Name <demo@example.com>",
        "a@b.com, c@d.com",
        "ñandú@example.com",  # no SMTPUTF8 at Teenvio
        "user@localhost",
    ],
)
def test_invalid_sender_addresses_are_refused(address: str) -> None:
    with pytest.raises(InvalidAddress) as info:
        build_message(campaign(sender=address))
    assert info.value.field == "sender address"
    assert address in str(info.value)


def test_idn_domains_are_punycoded() -> None:
    back = parse(build_message(campaign(sender="ventas@exämple.com")))
    assert back["From"].addresses[0].addr_spec == "ventas@xn--exmple-cua.com"


def test_field_labels_are_translated_in_explanations() -> None:
    def fake(context: str, text: str) -> str:
        return {"subject": "asunto"}.get(text, text) if context == "fields" else text

    with pytest.raises(MessageFieldError) as info:
        build_message(campaign(subject="a\nb"))
    assert "asunto" in info.value.explanation(fake)


def test_invalid_content_types_are_refused() -> None:
    with pytest.raises(InvalidFieldValue):
        build_message(campaign(images=[InlineImage("a", "a.png", "image png", PNG)]))
    with pytest.raises(InvalidFieldValue):
        build_message(campaign(images=[InlineImage("<a>", "a.png", "image/png", PNG)]))


def test_file_names_that_do_not_survive_encoding_are_refused() -> None:
    from teenvio_desktop.core.mime_checks import UnencodableField

    odd = Attachment('<img src="cid:x">', "application/pdf", b"%PDF")
    with pytest.raises(UnencodableField) as info:
        build_message(campaign(attachments=[odd]))
    assert info.value.field == "attachment file name"
    back = parse(build_message(campaign(attachments=[Attachment("  año 2026.pdf ", "a/b", b"")])))
    assert [p.get_filename() for p in back.iter_attachments()] == ["año 2026.pdf"]
