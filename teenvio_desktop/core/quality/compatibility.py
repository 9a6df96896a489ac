"""Email-client compatibility: the document's features scored against caniemail.

For each feature the document uses, each client group gets the status of its platforms'
latest tested versions. A finding names the feature, the clients that drop it or only
partly support it (with caniemail's notes for them) and where it is used:

- **error** when at least half of the major client groups drop it entirely;
- **warning** when any platform of a major group drops it;
- **advice** when a major group supports it only partly, or only minor clients drop it,
  and at most advice for features a client can ignore without breaking the message (a
  doctype, ARIA attributes, media queries, hover effects, web fonts with fallbacks).

The figures: per group, the share of the document's features it supports (partial
support counts half); overall, the mean over the major groups.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.quality.caniemail import (
    STATUS_VALUE,
    Client,
    ClientGroup,
    Dataset,
    Feature,
    Support,
    load_dataset,
    platform_label,
)
from teenvio_desktop.core.quality.document import HtmlDocument
from teenvio_desktop.core.quality.features import STYLE_IN_BODY, FeatureUses, detect_features
from teenvio_desktop.core.quality.findings import (
    Finding,
    Location,
    Phrase,
    Severity,
    Translate,
    identity_translate,
)

MESSAGE_UNSUPPORTED = QT_TRANSLATE_NOOP("quality", "{feature} is not supported by {unsupported}.")
MESSAGE_PARTIAL = QT_TRANSLATE_NOOP("quality", "{feature} is only partly supported by {partial}.")
MESSAGE_BOTH = QT_TRANSLATE_NOOP(
    "quality", "{feature} is not supported by {unsupported}, and only partly by {partial}."
)
STYLE_IN_BODY_TITLE = QT_TRANSLATE_NOOP("quality", "<style> element inside <body>")
CLIENT_WITH_PLATFORMS = QT_TRANSLATE_NOOP("quality", "{client} ({platforms})")
# Features a client may ignore without breaking the message (progressive enhancement: a
# doctype, ARIA, media queries, hover effects, web fonts with fallbacks...): at most advice.
GRACEFUL_FEATURES = frozenset({
    "html-doctype", "html-body", "html-lang", "html-dir", "html-role", "html-comments",
    "html-style", "html-meta-color-scheme", "html-loading-attribute", "html-srcset",
    "html-picture", "html-target", "css-at-media", "css-at-supports", "css-at-font-face",
    "css-at-import", "css-important", "css-color-scheme", "css-border-radius",
    "css-box-shadow", "css-text-shadow", "css-transition", "css-cursor", "css-user-select",
    "css-outline", "css-pseudo-class-hover", "css-pseudo-class-focus",
    "css-pseudo-class-active", "css-pseudo-class-visited", "css-pseudo-class-link",
    "css-pseudo-class-focus-visible", "css-pseudo-class-focus-within"
})  # fmt: skip
GRACEFUL_PREFIXES = ("html-aria-", "css-at-media-", "css-selector-")


@dataclass(frozen=True)
class ClientScore:
    id: str
    label: Phrase
    major: bool
    support: float | None  # percent; None when the data says nothing about these features
    supported: int
    partial: int
    unsupported: int

    def to_json(self, translate: Translate = identity_translate) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.label.render(translate),
            "major": self.major,
            "support": None if self.support is None else round(self.support, 1),
            "supported": self.supported,
            "partial": self.partial,
            "unsupported": self.unsupported,
        }


@dataclass(frozen=True)
class CompatibilitySummary:
    overall: float | None
    clients: tuple[ClientScore, ...]
    features: tuple[str, ...]  # the slugs found in the document
    dataset_version: str


@dataclass(frozen=True)
class _GroupStatus:
    group: ClientGroup
    status: str  # "y", "a" or "n" over the platforms with data
    value: float  # 1 supported, 0.5 partial, 0 dropped: the mean over those platforms
    known: tuple[Client, ...]  # the group's platforms the data has results for
    unsupported: tuple[Client, ...]
    partial: tuple[Client, ...]


def _style_in_body(dataset: Dataset) -> Feature | None:
    """``<style>`` where a client's note says it is ignored inside ``<body>``: not supported."""
    base = dataset.features.get("html-style")
    if base is None:
        return None
    body_notes = {n for n, text in base.notes_by_number.items() if "<body>" in text}
    support = {
        client: Support("n", s.version, s.notes)
        if s.status == "a" and body_notes.intersection(s.notes)
        else s
        for client, s in base.support.items()
    }
    return replace(base, slug=STYLE_IN_BODY, title=STYLE_IN_BODY_TITLE, support=support)


