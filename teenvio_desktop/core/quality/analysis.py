"""The live analyses of a document, in one call: compatibility, accessibility, link forms.

:func:`analyse` parses the HTML once and runs every analysis that needs no network and
no external program; it takes a few tens of milliseconds on a 100 KB newsletter, so the
composer can run it (off the GUI thread) after each pause in typing. The expensive
checks are separate and on demand: :func:`teenvio_desktop.core.quality.links.check_links`
and :func:`teenvio_desktop.core.quality.spam.check_spam`.
"""

from __future__ import annotations

from dataclasses import dataclass

from teenvio_desktop.core.campaign import Transport
from teenvio_desktop.core.quality.accessibility import analyse_accessibility
from teenvio_desktop.core.quality.compatibility import (
    CompatibilitySummary,
    analyse_compatibility,
)
from teenvio_desktop.core.quality.document import HtmlDocument, parse_document
from teenvio_desktop.core.quality.findings import Finding, sort_findings
from teenvio_desktop.core.quality.link_forms import link_form_findings
from teenvio_desktop.core.tasks import CancelToken


@dataclass(frozen=True)
class QualityOptions:
    transport: Transport = "smtp"
    list_unsubscribe: str = ""  # TEA Lite's listUnsubscribe, when set


@dataclass(frozen=True)
class QualityReport:
    findings: list[Finding]  # errors first, then by place in the source
    compatibility: CompatibilitySummary
    document: HtmlDocument  # the parse, for the on-demand link check


def analyse(
    html: str | HtmlDocument,
    options: QualityOptions | None = None,
    *,
    cancel: CancelToken | None = None,
) -> QualityReport:
    """Every cheap analysis of ``html`` (or an already parsed document)."""
    options = options or QualityOptions()
    document = parse_document(html) if isinstance(html, str) else html
    if cancel is not None:
        cancel.raise_if_cancelled()
    summary, findings = analyse_compatibility(document)
    if cancel is not None:
        cancel.raise_if_cancelled()
    findings += analyse_accessibility(document)
    findings += link_form_findings(
        document, transport=options.transport, list_unsubscribe=options.list_unsubscribe
    )
    return QualityReport(sort_findings(findings), summary, document)
