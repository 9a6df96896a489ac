"""Pre-send checks: what would go wrong, or surprise the user, if this campaign were sent.

:func:`run_checks` returns a list of :class:`Check` (severity, stable code, English
template marked for translation in the ``"checks"`` context, named params). Errors block
sending; warnings and infos are shown. The composer runs them live; the command line and
the self-test can run them too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from typing import Any, Literal
from urllib.parse import urlsplit

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP

Severity = Literal["error", "warning", "info"]
Translate = Callable[[str, str], str]

SMTP_SIZE_LIMIT = 512_000  # SMTP-API seed, section 2.2 ("500kb"); enforced at 512000 bytes
REST_REQUEST_LIMIT = 2 * 1024 * 1024  # TEA Lite: 2 MB per request
GMAIL_CLIP_BYTES = 102 * 1024  # Gmail clips messages whose HTML passes about 102 KB
NEAR_LIMIT_RATIO = 0.9
DROPPED_TAGS = ("script", "form", "iframe", "object", "embed")
# The check the composer offers to fix (switch to TEA Lite, or remove the fields).
MERGE_FIELDS_SMTP = "merge_fields_smtp"
_CSS_CID = re.compile(r"url\(\s*['\"]?cid:([^'\")\s]+)", re.I)


def _identity(context: str, text: str) -> str:
    del context
    return text


@dataclass(frozen=True)
class Check:
    severity: Severity
    code: str
    message: str  # English template, translated in the "checks" context
    params: dict[str, Any] = field(default_factory=dict)
    context: str = "checks"  # "errors" for a core error reported as a check
    # Params whose values are themselves marked text (translated in the same context).
    translated_params: tuple[str, ...] = ()

    def render(self, translate: Translate = _identity) -> str:
        params = dict(self.params)
        for name in self.translated_params:
            params[name] = translate(self.context, str(params[name]))
        return translate(self.context, self.message).format(**params)


@dataclass(frozen=True)
class CheckEnvironment:
    """What the checks know beyond the campaign itself (None = unknown, not checked)."""

    validated_senders: Collection[str] | None = None
    # Reply-to addresses the account lists besides its senders (validated in Teenvio too).
    validated_reply_tos: Collection[str] = ()
    columns: Collection[str] | None = None
    recipients_count: int | None = None
    smtp_size_limit: int = SMTP_SIZE_LIMIT
    # The exact encoded size of the SMTP message (core.mime.encoded_size) when known.
    encoded_size: int | None = None
    # A saved list's members whose address needs SMTPUTF8 (the flag stored at import):
    # how many, and the first few addresses. None when unknown (typed addresses are
    # looked at directly).
    smtputf8_count: int | None = None
    smtputf8_sample: tuple[str, ...] = ()


@dataclass
class HtmlFacts:
    links: list[str] = field(default_factory=list)
    image_sources: list[str] = field(default_factory=list)
    cid_references: set[str] = field(default_factory=set)
    dropped: dict[str, int] = field(default_factory=dict)


class _FactCollector(HTMLParser):
    def __init__(self, facts: HtmlFacts) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = facts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in DROPPED_TAGS:
            self.facts.dropped[tag] = self.facts.dropped.get(tag, 0) + 1
        if tag == "a" and "href" in values:
            self.facts.links.append((values["href"] or "").strip())
        for name in ("src", "background"):
            value = (values.get(name) or "").strip()
            if value:
                if tag == "img" and name == "src":
                    self.facts.image_sources.append(value)
                if value.lower().startswith("cid:"):
                    self.facts.cid_references.add(value[4:].strip("<> "))
        style = values.get("style") or ""
        self.facts.cid_references.update(m.strip("<> ") for m in _CSS_CID.findall(style))

    def handle_data(self, data: str) -> None:
        # <style> contents arrive as data.
        if "cid:" in data:
            self.facts.cid_references.update(m.strip("<> ") for m in _CSS_CID.findall(data))


def html_facts(html: str) -> HtmlFacts:
    facts = HtmlFacts()
    collector = _FactCollector(facts)
    collector.feed(html)
    collector.close()
    return facts


def merge_fields_used(campaign: Campaign) -> list[str]:
    """The ``{{ field }}`` names the subject, HTML and text use, sorted."""
    # Imported here: the mail-merge module (which owns the template syntax) loads jinja2,
    # too slow for the composer's start; checks first run after the window is shown.
    from teenvio_desktop.core import merge

    return sorted(merge.fields_used(campaign))


def _column_keys(columns: Collection[str]) -> set[str]:
    from teenvio_desktop.core.merge import field_key

    return {c for c in columns} | {field_key(c) for c in columns}


def is_malformed_link(href: str) -> bool:
    if "{{" in href:  # a merge field fills it in per recipient
        return False
    if not href or any(c.isspace() for c in href):
        return True
    if href.startswith("#"):
        return False
    parts = urlsplit(href)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        host = parts.hostname or ""
        return not host or ("." not in host and host != "localhost")
    if scheme == "mailto":
        return "@" not in parts.path
    if scheme == "tel":
        return not re.fullmatch(r"\+?[\d\-(). ]{3,}", parts.path)
    return True  # javascript:, relative paths, typos like htp://


def rest_request_size(campaign: Campaign) -> int:
    """Bytes of one ``POST /send`` request body for this campaign (before personalisation)."""
    payload = {
        "type": "email",
        "outboundId": "0" * 20,
        "campaignId": campaign.campaign_ref,
        "sourceSystem": campaign.source_system,
        "sender": campaign.sender,
        "senderName": campaign.sender_name,
        "replyTo": campaign.reply_to,
        "replyToName": campaign.reply_to_name,
        "recipient": "x" * 64,
        "subjectContentPlainText": campaign.subject,
        "bodyContentHTML": campaign.html,
        "bodyContentPlainText": campaign.text,
        "listUnsubscribe": campaign.list_unsubscribe,
        "sendAt": campaign.send_at or "",
    }
    size = len(json.dumps(payload).encode("utf-8"))
    # Attachments travel as multipart/form-data parts next to the fields.
    size += sum(len(a.data) + 256 for a in campaign.attachments)
    size += sum(len(i.data) + 256 for i in campaign.images)
    return size


def smtp_message_size(campaign: Campaign) -> int:
    """The exact encoded size from the MIME builder (TeenvioError when it cannot build)."""
    from teenvio_desktop.core.mime import build_message, encoded_size

    return encoded_size(build_message(campaign))


def estimated_smtp_size(campaign: Campaign) -> int:
    """An upper estimate for a campaign the builder refuses (e.g. no sender yet)."""
    bodies = len(campaign.html.encode("utf-8")) + len(campaign.text.encode("utf-8"))
    binary = sum(len(i.data) for i in campaign.images) + sum(
        len(a.data) for a in campaign.attachments
    )
    # quoted-printable bodies grow a little; base64 by 4/3 plus line ends.
    return int(bodies * 1.1) + binary * 4 // 3 * 78 // 76 + 2048


def message_size(campaign: Campaign, env: CheckEnvironment | None = None) -> tuple[int, int]:
    """(size, limit) for the campaign's transport."""
    env = env or CheckEnvironment()
    if campaign.transport == "rest":
        return rest_request_size(campaign), REST_REQUEST_LIMIT
    if env.encoded_size is not None:
        return env.encoded_size, env.smtp_size_limit
    try:
        return smtp_message_size(campaign), env.smtp_size_limit
    except TeenvioError:
        return estimated_smtp_size(campaign), env.smtp_size_limit


