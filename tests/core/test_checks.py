"""Each pre-send check fires on its own cause, and a good campaign passes clean."""

from __future__ import annotations

import pytest

from teenvio_desktop.core.campaign import Attachment, Campaign, InlineImage
from teenvio_desktop.core.checks import (
    GMAIL_CLIP_BYTES,
    REST_REQUEST_LIMIT,
    SMTP_SIZE_LIMIT,
    CheckEnvironment,
    has_errors,
    message_size,
    run_checks,
)
from teenvio_desktop.core.mime import build_message, encoded_size

SENDERS = ["demo@example.com"]
IMG = '<img src="cid:logo">'
PDF = Attachment("a.pdf", "application/pdf", b"%")


def good(**changes: object) -> Campaign:
    campaign = Campaign(
        subject="Ofertas de noviembre",
        sender="demo@example.com",
        sender_name="Demo",
        reply_to="demo@example.com",
        reply_to_name="Demo",
        html='<p>Hola <a href="https://example.com/x">ver</a> <img src="cid:logo"></p>',
        text="Hola [ver](https://example.com/x)\n",
        images=[InlineImage("logo", "logo.png", "image/png", b"\x89PNG" * 10)],
        recipients=["ana@example.com"],
        source_system="sys",
        campaign_ref="c1",
    )
    for key, value in changes.items():
        setattr(campaign, key, value)
    return campaign


def codes(campaign: Campaign, **env: object) -> set[str]:
    environment = CheckEnvironment(validated_senders=SENDERS, **env)  # type: ignore[arg-type]
    return {c.code for c in run_checks(campaign, environment)}


@pytest.mark.parametrize("transport", ["smtp", "rest"])
def test_a_good_campaign_has_no_errors_or_warnings(transport: str) -> None:
    checks = run_checks(good(transport=transport), CheckEnvironment(validated_senders=SENDERS))
    assert [c.code for c in checks] == ["links_count"]
    assert checks[0].render() == "Links in the HTML: 1."


@pytest.mark.parametrize(
    ("changes", "code", "severity"),
    [
        ({"html": ""}, "missing_html", "error"),
        ({"text": "  "}, "missing_text", "error"),
        ({"subject": ""}, "empty_subject", "error"),
        ({"recipients": []}, "no_recipients", "error"),
        ({"sender": ""}, "no_sender", "error"),
        ({"sender": "other@example.com"}, "sender_not_validated", "error"),
        ({"reply_to": "other@example.com"}, "reply_to_not_validated", "error"),
        ({"html": '<p><img src="cid:logo"><img src="cid:gone"></p>'}, "cid_missing", "error"),
        ({"html": "<p>no image</p>"}, "image_unused", "warning"),
        ({"attachments": [PDF]}, "attachment_link", "warning"),
        ({"html": '<p><img src="cid:logo"><script>x</script></p>'}, "dropped_element", "warning"),
        ({"html": '<img src="cid:logo"><form><input></form>'}, "dropped_element", "warning"),
        ({"html": '<img src="cid:logo"><iframe src="x"></iframe>'}, "dropped_element", "warning"),
        ({"html": '<img src="cid:logo"><a href="htp//bad">x</a>'}, "malformed_link", "warning"),
        ({"html": IMG + '<a href="javascript:x()">x</a>'}, "malformed_link", "warning"),
        ({"html": IMG + '<a href="https://exa mple.com">x</a>'}, "malformed_link", "warning"),
        ({"subject": "Hola {{ nombre }}"}, "merge_fields_smtp", "error"),
        ({"text": "Hola {{ nombre"}, "merge_fields_smtp", "error"),
        ({"html": IMG + "<p>{% if vip %}VIP{% endif %}</p>"}, "merge_fields_smtp", "error"),
        ({"subject": "Bad\r\nBcc: x@evil.com"}, "message_invalid", "error"),
    ],
)  # fmt: skip
def test_each_check_fires_on_its_cause(
    changes: dict[str, object], code: str, severity: str
) -> None:
    checks = run_checks(good(**changes), CheckEnvironment(validated_senders=SENDERS))
    found = [c for c in checks if c.code == code]
    assert found, [c.code for c in checks]
    assert found[0].severity == severity
    assert found[0].render()  # the template formats with its params
    assert has_errors(checks) == (severity == "error" or any(c.severity == "error" for c in checks))


@pytest.mark.parametrize("transport", ["smtp", "rest"])
def test_the_reply_to_must_be_a_validated_address_of_the_account(transport: str) -> None:
    # Seed 3.2.2: "Si se utiliza un reply-to también debe ser un remitente existente y validado".
    stranger = good(transport=transport, reply_to="Other@Example.com")
    assert "reply_to_not_validated" in codes(stranger)
    assert "reply_to_not_validated" not in codes(
        stranger, validated_reply_tos=["other@example.com"]
    )
    assert "reply_to_not_validated" not in codes(good(transport=transport, reply_to=""))
    # Nothing known about the account: nothing to check against.
    unknown = run_checks(stranger, CheckEnvironment())
    assert "reply_to_not_validated" not in {c.code for c in unknown}


