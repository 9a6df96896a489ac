"""``send --html FILE.mjml``: compiled for either transport, errors with their line (exit 2)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from teenvio_desktop.cli.main import main
from teenvio_desktop.core.mjml import compile_mjml
from teenvio_desktop.sandbox.server import RunningSandbox
from tests.cli.test_send_smtp import base_args, env_without_secrets

pytestmark = pytest.mark.timeout(120)

MJML = """<mjml lang="es">
  <mj-head><mj-title>Otoño</mj-title></mj-head>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>Hola {{ nombre | default('cliente') }}, mira
          <a href="https://teenvio.example/o">las ofertas de otoño</a>.</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
"""
BROKEN = "<mjml>\n<mj-body>\n  <mj-section>\n    <mj-column>\n</mj-body>\n</mjml>\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def normalized(html: str) -> str:
    return html.replace("\r\n", "\n").strip()


def test_smtp_sends_the_compiled_html(
    tmp_path: Path,
    sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The SMTP-API does not personalise: the same letter, without its merge field.
    letter = MJML.replace("<mjml ", '<mjml owner="x" ').replace(
        "{{ nombre | default('cliente') }}", "cliente"
    )
    source = write(tmp_path, "otoño.mjml", letter)
    monkeypatch.setenv("TEENVIO_PASSWORD", sandbox.info.password)
    args = [*base_args(sandbox, tmp_path / "data"), "--to", "ana@example.com"]
    code = main([*args, "--html", str(source), "--language", "4"])
    out = capsys.readouterr()
    assert code == 0, out.err
    (received,) = sandbox.received_campaigns()
    assert normalized(received.html_original) == normalized(compile_mjml(source.read_text()).html)
    # The plain-text part is generated from the compiled HTML, links kept.
    assert "[las ofertas de otoño](https://teenvio.example/o)" in received.text
    # MRML's warnings are shown with their line, and the send goes on.
    assert f'{source}: Warning: Line 1, column 7: Unknown attribute owner="x" (ignored).' in out.err
    assert "If you cannot see this message correctly," in received.html_as_delivered


def test_rest_sends_the_compiled_html_personalised(
    tmp_path: Path,
    sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = write(tmp_path, "news.MJML", MJML)
    recipients = write(tmp_path, "list.csv", "Correo,Nombre\nana@example.com,Ana\n")
    monkeypatch.setenv("TEENVIO_TOKEN", sandbox.info.token)
    code = main(
        [
            "send", "--data-dir", str(tmp_path / "data"), "--via", "rest",
            "--api", sandbox.info.api_url, "--source-system", "mjml-tests", "--campaign-id", "m1",
            "--from", "demo@example.com", "--from-name", "Demo", "--reply-to",
            "demo@example.com", "--reply-to-name", "Demo", "--subject", "Otoño",
            "--recipients", str(recipients), "--html", str(source),
        ]
    )  # fmt: skip
    out = capsys.readouterr()
    assert code == 0, out.err
    assert out.out.strip().splitlines()[-1] == "accepted=1 failed=0 uncertain=0"
    (message,) = sandbox.received_messages(source_system="mjml-tests")
    assert message.html is not None and "Hola Ana, mira" in message.html
    assert '<html lang="es"' in message.html and 'role="presentation"' in message.html


@pytest.mark.parametrize("via", ["smtp", "rest"])
def test_a_compile_error_names_file_line_and_column_and_exits_2(
    tmp_path: Path,
    sandbox: RunningSandbox,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    via: str,
) -> None:
    source = write(tmp_path, "roto.mjml", BROKEN)
    monkeypatch.setenv("TEENVIO_PASSWORD", sandbox.info.password)
    monkeypatch.setenv("TEENVIO_TOKEN", sandbox.info.token)
    if via == "smtp":
        args = [*base_args(sandbox, tmp_path / "data"), "--to", "ana@example.com"]
    else:
        args = [
            "send", "--data-dir", str(tmp_path / "data"), "--via", "rest", "--api",
            sandbox.info.api_url, "--source-system", "s", "--campaign-id", "c", "--from",
            "demo@example.com", "--subject", "x", "--to", "ana@example.com",
        ]  # fmt: skip
    code = main([*args, "--html", str(source)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{source}: Line 3, column 3: An element is not closed before the document ends." in err
    assert "MRML: unexpected end of stream" in err
    assert sandbox.received_campaigns() == [] and sandbox.received_messages() == []


def test_the_real_command_in_spanish(tmp_path: Path, sandbox: RunningSandbox) -> None:
    source = write(tmp_path, "roto.mjml", BROKEN)
    args = [sys.executable, "-m", "teenvio_desktop", *base_args(sandbox, tmp_path / "data")]
    done = subprocess.run(
        [*args, "--to", "ana@example.com", "--html", str(source), "--lang", "es"],
        capture_output=True,
        text=True,
        timeout=90,
        env=env_without_secrets(TEENVIO_PASSWORD=sandbox.info.password),
    )
    assert done.returncode == 2, done.stderr
    assert f"{source}: Línea 3, columna 3: " in done.stderr
    assert sandbox.received_campaigns() == []
