"""``teenvio-desktop check``: know before you send, without a window (and in CI).

Runs the composer's quality analyses on an HTML or ``.eml`` file: email-client
compatibility, accessibility and the links' form always; ``--links`` visits every link
and image, ``--spam`` asks SpamAssassin. Prints a summary (or JSON with the finding ids
the GUI shows) and exits 1 when an error-level finding is present, 0 otherwise, 2 on a
usage error. The analyses are imported when the command runs, not when it registers.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from teenvio_desktop.cli.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliRuntime

if TYPE_CHECKING:
    from teenvio_desktop.core.campaign import Campaign
    from teenvio_desktop.core.quality import Finding, QualityReport
    from teenvio_desktop.core.quality.links import LinkReport
    from teenvio_desktop.core.quality.spam import SpamReport

PLACEHOLDER_SENDER = "sender@example.com"


class CheckUsage(Exception):
    """A wrong argument or unreadable input (exit 2); the message is already translated."""


def register(subparsers: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check a newsletter: client compatibility, accessibility, links, spam score",
        description="Check an HTML or .eml newsletter before sending it: email-client "
        "compatibility (caniemail), accessibility and the links' form; --links visits "
        "every link and image, --spam runs SpamAssassin locally. Exits 1 when an "
        "error-level finding is present.",
    )
    add_common(parser)
    parser.add_argument("file", metavar="FILE", help="the newsletter: FILE.html or FILE.eml")
    parser.add_argument("--text", metavar="FILE", help="plain-text part (default: from the HTML)")
    parser.add_argument(
        "--via", choices=("smtp", "rest"), default="smtp", help="transport (default: smtp)"
    )
    parser.add_argument("--links", action="store_true", help="visit every link and image")
    parser.add_argument("--spam", action="store_true", help="run SpamAssassin on the message")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--subject", metavar="TEXT", help="subject (default: the file's)")
    parser.add_argument(
        "--from",
        dest="sender",
        metavar="ADDR",
        help=f"sender for the spam check (default: the file's, else {PLACEHOLDER_SENDER})",
    )
    parser.add_argument("--list-unsubscribe", metavar="VALUE", default="")
    parser.add_argument(
        "--recipients", metavar="FILE", help="recipient list whose values fill merge fields"
    )
    parser.add_argument(
        "--row", type=int, default=1, metavar="N", help="which recipient (default: the first)"
    )
    parser.add_argument("--cafile", metavar="PEM", help="trust this CA file for --links")
    parser.set_defaults(handler=run)


def _load_campaign(runtime: CliRuntime) -> Campaign:
    from teenvio_desktop.core.campaign_files import open_campaign_file
    from teenvio_desktop.core.errors import TeenvioError
    from teenvio_desktop.core.html_tools import decode_text

    args = runtime.args
    try:
        campaign = open_campaign_file(Path(args.file))
    except TeenvioError as exc:
        raise CheckUsage(exc.render(runtime.translate)) from None
    if args.text:
        try:
            campaign.text = decode_text(Path(args.text).read_bytes())
        except OSError as exc:
            raise CheckUsage(
                runtime.tr("Cannot read {flag} {path}: {reason}").format(
                    flag="--text", path=args.text, reason=exc.strerror or exc
                )
            ) from None
    campaign.transport = args.via
    campaign.list_unsubscribe = args.list_unsubscribe
    if args.subject is not None:
        campaign.subject = args.subject
    if args.sender:
        campaign.sender = args.sender
    elif not campaign.sender:
        campaign.sender = PLACEHOLDER_SENDER
    return campaign


def _merge_row(runtime: CliRuntime) -> Mapping[str, str] | None:
    args = runtime.args
    if not args.recipients:
        return None
    from teenvio_desktop.core.errors import TeenvioError
    from teenvio_desktop.core.outbox.recipients import read_recipient_file

    try:
        recipients = read_recipient_file(Path(args.recipients))
    except TeenvioError as exc:
        raise CheckUsage(exc.render(runtime.translate)) from None
    except OSError as exc:
        raise CheckUsage(
            runtime.tr("Cannot read {flag} {path}: {reason}").format(
                flag="--recipients", path=args.recipients, reason=exc.strerror or exc
            )
        ) from None
    if not 1 <= args.row <= len(recipients):
        raise CheckUsage(
            runtime.tr("--row {row}: the list has {count} recipients.").format(
                row=args.row, count=len(recipients)
            )
        )
    row: dict[str, str] = recipients[args.row - 1].merge_row()
    return row


def run(runtime: CliRuntime) -> int:
    from teenvio_desktop.core.errors import TeenvioError
    from teenvio_desktop.core.quality import QualityOptions, analyse, has_errors, sort_findings

    args = runtime.args
    try:
        campaign = _load_campaign(runtime)
        merge_row = _merge_row(runtime)
    except CheckUsage as exc:
        sys.stderr.write(f"{exc}\n")
        return EXIT_USAGE
    options = QualityOptions(transport=campaign.transport, list_unsubscribe=args.list_unsubscribe)
    report = analyse(campaign.html, options)
    findings = list(report.findings)
    links = spam = None
    try:
        if args.links:
            links = _check_links(runtime, report, merge_row)
            findings += links.findings
        if args.spam:
            spam = _check_spam(campaign, merge_row)
            findings += spam.findings
    except TeenvioError as exc:
        runtime.report_error(exc)
        return EXIT_FAILURE
    findings = sort_findings(findings)
    if args.format == "json":
        _print_json(runtime, report, findings, links, spam, sys.stdout)
    else:
        _print_text(runtime, report, findings, links, spam, sys.stdout)
    return EXIT_FAILURE if has_errors(findings) else EXIT_OK


def _check_links(
    runtime: CliRuntime, report: QualityReport, merge_row: Mapping[str, str] | None
) -> LinkReport:
    from teenvio_desktop.core.quality.links import LinkCheckOptions, check_links

    options = LinkCheckOptions(cafile=runtime.args.cafile)
    return check_links(
        report.document, transport=runtime.args.via, merge_row=merge_row, options=options
    )


def _check_spam(campaign: Campaign, merge_row: Mapping[str, str] | None) -> SpamReport:
    from teenvio_desktop.core.quality.spam import check_spam

    return check_spam(campaign, merge_row=merge_row)


def _counts(findings: list[Finding]) -> dict[str, int]:
    from teenvio_desktop.core.quality import count_by_severity

    return count_by_severity(findings)


def _print_json(
    runtime: CliRuntime,
    report: QualityReport,
    findings: list[Finding],
    links: LinkReport | None,
    spam: SpamReport | None,
    out: TextIO,
) -> None:
    translate = runtime.translate
    summary = report.compatibility
    counts = _counts(findings)
    document = {
        "file": runtime.args.file,
        "via": runtime.args.via,
        "ok": counts["error"] == 0,
        "counts": counts,
        "compatibility": {
            "overall": None if summary.overall is None else round(summary.overall, 1),
            "dataset": {"name": "caniemail", "version": summary.dataset_version},
            "clients": [client.to_json(translate) for client in summary.clients],
            "features": list(summary.features),
        },
        "findings": [finding.to_json(translate) for finding in findings],
        "links": None if links is None else [r.to_json(translate) for r in links.results],
        "spam": None if spam is None else spam.to_json(),
    }
    out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _print_text(
    runtime: CliRuntime,
    report: QualityReport,
    findings: list[Finding],
    links: LinkReport | None,
    spam: SpamReport | None,
    out: TextIO,
) -> None:
    translate = runtime.translate
    counts = _counts(findings)
    out.write(
        runtime.tr("{file}: errors {errors}, warnings {warnings}, advice {advice}").format(
            file=runtime.args.file,
            errors=counts["error"],
            warnings=counts["warning"],
            advice=counts["advice"],
        )
        + "\n"
    )
    summary = report.compatibility
    if summary.overall is not None:
        clients = ", ".join(
            f"{client.label.render(translate)} {client.support:.0f}%"
            for client in summary.clients
            if client.major and client.support is not None
        )
        out.write(
            runtime.tr("Compatibility: {overall}% overall ({clients})").format(
                overall=f"{summary.overall:.0f}", clients=clients
            )
            + "\n"
        )
    if links is not None:
        broken = sum(1 for r in links.results if not r.ok)
        out.write(
            runtime.tr("Links and images: {checked} checked, {failed} with problems").format(
                checked=len(links.results), failed=broken
            )
            + "\n"
        )
    if spam is not None and spam.available:
        out.write(
            runtime.tr("Spam score: {score} (marked as spam from {threshold})").format(
                score=f"{spam.score:.1f}", threshold=f"{spam.threshold:.1f}"
            )
            + "\n"
        )
    labels = {
        "error": runtime.tr("error"),
        "warning": runtime.tr("warning"),
        "advice": runtime.tr("advice"),
    }
    for finding in findings:
        where = f"{finding.location.line}:{finding.location.column}" if finding.location else "-"
        out.write(f"\n{labels[finding.severity]}  {where}  {finding.id}\n")
        out.write(f"    {finding.render(translate)}\n")
        for detail in finding.details:
            out.write(f"    · {detail}\n")
        if finding.also_at:
            lines = ", ".join(str(loc.line) for loc in finding.also_at)
            out.write("    " + runtime.tr("Also at lines {lines}").format(lines=lines) + "\n")
