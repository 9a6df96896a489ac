"""A failure nothing caught (a slot that raised) is logged and explained, translated, in
the status bar: never a traceback, never silence, never "Unexpected error"."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.html_tools import OpenFileError
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.error_hook import install_error_hook
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
from tests.helpers.language import interface_language


def _raise_and_hook(error: BaseException) -> None:
    try:
        raise error
    except type(error) as caught:
        sys.excepthook(type(caught), caught, caught.__traceback__)


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_uncaught_error_is_explained_in_the_status_bar_and_logged(
    qtbot: QtBot, app_context: AppContext, caplog: pytest.LogCaptureFixture, language: str
) -> None:
    with interface_language(language):
        window = build_main_window(app_context, prompter=ScriptedPrompter())
        qtbot.addWidget(window)
        before = sys.excepthook
        restore = install_error_hook(window)
        try:
            with caplog.at_level(logging.WARNING):
                _raise_and_hook(KeyError("nombre"))
            shown = window.statusBar().currentMessage()
            assert "KeyError" in shown and "nombre" in shown
            assert "unexpected" not in shown.lower() and "inesperado" not in shown.lower()
            if language == "es":
                assert "No se ha podido terminar la operación" in shown, shown
            assert any(r.exc_info and r.exc_info[0] is KeyError for r in caplog.records)

            _raise_and_hook(OpenFileError(Path("/nada/boletin.html"), "No such file"))
            assert "boletin.html" in window.statusBar().currentMessage()
        finally:
            restore()
    assert sys.excepthook is before
