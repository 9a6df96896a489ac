"""Every link and remote image of a document, and what their form alone says (no network).

:func:`link_targets` lists each ``href`` and image source (``<img src>``, ``background``
attributes, ``url()`` in styles) with where it is written; the network check
(``links.py``) visits them. :func:`link_form_findings` is cheap and runs with the other
live analyses: ``mailto:`` addresses, the unsubscribe link and ``List-Unsubscribe``,
relative and ``javascript:`` addresses, plain ``http://``, and merge fields the SMTP-API
would send unfilled.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote, urlsplit

from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.quality.css import parse_declarations, parse_stylesheet
from teenvio_desktop.core.quality.document import Element, HtmlDocument, element_text
from teenvio_desktop.core.quality.findings import Finding, FindingGroups, Location

TargetKind = Literal["link", "image"]
MAX_URL_IN_MESSAGE = 120
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)""", re.I)
UNSUBSCRIBE = re.compile(
    r"unsubscri|opt[\s_-]?out|\bbaja\b|desuscri|darse de baja|cancelar (?:la |tu |su )?suscripci",
    re.I,
)
MERGE_MARK = re.compile(r"\{\{|\{%")


@dataclass(frozen=True)
class LinkTarget:
    """An address in the document: in an attribute of an element, or at an offset."""

    url: str  # as written (character references decoded), trimmed
    kind: TargetKind
    element: int  # -1 for a ``url()`` in a ``<style>`` block
    attribute: str  # or the offset of the declaration, for a <style> block
    unsubscribe: bool = False

    def location(self, document: HtmlDocument) -> Location:
        if self.element < 0:
            return document.location(int(self.attribute))
        return document.attribute_location(document.elements[self.element], self.attribute)


def short_url(url: str) -> str:
    return url if len(url) <= MAX_URL_IN_MESSAGE else url[: MAX_URL_IN_MESSAGE - 1] + "…"


def has_merge_fields(url: str) -> bool:
    return MERGE_MARK.search(url) is not None


def _is_unsubscribe(element: Element) -> bool:
    text = element_text(element) + " " + element.attrs.get("aria-label", "")
    return bool(UNSUBSCRIBE.search(text) or UNSUBSCRIBE.search(element.attrs.get("href", "")))


def link_targets(document: HtmlDocument) -> Iterator[LinkTarget]:
    """Every link and image address in document order (styles' ``url()`` last)."""
    for element in document.elements:
        attrs = element.attrs
        index = element.index
        if element.tag in ("a", "area") and "href" in attrs:
            unsubscribe = _is_unsubscribe(element)
            yield LinkTarget(attrs["href"].strip(), "link", index, "href", unsubscribe)
        if element.tag in ("img", "input") and attrs.get("src", "").strip():
            yield LinkTarget(attrs["src"].strip(), "image", index, "src")
        if attrs.get("background", "").strip():
            yield LinkTarget(attrs["background"].strip(), "image", index, "background")
        style = attrs.get("style", "")
        if "url(" in style.lower():
            for declaration in parse_declarations(style):
                for match in _CSS_URL.finditer(declaration.value):
                    yield LinkTarget(match.group(2).strip(), "image", index, "style")
    for block in document.styles:
        for rule in parse_stylesheet(block.css).rules:
            for declaration in rule.declarations:
                for match in _CSS_URL.finditer(declaration.value):
                    offset = str(block.offset + declaration.offset)
                    yield LinkTarget(match.group(2).strip(), "image", -1, offset)


def is_remote(url: str) -> bool:
    return url[:7].lower() == "http://" or url[:8].lower() == "https://"


def mailto_problem(url: str) -> str | None:
    """The first invalid address of a ``mailto:`` URL, "" if it has none, None if fine."""
    from email_validator import EmailNotValidError, validate_email

    addresses = [a.strip() for a in unquote(url[7:].split("?", 1)[0]).split(",") if a.strip()]
    if not addresses:
        return ""
    for address in addresses:
        try:
            validate_email(address, check_deliverability=False)
        except EmailNotValidError:
            return address
    return None


def list_unsubscribe_problems(value: str) -> list[str]:
    """The items of a List-Unsubscribe value that are not ``mailto:`` or ``https:`` addresses."""
    problems = []
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        inner = item[1:-1].strip() if item.startswith("<") and item.endswith(">") else item
        lowered = inner.lower()
        if lowered.startswith("mailto:"):
            if mailto_problem(inner) is not None:
                problems.append(item)
        elif lowered.startswith("https://"):
            try:
                host = urlsplit(inner).hostname
            except ValueError:
                host = None
            if not host or any(c.isspace() for c in inner):
                problems.append(item)
        else:
            problems.append(item)
    return problems


