"""What an accepted DATA becomes (seed sections 2.3 and 5): campaign, content piece,
contact group; attachments as links, cid: images hosted; headers read and checked."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

import httpx
import pytest

from teenvio_desktop.sandbox.server import RunningSandbox
from tests.helpers.sandbox import smtp_ssl, smtp_starttls

pytestmark = pytest.mark.timeout(30)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _campaign_message(**headers: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Demo <demo@example.com>"
    message["To"] = "a@example.org"
    message["Subject"] = "Ofertas de ñandú"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content("Hola en texto")
    message.add_alternative(
        '<html><body><p>Hola</p><img src="cid:logo@demo"></body></html>', subtype="html"
    )
    html_part = message.get_payload()[1]
    html_part.add_related(
        PNG, maintype="image", subtype="png", cid="<logo@demo>", filename="logo.png"
    )
    message.add_attachment(
        b"%PDF-1.4 demo", maintype="application", subtype="pdf", filename="tarifa.pdf"
    )
    return message


def test_subject_headers_content_and_recipients_are_stored(sandbox: RunningSandbox) -> None:
    message = _campaign_message(
        X_Teenvio_ShowCab="no",
        X_Teenvio_SocialLinks="yes",
        X_Teenvio_Language="4",
        X_Teenvio_TrackingOpening="no",
        X_Teenvio_TrackingClicks="yes",
    )
    with smtp_starttls(sandbox) as client:
        client.send_message(message, to_addrs=["a@example.org", "b@example.org"])
    (campaign,) = sandbox.received_campaigns()
    assert campaign.subject == "Ofertas de ñandú"
    assert campaign.teenvio_headers == {
        "X-Teenvio-ShowCab": "no",
        "X-Teenvio-SocialLinks": "yes",
        "X-Teenvio-Language": "4",
        "X-Teenvio-TrackingOpening": "no",
        "X-Teenvio-TrackingClicks": "yes",
    }
    assert campaign.header("x-teenvio-language") == "4"
    assert campaign.mail_from == "demo@example.com"
    assert campaign.recipients == ("a@example.org", "b@example.org")
    assert campaign.text.startswith("Hola en texto")
    assert "<p>Hola</p>" in campaign.html_original
    assert campaign.raw.startswith(b"From: Demo") or b"Subject:" in campaign.raw
    # One contact group per campaign, with its recipients.
    (group,) = sandbox.contact_groups()
    assert group.group_id == campaign.contact_group_id
    assert group.smtp_campaign_id == campaign.teenvio_id
    assert group.emails == ("a@example.org", "b@example.org")
    # One message per recipient, known to TEA Lite under the SMTP user.
    messages = sandbox.received_messages(campaign.teenvio_id)
    assert [(m.recipient, m.transport, m.source_system) for m in messages] == [
        ("a@example.org", "smtp", sandbox.info.user),
        ("b@example.org", "smtp", sandbox.info.user),
    ]


def test_cid_images_are_hosted_and_attachments_become_links(sandbox: RunningSandbox) -> None:
    with smtp_ssl(sandbox) as client:
        client.send_message(_campaign_message(), to_addrs=["a@example.org"])
    (campaign,) = sandbox.received_campaigns()
    (image,) = campaign.inline_images
    (attachment,) = campaign.attachments
    assert (image.filename, image.content_id, image.content_type) == (
        "logo.png",
        "logo@demo",
        "image/png",
    )
    assert "cid:logo@demo" not in campaign.html
    assert f'src="{image.url}"' in campaign.html
    assert attachment.filename == "tarifa.pdf"
    assert f'href="{attachment.url}"' in campaign.html
    assert attachment.url in campaign.text
    # Both are served by the sandbox, byte for byte.
    assert httpx.get(image.url).content == PNG
    pdf = httpx.get(attachment.url)
    assert (pdf.content, pdf.headers["Content-Type"]) == (b"%PDF-1.4 demo", "application/pdf")
    assert httpx.get(f"{sandbox.info.api_url}/files/999/x").status_code == 404


def test_data_with_only_the_ending_dot_imports_contacts_without_sending(
    sandbox: RunningSandbox,
) -> None:
    with smtp_ssl(sandbox) as client:
        assert client.mail("demo@example.com")[0] == 250
        for address in ("uno@example.org", "dos@example.org"):
            assert client.rcpt(address) == (250, b"Accepted")
        assert client.docmd("DATA")[0] == 354
        client.send(b".\r\n")
        assert client.getreply() == (250, b"OK")
        # smtplib's own way (an empty message) does the same.
        client.mail("demo@example.com")
        client.rcpt("tres@example.org")
        assert client.data(b"") == (250, b"OK")
    assert sandbox.received_campaigns() == []
    assert sandbox.received_messages() == []
    groups = sandbox.contact_groups()
    assert [(g.emails, g.smtp_campaign_id) for g in groups] == [
        (("uno@example.org", "dos@example.org"), None),
        (("tres@example.org",), None),
    ]


@pytest.mark.parametrize(
    ("header", "value", "reason"),
    [
        (
            "Reply-To",
            "otro@example.net",
            b"el Reply-To otro@example.net no es un remitente validado",
        ),
        ("X-Teenvio-Language", "99", b"X-Teenvio-Language no reconocido: 99"),
        ("X-Teenvio-ShowCab", "quizas", b"X-Teenvio-ShowCab debe ser yes o no: quizas"),
    ],
)
def test_bad_reply_to_or_teenvio_header_is_an_internal_error(
    sandbox: RunningSandbox, header: str, value: str, reason: bytes
) -> None:
    message = _campaign_message()
    message[header] = value
    with smtp_ssl(sandbox) as client, pytest.raises(smtplib.SMTPDataError) as caught:
        client.send_message(message, to_addrs=["a@example.org"])
    assert (caught.value.smtp_code, caught.value.smtp_error) == (500, b"Internal error - " + reason)
    assert sandbox.received_campaigns() == []


def test_a_validated_reply_to_is_accepted(sandbox: RunningSandbox) -> None:
    message = _campaign_message()
    message["Reply-To"] = "News <news@example.com>"
    with smtp_ssl(sandbox) as client:
        client.send_message(message, to_addrs=["a@example.org"])
    assert sandbox.received_campaigns()[0].header("Reply-To") == "News <news@example.com>"
