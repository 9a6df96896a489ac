"""The caniemail dataset shipped with the app, indexed for scoring, and the client groups.

``data/caniemail.json`` is the npm package ``caniemail``'s copy of caniemail.com's data
(MIT; version, licence and checksum in ``data/caniemail.meta.json``; refreshed by
``packaging/refresh_caniemail.py``). Each feature lists, per client family and platform,
results by version; the latest tested version counts: ``y`` supported, ``a`` partial
("mitigated"), ``n`` not supported, ``u`` unknown, with ``#n`` note references.

Clients are reported in groups a marketer recognises: Gmail, the four Outlooks (Windows,
Mac, Outlook.com, mobile), Apple Mail, Yahoo, Samsung and Thunderbird are the *major*
groups that decide a finding's severity; every other family in the data is a group of
its own and counts in the figures.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.quality.findings import Phrase

Client = tuple[str, str]  # (family, platform), as in the data: ("outlook", "windows")
_NOTE_REF = re.compile(r"#(\d+)")
STATUS_VALUE = {"y": 1.0, "a": 0.5, "n": 0.0}

PLATFORM_LABELS = {
    "desktop-webmail": QT_TRANSLATE_NOOP("quality", "webmail"),
    "mobile-webmail": QT_TRANSLATE_NOOP("quality", "mobile webmail"),
    "webmail": QT_TRANSLATE_NOOP("quality", "webmail"),
    "desktop-app": QT_TRANSLATE_NOOP("quality", "desktop app"),
    "ios": QT_TRANSLATE_NOOP("quality", "iOS"),
    "android": QT_TRANSLATE_NOOP("quality", "Android"),
    "windows": QT_TRANSLATE_NOOP("quality", "Windows"),
    "macos": QT_TRANSLATE_NOOP("quality", "macOS"),
    "windows-mail": QT_TRANSLATE_NOOP("quality", "Windows Mail"),
    "outlook-com": QT_TRANSLATE_NOOP("quality", "web"),
}

# (group id, label, members); a member's platform "*" means every platform of the family.
MAJOR_GROUPS: tuple[tuple[str, str, tuple[Client, ...]], ...] = (
    ("gmail", QT_TRANSLATE_NOOP("quality", "Gmail"),
     (("gmail", "desktop-webmail"), ("gmail", "ios"), ("gmail", "android"))),
    ("outlook-windows", QT_TRANSLATE_NOOP("quality", "Outlook (Windows)"),
     (("outlook", "windows"),)),
    ("outlook-macos", QT_TRANSLATE_NOOP("quality", "Outlook (Mac)"), (("outlook", "macos"),)),
    ("outlook-com", QT_TRANSLATE_NOOP("quality", "Outlook.com"),
     (("outlook", "outlook-com"), ("outlook", "windows-mail"))),
    ("outlook-mobile", QT_TRANSLATE_NOOP("quality", "Outlook mobile"),
     (("outlook", "ios"), ("outlook", "android"))),
    ("apple-mail", QT_TRANSLATE_NOOP("quality", "Apple Mail"), (("apple-mail", "*"),)),
    ("yahoo", QT_TRANSLATE_NOOP("quality", "Yahoo! Mail"), (("yahoo", "*"),)),
    ("samsung-email", QT_TRANSLATE_NOOP("quality", "Samsung Email"), (("samsung-email", "*"),)),
    ("thunderbird", QT_TRANSLATE_NOOP("quality", "Thunderbird"), (("thunderbird", "*"),)),
)  # fmt: skip
GMAIL_MOBILE_WEBMAIL = (
    "gmail-mobile-webmail",
    QT_TRANSLATE_NOOP("quality", "Gmail (mobile webmail)"),
    (("gmail", "mobile-webmail"),),
)


@dataclass(frozen=True, slots=True)
class Support:
    status: str  # "y", "a", "n" or "u"
    version: str
    notes: tuple[int, ...]


@dataclass(frozen=True)
class Feature:
    slug: str
    title: str
    category: str
    url: str
    keywords: str
    note: str | None
    notes_by_number: dict[int, str]
    support: dict[Client, Support]

    def notes_for(self, clients: list[Client]) -> list[str]:
        """caniemail's notes that apply to these clients, each once, in note order."""
        numbers = sorted({n for c in clients if c in self.support for n in self.support[c].notes})
        notes = [self.notes_by_number[n] for n in numbers if n in self.notes_by_number]
        if self.note:
            notes.insert(0, self.note)
        return notes