def _scheme(url: str) -> str:
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return match.group(1).lower() if match else ""


def _target_findings(
    document: HtmlDocument, target: LinkTarget, transport: str, groups: FindingGroups
) -> None:
    url = target.url
    if _is_plain_https(url):
        return
    where = target.location(document)
    params = {"url": short_url(url)}
    scheme = _scheme(url)
    if has_merge_fields(url):
        if transport == "smtp":
            groups.add(Finding("links.merge.smtp", "warning", QT_TRANSLATE_NOOP("quality",
                "The address {url} has merge fields, but the SMTP-API sends one identical "
                "message to everyone: they would go out unfilled. Use TEA Lite to "
                "personalise."), params, where))  # fmt: skip
        return
    if target.kind == "link" and (not url or url == "#"):
        groups.add(Finding("links.empty", "error", QT_TRANSLATE_NOOP("quality",
            "A link has no address."), {}, where))  # fmt: skip
    elif scheme == "mailto":
        bad = mailto_problem(url)
        if bad is not None:
            groups.add(Finding("links.mailto.invalid", "error", QT_TRANSLATE_NOOP("quality",
                "The mailto: link {url} has no valid address{address}."),
                {**params, "address": f" ({bad})" if bad else ""}, where))  # fmt: skip
    elif scheme == "javascript":
        groups.add(Finding("links.javascript", "error", QT_TRANSLATE_NOOP("quality",
            "The link {url} runs JavaScript; email clients remove it."), params,
            where))  # fmt: skip
    elif not scheme and not url.startswith("#"):
        groups.add(Finding("links.relative", "error", QT_TRANSLATE_NOOP("quality",
            "The address {url} is relative; in an email it leads nowhere. Write the full "
            "address, starting with https://."), params, where))  # fmt: skip
    elif scheme == "http" and target.kind == "image":
        groups.add(Finding("links.image.insecure", "advice", QT_TRANSLATE_NOOP("quality",
            "The image {url} is loaded over plain http://; some webmails block or flag it. "
            "Use https://."), params, where))  # fmt: skip
    elif scheme == "http" and not target.unsubscribe:  # that one has its own finding
        groups.add(Finding("links.insecure", "advice", QT_TRANSLATE_NOOP("quality",
            "The link {url} uses plain http://; prefer https://."), params,
            where))  # fmt: skip


def _is_plain_https(url: str) -> bool:
    """The common case, decided without building a location."""
    return url[:8].lower() == "https://" and not has_merge_fields(url) and " " not in url


def _unsubscribe_findings(
    document: HtmlDocument,
    targets: list[LinkTarget],
    list_unsubscribe: str,
    groups: FindingGroups,
) -> None:
    unsubscribe = [t for t in targets if t.unsubscribe]
    for target in unsubscribe:
        scheme = _scheme(target.url)
        if has_merge_fields(target.url) or scheme in ("https", "mailto"):
            continue
        if scheme == "http":
            groups.add(Finding("links.unsubscribe.insecure", "warning", QT_TRANSLATE_NOOP(
                "quality", "The unsubscribe link {url} uses plain http://; use https://."),
                {"url": short_url(target.url)}, target.location(document)))  # fmt: skip
        else:
            groups.add(Finding("links.unsubscribe.invalid", "error", QT_TRANSLATE_NOOP(
                "quality", "The unsubscribe link {url} is not a web (https://) or mailto: "
                "address; recipients could not unsubscribe."),
                {"url": short_url(target.url)}, target.location(document)))  # fmt: skip
    for item in list_unsubscribe_problems(list_unsubscribe):
        groups.add(Finding("links.list-unsubscribe.invalid", "error", QT_TRANSLATE_NOOP(
            "quality", "List-Unsubscribe: {item} is not a valid <mailto:…> or <https://…> "
            "address."), {"item": short_url(item)}))  # fmt: skip
    if not unsubscribe and not list_unsubscribe.strip():
        groups.add(Finding("links.unsubscribe.missing", "warning", QT_TRANSLATE_NOOP(
            "quality", "No unsubscribe link was found (a link whose text or address says "
            "\"unsubscribe\" or \"baja\"), and no List-Unsubscribe is set. Recipients must be "
            "able to opt out.")))  # fmt: skip


def link_form_findings(
    document: HtmlDocument, *, transport: str = "smtp", list_unsubscribe: str = ""
) -> list[Finding]:
    groups = FindingGroups()
    targets = list(link_targets(document))
    for target in targets:
        _target_findings(document, target, transport, groups)
    _unsubscribe_findings(document, targets, list_unsubscribe, groups)
    return groups.findings()
