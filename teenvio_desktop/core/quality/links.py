"""The on-demand link check: every link and remote image of a document visited.

Each distinct ``http(s)`` address is asked once (``link_probe.py``: HEAD, GET when HEAD
is refused, redirects followed and shown, timeouts, a bounded number in flight, TLS
verified, answers cached while the app runs); the answers become results in document
order and findings. Addresses with merge fields are first filled in with a chosen
recipient's values (TEA Lite personalises them; the SMTP-API does not, which the form
checks of ``link_forms.py`` report). Runs in the worker pattern: ``progress`` callback
and cancel token.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.quality.document import HtmlDocument, parse_document
from teenvio_desktop.core.quality.findings import Finding, FindingGroups, Location, Phrase
from teenvio_desktop.core.quality.link_forms import (
    TargetKind,
    has_merge_fields,
    is_remote,
    link_targets,
    short_url,
)
from teenvio_desktop.core.quality.link_probe import (
    PROBLEM_INVALID,
    PROCESS_CACHE,
    STAGE,
    LinkCache,
    LinkCheckOptions,
    LinkResult,
    Redirect,
    check_all,
    clean_text,
)
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback, no_progress

__all__ = [
    "PROCESS_CACHE",
    "LinkCache",
    "LinkCheckOptions",
    "LinkReport",
    "LinkResult",
    "Redirect",
    "check_links",
    "render_url",
]

# A newsletter has tens of addresses; a hostile document must not keep the check busy.
MAX_ADDRESSES = 1000
PROBLEM_MERGE = QT_TRANSLATE_NOOP("quality", "its merge fields could not be filled in: {reason}")
PROBLEM_NO_RECIPIENT = QT_TRANSLATE_NOOP(
    "quality", "it has merge fields and no recipient is chosen"
)


@dataclass(frozen=True)
class LinkReport:
    results: tuple[LinkResult, ...]
    findings: list[Finding]


def render_url(url: str, merge_row: Mapping[str, Any]) -> str:
    """``url`` with its merge fields filled in from one recipient's values."""
    from teenvio_desktop.core.merge import MergeTemplates, merge_context

    # The subject's environment: values as they are (the HTML part's escaping would be
    # undone by the client's HTML parser before it follows the link anyway).
    return MergeTemplates(url, "", "").render_part("subject", merge_context(merge_row)).strip()


@dataclass
class _Target:
    url: str
    kind: TargetKind
    locations: list[Location] = field(default_factory=list)
    checked_url: str = ""
    problem: Phrase | None = None


def _targets(
    document: HtmlDocument, transport: str, merge_row: Mapping[str, Any] | None
) -> list[_Target]:
    grouped: dict[tuple[str, str], _Target] = {}
    for found in link_targets(document):
        merge = has_merge_fields(found.url)
        if not (is_remote(found.url) or merge) or (merge and transport == "smtp"):
            continue  # not a web address, or reported by the form checks
        target = grouped.setdefault((found.url, found.kind), _Target(found.url, found.kind))
        target.locations.append(found.location(document))
    for target in grouped.values():
        target.checked_url = target.url
        if not has_merge_fields(target.url):
            continue
        if merge_row is None:
            target.problem = Phrase(PROBLEM_NO_RECIPIENT)
            continue
        try:
            target.checked_url = render_url(target.url, merge_row)
        except Exception as exc:  # jinja2's errors and the filters' own
            target.problem = Phrase(PROBLEM_MERGE, {"reason": clean_text(str(exc), 200)})
            continue
        if not is_remote(target.checked_url):
            target.problem = Phrase(PROBLEM_INVALID)
    return list(grouped.values())


