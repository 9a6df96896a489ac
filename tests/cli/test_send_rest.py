"""``send --via rest`` as a user runs it: a real subprocess against the sandbox, killed too."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from teenvio_desktop.core.outbox import OutboxRepository
from teenvio_desktop.core.store import Database
from teenvio_desktop.sandbox.server import RunningSandbox

SOURCE = "cli-tests"
# The sandbox's simulated deliveries reach /responses within seconds at this time scale,
# so a dropped answer (the message was stored) is settled by reconciliation.
FAST_CLOCK = 3600.0


def write_inputs(tmp_path: Path, count: int) -> tuple[Path, Path]:
    recipients = tmp_path / "recipients.csv"
    lines = ["Correo,Nombre,Ciudad"]
    lines += [f"p{i}@example.com,Persona {i},Ciudad {i % 7}" for i in range(1, count + 1)]
    recipients.write_text("\n".join(lines) + "\n", encoding="utf-8")
    html = tmp_path / "body.html"
    html.write_text("<p>Hola {{ nombre }} de {{ ciudad }}</p>", encoding="utf-8")
    return recipients, html


def command(sandbox: RunningSandbox, data_dir: Path, campaign: str, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "teenvio_desktop", "send", "--data-dir", str(data_dir),
        "--via", "rest", "--api", sandbox.info.api_url, "--source-system", SOURCE,
        "--campaign-id", campaign, "--from", "demo@example.com", "--from-name", "Demo",
        "--reply-to", "demo@example.com", "--reply-to-name", "Demo",
        "--subject", "Hola {{ nombre | default('cliente') }}", *extra,
    ]  # fmt: skip


def environment(token: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "TEENVIO_TOKEN"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if token is not None:
        env["TEENVIO_TOKEN"] = token
    return env


def run(args: list[str], token: str | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=120, env=environment(token))


@pytest.mark.timeout(180)
def test_send_then_rerun_resumes_without_resending(
    tmp_path: Path, sandbox_factory: Callable[..., RunningSandbox]
) -> None:
    sandbox = sandbox_factory(fail_rate=0.15, drop_rate=0.1, seed=3, time_scale=FAST_CLOCK)
    recipients, html = write_inputs(tmp_path, 60)
    args = command(sandbox, tmp_path / "data", "41", "--recipients", str(recipients))
    args += ["--html", str(html), "--concurrency", "4", "--reconcile-wait", "30"]
    first = run(args, sandbox.info.token)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip().splitlines()[-1] == "accepted=60 failed=0 uncertain=0"
    assert sandbox.fault_counts()["drop_rate"] > 0
    received = sandbox.received_messages(source_system=SOURCE)
    assert len(received) == 60
    by_recipient = {m.recipient: m for m in received}
    assert by_recipient["p7@example.com"].subject == "Hola Persona 7"
    assert by_recipient["p7@example.com"].html == "<p>Hola Persona 7 de Ciudad 0</p>"
    assert by_recipient["p7@example.com"].recipient_name == "Persona 7"
    assert sandbox.info.token not in first.stdout + first.stderr

    again = run(args, sandbox.info.token)
    assert again.returncode == 0 and again.stdout.strip() == "accepted=60 failed=0 uncertain=0"
    assert "Resuming" in again.stderr
    assert len(sandbox.received_messages(source_system=SOURCE)) == 60


@pytest.mark.timeout(240)
def test_kill_9_at_random_points_then_resume_sends_each_message_once(
    tmp_path: Path, sandbox_factory: Callable[..., RunningSandbox]
) -> None:
    total = 200
    sandbox = sandbox_factory(
        latency_ms=15, fail_rate=0.05, drop_rate=0.05, seed=11, time_scale=FAST_CLOCK
    )
    recipients, html = write_inputs(tmp_path, total)
    data_dir = tmp_path / "data"
    args = command(sandbox, data_dir, "77", "--recipients", str(recipients), "--html", str(html))
    args += ["--concurrency", "4", "--reconcile-wait", "20"]
    rng = random.Random(20261123)
    # One kill during start-up (imports, outbox creation), then kills after a random number
    # of messages reached the server.
    targets: list[int | None] = [None, *sorted(rng.sample(range(5, total - 20), 3))]
    killed_at: list[int] = []
    for target in targets:
        process = subprocess.Popen(
            args, env=environment(sandbox.info.token), stdout=subprocess.PIPE, text=True
        )
        deadline = time.monotonic() + 60
        if target is None:
            time.sleep(rng.uniform(0.2, 0.6))
        else:
            while len(sandbox.received_messages(source_system=SOURCE)) < target:
                assert process.poll() is None, "the sender finished before it could be killed"
                assert time.monotonic() < deadline
                time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL
        assert process.stdout is not None
        process.stdout.close()
        killed_at.append(len(sandbox.received_messages(source_system=SOURCE)))
    assert any(0 < n < total for n in killed_at), killed_at

    final = run(args, sandbox.info.token)
    *_, counts = final.stdout.strip().splitlines()
    uncertain = _named_uncertain(final.stderr)
    assert counts == f"accepted={total - len(uncertain)} failed=0 uncertain={len(uncertain)}"
    assert final.returncode == (1 if uncertain else 0), final.stderr
    # Reconciliation settled every message the server stored (all are in /responses by now):
    # what is left uncertain was marked "sending" by a killed run just before its POST.
    stored = {m.recipient for m in sandbox.received_messages(source_system=SOURCE)}
    assert not stored & set(uncertain)
    if uncertain:
        resent = run([*args, "--resend-uncertain", *uncertain], sandbox.info.token)
        assert resent.returncode == 0, resent.stderr
        assert resent.stdout.strip().splitlines()[-1] == f"accepted={total} failed=0 uncertain=0"

    received = sandbox.received_messages(source_system=SOURCE)
    per_recipient = Counter(m.recipient for m in received)
    assert len(per_recipient) == total and set(per_recipient.values()) == {1}, (
        "a recipient was sent under two outboundIds"
    )
    db = Database(data_dir / "teenvio.sqlite3")
    try:
        messages = OutboxRepository(db).messages(1)
        assert len(messages) == total and all(m.state == "accepted" for m in messages)
        ours = {m.outbound_id: m for m in messages}
        assert {m.outbound_id for m in received} == set(ours)
        for got in received:
            assert ours[got.outbound_id].recipient == got.recipient
            assert ours[got.outbound_id].message_id == got.message_id
            assert got.subject == f"Hola {ours[got.outbound_id].recipient_name}"
    finally:
        db.close()


def _named_uncertain(stderr: str) -> list[str]:
    return [line.split()[1] for line in stderr.splitlines() if line.startswith("Uncertain: ")]


@pytest.mark.timeout(120)
def test_refusals_and_usage_errors(tmp_path: Path, sandbox: RunningSandbox) -> None:
    recipients, html = write_inputs(tmp_path, 3)
    data_dir = tmp_path / "data"
    base = command(sandbox, data_dir, "9", "--html", str(html))

    no_token = run([*base, "--to", "a@example.com"], None)
    assert no_token.returncode == 2 and "TEENVIO_TOKEN" in no_token.stderr

    merge_error = run([*base, "--to", "a@example.com", "b@example.com"], sandbox.info.token)
    assert merge_error.returncode == 1
    assert "'nombre'" in merge_error.stderr and "row 2" in merge_error.stderr
    assert sandbox.received_messages(source_system=SOURCE) == []

    wrong = run([*base, "--recipients", str(recipients)], "not-the-token")
    assert wrong.returncode == 1 and "rejected the token" in wrong.stderr
    assert wrong.stdout.strip() == "accepted=0 failed=0 uncertain=0"
    fixed = run([*base, "--recipients", str(recipients)], sandbox.info.token)
    assert fixed.returncode == 0 and fixed.stdout.strip() == "accepted=3 failed=0 uncertain=0"


@pytest.mark.timeout(120)
def test_account_token_comes_from_the_keyring(
    tmp_path: Path,
    sandbox: RunningSandbox,
    secret_service,  # type: ignore[no-untyped-def]
) -> None:
    recipients, html = write_inputs(tmp_path, 4)
    data_dir = tmp_path / "data"
    env = {**environment(None), **secret_service.env}
    added = subprocess.run(
        [sys.executable, "-m", "teenvio_desktop", "account", "add", "Api", "--api",
         sandbox.info.api_url, "--source-system", "from-account", "--data-dir", str(data_dir)],
        capture_output=True, text=True, timeout=60,
        env={**env, "TEENVIO_TOKEN": sandbox.info.token},
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    args = [
        sys.executable, "-m", "teenvio_desktop", "send", "--data-dir", str(data_dir),
        "--via", "rest", "--account", "Api", "--campaign-id", "5", "--from", "demo@example.com",
        "--from-name", "Demo", "--subject", "Hola {{ nombre }}", "--html", str(html),
        "--recipients", str(recipients),
    ]  # fmt: skip
    sent = subprocess.run(args, capture_output=True, text=True, timeout=60, env=env)
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.strip() == "accepted=4 failed=0 uncertain=0"
    received = sandbox.received_messages(source_system="from-account")
    assert len(received) == 4 and {m.reply_to for m in received} == {"demo@example.com"}
