"""The spam score: SpamAssassin, run locally and offline, on the exact message to be sent.

The message is built by the project's MIME builder (``core/mime.py``), with the merge
fields filled in for a chosen recipient when the campaign is personalised (TEA Lite).
``spamassassin --local`` runs no network test (no DNS blocklists, Razor, Pyzor or
SPF); Bayes and auto-learning are off and its home is a temporary directory, so a check
leaves nothing behind and does not depend on earlier ones. A custom report template,
fenced by a random marker, gives the score, the threshold, each rule's points and its
description. Where SpamAssassin is not installed, the report says how to install it.

Starting SpamAssassin takes one to a few seconds (it compiles its rules); ``spamd`` would
amortise that across checks but needs a daemon's lifecycle, so each check runs the
command line tool, bounded by ``timeout_s`` and cancellable.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.errors import Cancelled, TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.quality.findings import Finding, Severity
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback, no_progress

STAGE = "spam"
MAX_OUTPUT_BYTES = 8 * 1024 * 1024
POLL_S = 0.1
INSTALL_HINT = QT_TRANSLATE_NOOP(
    "quality",
    "SpamAssassin is not installed, so the spam score was not computed. Install it with "
    '"sudo apt-get install spamassassin" (Debian, Ubuntu), "sudo dnf install '
    'spamassassin" (Fedora) or "brew install spamassassin" (macOS); the other checks '
    "work without it.",
)
_SUMMARY_LINE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s+([A-Z0-9_]+)\s+(.*)$")
_CONTINUATION = re.compile(r"^\s{20,}(\S.*)$")


class SpamCheckError(TeenvioError):
    """SpamAssassin ran but did not give a usable answer."""


@dataclass(frozen=True)
class SpamOptions:
    timeout_s: float = 120.0
    executable: str | None = None  # default: "spamassassin" on the PATH


@dataclass(frozen=True)
class SpamRule:
    name: str
    score: float
    description: str


@dataclass(frozen=True)
class SpamReport:
    available: bool
    score: float | None = None
    threshold: float | None = None
    rules: tuple[SpamRule, ...] = ()
    version: str = ""
    elapsed_s: float = 0.0
    findings: tuple[Finding, ...] = ()

    @property
    def is_spam(self) -> bool:
        return (
            self.score is not None and self.threshold is not None and (self.score >= self.threshold)
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "available": self.available,
            "score": self.score,
            "threshold": self.threshold,
            "is_spam": self.is_spam,
            "version": self.version,
            "elapsed_s": round(self.elapsed_s, 2),
            "rules": [
                {"name": r.name, "score": r.score, "description": r.description} for r in self.rules
            ],
        }


def spamassassin_path(options: SpamOptions | None = None) -> str | None:
    executable = (options or SpamOptions()).executable or "spamassassin"
    return shutil.which(executable)


def unavailable_report() -> SpamReport:
    finding = Finding("spam.unavailable", "advice", INSTALL_HINT)
    return SpamReport(available=False, findings=(finding,))


def message_bytes(campaign: Campaign, merge_row: Mapping[str, Any] | None = None) -> bytes:
    """The message as it would be sent (personalised for ``merge_row`` on TEA Lite)."""
    from teenvio_desktop.core.mime import build_message, serialize

    if campaign.transport == "rest" and merge_row is not None:
        from teenvio_desktop.core.merge import MergeTemplates

        rendered = MergeTemplates.for_campaign(campaign).render(merge_row)
        campaign = replace(campaign, subject=rendered.subject, html=rendered.html,
                           text=rendered.text)  # fmt: skip
    return serialize(build_message(campaign))


def _command(executable: str, marker: str) -> list[str]:
    template = [
        f"report {marker}",
        "report score=_SCORE_ required=_REQD_ version=_VERSION_",
        "report tests=_TESTSSCORES(,)_",
        "report _SUMMARY_",
        f"report {marker}",
    ]
    config = ["use_bayes 0", "bayes_auto_learn 0", "report_safe 0", "clear_report_template"]
    return [
        executable,
        "--local",
        "--test-mode",
        "--nocreate-prefs",
        *(f"--cf={line}" for line in config + template),
    ]


def _run(command: list[str], data: bytes, options: SpamOptions, cancel: CancelToken) -> bytes:
    with tempfile.TemporaryDirectory(prefix="teenvio-spam-") as home:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": home,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }
        with tempfile.TemporaryFile() as output, tempfile.TemporaryFile() as message:
            message.write(data)
            message.seek(0)
            process = subprocess.Popen(
                command, stdin=message, stdout=output, stderr=subprocess.DEVNULL, env=env,
                cwd=home,
            )  # fmt: skip
            deadline = time.monotonic() + options.timeout_s
            try:
                while process.poll() is None:
                    if cancel.cancelled:
                        raise Cancelled()
                    if time.monotonic() > deadline:
                        raise SpamCheckError(QT_TRANSLATE_NOOP("errors",
                            "SpamAssassin did not finish within {seconds} s."),
                            seconds=f"{options.timeout_s:g}")  # fmt: skip
                    cancel.wait(POLL_S)
            finally:
                if process.poll() is None:
                    process.kill()
                    process.wait()
            if process.returncode not in (0, 1):  # 1: spam in some modes
                raise SpamCheckError(QT_TRANSLATE_NOOP("errors",
                    "SpamAssassin failed (exit status {status})."),
                    status=process.returncode)  # fmt: skip
            output.seek(0)
            return output.read(MAX_OUTPUT_BYTES)


def parse_report(output: bytes, marker: str) -> tuple[float, float, str, list[SpamRule]]:
    """Score, threshold, version and rules from the fenced report at the end of ``output``."""
    text = output.decode("utf-8", "replace")
    parts = text.split(marker)
    if len(parts) < 3:
        raise SpamCheckError(QT_TRANSLATE_NOOP("errors",
            "SpamAssassin's answer could not be read."))  # fmt: skip
    block = parts[-2]
    head = re.search(r"score=(-?[\d.]+) required=(-?[\d.]+) version=(\S*)", block)
    tests = re.search(r"tests=(\S*)", block)
    if head is None or tests is None:
        raise SpamCheckError(QT_TRANSLATE_NOOP("errors",
            "SpamAssassin's answer could not be read."))  # fmt: skip
    scores: dict[str, float] = {}
    for item in tests.group(1).split(","):
        name, _, points = item.partition("=")
        if name and points:
            try:
                scores[name] = float(points)
            except ValueError:
                continue
    descriptions = _descriptions(block)
    rules = [SpamRule(name, points, descriptions.get(name, "")) for name, points in scores.items()]
    rules.sort(key=lambda rule: (-rule.score, rule.name))
    return float(head.group(1)), float(head.group(2)), head.group(3), rules


def _descriptions(block: str) -> dict[str, str]:
    descriptions: dict[str, str] = {}
    last: str | None = None
    for line in block.splitlines():
        match = _SUMMARY_LINE.match(line)
        if match:
            last = match.group(2)
            descriptions[last] = match.group(3).strip()
            continue
        more = _CONTINUATION.match(line)
        if more and last:
            descriptions[last] += " " + more.group(1).strip()
    return descriptions


def _findings(score: float, threshold: float, rules: list[SpamRule]) -> list[Finding]:
    params = {"score": f"{score:.1f}", "threshold": f"{threshold:.1f}"}
    data = {"score": score, "threshold": threshold}
    findings: list[Finding] = []
    if score >= threshold:
        findings.append(Finding("spam.score", "error", QT_TRANSLATE_NOOP("quality",
            "SpamAssassin scores this message {score} points; from {threshold} it is "
            "marked as spam. Fix the rules below with the most points first."),
            params, data=data))  # fmt: skip
    elif score >= threshold / 2:
        findings.append(Finding("spam.score", "warning", QT_TRANSLATE_NOOP("quality",
            "SpamAssassin scores this message {score} points, close to the {threshold} "
            "that marks spam."), params, data=data))  # fmt: skip
    for rule in rules:
        if rule.score <= 0.05:
            continue  # informational rules and those that lower the score
        severity: Severity = "warning" if rule.score >= 1.0 else "advice"
        findings.append(Finding(f"spam.rule.{rule.name}", severity, QT_TRANSLATE_NOOP(
            "quality", "SpamAssassin rule {rule} (+{points} points): {description}"),
            {"rule": rule.name, "points": f"{rule.score:.1f}",
             "description": rule.description or "-"},
            data={"rule": rule.name, "score": rule.score}))  # fmt: skip
    return findings


def check_spam(
    campaign: Campaign,
    *,
    merge_row: Mapping[str, Any] | None = None,
    options: SpamOptions | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> SpamReport:
    """SpamAssassin's verdict on the campaign's message (MessageFieldError if unbuildable)."""
    options = options or SpamOptions()
    cancel = cancel or CancelToken()
    executable = spamassassin_path(options)
    if executable is None:
        return unavailable_report()
    data = message_bytes(campaign, merge_row)
    progress(Progress(STAGE, 0, 1))
    marker = f"TEENVIO-REPORT-{secrets.token_hex(12)}"
    start = time.monotonic()
    output = _run(_command(executable, marker), data, options, cancel)
    score, threshold, version, rules = parse_report(output, marker)
    progress(Progress(STAGE, 1, 1))
    return SpamReport(
        available=True,
        score=score,
        threshold=threshold,
        rules=tuple(rules),
        version=version,
        elapsed_s=time.monotonic() - start,
        findings=tuple(_findings(score, threshold, rules)),
    )
