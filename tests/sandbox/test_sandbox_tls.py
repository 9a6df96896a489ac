"""The sandbox CA and server certificate: generated once, reused, re-issued when needed."""

from __future__ import annotations

from pathlib import Path

from cryptography import x509

from teenvio_desktop.sandbox.tls import ensure_tls_files


def _san(path: Path) -> list[str]:
    cert = x509.load_pem_x509_certificate(path.read_bytes())
    names = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    return [str(name.value) for name in names]


def test_files_are_reused_and_reissued_for_a_new_host(tmp_path: Path) -> None:
    files = ensure_tls_files(tmp_path, "127.0.0.1")
    ca, server = files.ca_cert.read_bytes(), files.server_cert.read_bytes()
    assert files.ca_key.stat().st_mode & 0o077 == 0
    assert files.server_key.stat().st_mode & 0o077 == 0
    assert {"localhost", "127.0.0.1", "::1"} <= set(_san(files.server_cert))

    again = ensure_tls_files(tmp_path, "127.0.0.1")
    assert (again.ca_cert.read_bytes(), again.server_cert.read_bytes()) == (ca, server)

    other = ensure_tls_files(tmp_path, "sandbox.example")
    assert other.ca_cert.read_bytes() == ca  # clients keep trusting the same CA
    assert other.server_cert.read_bytes() != server
    assert "sandbox.example" in _san(other.server_cert)


def test_a_damaged_ca_is_replaced(tmp_path: Path) -> None:
    files = ensure_tls_files(tmp_path, "127.0.0.1")
    files.ca_key.write_text("not a key")
    renewed = ensure_tls_files(tmp_path, "127.0.0.1")
    cert = x509.load_pem_x509_certificate(renewed.server_cert.read_bytes())
    ca = x509.load_pem_x509_certificate(renewed.ca_cert.read_bytes())
    assert cert.issuer == ca.subject
    cert.verify_directly_issued_by(ca)
