"""What every quality analysis reports: findings with a stable id, a severity and a place.

A :class:`Finding` carries an English template marked for translation (context
``"quality"``) and its parameters; the caller renders it with its own ``translate``
function, as for the pre-send checks. A parameter may itself be a :class:`Phrase`
(a translatable fragment, such as a client's platform) or a sequence of them, rendered
and joined at display time. ``location`` is where the problem is in the HTML source, so
a click can take the cursor there; ``also_at`` lists further occurrences of the same
problem (bounded).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

Severity = Literal["error", "warning", "advice"]
Translate = Callable[[str, str], str]
CONTEXT = "quality"
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "advice")
SEVERITY_ORDER = {name: rank for rank, name in enumerate(SEVERITIES)}
# Enough occurrences to find them all in a real newsletter, bounded for a hostile one.
MAX_ALSO_AT = 50
CATEGORY_BY_PREFIX = {
    "compat": "compatibility",
    "links": "links",
    "spam": "spam",
    "a11y": "accessibility",
}


def identity_translate(context: str, text: str) -> str:
    del context
    return text


@dataclass(frozen=True)
class Location:
    """A place in the HTML source: 1-based line and column (in characters), 0-based offset.

    Columns and offsets count Unicode code points; an editor that counts UTF-16 units
    (Qt) converts with the line's text.
    """

    line: int
    column: int
    offset: int

    def to_json(self) -> dict[str, int]:
        return {"line": self.line, "column": self.column, "offset": self.offset}


@dataclass(frozen=True)
class Phrase:
    """A translatable fragment used as a parameter of another message."""

    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, translate: Translate = identity_translate) -> str:
        values = {k: render_value(v, translate) for k, v in self.params.items()}
        return translate(CONTEXT, self.template).format(**values)


def render_value(value: Any, translate: Translate) -> str:
    """A parameter as text: phrases translated, sequences joined, the rest as is."""
    if isinstance(value, Phrase):
        return value.render(translate)
    if isinstance(value, (list, tuple)):
        return ", ".join(render_value(item, translate) for item in value)
    return str(value)


def plain_value(value: Any) -> Any:
    """A parameter as JSON data: phrases rendered in English, sequences as lists."""
    if isinstance(value, Phrase):
        return value.render()
    if isinstance(value, (list, tuple)):
        return [plain_value(item) for item in value]
    return value


@dataclass(frozen=True)
class Finding:
    """One problem or piece of advice.

    ``id`` is stable across versions and languages (``compat.css.display-flex``,
    ``a11y.img.missing-alt``); ``details`` are untranslated notes from the data source
    (caniemail's notes, SpamAssassin's rule descriptions); ``data`` is machine-readable
    context for JSON output (client ids, URLs, scores).
    """

    id: str
    severity: Severity
    message: str
    params: Mapping[str, Any] = field(default_factory=dict)
    location: Location | None = None
    also_at: tuple[Location, ...] = ()
    details: tuple[str, ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict)

    @property
    def category(self) -> str:
        return CATEGORY_BY_PREFIX.get(self.id.split(".", 1)[0], "other")

    @property
    def occurrences(self) -> int:
        return (1 if self.location is not None else 0) + len(self.also_at)

    def render(self, translate: Translate = identity_translate) -> str:
        values = {k: render_value(v, translate) for k, v in self.params.items()}
        return translate(CONTEXT, self.message).format(**values)

    def to_json(self, translate: Translate = identity_translate) -> dict[str, Any]:
        return {
            "id": self.id,
            "severity": self.severity,
            "category": self.category,
            "message": self.render(translate),
            "line": self.location.line if self.location else None,
            "column": self.location.column if self.location else None,
            "also_at": [loc.to_json() for loc in self.also_at],
            "details": list(self.details),
            "params": {k: plain_value(v) for k, v in self.params.items()},
            "data": dict(self.data),
        }


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then by place in the source (findings without a place last), then id."""

    def key(finding: Finding) -> tuple[int, int, str]:
        offset = finding.location.offset if finding.location else 1 << 62
        return SEVERITY_ORDER[finding.severity], offset, finding.id

    return sorted(findings, key=key)


def count_by_severity(findings: Iterable[Finding]) -> dict[str, int]:
    counts: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


@dataclass
class _Group:
    first: Finding
    also_at: list[Location] = field(default_factory=list)


class FindingGroups:
    """Collects occurrences and merges those with the same id and parameters into one."""

    def __init__(self) -> None:
        self._groups: dict[tuple[str, str], _Group] = {}

    def add(self, finding: Finding) -> None:
        key = (finding.id, repr(sorted(finding.params.items(), key=lambda item: item[0])))
        group = self._groups.get(key)
        if group is None:
            self._groups[key] = _Group(finding)
        elif finding.location is not None and len(group.also_at) < MAX_ALSO_AT:
            group.also_at.append(finding.location)

    def findings(self) -> list[Finding]:
        return [
            replace(group.first, also_at=group.first.also_at + tuple(group.also_at))
            for group in self._groups.values()
        ]
