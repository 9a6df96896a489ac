"""Accessibility: what screen-reader users, people with low vision and phone readers meet.

- every ``<img>`` has ``alt`` (an empty one on spacers and decorative images);
- the document declares its language (``<html lang>``);
- text contrasts with its background as WCAG 2 AA requires (4.5:1; 3:1 for large text),
  colours taken from inline styles, presentational attributes and simple ``<style>``
  rules, backgrounds inherited through ancestors; text over an image is not judged;
- headings do not skip levels;
- links say where they go (not "click here", "pincha aquí"...) and have a name at all;
- layout tables carry ``role="presentation"``;
- text is at least 14 px at a 375 px wide screen (``@media`` rules applied).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.quality.cascade import Cascade
from teenvio_desktop.core.quality.colors import AA_LARGE, AA_NORMAL, contrast_ratio
from teenvio_desktop.core.quality.document import Element, HtmlDocument, element_text
from teenvio_desktop.core.quality.findings import Finding, FindingGroups

MIN_MOBILE_FONT_PX = 14.0
LARGE_TEXT_PX = 24.0  # 18 pt
LARGE_BOLD_TEXT_PX = 18.66  # 14 pt bold
MAX_TEXT_IN_MESSAGE = 80
LAYOUT_ROLES = ("presentation", "none")
SPACER_NAME = re.compile(r"spacer|blank|pixel|transparent|shim|clear\.gif|\bpx\.gif", re.I)
# Link texts that say nothing out of context, in English and Spanish (lower case, no
# punctuation around them).
VAGUE_LINK_TEXTS = frozenset({
    "here", "click here", "click", "click this", "tap here", "this link", "link", "this",
    "more", "read more", "go", "aquí", "aqui", "clic aquí", "clic aqui", "click aquí",
    "click aqui", "haz clic aquí", "haz clic aqui", "haz click aquí", "haga clic aquí",
    "haga clic aqui", "pincha aquí", "pincha aqui", "pinche aquí", "pinche aqui",
    "pulsa aquí", "pulsa aqui", "pulse aquí", "pulse aqui", "este enlace", "enlace", "más",
    "mas", "leer más", "leer mas", "ver más", "ver mas",
})  # fmt: skip
_TRIM = "\"'«»‹›“”‘’<>()[]{}.,:;!¡?¿…→←·-–— \t\n"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_TEXT_IN_MESSAGE else text[: MAX_TEXT_IN_MESSAGE - 1] + "…"


def _is_spacer(element: Element) -> bool:
    sizes = [element.attrs.get(name, "").strip().removesuffix("px") for name in ("width", "height")]
    if any(size.isdigit() and int(size) <= 2 for size in sizes):
        return True
    try:
        name = urlsplit(element.attrs.get("src", "")).path.rsplit("/", 1)[-1]
    except ValueError:
        return False
    return bool(SPACER_NAME.search(name))


def _image_findings(document: HtmlDocument, element: Element, groups: FindingGroups) -> None:
    spacer = _is_spacer(element)
    src = _short(element.attrs.get("src", ""))
    where = document.element_location(element)
    if "alt" not in element.attrs:
        if spacer:
            groups.add(Finding("a11y.img.spacer-missing-alt", "warning", QT_TRANSLATE_NOOP(
                "quality", 'The spacer image {src} has no alt attribute: add alt="" so '
                "screen readers skip it instead of reading its file name."),
                {"src": src}, where))  # fmt: skip
        else:
            groups.add(Finding("a11y.img.missing-alt", "error", QT_TRANSLATE_NOOP(
                "quality", "The image {src} has no alt text: describe it in alt=\"…\", or "
                'write alt="" if it is decorative.'), {"src": src}, where))  # fmt: skip
    elif spacer and element.attrs["alt"].strip():
        groups.add(Finding("a11y.img.spacer-alt", "advice", QT_TRANSLATE_NOOP(
            "quality", 'The spacer image {src} has alt text that screen readers will read; '
            'use alt="".'), {"src": src}, document.attribute_location(element, "alt")))  # fmt: skip


def _link_findings(document: HtmlDocument, element: Element, groups: FindingGroups) -> None:
    if "href" not in element.attrs:
        return
    label = element.attrs.get("aria-label", "").strip()
    own = element.attrs.get("alt", "") if element.tag == "area" else element_text(element)
    name = label or own.strip()
    where = document.element_location(element)
    if not name and "aria-labelledby" not in element.attrs:
        groups.add(Finding("a11y.link.no-text", "error", QT_TRANSLATE_NOOP(
            "quality", "A link to {href} has no text and no image with alt text: screen "
            "readers cannot say where it goes."),
            {"href": _short(element.attrs["href"])}, where))  # fmt: skip
        return
    if " ".join(name.lower().strip(_TRIM).split()) in VAGUE_LINK_TEXTS:
        groups.add(Finding("a11y.link.vague-text", "warning", QT_TRANSLATE_NOOP(
            "quality", "The link text \"{text}\" does not say where the link goes; "
            "describe the destination (\"Read the March report\")."),
            {"text": _short(name)}, where))  # fmt: skip


def _heading_findings(document: HtmlDocument, groups: FindingGroups) -> None:
    previous = 0
    for element in document.elements:
        tag = element.tag
        if len(tag) != 2 or tag[0] != "h" or tag[1] not in "123456" or not element.rendered:
            continue
        level = int(tag[1])
        if previous and level > previous + 1:
            groups.add(Finding("a11y.heading.skipped-level", "warning", QT_TRANSLATE_NOOP(
                "quality", "The heading <h{level}> follows <h{previous}>: a level is "
                "skipped, which confuses screen-reader navigation."),
                {"level": level, "previous": previous},
                document.element_location(element)))  # fmt: skip
        previous = level


def _table_findings(document: HtmlDocument, element: Element, groups: FindingGroups) -> None:
    role = element.attrs.get("role", "").strip().lower()
    if element.index in document.data_tables or role in LAYOUT_ROLES:
        return
    groups.add(Finding("a11y.table.layout-role", "warning", QT_TRANSLATE_NOOP(
        "quality", 'Layout tables need role="presentation", or screen readers announce '
        "their rows and columns."), {}, document.element_location(element)))  # fmt: skip


def _language_findings(document: HtmlDocument, groups: FindingGroups) -> None:
    html = document.first("html")
    if html is not None and (html.attrs.get("lang") or html.attrs.get("xml:lang", "")).strip():
        return
    where = document.element_location(html) if html is not None else None
    groups.add(Finding("a11y.lang.missing", "warning", QT_TRANSLATE_NOOP(
        "quality", 'The document does not declare its language: add lang="es" (or the '
        "language it is written in) to <html> so screen readers pronounce it right."),
        {}, where))  # fmt: skip


def _text_findings(document: HtmlDocument, groups: FindingGroups) -> None:
    cascade = Cascade(document)
    for run in document.texts:
        if run.element < 0 or not any(c.isalnum() for c in run.text):
            continue
        desktop = cascade.computed(run.element, "desktop")
        if not desktop.hidden:
            background = cascade.background(run.element)
            if background is not None:
                foreground = desktop.color.over(background)
                ratio = contrast_ratio(foreground, background)
                large = desktop.font_px >= LARGE_TEXT_PX or (
                    desktop.bold and desktop.font_px >= LARGE_BOLD_TEXT_PX
                )
                required = AA_LARGE if large else AA_NORMAL
                if ratio < required:
                    groups.add(Finding("a11y.contrast.low", "error", QT_TRANSLATE_NOOP(
                        "quality", "Text in {foreground} on {background} has a contrast of "
                        "{ratio}:1; WCAG AA requires {required}:1 for this text size."),
                        {"foreground": foreground.hex(), "background": background.hex(),
                         "ratio": f"{ratio:.2f}", "required": f"{required:g}"},
                        document.location(run.offset)))  # fmt: skip
        mobile = cascade.computed(run.element, "mobile")
        if not mobile.hidden and mobile.font_px < MIN_MOBILE_FONT_PX:
            groups.add(Finding("a11y.font.too-small", "warning", QT_TRANSLATE_NOOP(
                "quality", "Text at {size} px is hard to read on a phone; use at least "
                "{minimum} px at mobile width (a @media rule can enlarge it)."),
                {"size": f"{mobile.font_px:.3g}", "minimum": f"{MIN_MOBILE_FONT_PX:g}"},
                document.location(run.offset)))  # fmt: skip


def analyse_accessibility(document: HtmlDocument) -> list[Finding]:
    groups = FindingGroups()
    _language_findings(document, groups)
    for element in document.elements:
        if not element.rendered:
            continue
        if element.tag == "img":
            _image_findings(document, element, groups)
        elif element.tag in ("a", "area"):
            _link_findings(document, element, groups)
        elif element.tag == "table":
            _table_findings(document, element, groups)
    _heading_findings(document, groups)
    _text_findings(document, groups)
    return groups.findings()