@cache
def scored_features(dataset: Dataset) -> dict[str, Feature]:
    """The dataset's features plus those derived from their notes (``<style>`` in body)."""
    features = dict(dataset.features)
    derived = _style_in_body(dataset)
    if derived is not None:
        features[STYLE_IN_BODY] = derived
    return features


def _group_status(feature: Feature, group: ClientGroup) -> _GroupStatus | None:
    known = [
        (client, feature.support[client])
        for client in group.members
        if client in feature.support and feature.support[client].status in STATUS_VALUE
    ]
    if not known:
        return None
    statuses = {support.status for _, support in known}
    return _GroupStatus(
        group=group,
        status=statuses.pop() if len(statuses) == 1 else "a",
        value=sum(STATUS_VALUE[support.status] for _, support in known) / len(known),
        known=tuple(client for client, _ in known),
        unsupported=tuple(client for client, s in known if s.status == "n"),
        partial=tuple(client for client, s in known if s.status == "a"),
    )


def _severity(slug: str, statuses: tuple[_GroupStatus, ...]) -> Severity | None:
    major = [s for s in statuses if s.group.major]
    dropped = sum(s.status == "n" for s in major)
    severity: Severity | None = None
    if major and dropped * 2 >= len(major):
        severity = "error"
    elif any(s.unsupported for s in major):
        severity = "warning"
    elif any(s.partial for s in major) or any(s.unsupported for s in statuses):
        severity = "advice"
    if severity is not None and _degrades_gracefully(slug):
        return "advice"
    return severity


def _degrades_gracefully(slug: str) -> bool:
    return slug in GRACEFUL_FEATURES or slug.startswith(GRACEFUL_PREFIXES)


@dataclass(frozen=True)
class _Verdict:
    feature: Feature
    statuses: tuple[_GroupStatus, ...]
    severity: Severity | None


