"""The command line against the peer, as a user runs it: real processes, killed too.

``send --via rest`` never makes the peer store a recipient twice unless asked to, names
every uncertain recipient and exits non-zero while any remain; two processes sending one
campaign never both send. ``stats`` ends every hostile answer with a message naming the
endpoint. Nothing ever prints a traceback.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.peers.helpers import SOURCE
from tests.peers.tealite_peer import TeaLitePeer, wait_for
from tests.peers.test_peer_stats import feeds

Factory = Callable[..., TeaLitePeer]


def environment(peer: TeaLitePeer) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("TEENVIO_TOKEN", "TEENVIO_DESKTOP_HOME")
    }
    return {**env, "QT_QPA_PLATFORM": "offscreen", "TEENVIO_TOKEN": peer.token}


def send_command(peer: TeaLitePeer, tmp_path: Path, count: int, *extra: str) -> list[str]:
    recipients = tmp_path / "recipients.csv"
    if not recipients.exists():
        rows = ["email,nombre", *(f"p{i}@example.com,Persona {i}" for i in range(1, count + 1))]
        recipients.write_text("\n".join(rows) + "\n", encoding="utf-8")
        (tmp_path / "body.html").write_text("<p>Hola {{ nombre }}</p>", encoding="utf-8")
    return [
        sys.executable, "-m", "teenvio_desktop", "send", "--data-dir", str(tmp_path / "data"),
        "--via", "rest", "--api", peer.url, "--source-system", SOURCE, "--campaign-id", "c-9",
        "--from", "demo@example.com", "--from-name", "Demo", "--reply-to", "demo@example.com",
        "--reply-to-name", "Demo", "--subject", "Hola {{ nombre }}",
        "--html", str(tmp_path / "body.html"), "--recipients", str(recipients), *extra,
    ]  # fmt: skip


def run(args: list[str], peer: TeaLitePeer) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, env=environment(peer))
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    return done


def named_uncertain(stderr: str) -> list[str]:
    return [line.split()[1] for line in stderr.splitlines() if line.startswith("Uncertain: ")]


@pytest.mark.timeout(180)
@pytest.mark.parametrize(
    "mode", ["strict", "drop_after_store", "bare_500_after_store", "empty_2xx", "retriable"]
)
def test_send_against_every_peer_mode_delivers_each_recipient_once(
    tmp_path: Path, peer_factory: Factory, mode: str
) -> None:
    peer = peer_factory(send_mode=mode)
    done = run(send_command(peer, tmp_path, 12, "--reconcile-wait", "5"), peer)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "accepted=12 failed=0 uncertain=0"
    copies = peer.copies_per_recipient()
    assert len(copies) == 12 and set(copies.values()) == {1}


@pytest.mark.timeout(180)
def test_uncertain_recipients_are_named_and_resent_only_on_request(
    tmp_path: Path, peer_factory: Factory
) -> None:
    peer = peer_factory(send_mode="bare_500_after_store", responses_visible=False)
    first = run(send_command(peer, tmp_path, 12, "--reconcile-wait", "0.5"), peer)
    assert first.returncode == 1
    assert first.stdout.strip().splitlines()[-1] == "accepted=8 failed=0 uncertain=4"
    uncertain = named_uncertain(first.stderr)
    assert len(uncertain) == 4 and "--resend-uncertain" in first.stderr
    assert {peer.copies_per_recipient()[u] for u in uncertain} == {1}  # they did arrive
    # The same command again sends nothing blindly, and says so again.
    again = run(send_command(peer, tmp_path, 12, "--reconcile-wait", "0"), peer)
    assert again.returncode == 1 and named_uncertain(again.stderr) == uncertain
    assert len(peer.stored()) == 12
    # A typo is refused before anything is sent.
    typo = run(send_command(peer, tmp_path, 12, "--resend-uncertain", "nobody@example.com"), peer)
    assert typo.returncode == 2 and "nobody@example.com" in typo.stderr
    peer.send_mode = "strict"
    resend = ["--resend-uncertain", uncertain[0], "--reconcile-wait", "0"]
    resent = run(send_command(peer, tmp_path, 12, *resend), peer)
    assert resent.returncode == 1, resent.stderr
    assert resent.stdout.strip().splitlines()[-1] == "accepted=9 failed=0 uncertain=3"
    assert peer.copies_per_recipient()[uncertain[0]] == 2 and len(peer.stored()) == 13


@pytest.mark.timeout(180)
def test_two_processes_sending_one_campaign_never_both_send(
    tmp_path: Path, peer_factory: Factory
) -> None:
    gate = threading.Event()  # the first sender's first answer waits for the second one
    peer = peer_factory(gate=gate)
    args = send_command(peer, tmp_path, 30, "--concurrency", "1", "--reconcile-wait", "5")
    env = environment(peer)
    first = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert peer.first_post.wait(60), "the first sender never started"
        second = run(args, peer)
    finally:
        gate.set()
        out, err = first.communicate(timeout=120)
    assert second.returncode == 1, second.stderr
    assert f"already being sent by process {first.pid}" in second.stderr
    assert "Traceback" not in err and first.returncode == 0, err
    assert out.strip().splitlines()[-1] == "accepted=30 failed=0 uncertain=0"
    copies = peer.copies_per_recipient()
    assert len(copies) == 30 and set(copies.values()) == {1}

    # Started at the same instant on a new campaign: whoever loses sends nothing.
    peer.gate = None
    args = [a if a != "c-9" else "c-10" for a in args]
    both = [
        subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [(p.wait(timeout=120), *p.communicate(timeout=10)) for p in both]
    assert all("Traceback" not in err for _, _, err in results)
    assert sorted(code for code, _, _ in results)[0] == 0
    copies = peer.copies_per_recipient()
    assert len(copies) == 30 and set(copies.values()) == {2}  # once per campaign


@pytest.mark.timeout(240)
def test_kill_9_then_resume_never_duplicates_on_a_server_without_deduplication(
    tmp_path: Path, peer_factory: Factory
) -> None:
    total = 60
    peer = peer_factory(latency_s=0.01)
    args = send_command(peer, tmp_path, total, "--concurrency", "4", "--reconcile-wait", "3")
    rng = random.Random(151)
    for target in sorted(rng.sample(range(3, total - 10), 3)):
        # Answers are held once ``target`` messages are stored: the kill always lands with
        # requests in flight, whatever the machine's load.
        peer.gate, peer.hold_after = threading.Event(), target
        process = subprocess.Popen(args, env=environment(peer), stdout=subprocess.DEVNULL)
        wait_for(lambda t=target: len(peer.stored()) >= t, 60)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        peer.gate.set()
        assert process.returncode == -signal.SIGKILL
        assert set(peer.copies_per_recipient().values()) == {1}
    peer.gate = None
    final = run(args, peer)
    uncertain = named_uncertain(final.stderr)
    counts = final.stdout.strip().splitlines()[-1]
    assert counts == f"accepted={total - len(uncertain)} failed=0 uncertain={len(uncertain)}"
    # Everything the peer stored was settled through /responses; what is left uncertain
    # was marked "sending" by a killed run just before its request left.
    assert not set(uncertain) & set(peer.copies_per_recipient())
    if uncertain:
        resent = run([*args, "--resend-uncertain"], peer)
        assert resent.returncode == 0, resent.stderr
    copies = peer.copies_per_recipient()
    assert len(copies) == total and set(copies.values()) == {1}, copies


def stats_command(peer: TeaLitePeer, tmp_path: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "teenvio_desktop", "stats", "--data-dir", str(tmp_path / "data"),
        "--api", peer.url, "--source-system", SOURCE, "--campaign-id", "p-1", *extra,
    ]  # fmt: skip


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("page_ignored", "does not honour the page parameter"),
        ("repeated_page", "does not honour the page parameter"),
        ("endless_pages", "still sending pages after 25 pages"),
        ("deep_json", "JSON nested too deeply"),
        ("not_json", "not JSON"),
        ("huge_body", "larger than"),
        ("wrong_types", "Skipped 8 responses entries"),
    ],
)
def test_stats_command_ends_every_hostile_answer_with_a_clear_message(
    tmp_path: Path, peer_factory: Factory, mode: str, message: str
) -> None:
    peer = peer_factory(stats_mode=mode, feeds=feeds())
    started = time.monotonic()
    done = run(stats_command(peer, tmp_path, "--max-pages", "25", "--format", "json"), peer)
    assert time.monotonic() - started < 90
    assert done.returncode == 1 and message in done.stderr, done.stderr
    if mode != "wrong_types":
        assert "/responses" in done.stderr and "/unsubscribe" in done.stderr
    json.loads(done.stdout)  # what could be read is still summarised


@pytest.mark.timeout(120)
@pytest.mark.parametrize("mode", ["strict", "one_based", "bare_object", "wrapped"])
def test_stats_command_reads_every_shape_the_seed_allows(
    tmp_path: Path, peer_factory: Factory, mode: str
) -> None:
    peer = peer_factory(stats_mode=mode, feeds=feeds())
    done = run(stats_command(peer, tmp_path, "--format", "json"), peer)
    assert done.returncode == 0, done.stderr
    numbers = json.loads(done.stdout)
    assert (numbers["opens"], numbers["clicks"], numbers["unsubscribes"]) == (3, 2, 3)
    assert numbers["bounces_hard"] == 2
