"""Starter templates for "New campaign": a newsletter, an announcement and a plain letter.

Written in MJML (responsive through MRML's output), in Spanish and English, with bracketed
placeholders to replace (``[Tu empresa]``), alt text on every image, ``lang`` set, text
contrast of at least 4.5:1, link text that says where it goes, their own dark-mode styles,
and an unsubscribe link to point at the sender's unsubscribe page. Their images travel as
inline ``cid:`` images. The files are package data next to this module.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from importlib import resources

from teenvio_desktop.core.campaign import Campaign, InlineImage, TeenvioOptions
from teenvio_desktop.core.errors import TeenvioError, Translate
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP

CONTEXT = "starters"
LANGUAGES = ("es", "en")
# The Teenvio header and footer follow the template's language (SMTP-API seed, 2.3.3).
_TEENVIO_LANGUAGE = {"es": 3, "en": 4}


def _identity(context: str, text: str) -> str:
    del context
    return text


@dataclass(frozen=True)
class StarterTemplate:
    key: str
    title: str  # English, marked for translation in the "starters" context
    description: str
    images: tuple[str, ...] = ()  # the cid: images it shows (files "<cid>.png" here)
    languages: tuple[str, ...] = LANGUAGES

    def translated_title(self, translate: Translate = _identity) -> str:
        return translate(CONTEXT, self.title)

    def translated_description(self, translate: Translate = _identity) -> str:
        return translate(CONTEXT, self.description)


STARTERS: tuple[StarterTemplate, ...] = (
    StarterTemplate(
        "newsletter",
        QT_TRANSLATE_NOOP("starters", "Newsletter"),
        QT_TRANSLATE_NOOP("starters", "Logo, an introduction, two articles and a button."),
        images=("logo",),
    ),
    StarterTemplate(
        "announcement",
        QT_TRANSLATE_NOOP("starters", "Announcement"),
        QT_TRANSLATE_NOOP("starters", "A main image, a headline, three benefits and a button."),
        images=("logo", "hero"),
    ),
    StarterTemplate(
        "letter",
        QT_TRANSLATE_NOOP("starters", "Plain letter"),
        QT_TRANSLATE_NOOP("starters", "Text only, like a personal letter: reads well anywhere."),
    ),
)


class UnknownStarterError(TeenvioError):
    def __init__(self, key: str, language: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "There is no starter template {key} in {language}."),
            key=key,
            language=language,
        )


def starter_templates() -> tuple[StarterTemplate, ...]:
    return STARTERS


def list_starters(translate: Translate = _identity) -> list[tuple[str, str, str]]:
    """``(key, title, description)`` of every starter, translated with ``translate``."""
    return [
        (s.key, s.translated_title(translate), s.translated_description(translate))
        for s in STARTERS
    ]


def _starter(key: str, language: str) -> StarterTemplate:
    for starter in STARTERS:
        if starter.key == key and language in starter.languages:
            return starter
    raise UnknownStarterError(key, language)


def starter_source(key: str, language: str) -> str:
    """The MJML source of a starter template."""
    _starter(key, language)
    return resources.files(__name__).joinpath(f"{key}.{language}.mjml").read_text("utf-8")


def _image(cid: str) -> InlineImage:
    filename = f"{cid}.png"
    data = resources.files(__name__).joinpath(filename).read_bytes()
    return InlineImage(cid, filename, mimetypes.guess_type(filename)[0] or "image/png", data)


def starter_campaign(key: str, language: str) -> Campaign:
    """A new campaign from a starter: MJML source, compiled HTML, text, subject, images."""
    from teenvio_desktop.core.html_tools import html_to_text
    from teenvio_desktop.core.mjml import compile_mjml

    starter = _starter(key, language)
    source = starter_source(key, language)
    output = compile_mjml(source)
    return Campaign(
        subject=output.title,
        mjml_source=source,
        html=output.html,
        text=html_to_text(output.html),
        images=[_image(cid) for cid in starter.images],
        options=TeenvioOptions(language=_TEENVIO_LANGUAGE[language]),
    )