def _builder_check(campaign: Campaign) -> tuple[list[Check], int | None]:
    """What the MIME builder refuses (line breaks, bad addresses...) and the exact size."""
    try:
        return [], smtp_message_size(campaign)
    except TeenvioError as exc:
        if not campaign.sender.strip() or not campaign.html.strip():
            return [], None  # reported by the dedicated checks
        return [Check("error", "message_invalid", exc.template, dict(exc.params), "errors")], None


def _content_checks(campaign: Campaign, facts: HtmlFacts) -> list[Check]:
    checks: list[Check] = []
    if not campaign.html.strip():
        checks.append(Check("error", "missing_html", QT_TRANSLATE_NOOP("checks",
            "The HTML part is empty. Teenvio needs an HTML and a plain-text part.")))  # fmt: skip
    if not campaign.text.strip():
        checks.append(Check("error", "missing_text", QT_TRANSLATE_NOOP("checks",
            "The plain-text part is empty. Teenvio rejects messages without it: use "
            "\"Generate plain text\".")))  # fmt: skip
    html_bytes = len(campaign.html.encode("utf-8"))
    if html_bytes > GMAIL_CLIP_BYTES:
        checks.append(Check("warning", "gmail_clip", QT_TRANSLATE_NOOP("checks",
            "The HTML is {size_kb} KB; Gmail clips messages past about 102 KB and hides "
            "the rest (including the unsubscribe link)."),
            {"size_kb": round(html_bytes / 1024)}))  # fmt: skip
    images = {i.cid for i in campaign.images}
    for cid in sorted(facts.cid_references - images):
        checks.append(Check("error", "cid_missing", QT_TRANSLATE_NOOP("checks",
            "The HTML shows the image cid:{cid}, but no inline image has that id."),
            {"cid": cid}))  # fmt: skip
    for cid in sorted(images - facts.cid_references):
        checks.append(Check("warning", "image_unused", QT_TRANSLATE_NOOP("checks",
            "The inline image {cid} is never referenced from the HTML; Teenvio will turn "
            "it into a link."), {"cid": cid}))  # fmt: skip
    for tag, count in sorted(facts.dropped.items()):
        checks.append(Check("warning", "dropped_element", QT_TRANSLATE_NOOP("checks",
            "The HTML contains <{tag}> elements ({count}); email clients remove them."),
            {"tag": tag, "count": count}))  # fmt: skip
    bad = [href for href in facts.links if is_malformed_link(href)]
    for href in bad:
        checks.append(Check("warning", "malformed_link", QT_TRANSLATE_NOOP("checks",
            "The link \"{href}\" is not a valid web, mailto or tel address."),
            {"href": href[:200]}))  # fmt: skip
    if facts.links:
        checks.append(Check("info", "links_count", QT_TRANSLATE_NOOP("checks",
            "Links in the HTML: {count}."), {"count": len(facts.links)}))  # fmt: skip
    return checks


