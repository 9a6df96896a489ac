"""Property: any Unicode in any field builds a message that reads back equal, or a clear error."""

from __future__ import annotations

import email.policy
from email.message import EmailMessage
from email.parser import BytesParser

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from teenvio_desktop.core.campaign import Attachment, Campaign, InlineImage, TeenvioOptions
from teenvio_desktop.core.mime import build_message, normalize_body, serialize
from teenvio_desktop.core.mime_checks import MessageFieldError, check_address

EXPECTED_HEADERS = {
    "message-id",
    "date",
    "from",
    "reply-to",
    "to",
    "subject",
    "mime-version",
    "content-type",
}
# Attachments make the top level multipart/mixed; the headers stay the same.

any_text = st.text(max_size=60)
# Mostly text without control characters, so that most examples get built and compared.
printable = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=60)
names = st.one_of(
    printable,
    printable,
    any_text,
    st.sampled_from(['"quoted"', "a, b", "x (y)", "=?utf-8?q?a?=", " ä ", "Zoë <z>", "a\\b"]),
)
valid_addresses = st.sampled_from(
    ["demo@example.com", "r@exämple.com", "a.b+c@sub.example.org", "O'Neil@Example.COM"]
)
# Mostly valid addresses (so the other fields get exercised), some arbitrary text.
addresses = st.one_of(
    *([valid_addresses] * 6),
    any_text,
    st.builds(lambda a, b: f"{a}@{b}.com", st.text(min_size=1, max_size=8), st.text(max_size=8)),
)


def parse(data: bytes) -> EmailMessage:
    msg = BytesParser(policy=email.policy.default).parsebytes(data)
    assert isinstance(msg, EmailMessage)
    return msg


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    subject=names,
    sender=valid_addresses,
    sender_name=names,
    reply_to=st.one_of(valid_addresses, st.just("")),
    reply_to_name=names,
    html=st.text(max_size=200),
    text=st.text(max_size=200),
    language=st.sampled_from([3, 4, 18]),
    show_cab=st.booleans(),
    cid=st.one_of(st.just("logo"), st.just("logo@example"), st.just("a.b"), st.text(max_size=12)),
    image_name=st.one_of(st.just("logo.png"), printable, any_text),
    attachment_name=st.one_of(printable, any_text),
)
def test_any_field_round_trips_or_is_refused(
    subject: str,
    sender: str,
    sender_name: str,
    reply_to: str,
    reply_to_name: str,
    html: str,
    text: str,
    language: int,
    show_cab: bool,
    cid: str,
    image_name: str,
    attachment_name: str,
) -> None:
    campaign = Campaign(
        subject=subject,
        sender=sender,
        sender_name=sender_name,
        reply_to=reply_to,
        reply_to_name=reply_to_name,
        html="<p>" + html,
        text=text,
        images=[InlineImage(cid, image_name, "image/png", b"\x89PNG\r\n")],
        attachments=[Attachment(attachment_name, "application/pdf", b"%PDF")],
        options=TeenvioOptions(language=language, show_cab=show_cab),
    )
    try:
        msg = build_message(campaign)
    except MessageFieldError as exc:
        event(f"refused: {type(exc).__name__} {exc.field}")
        assert exc.field
        assert exc.render()
        return
    event("built")
    data = serialize(msg)
    head = data.split(b"\r\n\r\n", 1)[0]
    assert max(data) < 128, "the message must be 7-bit"
    back = parse(data)
    teenvio = {k.lower() for k in back if k.lower().startswith("x-teenvio-")}
    has_reply_to = bool(reply_to.strip() or reply_to_name)
    expected = EXPECTED_HEADERS if has_reply_to else EXPECTED_HEADERS - {"reply-to"}
    assert {k.lower() for k in back} - teenvio == expected, head
    assert back["Subject"] == subject.strip()
    (sender_back,) = back["From"].addresses
    assert sender_back.display_name == sender_name.strip()
    assert sender_back.addr_spec == check_address(sender, "sender")
    if has_reply_to:
        (reply_back,) = back["Reply-To"].addresses
        assert reply_back.display_name == reply_to_name.strip()
        assert reply_back.addr_spec == check_address(reply_to, "reply-to")
    plain = back.get_body(("plain",))
    html_part = back.get_body(("html",))
    assert plain is not None and html_part is not None
    if text.strip():
        assert normalize_body(plain.get_content()) == normalize_body(text)
    assert normalize_body(html_part.get_content()) == normalize_body("<p>" + html)
    assert back.get_all("X-Teenvio-ShowCab") == (None if show_cab else ["no"])
    assert back.get_all("X-Teenvio-Language") == (None if language == 3 else [str(language)])
    (image,) = [p for p in back.walk() if p.get_content_maintype() == "image"]
    assert image["Content-ID"] == f"<{cid}>"
    assert image.get_filename() == (image_name.strip() or None)
    assert image.get_content() == b"\x89PNG\r\n"
    (attached,) = [p for p in back.walk() if p.get_content_maintype() == "application"]
    assert attached.get_filename() == (attachment_name.strip() or None)
    assert attached.get_content() == b"%PDF"


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=30),
        st.builds(
            lambda a, b: f"{a}@{b}",
            st.from_regex(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\"-]{0,12}", fullmatch=True),
            st.from_regex(r"[A-Za-zä0-9.-]{0,12}(\.[a-z]{2,4})?", fullmatch=True),
        ),
    )
)
def test_the_address_fast_path_agrees_with_email_validator(address: str) -> None:
    from teenvio_desktop.core.mime_checks import _validated

    def outcome(check: object) -> str:
        try:
            return str(check(address, "recipient"))  # type: ignore[operator]
        except MessageFieldError as exc:
            return type(exc).__name__

    assert outcome(check_address) == outcome(_validated) or outcome(check_address) in (
        "LineBreakInField",
        "ControlCharacterInField",
        "MissingField",
    )


@settings(max_examples=300, deadline=None)
@given(addresses)
def test_any_address_is_refused_or_safe_for_the_envelope(address: str) -> None:
    try:
        checked = check_address(address, "recipient")
    except MessageFieldError as exc:
        assert exc.field == "recipient"
        assert exc.render()
        return
    assert checked.isascii() and checked.isprintable()
    assert not any(c in checked for c in "<> \t,;")
    assert checked.count("@") == 1 or checked.startswith('"')
