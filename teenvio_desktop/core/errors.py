"""Typed errors that carry what a user needs to act on them.

Every error the core reports to a person is a :class:`TeenvioError`: an English template
marked for translation (context ``"errors"``), its parameters, and, when a server answered,
the server's own code and text, which are always shown next to the explanation.
"""

from __future__ import annotations

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
