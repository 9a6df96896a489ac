"""A TEA Lite message's reason reads in the interface's language: the error category (an
English key from the server or the app) in words, then the server's own text."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from teenvio_desktop.ui.sending.outbox_model import reason_text
from tests.helpers.language import interface_language


def test_reasons_in_spanish(qtbot: QtBot) -> None:
    del qtbot  # the application object
    with interface_language("es"):
        assert reason_text("Permanent", "El recipient es requerido") == (
            "Rechazado: El recipient es requerido"
        )
        assert reason_text("Suppressed", "on the suppression list") == "En la lista de supresión"
        assert reason_text("Merge", "'nombre' is undefined").startswith("Campo de combinación")
        assert reason_text(None, None) == ""
        assert reason_text("Something new", "texto") == "Something new: texto"


def test_reasons_in_english(qtbot: QtBot) -> None:
    del qtbot
    with interface_language("en"):
        assert reason_text("Retriable", "busy") == "Temporary failure: busy"
        assert reason_text("Uncertain", None) == "No answer"
