"""Realistic data for the screenshots: recipient lists, campaigns and a day of statistics.

Recipients (a few hundred, Spanish and English names) go through the real importer from
CSV text. Campaigns are stored as the senders store them (campaign rows, outbox rows for
TEA Lite), and their events are what the sandbox's own simulation plans for each message
(``plan_outcomes``: bounces, deliveries, opens, clicks, unsubscribes with realistic
delays), sent a day ago and kept up to now, stored through the same row builders the
statistics sync uses. Deterministic: the same seed gives the same pictures.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.recipients.importer import ImportOptions, import_text
from teenvio_desktop.core.stats.events import (
    Occurrences,
    interaction_rows,
    response_rows,
    unsubscribe_rows,
)
from teenvio_desktop.core.stats.store import StatsStore
from teenvio_desktop.sandbox.simulation import OutcomeRates, extract_links, plan_outcomes

FIRST_ES = ("Ana", "Luis", "Marta", "Javier", "Lucía", "Carlos", "Elena", "Pablo", "Sofía",
            "Diego", "Carmen", "Miguel", "Laura", "Alejandro", "Isabel", "Sergio", "Paula",
            "Andrés", "Beatriz", "Jorge", "Nuria", "Raúl", "Irene", "Óscar")  # fmt: skip
LAST_ES = ("García", "Martínez", "López", "Sánchez", "Pérez", "Gómez", "Fernández", "Ruiz",
           "Díaz", "Moreno", "Álvarez", "Romero", "Navarro", "Torres", "Ramírez", "Muñoz",
           "Ibáñez", "Castillo")  # fmt: skip
FIRST_EN = ("Emma", "Oliver", "Amelia", "Jack", "Olivia", "Harry", "Isla", "George", "Ava",
            "Noah", "Mia", "Leo", "Grace", "Arthur", "Lily", "Henry")  # fmt: skip
LAST_EN = ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
           "Robinson", "Wright", "Thompson", "Evans", "Walker", "White")  # fmt: skip
CITIES = ("Madrid", "Sevilla", "Valencia", "Bilbao", "Zaragoza", "Málaga", "Buenos Aires",
          "Ciudad de México", "London", "Manchester", "Bristol", "Dublin")  # fmt: skip
DOMAINS = ("example.com", "example.org", "example.net", "correo.example", "mail.example")
RATES = OutcomeRates(
    hard_bounce=0.015, soft_bounce=0.02, open=0.46, repeat_open=0.35, click=0.32, unsubscribe=0.01
)

TEXTS = {
    "en": {
        "subscribers": "Newsletter subscribers",
        "book_club": "Book club members",
        "autumn": "Autumn news: 15% off our new selection",
        "club": "Book club: the October meeting",
        "summer": "Summer reading list",
        "welcome": "Welcome to Green Leaf Books",
    },
    "es": {
        "subscribers": "Suscriptores del boletín",
        "book_club": "Club de lectura",
        "autumn": "Novedades de otoño: un 15 % en la nueva selección",
        "club": "Club de lectura: la reunión de octubre",
        "summer": "Lecturas para el verano",
        "welcome": "Bienvenida a Green Leaf Books",
    },
}


@dataclass(frozen=True)
class DemoData:
    main_campaign_id: int
    main_list_id: int
    campaign_subject: str


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def people(count: int, seed: int) -> list[tuple[str, str, str]]:
    """(email, name, city) for ``count`` people, two in three with Spanish names."""
    rng = random.Random(seed)
    seen: set[str] = set()
    found: list[tuple[str, str, str]] = []
    while len(found) < count:
        spanish = rng.random() < 0.66
        first = rng.choice(FIRST_ES if spanish else FIRST_EN)
        last = rng.choice(LAST_ES if spanish else LAST_EN)
        email = f"{_ascii(first)}.{_ascii(last)}@{rng.choice(DOMAINS)}"
        if email in seen:
            continue
        seen.add(email)
        city = rng.choice(CITIES[:8] if spanish else CITIES[6:])
        found.append((email, f"{first} {last}", city))
    return found


def import_list(db: Any, name: str, members: list[tuple[str, str, str]]) -> int:
    header = "email,name,city"
    lines = [header, *(f"{e},{n},{c}" for e, n, c in members)]
    result = import_text(db, "\n".join(lines), ImportOptions(list_name=name))
    return result.list_id


def _stamp(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y%m%d%H%M%S")


def store_campaign(
    db: Any,
    campaign: Campaign,
    recipients: list[str],
    *,
    sent_at: datetime,
    now: datetime,
    seed: int,
) -> int:
    """A sent campaign with the events that happened to its messages until ``now``."""
    campaigns = CampaignRepository(db)
    campaign_id = campaigns.create(campaign, state="done", recipients_count=len(recipients))
    campaigns.update(campaign_id, sent_at=sent_at.isoformat())
    with db.transaction() as conn:  # listed by when it was sent, as a real one would be
        conn.execute(
            "UPDATE campaigns SET created_at = ? WHERE id = ?", (sent_at.isoformat(), campaign_id)
        )
    if campaign.transport == "smtp":
        campaigns.update(campaign_id, teenvio_id=9000 + seed)
    links = extract_links(campaign.html)
    responses: list[dict[str, str]] = []
    interactions: list[dict[str, str]] = []
    unsubscribes: list[dict[str, str]] = []
    with db.transaction() as conn:
        for seq, recipient in enumerate(recipients, start=1):
            message_id = str(seed * 100_000 + seq)
            if campaign.transport == "rest":
                conn.execute(
                    "INSERT INTO outbox_messages (campaign_id, seq, outbound_id, recipient, "
                    "state, message_id, created_at, updated_at, accepted_at) "
                    "VALUES (?, ?, ?, ?, 'accepted', ?, ?, ?, ?)",
                    (campaign_id, seq, f"{campaign.campaign_ref}-{seq}", recipient, message_id,
                     sent_at.isoformat(), sent_at.isoformat(), sent_at.isoformat()),
                )  # fmt: skip
            events = plan_outcomes(
                seed=seed,
                message_id=seq,
                recipient=recipient,
                links=links,
                base_time=sent_at.timestamp() + seq * 0.4,
                time_scale=1.0,
                rates=RATES,
            )
            for event in events:
                if event.at > now.timestamp():
                    continue  # has not happened yet
                stamp = _stamp(event.at)
                if event.kind in ("delivered", "bounce"):
                    responses.append({
                        "messageId": message_id, "recipient": recipient,
                        "type": event.bounce_type or "Delivered",
                        "errorCode": event.error_code or "", "errorText": event.error_text or "",
                        "timestamp": stamp,
                    })  # fmt: skip
                elif event.kind in ("open", "click"):
                    interactions.append({
                        "idCampaign": campaign.campaign_ref or str(campaign_id),
                        "idMessage": message_id, "email": recipient,
                        "type": event.kind.upper(), "timestamp": stamp,
                        "link": event.link or "", "linkName": event.link_name or "",
                        "ip": event.ip or "", "sourceSystem": campaign.source_system or "",
                    })  # fmt: skip
                elif event.kind == "unsubscribe":
                    unsubscribes.append({
                        "recipient": recipient, "idCampaign": campaign.campaign_ref or "",
                        "idMessage": message_id, "dateRequest": stamp[:4] + "-" + stamp[4:6]
                        + "-" + stamp[6:8],
                    })  # fmt: skip
    source = campaign.source_system or "demo.sandbox"
    ref = campaign.campaign_ref or str(campaign_id)
    store = StatsStore(db)
    numbered = Occurrences("responses").number(response_rows(responses, campaign_id, source, ref))
    store.insert("responses", numbered)
    interaction_events = sorted(interactions, key=lambda i: i["timestamp"])
    rows = interaction_rows(interaction_events, campaign_id, source, ref)
    store.insert("interactions", Occurrences("interactions").number(rows))
    rows = unsubscribe_rows(unsubscribes, campaign_id, source)
    store.insert("unsubscribes", Occurrences("unsubscribes").number(rows))
    return campaign_id


def seed_demo_data(
    context: Any, language: str, html: str, text: str, *, now: datetime | None = None
) -> DemoData:
    """Two recipient lists and four campaigns, the newest sent a day ago."""
    words = TEXTS.get(language, TEXTS["en"])
    now = now or datetime.now(UTC).replace(microsecond=0)
    db = context.db
    info = context.sandbox.info if context.sandbox is not None else None
    sender = str(info.senders[0]) if info is not None and info.senders else "news@example.com"
    source = str(info.user) if info is not None else "demo.sandbox"
    subscribers = people(340, seed=7)
    club = people(85, seed=11)
    list_id = import_list(db, words["subscribers"], subscribers)
    import_list(db, words["book_club"], club)

    def campaign(subject: str, transport: str, ref: str) -> Campaign:
        return Campaign(
            subject=subject,
            sender=sender,
            sender_name="Green Leaf Books",
            html=html,
            text=text,
            transport=transport,  # type: ignore[arg-type]
            account_name="sandbox" if info is not None else None,
            source_system=source if transport == "rest" else None,
            campaign_ref=ref if transport == "rest" else None,
        )

    emails = [e for e, _n, _c in subscribers]
    store_campaign(db, campaign(words["summer"], "smtp", ""), emails[:300],
                   sent_at=now - timedelta(days=71, hours=3), now=now, seed=3)  # fmt: skip
    store_campaign(db, campaign(words["club"], "rest", "club-oct"), [e for e, _n, _c in club],
                   sent_at=now - timedelta(days=38, hours=5), now=now, seed=5)  # fmt: skip
    store_campaign(db, campaign(words["welcome"], "rest", "welcome-12"), emails[300:312],
                   sent_at=now - timedelta(days=9, hours=2), now=now, seed=9)  # fmt: skip
    day_ago = now - timedelta(hours=26, minutes=40)
    main = store_campaign(db, campaign(words["autumn"], "rest", "autumn-news"), emails,
                          sent_at=day_ago, now=now, seed=13)  # fmt: skip
    return DemoData(main, list_id, words["autumn"])


def install_memory_keyring() -> None:
    """A keyring that keeps secrets in this process only: the screenshots show a desktop
    with a working keyring, and nothing is ever written to the real one."""
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self._values: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self._values.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self._values[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self._values.pop((service, username), None)

    keyring.set_keyring(MemoryKeyring())
