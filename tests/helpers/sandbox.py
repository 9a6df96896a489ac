"""Shared bits of the sandbox tests: real clients (smtplib, httpx) and a seed-like message."""

from __future__ import annotations

import smtplib
import ssl
from typing import Any

import httpx

from teenvio_desktop.sandbox.server import RunningSandbox

WIDE = {"startTimeUTC": "20000101000000", "endTimeUTC": "20991231235959"}

SEED_MESSAGE = (
    "Message-ID: <5231AC96.9010208@dominio.com>\r\n"
    "Date: Thu, 12 Sep 2013 13:59:18 +0200\r\n"
    "From: =?ISO-8859-1?Q?=22V=EDctor_J=2E_Chamorro=22?= <demo@example.com>\r\n"
    "X-Teenvio-SocialLinks: yes\r\n"
    "MIME-Version: 1.0\r\n"
    "To: usuario@dominio.com\r\n"
    "Subject: prueba correo simple\r\n"
    "Content-Type: multipart/alternative;\r\n"
    ' boundary="-----050004090406000109090608"\r\n'
    "\r\n"
    "This is a multi-part message in MIME format.\r\n"
    "-------050004090406000109090608\r\n"
    "Content-Type: text/plain; charset=ISO-8859-1; format=flowed\r\n"
    "Content-Transfer-Encoding: 8bit\r\n"
    "\r\n"
    "Buenas,\r\n"
    "\r\n"
    "Esto es un email *html* para probar el servidor smtp-api de teenvio\r\n"
    "\r\n"
    "-------050004090406000109090608\r\n"
    "Content-Type: text/html; charset=ISO-8859-1\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "\r\n"
    "<html><body>Buenas,<br>Esto es un email <b>html</b> para probar el servidor"
    ' <a href="https://teenvio.com/">teenvio</a></body></html>\r\n'
    "\r\n"
    "-------050004090406000109090608--\r\n"
)


def tls_context(sandbox: RunningSandbox) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(sandbox.info.ca_file))


def smtp_starttls(sandbox: RunningSandbox, *, login: bool = True) -> smtplib.SMTP:
    client = smtplib.SMTP(sandbox.info.host, sandbox.info.smtp_port, timeout=10)
    client.ehlo("MaquinaPrueba")
    client.starttls(context=tls_context(sandbox))
    client.ehlo("MaquinaPrueba")
    if login:
        client.login(sandbox.info.user, sandbox.info.password)
    return client


def smtp_ssl(sandbox: RunningSandbox, *, login: bool = True) -> smtplib.SMTP_SSL:
    client = smtplib.SMTP_SSL(
        sandbox.info.host, sandbox.info.smtps_port, context=tls_context(sandbox), timeout=10
    )
    client.ehlo("MaquinaPrueba")
    if login:
        client.login(sandbox.info.user, sandbox.info.password)
    return client


# Plain HTTP needs no CA bundle; one default context spares loading it for every client.
_HTTP_CONTEXT = ssl.create_default_context()


def api(sandbox: RunningSandbox, *, token: str | None = None) -> httpx.Client:
    return httpx.Client(
        verify=_HTTP_CONTEXT,
        base_url=sandbox.info.api_url,
        headers={"Authorization": f"Basic {token or sandbox.info.token}"},
        timeout=10,
    )


def send_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "email",
        "outboundId": "1",
        "campaignId": "1",
        "sourceSystem": "IDSystemaEnvio",
        "sender": "demo@example.com",
        "senderName": "Envios",
        "replyTo": "demo@example.com",
        "replyToName": "Envios",
        "recipient": "email@tralix.com",
        "recipientName": "Email",
        "subjectContentPlainText": "Envio",
        "bodyContentHTML": '<p>Hola <a href="https://example.com/oferta">oferta</a></p>',
        "bodyContentPlainText": "Texto alternativo",
    }
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not None}
