"""Mail merge: ``{{ column }}`` fields in the subject, HTML and text, per recipient.

Templates run in Jinja2's :class:`SandboxedEnvironment` (no attribute games, no file
access) with :class:`StrictUndefined`, so a field with no value is an error instead of a
silent blank. Values are HTML-escaped in the HTML part only; the subject and the text
part take them as they are. An empty cell counts as *no value*, so
``{{ first_name | default("cliente") }}`` falls back for blank cells too, and a bare
``{{ first_name }}`` on a blank cell is reported as an empty required value.

:func:`validate_merge` renders every recipient once before anything is sent and lists
the rows and fields at fault.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError, meta
from jinja2.environment import Template
from jinja2.sandbox import SandboxedEnvironment

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP

Part = Literal["subject", "html", "text"]
IssueKind = Literal["missing_column", "empty_value", "syntax_error", "template_error"]
PARTS: tuple[Part, ...] = ("subject", "html", "text")
# Enough to show a person what to fix without holding 50,000 issues in memory.
MAX_LISTED_ISSUES = 500
_UNDEFINED_NAME = re.compile(r"^'([^']+)' is undefined$")
_NON_IDENTIFIER = re.compile(r"[^0-9a-zA-Z_]+")


def _environment(*, html: bool) -> SandboxedEnvironment:
    return SandboxedEnvironment(
        autoescape=html,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,
    )


_ENVIRONMENTS = {True: _environment(html=True), False: _environment(html=False)}


@functools.lru_cache(maxsize=4096)
def field_key(column: str) -> str:
    """The identifier a column is reachable under: ``"E-mail"`` -> ``e_mail``.

    Cached: every recipient of a list has the same columns (a regex per column and row
    was a fifth of personalising a message)."""
    return _NON_IDENTIFIER.sub("_", column.strip()).strip("_").lower()


def merge_context(row: Mapping[str, Any]) -> dict[str, str]:
    """Template variables for one recipient: the columns by name and by identifier.

    Blank values are left out so that ``default(...)`` applies and bare uses are caught.
    """
    context: dict[str, str] = {}
    for column, raw in row.items():
        value = "" if raw is None else str(raw)
        if not value.strip():
            continue
        context[str(column)] = value
        context.setdefault(field_key(str(column)), value)
    return context


def _known_columns(row: Mapping[str, Any]) -> set[str]:
    return {str(c) for c in row} | {field_key(str(c)) for c in row}


@dataclass(frozen=True)
class MergeIssue:
    """One problem: ``row`` is the 1-based recipient number (None for the template)."""

    kind: IssueKind
    part: Part
    row: int | None = None
    field: str | None = None
    line: int | None = None
    message: str = ""

    def describe(self) -> str:
        where = f"row {self.row}" if self.row is not None else "template"
        line = f", line {self.line}" if self.line is not None else ""
        what = {
            "missing_column": f"no column {self.field!r}",
            "empty_value": f"empty value for {self.field!r}",
            "syntax_error": f"syntax error: {self.message}",
            "template_error": f"error: {self.message}",
        }[self.kind]
        return f"{where} ({self.part}{line}): {what}"


@dataclass
class MergeReport:
    """What :func:`validate_merge` found; ``ok`` when every recipient rendered."""

    checked: int = 0
    issues: list[MergeIssue] = field(default_factory=list)
    total_issues: int = 0

    @property
    def ok(self) -> bool:
        return self.total_issues == 0

    @property
    def rows_at_fault(self) -> list[int]:
        return sorted({i.row for i in self.issues if i.row is not None})

    def add(self, issue: MergeIssue) -> None:
        self.total_issues += 1
        if len(self.issues) < MAX_LISTED_ISSUES:
            self.issues.append(issue)

    def describe(self, limit: int = 20) -> str:
        lines = [issue.describe() for issue in self.issues[:limit]]
        if self.total_issues > len(lines):
            lines.append(f"... and {self.total_issues - len(lines)} more")
        return "\n".join(lines)


class MergeValidationError(TeenvioError):
    """Raised before sending when some recipients cannot be personalised."""

    def __init__(self, report: MergeReport) -> None:
        self.report = report
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The merge fields could not be filled ({count} problems). Fix the recipient "
                "list or the template; nothing was sent:\n{details}",
            ),
            count=report.total_issues,
            details=report.describe(),
        )


@dataclass(frozen=True)
class RenderedMessage:
    subject: str
    html: str
    text: str


def _compiled(environment: SandboxedEnvironment, source: str) -> Template:
    template = environment.from_string(source)
    # Jinja copies a template's globals into every render's context; as its ChainMap
    # (template globals over the environment's) that copy cost about as much as rendering
    # a short part. The same names as one plain dict are copied in C.
    template.globals = dict(template.globals)
    return template


class MergeTemplates:
    """A campaign's three parts compiled once, rendered per recipient."""

    def __init__(self, subject: str, html: str, text: str) -> None:
        self._templates: dict[Part, Template] = {
            "subject": _compiled(_ENVIRONMENTS[False], subject),
            "html": _compiled(_ENVIRONMENTS[True], html),
            "text": _compiled(_ENVIRONMENTS[False], text),
        }

    @classmethod
    def for_campaign(cls, campaign: Campaign) -> MergeTemplates:
        """Compile; raises :class:`MergeValidationError` listing every syntax error."""
        report = MergeReport()
        for issue in template_syntax_issues(campaign):
            report.add(issue)
        if not report.ok:
            raise MergeValidationError(report)
        return cls(campaign.subject, campaign.html, campaign.text)

    def render_part(self, part: Part, context: Mapping[str, str]) -> str:
        return self._templates[part].render(context)

    def render(self, row: Mapping[str, Any]) -> RenderedMessage:
        """Render all parts; raises Jinja's errors (``UndefinedError``...) on bad data."""
        context = merge_context(row)
        # The subject is one header line: a newline from a value must not split it.
        subject = " ".join(self.render_part("subject", context).split())
        return RenderedMessage(
            subject=subject,
            html=self.render_part("html", context),
            text=self.render_part("text", context),
        )