class _Verdicts:
    """Each feature's status per client group, computed once per process when first used."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.features = scored_features(dataset)
        self._memo: dict[str, _Verdict] = {}

    def get(self, slug: str) -> _Verdict | None:
        verdict = self._memo.get(slug)
        if verdict is None:
            feature = self.features.get(slug)
            if feature is None:
                return None
            statuses = tuple(
                s for g in self.dataset.groups if (s := _group_status(feature, g)) is not None
            )
            verdict = _Verdict(feature, statuses, _severity(slug, statuses))
            self._memo[slug] = verdict
        return verdict


@cache
def _verdicts(dataset: Dataset) -> _Verdicts:
    return _Verdicts(dataset)


def _client_names(statuses: tuple[_GroupStatus, ...], unsupported: bool) -> list[Phrase]:
    """A group by its name when all its platforms are affected, else with the platforms."""
    names: list[Phrase] = []
    for status in statuses:
        affected = status.unsupported if unsupported else status.partial
        if not affected:
            continue
        if affected == status.known:
            names.append(status.group.label)
            continue
        platforms = [platform_label(platform) for _, platform in affected]
        params = {"client": status.group.label, "platforms": platforms}
        names.append(Phrase(CLIENT_WITH_PLATFORMS, params))
    return names


def _client_id(client: Client) -> str:
    return f"{client[0]}.{client[1]}"


def finding_id(slug: str) -> str:
    prefix, _, rest = slug.partition("-")
    if prefix in ("css", "html", "image") and rest:
        return f"compat.{prefix}.{rest}"
    return f"compat.other.{slug}"


def _feature_finding(verdict: _Verdict, locations: list[Location], count: int) -> Finding:
    feature, statuses = verdict.feature, verdict.statuses
    assert verdict.severity is not None
    unsupported = _client_names(statuses, unsupported=True)
    partial = _client_names(statuses, unsupported=False)
    if unsupported and partial:
        message = MESSAGE_BOTH
    elif unsupported:
        message = MESSAGE_UNSUPPORTED
    else:
        message = MESSAGE_PARTIAL
    title: Phrase | str = Phrase(feature.title) if feature.slug == STYLE_IN_BODY else feature.title
    affected = [c for s in statuses for c in (*s.unsupported, *s.partial)]
    return Finding(
        id=finding_id(feature.slug),
        severity=verdict.severity,
        message=message,
        params={"feature": title, "unsupported": unsupported, "partial": partial},
        location=locations[0] if locations else None,
        also_at=tuple(locations[1:]),
        details=tuple(feature.notes_for(affected)),
        data={
            "feature": feature.slug,
            "unsupported": [_client_id(c) for s in statuses for c in s.unsupported],
            "partial": [_client_id(c) for s in statuses for c in s.partial],
            "occurrences": count,
            "url": feature.url,
        },
    )


def _locate(document: HtmlDocument, uses: FeatureUses, slug: str) -> list[Location]:
    locations = []
    style_values: dict[int, tuple[int, bool]] = {}
    for element_index, offset in uses.places[slug]:
        if element_index < 0:
            locations.append(document.location(offset))
            continue
        if element_index not in style_values:
            element = document.elements[element_index]
            base, raw = document.attribute_value(element, "style")
            # Offsets inside the value hold only when it has no character references.
            style_values[element_index] = (base, raw == element.attrs.get("style"))
        base, exact = style_values[element_index]
        locations.append(document.location(base + offset if exact else base))
    return locations


def _scores(
    dataset: Dataset, verdicts: list[_Verdict]
) -> tuple[float | None, tuple[ClientScore, ...]]:
    by_group: dict[str, list[_GroupStatus]] = {group.id: [] for group in dataset.groups}
    for verdict in verdicts:
        for status in verdict.statuses:
            by_group[status.group.id].append(status)
    scores: list[ClientScore] = []
    for group in dataset.groups:
        statuses = by_group[group.id]
        support = 100 * sum(s.value for s in statuses) / len(statuses) if statuses else None
        scores.append(
            ClientScore(
                id=group.id,
                label=group.label,
                major=group.major,
                support=support,
                supported=sum(s.status == "y" for s in statuses),
                partial=sum(s.status == "a" for s in statuses),
                unsupported=sum(s.status == "n" for s in statuses),
            )
        )
    major = [s.support for s in scores if s.major and s.support is not None]
    overall = sum(major) / len(major) if major else None
    return overall, tuple(scores)


def analyse_compatibility(
    document: HtmlDocument, dataset: Dataset | None = None
) -> tuple[CompatibilitySummary, list[Finding]]:
    """The support figures and one finding per feature some client drops or mangles."""
    dataset = dataset or load_dataset()
    verdicts = _verdicts(dataset)
    uses = detect_features(document, dataset)
    used = [v for slug in uses.places if (v := verdicts.get(slug)) is not None]
    findings = [
        _feature_finding(
            verdict,
            _locate(document, uses, verdict.feature.slug),
            uses.counts[verdict.feature.slug],
        )
        for verdict in used
        if verdict.severity is not None
    ]
    overall, clients = _scores(dataset, used)
    summary = CompatibilitySummary(
        overall=overall,
        clients=clients,
        features=tuple(sorted(v.feature.slug for v in used)),
        dataset_version=dataset.version,
    )
    return summary, findings