def test_rest_requires_its_identity_fields() -> None:
    campaign = good(transport="rest", campaign_ref="", source_system="", reply_to_name="")
    found = codes(campaign)
    assert {"rest_missing_campaign_ref", "rest_missing_source_system"} <= found
    assert "rest_missing_reply_to_name" in found
    assert "list_unsubscribe_format" in codes(good(transport="rest", list_unsubscribe="ftp://x"))


def test_merge_fields_against_the_recipient_list_columns() -> None:
    campaign = good(transport="rest", subject="Hola {{ nombre }}", text="{{ ciudad }}")
    assert "merge_fields_no_list" in codes(campaign)
    found = codes(campaign, columns=["Nombre"], recipients_count=3)
    assert "merge_field_unknown" in found
    checks = run_checks(campaign, CheckEnvironment(columns=["nombre"], recipients_count=3))
    unknown = [c for c in checks if c.code == "merge_field_unknown"]
    assert [c.params["field"] for c in unknown] == ["ciudad"]
    assert "{{ ciudad }}" in unknown[0].render()
    assert "merge_field_unknown" not in codes(campaign, columns=["nombre", "ciudad"])


def test_recipient_count_from_a_list_counts() -> None:
    assert "no_recipients" not in codes(good(recipients=[]), recipients_count=10)
    assert "no_recipients" in codes(good(), recipients_count=0)


def test_smtp_size_is_the_builders_exact_size_and_limit() -> None:
    campaign = good()
    size, limit = message_size(campaign)
    # Message-ID and boundary are random per build, so two builds differ by a few bytes.
    assert abs(size - encoded_size(build_message(campaign))) < 16
    assert limit == SMTP_SIZE_LIMIT
    big = InlineImage("big", "big.png", "image/png", b"\x00" * 400_000)
    over = good(images=[*campaign.images, big], html=campaign.html + '<img src="cid:big">')
    found = [c for c in run_checks(over) if c.code == "size_over_limit"]
    assert found and found[0].params["limit"] == SMTP_SIZE_LIMIT
    assert abs(found[0].params["size"] - encoded_size(build_message(over))) < 16
    near = good(images=[InlineImage("logo", "l.png", "image/png", b"\x00" * 350_000)])
    assert "size_near_limit" in codes(near)


def test_rest_size_is_per_request_against_two_megabytes() -> None:
    html = "<p>" + "x" * (REST_REQUEST_LIMIT + 10) + '<img src="cid:logo"></p>'
    found = [
        c for c in run_checks(good(transport="rest", html=html)) if c.code == "size_over_limit"
    ]
    assert found and found[0].params["limit"] == REST_REQUEST_LIMIT


def test_gmail_clipping_warning_past_102_kb_of_html() -> None:
    html = '<p><img src="cid:logo">' + "y" * GMAIL_CLIP_BYTES + "</p>"
    assert "gmail_clip" in codes(good(transport="rest", html=html))
    assert "gmail_clip" not in codes(good(transport="rest"))


def test_errors_come_first() -> None:
    checks = run_checks(good(subject="", html="<p>x</p>"))
    severities = [c.severity for c in checks]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


def test_recipients_the_smtp_api_cannot_take_are_counted_and_named() -> None:
    typed = good(recipients=["ana@example.com", "iñigo@example.com", "eva@bücher.de"])
    (found,) = [c for c in run_checks(typed) if c.code == "smtputf8_recipients"]
    assert found.severity == "warning"
    assert "1 (iñigo@example.com)" in found.render() and "TEA Lite" in found.render()
    # TEA Lite takes them.
    assert not [c for c in run_checks(good(**{**typed.__dict__, "transport": "rest"}))
                if c.code == "smtputf8_recipients"]  # fmt: skip
    # Nobody else left: an error.
    only = good(recipients=["iñigo@example.com"])
    assert [c.severity for c in run_checks(only) if c.code == "smtputf8_recipients"] == ["error"]
    # A saved list: the flag stored at import, counted without reading the members.
    listed = good(recipients=[], recipient_list_id=7)
    env = CheckEnvironment(
        recipients_count=1000, smtputf8_count=12, smtputf8_sample=tuple(
            f"usuário{i}@example.com" for i in range(12))
    )  # fmt: skip
    (found,) = [c for c in run_checks(listed, env) if c.code == "smtputf8_recipients"]
    assert found.severity == "warning" and "12 (usuário0@example.com" in found.render()
    assert found.render().count("@") == 6  # five named, then "…" (and the @ in the text)
