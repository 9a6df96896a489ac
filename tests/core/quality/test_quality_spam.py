"""SpamAssassin, run for real (the test command installs it), on the exact MIME message."""

from __future__ import annotations

import email
import email.policy
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.campaign_files import open_campaign_file
from teenvio_desktop.core.errors import Cancelled
from teenvio_desktop.core.quality.spam import (
    SpamCheckError,
    SpamOptions,
    check_spam,
    message_bytes,
    parse_report,
    spamassassin_path,
)
from teenvio_desktop.core.tasks import CancelToken, Progress

CORPUS = Path(__file__).resolve().parents[1] / "quality_corpus"


def test_spamassassin_is_installed() -> None:
    # The README's test command installs it; a missing program is a failure, not a skip.
    assert spamassassin_path() is not None, "apt-get install spamassassin"


def test_a_spammy_message_is_marked_with_every_rule_explained() -> None:
    campaign = open_campaign_file(CORPUS / "spammy.eml")
    progress: list[Progress] = []
    report = check_spam(campaign, progress=progress.append)
    assert report.available and report.is_spam
    assert report.threshold == 5.0
    assert report.score is not None and report.score >= report.threshold
    assert report.version.startswith("4.")
    names = {rule.name for rule in report.rules}
    # Body and header rules of SpamAssassin's core set: stable across 4.x rule updates.
    assert {"GUARANTEED_100_PERCENT", "DRUGS_ERECTILE", "SUBJ_ALL_CAPS"} <= names
    assert all(rule.description for rule in report.rules)
    assert not any(n.startswith(("RCVD_IN_", "URIBL_", "SPF_", "DKIM_VALID")) for n in names)
    assert report.findings[0].id == "spam.score" and report.findings[0].severity == "error"
    scored = {f.id: f for f in report.findings[1:]}
    assert scored["spam.rule.GUARANTEED_100_PERCENT"].severity == "warning"
    assert scored["spam.rule.SUBJ_ALL_CAPS"].severity == "advice"
    assert scored["spam.rule.SUBJ_ALL_CAPS"].render() == (
        "SpamAssassin rule SUBJ_ALL_CAPS (+0.5 points): Subject is all capitals"
    )
    # Informational rules (no points or fewer) are in the report, not among the findings.
    assert all(f.data["score"] > 0.05 for f in report.findings[1:])
    assert [(p.done, p.total) for p in progress] == [(0, 1), (1, 1)]


def test_the_clean_newsletter_scores_low_and_yields_no_finding() -> None:
    campaign = open_campaign_file(CORPUS / "clean.html")
    campaign.sender = "boletin@ferreteria-lopez.es"
    report = check_spam(campaign)
    assert report.score is not None and report.score < 1.0
    assert report.findings == ()


def test_the_message_checked_is_the_one_the_builder_makes_personalised_for_rest() -> None:
    campaign = Campaign(
        subject="Hola {{ nombre }}",
        sender="news@example.com",
        html="<p>Hola {{ nombre }}, tu pedido ha salido.</p>",
        text="Hola {{ nombre }}, tu pedido ha salido.",
        transport="rest",
    )
    personal = email.message_from_bytes(
        message_bytes(campaign, {"nombre": "Lucía"}), policy=email.policy.default
    )
    assert personal["Subject"] == "Hola Lucía"
    html = personal.get_body(("html",))
    assert (
        html is not None and html.get_content().strip() == "<p>Hola Lucía, tu pedido ha salido.</p>"
    )
    smtp = message_bytes(replace(campaign, transport="smtp"), {"nombre": "Lucía"})
    assert b"Hola {{ nombre }}" in smtp  # the SMTP-API sends it as written


def test_without_spamassassin_the_report_says_how_to_install_it() -> None:
    report = check_spam(Campaign(), options=SpamOptions(executable="no-such-spamassassin"))
    assert not report.available and report.score is None
    assert [(f.id, f.severity) for f in report.findings] == [("spam.unavailable", "advice")]
    assert "apt-get install spamassassin" in report.findings[0].render()


def test_a_slow_spamassassin_is_bounded_and_cancellable(tmp_path: Path) -> None:
    started = tmp_path / "started"
    slow = tmp_path / "spamassassin"
    slow.write_text(f"#!/bin/sh\ntouch {started}\nexec sleep 60\n")
    slow.chmod(0o755)
    campaign = open_campaign_file(CORPUS / "spammy.eml")
    with pytest.raises(SpamCheckError) as timed_out:
        check_spam(campaign, options=SpamOptions(timeout_s=0.5, executable=str(slow)))
    assert timed_out.value.render() == "SpamAssassin did not finish within 0.5 s."

    started.unlink()
    cancel = CancelToken()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            check_spam(campaign, options=SpamOptions(executable=str(slow)), cancel=cancel)
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    deadline = threading.Event()
    for _ in range(600):
        if started.exists():
            break
        deadline.wait(0.05)
    assert started.exists()
    cancel.cancel()
    worker.join(30)
    assert not worker.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], Cancelled)


def test_a_report_without_the_marker_is_an_error_not_a_guess() -> None:
    with pytest.raises(SpamCheckError):
        parse_report(b"score=1.0 required=5.0", "MARK")
    block = (
        b"MARK\nscore=7.5 required=5.0 version=4.0.1\ntests=A_RULE=7.5\n"
        b" 7.5 A_RULE                 BODY: a description that goes on\n"
        b"                            over two lines\nMARK\n"
    )
    score, threshold, version, rules = parse_report(
        b"message body MARK fake MARK\n" + block, "MARK"
    )
    assert (score, threshold, version) == (7.5, 5.0, "4.0.1")
    assert [(r.name, r.score, r.description) for r in rules] == [
        ("A_RULE", 7.5, "BODY: a description that goes on over two lines")
    ]
