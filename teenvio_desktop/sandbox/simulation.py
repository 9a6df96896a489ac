"""What happens to a message after it was accepted: a seeded, time-scaled plan of events.

Each message gets its own random generator seeded with ``(seed, message id)``, so the
plan of a message never depends on what else the sandbox received. Delays are drawn in
simulated seconds and divided by the time scale; an event's timestamp is the real moment
it becomes visible (never in the future when it is served).

Recipients can force an outcome through their local part, which tests and demos use:
``hard-bounce…@`` and ``soft-bounce…@`` bounce; ``clicker…@`` is delivered, opens twice
and clicks every link once; ``unsubscribe…@`` is delivered, opens and unsubscribes;
``silent…@`` is delivered and does nothing else.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from html.parser import HTMLParser

HOUR = 3600.0

HARD_BOUNCES: tuple[tuple[str, str], ...] = (
    (
        "550",
        "550-5.1.1 The email account that you tried to reach does not exist. Please try\n"
        "550- 5.1.1 double-checking the recipient's email address for typos or\n"
        "550-5.1.1 unnecessary spaces. For more information, go to\n"
        "550 5.1.1 https://support.google.com/mail/?p=NoSuchUser {ref}.304 - gsmtp",
    ),
    (
        "550",
        "550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown in virtual mailbox table",
    ),
    (
        "550",
        "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) "
        "[{ref}.eop-eur05.prod.protection.outlook.com]",
    ),
    ("553", "553 5.1.2 The recipient address <{rcpt}> is not a valid RFC-5321 address. {ref}"),
    ("554", "554 5.7.1 <{rcpt}>: Relay access denied"),
)
SOFT_BOUNCES: tuple[tuple[str, str], ...] = (
    (
        "452",
        "452-4.2.2 The email account that you tried to reach is over quota. Please direct\n"
        "452 4.2.2 the recipient to https://support.google.com/mail/?p=OverQuotaTemp {ref} - gsmtp",
    ),
    (
        "421",
        "421 4.7.0 [TSS04] Messages from 203.0.113.25 temporarily deferred due to unexpected "
        "volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
    ),
    (
        "450",
        "450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents "
        "additional messages from being delivered. {ref} - gsmtp",
    ),
    ("451", "451 4.3.0 <{rcpt}>: Temporary lookup failure"),
    ("552", "552 5.2.2 <{rcpt}>: Mailbox full"),
)
DELIVERED_TEXT = "250 2.0.0 OK  {stamp} {ref} - gsmtp"
# Documentation address ranges (RFC 5737): realistic, never anybody's real address.
_IP_PREFIXES = ("192.0.2.", "198.51.100.", "203.0.113.")


@dataclass(frozen=True)
class OutcomeRates:
    hard_bounce: float
    soft_bounce: float
    open: float
    repeat_open: float
    click: float
    unsubscribe: float


@dataclass(frozen=True)
class PlannedEvent:
    kind: str  # "delivered" | "bounce" | "open" | "click" | "unsubscribe"
    at: int  # epoch seconds (UTC) at which it happened and becomes visible
    bounce_type: str | None = None  # "Hard" | "Soft"
    error_code: str | None = None
    error_text: str | None = None
    ip: str | None = None
    link: str | None = None
    link_name: str | None = None


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str | None]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "a":
            return
        href = dict(attrs).get("href") or ""
        if href.lower().startswith(("http://", "https://")):
            self._href, self._text = href.strip(), []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            name = " ".join("".join(self._text).split())[:100] or None
            self.links.append((self._href, name))
            self._href = None


def extract_links(html: str | None) -> list[tuple[str, str | None]]:
    """The http(s) links of ``html`` with their text: what a recipient can click."""
    if not html:
        return []
    collector = _LinkCollector()
    collector.feed(html)
    collector.close()
    return collector.links


def _ref(rng: random.Random) -> str:
    return f"{rng.getrandbits(64):016x}{rng.getrandbits(32):08x}si{rng.randrange(10**7)}oac"


def _ip(rng: random.Random) -> str:
    return rng.choice(_IP_PREFIXES) + str(rng.randrange(1, 255))


def _forced(recipient: str) -> str | None:
    local = recipient.split("@", 1)[0].lower()
    for prefix in ("hard-bounce", "soft-bounce", "clicker", "unsubscribe", "silent"):
        if local.startswith(prefix):
            return prefix
    return None


def plan_outcomes(
    *,
    seed: int,
    message_id: int,
    recipient: str,
    links: list[tuple[str, str | None]],
    base_time: float,
    time_scale: float,
    rates: OutcomeRates,
    track_opens: bool = True,
    track_clicks: bool = True,
) -> list[PlannedEvent]:
    """Every event of one message, in time order."""
    rng = random.Random(f"{seed}:{message_id}")
    scale = max(time_scale, 1e-9)

    def at(delay_s: float) -> int:
        return math.ceil(base_time + delay_s / scale)

    forced = _forced(recipient)
    draw = rng.random()
    if forced == "hard-bounce" or (forced is None and draw < rates.hard_bounce):
        code, text = rng.choice(HARD_BOUNCES)
        when = rng.uniform(2, 300)
        return [_bounce("Hard", code, text, recipient, rng, at(when))]
    if forced == "soft-bounce" or (forced is None and draw < rates.hard_bounce + rates.soft_bounce):
        code, text = rng.choice(SOFT_BOUNCES)
        when = rng.uniform(60, 4 * HOUR)
        return [_bounce("Soft", code, text, recipient, rng, at(when))]

    delivered_after = rng.uniform(1, 90)
    events = [
        PlannedEvent(
            kind="delivered",
            at=at(delivered_after),
            error_code="250",
            error_text=DELIVERED_TEXT.format(stamp=int(base_time + delivered_after), ref=_ref(rng)),
        )
    ]
    if forced == "silent":
        return events
    # Whether the recipient reads it; without open tracking the opens are just not seen.
    reads = forced in ("clicker", "unsubscribe") or rng.random() < rates.open
    if not reads:
        return events
    ip = _ip(rng)
    open_delays = [delivered_after + rng.expovariate(1 / (2 * HOUR))]
    repeat = 1.0 if forced == "clicker" else rates.repeat_open
    while len(open_delays) < 6 and rng.random() < repeat:
        open_delays.append(open_delays[-1] + rng.expovariate(1 / (4 * HOUR)))
        if forced == "clicker":
            break
    if track_opens:
        events += [PlannedEvent(kind="open", at=at(d), ip=ip) for d in open_delays]
    first_open = open_delays[0]
    if links and track_clicks:
        if forced == "clicker":
            chosen = list(links)
        elif forced is None and rng.random() < rates.click:
            chosen = [rng.choice(links) for _ in range(1 + int(rng.random() < 0.3))]
        else:
            chosen = []
        when = first_open
        for link, name in chosen:
            when += rng.expovariate(1 / 600)
            events.append(PlannedEvent(kind="click", at=at(when), ip=ip, link=link, link_name=name))
    if forced == "unsubscribe" or (forced is None and rng.random() < rates.unsubscribe):
        events.append(
            PlannedEvent(kind="unsubscribe", at=at(first_open + rng.expovariate(1 / 1800)), ip=ip)
        )
    return sorted(events, key=lambda event: event.at)


def _bounce(
    kind: str, code: str, text: str, recipient: str, rng: random.Random, when: int
) -> PlannedEvent:
    return PlannedEvent(
        kind="bounce",
        at=when,
        bounce_type=kind,
        error_code=code,
        error_text=text.format(rcpt=recipient, ref=_ref(rng)),
    )