def _envelope_checks(campaign: Campaign, env: CheckEnvironment) -> list[Check]:
    checks: list[Check] = []
    if not campaign.subject.strip():
        checks.append(Check("error", "empty_subject", QT_TRANSLATE_NOOP("checks",
            "The subject is empty.")))  # fmt: skip
    count = env.recipients_count
    if count is None:
        count = len(campaign.recipients)
    if count <= 0:
        checks.append(Check("error", "no_recipients", QT_TRANSLATE_NOOP("checks",
            "There are no recipients: choose a recipient list or type addresses.")))  # fmt: skip
    if not campaign.sender.strip():
        checks.append(Check("error", "no_sender", QT_TRANSLATE_NOOP("checks",
            "Choose a sender address.")))  # fmt: skip
    elif env.validated_senders is not None:
        validated = {s.lower() for s in env.validated_senders}
        if campaign.sender.strip().lower() not in validated:
            checks.append(Check("error", "sender_not_validated", QT_TRANSLATE_NOOP("checks",
                "The sender {sender} is not validated for this account; Teenvio refuses it "
                "(553). Validate it in Teenvio or choose another sender."),
                {"sender": campaign.sender}))  # fmt: skip
    checks += _reply_to_checks(campaign, env)
    if campaign.transport == "rest":
        required = (
            ("campaign_ref", campaign.campaign_ref, QT_TRANSLATE_NOOP("checks", "campaign id")),
            ("source_system", campaign.source_system, QT_TRANSLATE_NOOP("checks", "source system")),
            ("reply_to", campaign.reply_to, QT_TRANSLATE_NOOP("checks", "reply-to address")),
            ("sender_name", campaign.sender_name, QT_TRANSLATE_NOOP("checks", "sender name")),
            ("reply_to_name", campaign.reply_to_name, QT_TRANSLATE_NOOP("checks", "reply-to name")),
        )  # fmt: skip
        for key, value, label in required:
            if not value.strip():
                checks.append(Check("error", f"rest_missing_{key}", QT_TRANSLATE_NOOP("checks",
                    "TEA Lite requires the {field}."), {"field": label},
                    translated_params=("field",)))  # fmt: skip
        unsub = campaign.list_unsubscribe.strip()
        if unsub and not re.match(r"^<?(mailto:|https:)", unsub, re.I):
            checks.append(Check("warning", "list_unsubscribe_format", QT_TRANSLATE_NOOP("checks",
                "List-Unsubscribe should be a mailto: or https: address.")))  # fmt: skip
    return checks


def _reply_to_checks(campaign: Campaign, env: CheckEnvironment) -> list[Check]:
    """Seed 3.2.2: a reply-to, when used, must also be a validated sender of the plan."""
    reply_to = campaign.reply_to.strip().lower()
    if not reply_to or env.validated_senders is None:
        return []
    validated = {s.strip().lower() for s in (*env.validated_senders, *env.validated_reply_tos)}
    if reply_to in validated:
        return []
    return [Check("error", "reply_to_not_validated", QT_TRANSLATE_NOOP("checks",
        "The reply-to address {reply_to} is not a validated sender of this account; Teenvio "
        "refuses it. Validate it in Teenvio or choose a validated address."),
        {"reply_to": campaign.reply_to})]  # fmt: skip


def smtp_merge_checks(campaign: Campaign) -> list[Check]:
    """Blocking: the SMTP-API sends the text as it is, braces included, to everyone."""
    from teenvio_desktop.core.merge import has_merge_syntax

    if campaign.transport != "smtp":
        return []
    if not any(has_merge_syntax(p) for p in (campaign.subject, campaign.html, campaign.text)):
        return []
    fields = ", ".join(merge_fields_used(campaign)) or "{{ … }}"
    return [Check("error", MERGE_FIELDS_SMTP, QT_TRANSLATE_NOOP("checks",
        "The SMTP-API sends one identical message to every recipient, so merge fields "
        "({fields}) would arrive as typed, braces included. Send through TEA Lite to "
        "personalise, or remove the fields."),
        {"fields": fields})]  # fmt: skip


