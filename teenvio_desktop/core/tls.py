"""The one way this application builds a TLS client context.

Every connection (SMTP-API, TEA Lite, the self-test) verifies the certificate chain, its
dates and the host name during the handshake, before any credential leaves the machine.
"""

from __future__ import annotations

import ssl


def client_ssl_context(ca_file: str | None = None) -> ssl.SSLContext:
    """System CAs, or only ``ca_file`` when one is named; certificate and host name verified."""
    if ca_file:
        return ssl.create_default_context(cafile=ca_file)
    return ssl.create_default_context()