def _finding(result: LinkResult) -> Finding | None:
    image = result.kind == "image"
    where = result.locations[0] if result.locations else None
    also = result.locations[1:]
    params: dict[str, Any] = {"url": short_url(result.checked_url or result.url)}
    data = result.to_json()
    if result.problem is not None:
        params["problem"] = result.problem
        if result.problem.template == PROBLEM_NO_RECIPIENT:
            return Finding("links.merge.no-recipient", "advice", QT_TRANSLATE_NOOP("quality",
                "The address {url} has merge fields: choose a recipient to check it with "
                "their values."), params, where, also, data=data)  # fmt: skip
        if result.problem.template == PROBLEM_MERGE:
            return Finding("links.merge.failed", "error", QT_TRANSLATE_NOOP("quality",
                "The address {url} could not be built for the chosen recipient: {problem}."),
                params, where, also, data=data)  # fmt: skip
        if image:
            return Finding("links.image.unreachable", "error", QT_TRANSLATE_NOOP("quality",
                "The image {url} could not be loaded: {problem}."), params, where, also,
                data=data)  # fmt: skip
        return Finding("links.unreachable", "error", QT_TRANSLATE_NOOP("quality",
            "The link {url} could not be followed: {problem}."), params, where, also,
            data=data)  # fmt: skip
    assert result.status is not None
    params.update(status=result.status, reason=result.reason)
    if result.status == 429:
        return Finding("links.rate-limited", "warning", QT_TRANSLATE_NOOP("quality",
            "The server of {url} answered 429 (too many requests); check it again later."),
            params, where, also, data=data)  # fmt: skip
    if result.status >= 400:
        if image:
            return Finding("links.image.broken", "error", QT_TRANSLATE_NOOP("quality",
                "The image {url} answers {status} {reason}: it will not show."), params,
                where, also, data=data)  # fmt: skip
        return Finding("links.broken", "error", QT_TRANSLATE_NOOP("quality",
            "The link {url} answers {status} {reason}."), params, where, also,
            data=data)  # fmt: skip
    if result.redirects and not image:
        params.update(final=short_url(result.final_url), count=len(result.redirects))
        return Finding("links.redirected", "advice", QT_TRANSLATE_NOOP("quality",
            "The link {url} redirects to {final} (redirects: {count})."), params, where,
            also, data=data)  # fmt: skip
    return None


def check_links(
    html: str | HtmlDocument,
    *,
    transport: str = "smtp",
    merge_row: Mapping[str, Any] | None = None,
    options: LinkCheckOptions | None = None,
    cache: LinkCache | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> LinkReport:
    """Visit every web address of the document; results in document order, and findings.

    ``merge_row`` is the recipient whose values fill merge fields (TEA Lite); with the
    SMTP-API, addresses with merge fields are left to the form checks.
    """
    options = options or LinkCheckOptions()
    cache = cache if cache is not None else PROCESS_CACHE
    cancel = cancel or CancelToken()
    document = parse_document(html) if isinstance(html, str) else html
    targets = _targets(document, transport, merge_row)
    wanted = list(dict.fromkeys(t.checked_url for t in targets if t.problem is None))
    groups = FindingGroups()
    if len(wanted) > MAX_ADDRESSES:
        groups.add(Finding("links.too-many", "advice", QT_TRANSLATE_NOOP("quality",
            "The message has {count} different addresses; only the first {checked} were "
            "checked."), {"count": len(wanted), "checked": MAX_ADDRESSES}))  # fmt: skip
        wanted = wanted[:MAX_ADDRESSES]
        kept = set(wanted)
        targets = [t for t in targets if t.problem is not None or t.checked_url in kept]
    known = {url: hit for url in wanted if options.use_cache and (hit := cache.get(url))}
    missing = [url for url in wanted if url not in known]

    def overall(step: Progress) -> None:
        progress(Progress(STAGE, len(known) + step.done, len(wanted)))

    progress(Progress(STAGE, len(known), len(wanted)))
    cancel.raise_if_cancelled()
    import asyncio  # here: the composer imports this module at start-up, before any check

    answers = asyncio.run(check_all(missing, options, overall, cancel)) if missing else {}
    for url, answer in answers.items():
        cache.put(url, answer)
    results: list[LinkResult] = []
    for target in targets:
        base = LinkResult(target.url, target.checked_url, target.kind, tuple(target.locations))
        if target.problem is not None:
            result = replace(base, problem=target.problem)
        elif target.checked_url in known:
            result = _merge(base, known[target.checked_url], cached=True)
        else:
            result = _merge(base, answers[target.checked_url], cached=False)
        results.append(result)
        finding = _finding(result)
        if finding is not None:
            groups.add(finding)
    return LinkReport(tuple(results), groups.findings())


def _merge(base: LinkResult, answer: LinkResult, *, cached: bool) -> LinkResult:
    return replace(
        answer,
        url=base.url,
        checked_url=base.checked_url,
        kind=base.kind,
        locations=base.locations,
        cached=cached,
    )
