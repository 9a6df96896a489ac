"""Spanish and English stay complete, compiled, and follow the locale."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "update_translations", ROOT / "resources" / "i18n" / "update_translations.py"
)
assert _spec is not None and _spec.loader is not None
tools = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tools)


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_every_user_visible_string_is_extracted(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh_es.ts"
    shutil.copy(tools.ts_path("es"), fresh)
    tools.extract([fresh])
    committed, current = set(_messages(tools.ts_path("es"))), set(_messages(fresh))
    missing = sorted(current - committed)
    assert not missing, f"run resources/i18n/update_translations.py; new strings: {missing[:10]}"
    assert len(current) > 20


def test_spanish_is_complete() -> None:
    unfinished = [
        key
        for key, message in _messages(tools.ts_path("es")).items()
        if message.find("translation") is None
        or message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
        or not (message.findtext("translation") or message.find(".//numerusform") is not None)
    ]
    assert not unfinished, f"{len(unfinished)} Spanish strings untranslated, e.g. {unfinished[:5]}"


@pytest.mark.parametrize("language", ["es", "en"])
def test_compiled_catalogs_match_their_sources(tmp_path: Path, language: str) -> None:
    rebuilt = tools.compile_catalog(language, tmp_path)
    assert rebuilt.read_bytes() == tools.qm_path(language).read_bytes()


def test_spanish_window(qtbot: QtBot, app_context: AppContext) -> None:
    from PySide6.QtCore import QCoreApplication

    from teenvio_desktop.translations import catalog
    from teenvio_desktop.ui.areas import build_main_window

    translator = catalog("es")
    assert translator is not None
    QCoreApplication.installTranslator(translator)
    try:
        window = build_main_window(app_context)
        qtbot.addWidget(window)
        titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
        assert "Destinatarios" in titles and "Resultados" in titles and "Cuentas" in titles
        assert window.file_menu.title() == "&Archivo"
        window.close()
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize(("locale", "expected"), [("es_ES.UTF-8", "es"), ("en_GB.UTF-8", "en")])
def test_language_follows_the_system_locale(locale: str, expected: str) -> None:
    env = {**os.environ, "LC_ALL": locale, "LANG": locale, "LANGUAGE": ""}
    code = "from teenvio_desktop.translations import resolve_language as r; print(r(None))"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == expected