def _merge_checks(campaign: Campaign, env: CheckEnvironment) -> list[Check]:
    if campaign.transport == "smtp":
        return smtp_merge_checks(campaign)
    used = merge_fields_used(campaign)
    if not used:
        return []
    if env.columns is None:
        return [Check("warning", "merge_fields_no_list", QT_TRANSLATE_NOOP("checks",
            "Merge fields ({fields}) are used but no recipient list is chosen."),
            {"fields": ", ".join(used)})]  # fmt: skip
    columns = _column_keys(env.columns)
    return [
        Check(
            "error",
            "merge_field_unknown",
            QT_TRANSLATE_NOOP(
                "checks", "The merge field {{{{ {field} }}}} is not a column of the recipient list."
            ),
            {"field": name},
        )
        for name in used
        if name not in columns
    ]


def _size_checks(campaign: Campaign, env: CheckEnvironment) -> list[Check]:
    checks: list[Check] = []
    if campaign.transport == "smtp" and env.encoded_size is None:
        checks, exact = _builder_check(campaign)
        if exact is not None:
            env = replace(env, encoded_size=exact)
    return checks + _size_limit_checks(campaign, env)


def _size_limit_checks(campaign: Campaign, env: CheckEnvironment) -> list[Check]:
    size, limit = message_size(campaign, env)
    params = {"size": size, "limit": limit}
    if size > limit:
        return [Check("error", "size_over_limit", QT_TRANSLATE_NOOP("checks",
            "The message is {size} bytes; the limit is {limit} bytes. Make the images "
            "smaller or link them."), params)]  # fmt: skip
    if size > limit * NEAR_LIMIT_RATIO:
        return [Check("warning", "size_near_limit", QT_TRANSLATE_NOOP("checks",
            "The message is {size} bytes, close to the limit of {limit} bytes."),
            params)]  # fmt: skip
    return []


SMTPUTF8_RECIPIENTS = "smtputf8_recipients"
MAX_NAMED_ADDRESSES = 5


def _transport_address_checks(campaign: Campaign, env: CheckEnvironment) -> list[Check]:
    """Recipients the SMTP-API cannot take (non-ASCII before the @: no SMTPUTF8 there).

    A warning (the send leaves them out and says so), an error when nobody else is left.
    """
    if campaign.transport != "smtp":
        return []
    if campaign.recipient_list_id is None:
        from teenvio_desktop.core.addresses import needs_smtputf8

        unsupported = [a.strip() for a in campaign.recipients if needs_smtputf8(a.strip())]
        count, named, total = len(unsupported), unsupported, len(campaign.recipients)
    else:
        count, named = env.smtputf8_count or 0, list(env.smtputf8_sample)
        total = env.recipients_count or 0
    if not count:
        return []
    shown = ", ".join(named[:MAX_NAMED_ADDRESSES]) + (" …" if count > MAX_NAMED_ADDRESSES else "")
    severity: Severity = "error" if count >= total else "warning"
    return [Check(severity, SMTPUTF8_RECIPIENTS, QT_TRANSLATE_NOOP("checks",
        "Recipients the SMTP-API cannot take (characters other than plain letters and "
        "digits before the @): {count} ({addresses}). The send leaves them out; send "
        "through TEA Lite to reach them, or correct the addresses."),
        {"count": count, "addresses": shown})]  # fmt: skip


def run_checks(campaign: Campaign, env: CheckEnvironment | None = None) -> list[Check]:
    """Every check, errors first."""
    env = env or CheckEnvironment()
    facts = html_facts(campaign.html)
    checks = _content_checks(campaign, facts)
    checks += _size_checks(campaign, env)
    if campaign.transport == "smtp":
        for attachment in campaign.attachments:
            checks.append(Check("warning", "attachment_link", QT_TRANSLATE_NOOP("checks",
                "Teenvio turns the attachment {filename} into a download link."),
                {"filename": attachment.filename}))  # fmt: skip
    checks += _envelope_checks(campaign, env)
    checks += _transport_address_checks(campaign, env)
    checks += _merge_checks(campaign, env)
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(checks, key=lambda c: order[c.severity])


def has_errors(checks: Collection[Check]) -> bool:
    return any(c.severity == "error" for c in checks)


class ChecksBlockSending(TeenvioError):
    """The pre-send checks found errors; ``listed`` holds them, already translated."""

    def __init__(self, listed: list[str]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "Fix these before sending:\n\n{checks}"),
            checks="\n".join(f"• {line}" for line in listed),
        )
