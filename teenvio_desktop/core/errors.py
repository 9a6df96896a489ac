"""Typed errors that carry what a user needs to act on them.

Every error the core reports to a person is a :class:`TeenvioError`: an English template
marked for translation (context ``"errors"``), its parameters, and, when a server answered,
the server's own code and text, which are always shown next to the explanation.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Translate = Callable[[str, str], str]


def untranslated(context: str, text: str) -> str:
    """The English text itself (the command line without a catalogue, and logs)."""
    del context
    return text


class TeenvioError(Exception):
    """An error with a translatable, actionable explanation."""

    context = "errors"

    def __init__(
        self,
        template: str,
        *,
        server_code: int | None = None,
        server_text: str | None = None,
        **params: Any,
    ) -> None:
        self.template = template
        self.params = params
        self.server_code = server_code
        self.server_text = server_text
        super().__init__(self.render())

    def explanation(self, translate: Translate = untranslated) -> str:
        """The explanation alone, translated with ``translate(context, template)``."""
        return translate(self.context, self.template).format(**self.params)

    def server_reply(self) -> str | None:
        """The server's answer as it was received, if any."""
        if self.server_code is None and not self.server_text:
            return None
        return " ".join(str(p) for p in (self.server_code, self.server_text) if p)

    def render(self, translate: Translate = untranslated) -> str:
        """Explanation followed by the server's reply, ready to show."""
        reply = self.server_reply()
        text = self.explanation(translate)
        return f"{text}\n{reply}" if reply else text


class Cancelled(Exception):
    """Raised inside long work when the user asked to stop it."""


def stored_form(error: TeenvioError) -> str:
    """``error`` as kept in the database: its template and parameters, not its English
    text, so that it is shown later in the language of that day."""
    return json.dumps(
        {
            "template": error.template,
            "params": {name: str(value) for name, value in error.params.items()},
            "server_code": error.server_code,
            "server_text": error.server_text,
            "text": error.render(),  # shown when the template cannot be filled again
        },
        ensure_ascii=False,
    )


def render_stored(text: str, translate: Translate = untranslated) -> str:
    """What :func:`stored_form` kept, rendered with ``translate``; any other text (an
    older row's rendered English) as it is."""
    try:
        kept = json.loads(text)
    except ValueError:
        return text
    if not isinstance(kept, dict):
        return text
    try:
        error = TeenvioError(
            kept["template"],
            server_code=kept["server_code"],
            server_text=kept["server_text"],
            **kept["params"],
        )
        return error.render(translate)
    except (ValueError, TypeError, KeyError, IndexError):
        return str(kept.get("text", text))