def _sources(campaign: Campaign) -> dict[Part, str]:
    return {"subject": campaign.subject, "html": campaign.html, "text": campaign.text}


def template_syntax_issues(campaign: Campaign) -> list[MergeIssue]:
    issues: list[MergeIssue] = []
    for part, source in _sources(campaign).items():
        try:
            _ENVIRONMENTS[part == "html"].parse(source)
        except TemplateSyntaxError as exc:
            issues.append(
                MergeIssue("syntax_error", part, line=exc.lineno, message=exc.message or str(exc))
            )
    return issues


def fields_used(campaign: Campaign) -> set[str]:
    """Every variable the templates refer to (with or without a default)."""
    names: set[str] = set()
    for part, source in _sources(campaign).items():
        try:
            ast = _ENVIRONMENTS[part == "html"].parse(source)
        except TemplateSyntaxError:
            continue
        names |= meta.find_undeclared_variables(ast)
    return names


_FIELD = re.compile(r"\{\{(.*?)\}\}", re.S)
_TAG = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.S)
_DEFAULT = re.compile(r"""\|\s*(?:default|d)\s*\(\s*(['"])(.*?)\1""", re.S)
_CLOSES = frozenset(",.;:!?)]»")


def without_merge_fields(source: str) -> str:
    """``source`` with every ``{{ field }}`` taken out (its ``default("…")`` kept when it has
    one) and ``{% … %}``/``{# … #}`` tags dropped: what to send when nothing personalises.

    A field that leaves nothing takes the space before it along when punctuation or a space
    follows, so "Hola {{ nombre }}, ¿qué tal?" becomes "Hola, ¿qué tal?".
    """
    source = _TAG.sub("", source)
    out: list[str] = []
    position = 0
    for match in _FIELD.finditer(source):
        out.append(source[position : match.start()])
        default = _DEFAULT.search(match.group(1))
        replacement = default.group(2) if default else ""
        following = source[match.end() : match.end() + 1]
        if (
            not replacement
            and out
            and out[-1].endswith(" ")
            and (not following or following in _CLOSES or following.isspace())
        ):
            out[-1] = out[-1][:-1]
        out.append(replacement)
        position = match.end()
    out.append(source[position:])
    return "".join(out)


def has_merge_syntax(text: str) -> bool:
    """Whether ``text`` holds anything the template engine would act on."""
    return "{{" in text or "{%" in text or "{#" in text


def _row_issues(
    templates: MergeTemplates, row_number: int, row: Mapping[str, Any]
) -> list[MergeIssue]:
    """Render each part; on an undefined field note it, stub it, and go on to find the rest."""
    issues: list[MergeIssue] = []
    known = _known_columns(row)
    reported: set[str] = set()
    for part in PARTS:
        context = merge_context(row)
        for _ in range(64):  # one pass per distinct missing field, bounded
            try:
                templates.render_part(part, context)
            except UndefinedError as exc:
                match = _UNDEFINED_NAME.match(exc.message or "")
                if match is None or match.group(1) in context:
                    issues.append(MergeIssue("template_error", part, row_number, message=str(exc)))
                    break
                name = match.group(1)
                kind: IssueKind = "empty_value" if name in known else "missing_column"
                if name not in reported:  # once per row, even when several parts use it
                    reported.add(name)
                    issues.append(MergeIssue(kind, part, row_number, field=name))
                context[name] = "?"
                continue
            except TemplateError as exc:  # sandbox SecurityError, filter errors...
                issues.append(MergeIssue("template_error", part, row_number, message=str(exc)))
            except (TypeError, ValueError, ArithmeticError) as exc:
                issues.append(MergeIssue("template_error", part, row_number, message=str(exc)))
            break
    return issues


def render_checked(
    templates: MergeTemplates, row_number: int, row: Mapping[str, Any], report: MergeReport
) -> RenderedMessage | None:
    """Render one recipient; on failure record every field at fault in ``report``.

    The message is rendered once: a row that renders is, by that, free of issues (the
    diagnosis part by part runs only for the rows that fail), and the caller can send
    what was rendered instead of rendering it again.
    """
    report.checked += 1
    try:
        return templates.render(row)
    except (TemplateError, TypeError, ValueError, ArithmeticError):
        for issue in _row_issues(templates, row_number, row) or [
            MergeIssue("template_error", "subject", row_number, message="cannot be rendered")
        ]:
            report.add(issue)
        return None


def validate_merge(campaign: Campaign, recipients: Sequence[Mapping[str, Any]]) -> MergeReport:
    """Render every recipient once; list every row and field that would fail."""
    report = MergeReport()
    syntax = template_syntax_issues(campaign)
    for issue in syntax:
        report.add(issue)
    if syntax:
        return report
    templates = MergeTemplates(campaign.subject, campaign.html, campaign.text)
    for number, row in enumerate(recipients, start=1):
        render_checked(templates, number, row, report)
    return report


def render_all(
    campaign: Campaign, recipients: Iterable[Mapping[str, Any]]
) -> Iterable[RenderedMessage]:
    """Render recipients one by one (validate first: this raises on bad data)."""
    templates = MergeTemplates.for_campaign(campaign)
    for row in recipients:
        yield templates.render(row)
