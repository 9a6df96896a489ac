"""``send --via smtp`` as a user runs it: real processes (and in-process runs) to the sandbox."""

from __future__ import annotations

import email.policy
import os
import re
import subprocess
import sys
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest

from teenvio_desktop.cli.main import main
from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.store import Database
from teenvio_desktop.sandbox.server import RunningSandbox

pytestmark = pytest.mark.timeout(120)

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(32))
HTML = (
    "<html><body><h1>Novedades</h1><p>Hola, mira <a href='https://teenvio.example/o'>las "
    "ofertas</a>.</p><img src='cid:logo'></body></html>"
)


def env_without_secrets(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEENVIO_")}
    env.update({"QT_QPA_PLATFORM": "offscreen", **extra})
    return env


def inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "html": tmp_path / "body.html",
        "logo": tmp_path / "logo.png",
        "pdf": tmp_path / "tarifas.pdf",
        "csv": tmp_path / "lista.csv",
        "text": tmp_path / "body.txt",
    }
    files["html"].write_text(HTML, encoding="utf-8")
    files["logo"].write_bytes(PNG)
    files["pdf"].write_bytes(b"%PDF-1.4 tarifas")
    files["csv"].write_text(
        "Nombre;Correo\nAna;ana@example.com\nLuis;luis@example.org\n", encoding="utf-8"
    )
    files["text"].write_text("Texto propio: https://teenvio.example/o\n", encoding="utf-8")
    return files


def base_args(sandbox: RunningSandbox, data_dir: Path, security: str = "tls") -> list[str]:
    info = sandbox.info
    port = info.smtps_port if security == "tls" else info.smtp_port
    return [
        "send", "--data-dir", str(data_dir), "--via", "smtp",
        "--server", f"{info.host}:{port}", "--security", security,
        "--cafile", str(info.ca_file), "--user", info.user,
        "--from", "demo@example.com", "--subject", "Novedades de otoño",
    ]  # fmt: skip


def parse(raw: bytes) -> EmailMessage:
    msg = BytesParser(policy=email.policy.default).parsebytes(raw)
    assert isinstance(msg, EmailMessage)
    return msg


def test_the_documented_command_line_delivers_with_every_option(
    tmp_path: Path, sandbox: RunningSandbox
) -> None:
    files = inputs(tmp_path)
    data_dir = tmp_path / "data"
    args = [
        sys.executable, "-m", "teenvio_desktop", *base_args(sandbox, data_dir),
        "--from-name", "Víctor J. Chamorro", "--reply-to", "news@example.com",
        "--to", "ana@example.com", "luis@example.org",
        "--html", str(files["html"]), "--image", f"logo={files['logo']}",
        "--attach", str(files["pdf"]),
        "--show-cab", "no", "--social-links", "yes", "--language", "4",
        "--tracking-opening", "no", "--tracking-clicks", "no",
    ]  # fmt: skip
    done = subprocess.run(
        args,
        capture_output=True,
        text=True,
        timeout=90,
        env=env_without_secrets(TEENVIO_PASSWORD=sandbox.info.password),
    )
    assert done.returncode == 0, done.stderr
    (received,) = sandbox.received_campaigns()
    assert done.stdout.strip() == f"campaign id={received.teenvio_id} smtp-id={received.smtp_ident}"
    assert re.fullmatch(r"campaign id=\d+ smtp-id=[0-9a-f]+", done.stdout.strip())
    assert received.teenvio_headers == {
        "X-Teenvio-ShowCab": "no",
        "X-Teenvio-SocialLinks": "yes",
        "X-Teenvio-Language": "4",
        "X-Teenvio-TrackingOpening": "no",
        "X-Teenvio-TrackingClicks": "no",
    }
    assert list(received.recipients) == ["ana@example.com", "luis@example.org"]
    back = parse(received.raw)
    assert back["Subject"] == "Novedades de otoño"
    assert back["From"].addresses[0].display_name == "Víctor J. Chamorro"
    assert back["Reply-To"].addresses[0].addr_spec == "news@example.com"
    plain = back.get_body(("plain",))
    assert plain is not None
    assert "[las ofertas](https://teenvio.example/o)" in plain.get_content()  # links kept
    assert [i.content_id for i in received.inline_images] == ["logo"]
    assert [a.filename for a in received.attachments] == ["tarifas.pdf"]
    assert "Teenvio turns the attachment" in done.stderr  # flagged
    assert sandbox.info.password not in done.stdout + done.stderr
    log_dir = data_dir / "logs"
    for log in log_dir.glob("*.log*"):
        assert sandbox.info.password not in log.read_text(errors="replace")

    db = Database(data_dir / "teenvio.sqlite3")
    try:
        (record,) = CampaignRepository(db).list(transport="smtp")
        assert (record.teenvio_id, record.smtp_id) == (
            str(received.teenvio_id),
            received.smtp_ident,
        )
        assert record.state == "sent"
    finally:
        db.close()