@dataclass(frozen=True)
class ClientGroup:
    id: str
    label: Phrase
    members: tuple[Client, ...]
    major: bool


@dataclass(frozen=True, eq=False)  # hashed by identity: one per process
class Dataset:
    features: dict[str, Feature]
    groups: tuple[ClientGroup, ...]
    version: str
    license: str
    last_update: str


def _feature(raw: dict[str, Any]) -> Feature:
    support: dict[Client, Support] = {}
    for family, platforms in (raw.get("stats") or {}).items():
        for platform, versions in (platforms or {}).items():
            if not versions:
                continue
            version, value = list(versions.items())[-1]  # the latest tested version
            value = str(value or "u").strip()
            notes = tuple(int(n) for n in _NOTE_REF.findall(value))
            support[(family, platform)] = Support(value[:1] or "u", str(version), notes)
    notes_by_number = {
        int(number): str(text)
        for number, text in (raw.get("notes_by_num") or {}).items()
        if str(number).isdigit()
    }
    note = raw.get("notes")
    return Feature(
        slug=str(raw["slug"]),
        title=str(raw.get("title") or raw["slug"]),
        category=str(raw.get("category") or ""),
        url=str(raw.get("url") or ""),
        keywords=str(raw.get("keywords") or ""),
        note=str(note) if note else None,
        notes_by_number=notes_by_number,
        support=support,
    )


def _groups(features: dict[str, Feature], family_names: dict[str, str]) -> tuple[ClientGroup, ...]:
    clients = {client for feature in features.values() for client in feature.support}
    groups: list[ClientGroup] = []
    claimed: set[Client] = set()
    for group_id, label, members in (*MAJOR_GROUPS, GMAIL_MOBILE_WEBMAIL):
        expanded = tuple(sorted(c for c in clients if any(_member_of(c, m) for m in members)))
        claimed.update(expanded)
        major = group_id != GMAIL_MOBILE_WEBMAIL[0]
        groups.append(ClientGroup(group_id, Phrase(label), expanded, major))
    for family in sorted({family for family, _ in clients - claimed}):
        members = tuple(sorted(c for c in clients - claimed if c[0] == family))
        name = family_names.get(family, family)
        groups.append(ClientGroup(family, Phrase("{name}", {"name": name}), members, False))
    return tuple(groups)


def _member_of(client: Client, member: Client) -> bool:
    return client[0] == member[0] and member[1] in ("*", client[1])


def _read_data_file(name: str) -> bytes:
    return (resources.files("teenvio_desktop.core.quality") / "data" / name).read_bytes()


@cache
def load_dataset() -> Dataset:
    """The shipped dataset, parsed and indexed once per process."""
    raw = json.loads(_read_data_file("caniemail.json"))
    meta = json.loads(_read_data_file("caniemail.meta.json"))
    features = {str(f["slug"]): _feature(f) for f in raw.get("data", []) if "slug" in f}
    family_names = {str(k): str(v) for k, v in raw.get("nicenames", {}).get("family", {}).items()}
    return Dataset(
        features=features,
        groups=_groups(features, family_names),
        version=str(meta.get("version", "")),
        license=str(meta.get("license", "")),
        last_update=str(raw.get("last_update_date", "")),
    )


def platform_label(platform: str) -> Phrase:
    label = PLATFORM_LABELS.get(platform)
    return Phrase(label) if label else Phrase("{name}", {"name": platform})
