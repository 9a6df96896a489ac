"""The real main window as a user sees it: a language, a colour scheme, realistic data.

``demo_window`` seeds the data directory the way ``packaging/screenshot.py`` does (two
imported lists, an account, four campaigns with a day of statistics), installs the
language's translations and locale and the colour scheme, builds the window and, on the
way out, puts the application back as it was for the next test.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QSize
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
AREAS = ("compose", "recipients", "results", "accounts")
SIZES = (QSize(1024, 700), QSize(1280, 800))


def _packaging_module(name: str) -> ModuleType:
    """A script module of packaging/ (a folder of scripts, not a package)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@dataclass
class DemoWindow:
    window: MainWindow
    demo: Any  # screenshot_data.DemoData
    language: str
    sample: Any  # the composer's Campaign

    def show_area(self, qtbot: QtBot, key: str) -> QWidget:
        """Show ``key`` with something chosen in it, as the screenshots do."""
        self.window.show_area(key)
        area = self.window.area(key)
        if key == "compose":
            area.load_campaign(self.sample, title=self.sample.subject)  # type: ignore[attr-defined]
        elif key == "results":
            with qtbot.waitSignal(area.view_shown, timeout=20_000):  # type: ignore[attr-defined]
                area.show_campaign(self.demo.main_campaign_id)  # type: ignore[attr-defined]
        elif key == "recipients":
            area.refresh(self.demo.main_list_id)  # type: ignore[attr-defined]
            qtbot.waitUntil(lambda: area.members_model.rowCount() > 0)  # type: ignore[attr-defined]
        elif key == "accounts":
            area.select("Green Leaf Books")  # type: ignore[attr-defined]
        return area

    def resize(self, qtbot: QtBot, size: QSize) -> None:
        self.window.resize(size)
        qtbot.waitUntil(lambda: self.window.size() == size)
        settle()


def settle() -> None:
    """Let posted layout requests and resizes run."""
    for _ in range(5):
        QCoreApplication.processEvents()


@contextmanager
def demo_window(
    qtbot: QtBot, context: AppContext, language: str, scheme: str = "light"
) -> Iterator[DemoWindow]:
    from teenvio_desktop.translations import catalog
    from teenvio_desktop.ui.areas import build_main_window
    from teenvio_desktop.ui.compose.area import ComposeArea
    from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
    from teenvio_desktop.ui.style import install_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    data = _packaging_module("screenshot_data")
    screenshot = _packaging_module("screenshot")
    spanish = language == "es"
    demo = data.seed_demo_data(
        context,
        language,
        screenshot.SAMPLE_HTML_ES if spanish else screenshot.SAMPLE_HTML,
        screenshot.SAMPLE_TEXT_ES if spanish else screenshot.SAMPLE_TEXT,
    )
    screenshot.add_demo_account(context)
    previous_locale = QLocale()
    translator = catalog(language)  # English too: its plural forms live there
    if translator is not None:
        QCoreApplication.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
    install_theme(app, "dark" if scheme == "dark" else "light")
    # The layout is what matters here, not the browser engine behind the preview.
    creates_preview = ComposeArea.create_preview_on_show
    ComposeArea.create_preview_on_show = False
    try:
        # Nothing modal: closing with the sample campaign unsaved must not wait for a click.
        window = build_main_window(context, prompter=ScriptedPrompter())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        sample = Campaign(
            subject=demo.campaign_subject,
            sender="news@example.com",
            sender_name="Green Leaf Books",
            html=screenshot.SAMPLE_HTML_ES if spanish else screenshot.SAMPLE_HTML,
            text=screenshot.SAMPLE_TEXT_ES if spanish else screenshot.SAMPLE_TEXT,
            recipients=["ana@example.com", "luis@example.com"],
        )
        yield DemoWindow(window, demo, language, sample)
        window.close()
    finally:
        ComposeArea.create_preview_on_show = creates_preview
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(previous_locale)
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())