def test_recipients_file_text_part_and_starttls(
    tmp_path: Path,
    sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = inputs(tmp_path)
    monkeypatch.setenv("TEENVIO_PASSWORD", sandbox.info.password)
    code = main(
        [
            *base_args(sandbox, tmp_path / "data", "starttls"),
            "--recipients",
            str(files["csv"]),
            "--html",
            str(files["html"]),
            "--text",
            str(files["text"]),
            "--image",
            f"logo={files['logo']}",
        ]
    )
    out = capsys.readouterr()
    assert code == 0, out.err
    (received,) = sandbox.received_campaigns()
    assert list(received.recipients) == ["ana@example.com", "luis@example.org"]
    assert received.text.startswith("Texto propio")
    assert received.teenvio_headers == {}  # defaults: no header at all


def test_contacts_only(
    tmp_path: Path,
    sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = inputs(tmp_path)
    monkeypatch.setenv("TEENVIO_PASSWORD", sandbox.info.password)
    code = main(
        [
            *base_args(sandbox, tmp_path / "data"),
            "--to",
            "ana@example.com",
            "--html",
            str(files["html"]),
            "--contacts-only",
        ]
    )
    out = capsys.readouterr()
    assert code == 0, out.err
    assert out.out.strip() == "contacts imported: 1"
    assert sandbox.received_campaigns() == []
    assert [list(g.emails) for g in sandbox.contact_groups()] == [["ana@example.com"]]


def test_a_refused_sender_prints_the_reply_and_exits_1(
    tmp_path: Path,
    sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = inputs(tmp_path)
    monkeypatch.setenv("TEENVIO_PASSWORD", sandbox.info.password)
    args = base_args(sandbox, tmp_path / "data")
    args[args.index("demo@example.com")] = "nobody@example.com"
    code = main([*args, "--to", "ana@example.com", "--html", str(files["html"])])
    out = capsys.readouterr()
    assert code == 1
    assert out.out == ""
    assert "553 Remitente no existente o no validado desde su plan de teenvio" in out.err
    assert "must exist and be validated in your Teenvio plan" in out.err


def test_a_wrong_password_exits_1_with_the_user_hint(
    tmp_path: Path,
    sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = inputs(tmp_path)
    monkeypatch.setenv("TEENVIO_PASSWORD", "not-the-password")
    code = main([*base_args(sandbox, tmp_path / "data"), "--to", "a@example.com", "--html",
                 str(files["html"])])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1
    assert "535 Authentication credentials invalid" in err
    assert "usuario.nombredeplan" in err


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (["--server", "smtp.teenvio.com:2500", "--security", "none"], "only allowed"),
        (["--image", "no-equals-sign"], "--image must be CID=FILE"),
        (["--language", "9"], "--language must be one of"),
        (["--server", "nohostport"], "--server must be HOST:PORT"),
        (["--subject", ""], "Missing arguments: --subject"),
        (["--html", "/does/not/exist.html"], "Cannot read --html"),
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path,
    sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    change: list[str],
    message: str,
) -> None:
    files = inputs(tmp_path)
    monkeypatch.setenv("TEENVIO_PASSWORD", sandbox.info.password)
    code = main(
        [
            *base_args(sandbox, tmp_path / "data"),
            "--to",
            "a@example.com",
            "--html",
            str(files["html"]),
            *change,
        ]
    )
    assert code == 2
    assert message in capsys.readouterr().err
    assert sandbox.received_campaigns() == []


def test_no_password_and_no_terminal_is_a_usage_error(
    tmp_path: Path, sandbox: RunningSandbox
) -> None:
    files = inputs(tmp_path)
    args = [sys.executable, "-m", "teenvio_desktop", *base_args(sandbox, tmp_path / "data"),
            "--to", "a@example.com", "--html", str(files["html"])]  # fmt: skip
    done = subprocess.run(
        args,
        capture_output=True,
        text=True,
        timeout=60,
        env=env_without_secrets(),
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert "TEENVIO_PASSWORD" in done.stderr


def test_account_password_comes_from_the_keyring(
    tmp_path: Path, sandbox: RunningSandbox, secret_service: object
) -> None:
    from teenvio_desktop.core.accounts import (
        Account,
        AccountRepository,
        SecretKind,
        SecretStore,
        SmtpConnection,
    )

    info, data_dir = sandbox.info, tmp_path / "data"
    db = Database(data_dir / "teenvio.sqlite3")
    try:
        account = Account(
            name="Oficina",
            smtp=SmtpConnection(info.host, info.smtps_port, "tls", info.user),
            ca_file=str(info.ca_file),
        )
        AccountRepository(db).add(account)
    finally:
        db.close()
    SecretStore(secret_service.backend()).set(  # type: ignore[attr-defined]
        "Oficina", SecretKind.SMTP_PASSWORD, info.password
    )
    files = inputs(tmp_path)
    args = [
        sys.executable, "-m", "teenvio_desktop", "send", "--data-dir", str(data_dir),
        "--via", "smtp", "--account", "Oficina", "--from", "demo@example.com",
        "--subject", "Desde la cuenta", "--to", "ana@example.com", "--html", str(files["html"]),
    ]  # fmt: skip
    done = subprocess.run(
        args,
        capture_output=True,
        text=True,
        timeout=90,
        env=env_without_secrets(**secret_service.env),  # type: ignore[attr-defined]
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    (received,) = sandbox.received_campaigns()
    assert done.stdout.strip() == f"campaign id={received.teenvio_id} smtp-id={received.smtp_ident}"


def test_addresses_the_smtp_api_cannot_take_are_left_out_and_named(
    tmp_path: Path,
    sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = inputs(tmp_path)
    files["csv"].write_text(
        "nombre,email\nAna,ana@example.com\nIñigo,iñigo@example.com\nLuis,luis@example.org\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("TEENVIO_PASSWORD", sandbox.info.password)
    args = base_args(sandbox, tmp_path / "data")
    code = main([*args, "--recipients", str(files["csv"]), "--html", str(files["html"])])
    out = capsys.readouterr()
    assert code == 0, out.err
    (received,) = sandbox.received_campaigns()
    assert list(received.recipients) == ["ana@example.com", "luis@example.org"]
    assert "iñigo@example.com" in out.err and "--via rest" in out.err
    assert out.out.startswith("campaign id=")


def test_merge_fields_are_refused_before_connecting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = inputs(tmp_path)
    files["html"].write_text("<p>Hola {{ nombre }}</p>", encoding="utf-8")
    monkeypatch.delenv("TEENVIO_PASSWORD", raising=False)  # never asked for: no connection
    args = [
        "send", "--data-dir", str(tmp_path / "data"), "--via", "smtp",
        "--server", "127.0.0.1:9", "--security", "tls", "--user", "demo.sandbox",
        "--from", "demo@example.com", "--subject", "Hola {{ nombre }}",
        "--recipients", str(files["csv"]), "--html", str(files["html"]),
    ]  # fmt: skip
    code = main(args)
    out = capsys.readouterr()
    assert code == 2
    assert "nombre" in out.err and "--via rest" in out.err
    assert "Nothing was sent" in out.err
    assert out.out == ""
    db = Database(tmp_path / "data" / "teenvio.sqlite3")
    try:
        assert CampaignRepository(db).list() == []
    finally:
        db.close()
