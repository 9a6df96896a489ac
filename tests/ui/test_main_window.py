"""The main window opens, switches areas, remembers its geometry and closes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui.areas import build_main_window


def test_window_shows_every_area_and_switches(qtbot: QtBot, app_context: AppContext) -> None:
    window = build_main_window(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.area_keys() == ["compose", "recipients", "results", "accounts"]
    for key in window.area_keys():
        window.show_area(key)
        assert window.current_area() == key
        assert window.stack.currentWidget() is window.area(key)
    assert window.close()


def test_keyboard_shortcuts_switch_areas(qtbot: QtBot, app_context: AppContext) -> None:
    window = build_main_window(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    shortcuts = {a.shortcut().toString(): a for a in window.view_menu.actions()}
    shortcuts["Ctrl+3"].trigger()
    assert window.current_area() == "results"
    window.close()


def test_geometry_is_restored(qtbot: QtBot, app_context: AppContext) -> None:
    window = build_main_window(app_context)
    qtbot.addWidget(window)
    window.show()
    window.resize(960, 710)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (960, 710))
    window.close()
    again = build_main_window(app_context)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (960, 710)
    again.close()


def test_start_up_offers_to_resume_a_half_sent_campaign(
    qtbot: QtBot, app_context: AppContext
) -> None:
    from PySide6.QtWidgets import QApplication

    from teenvio_desktop.core.campaign import Campaign
    from teenvio_desktop.core.outbox import Recipient, create_rest_campaign
    from teenvio_desktop.ui.sending.resume import ResumeCampaignsDialog, offer_resume_later

    campaign = Campaign(
        subject="Hola",
        sender="demo@example.com",
        sender_name="Demo",
        reply_to="demo@example.com",
        reply_to_name="Demo",
        html="<p>Hola</p>",
        text="Hola",
        transport="rest",
        source_system="tests",
        campaign_ref="resume-1",
    )
    create_rest_campaign(app_context.db, campaign, [Recipient(email="ana@example.com")])
    window = build_main_window(app_context)
    qtbot.addWidget(window)
    window.show()
    offer_resume_later(window, app_context, window.prompter)

    def offered() -> list[ResumeCampaignsDialog]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, ResumeCampaignsDialog)]

    qtbot.waitUntil(lambda: len(offered()) == 1, timeout=5_000)
    offered()[0].reject()
    window.close()


def test_only_the_first_area_is_built_at_start(qtbot: QtBot, app_context: AppContext) -> None:
    window = build_main_window(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    built = {key: window.is_area_built(key) for key in window.area_keys()}
    assert built == {"compose": True, "recipients": False, "results": False, "accounts": False}
    # Asked for without being shown: built in its place, the current area unchanged.
    accounts = window.area("accounts")
    assert accounts.objectName() == "area_accounts"
    assert window.area("accounts") is accounts
    assert window.stack.indexOf(accounts) == window.area_keys().index("accounts")
    assert window.current_area() == "compose"
    window.show_area("results")
    assert window.is_area_built("results") and not window.is_area_built("recipients")
    assert window.stack.currentWidget() is window.area("results")
    assert window.close()


def test_a_lazy_area_is_built_once_and_retried_after_a_failure(
    qtbot: QtBot, app_context: AppContext
) -> None:
    from PySide6.QtWidgets import QLabel

    from teenvio_desktop.ui.main_window import MainWindow
    from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter

    window = MainWindow(app_context, ScriptedPrompter())
    qtbot.addWidget(window)
    calls: list[str] = []

    def first() -> QLabel:
        calls.append("first")
        return QLabel("first")

    def flaky() -> QLabel:
        calls.append("flaky")
        if calls.count("flaky") == 1:
            raise RuntimeError("not yet")
        return QLabel("flaky")

    window.add_area("first", "First", first)  # the first area is shown, so built at once
    window.add_area("flaky", "Flaky", flaky)
    assert calls == ["first"]
    assert window.stack.currentWidget() is window.area("first")
    with pytest.raises(RuntimeError, match="not yet"):
        window.area("flaky")
    assert not window.is_area_built("flaky")
    label = window.area("flaky")
    assert isinstance(label, QLabel) and label.text() == "flaky"
    assert window.area("flaky") is label
    assert calls == ["first", "flaky", "flaky"]
    assert window.stack.count() == 2


def test_start_path_leaves_heavy_modules_unimported(tmp_path: Path) -> None:
    """The main window shows without plotting, keyring, HTTP or browser-engine modules, nor
    qtpy (its star imports build every PySide6 class: superqt and QtAwesome use it)."""
    script = (
        "import sys, tempfile\n"
        "from pathlib import Path\n"
        "from teenvio_desktop.ui.application import prepare_qt_environment\n"
        "prepare_qt_environment()\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\n"
        "from teenvio_desktop.cli.main import build_parser\n"
        "from teenvio_desktop.core.context import AppContext\n"
        "from teenvio_desktop.core.paths import DataDir\n"
        "from teenvio_desktop.ui.areas import build_main_window\n"
        "from teenvio_desktop.ui.compose.area import ComposeArea\n"
        "build_parser()\n"
        # The first preview's render imports the sanitiser on its worker thread; asyncio
        # comes with the first link check.
        "print(sorted(m for m in ('bleach', 'html5lib', 'asyncio') if m in sys.modules))\n"
        "ComposeArea.create_preview_on_show = False\n"
        "context = AppContext.open(DataDir(Path(tempfile.mkdtemp())))\n"
        "window = build_main_window(context)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "window.grab()\n"  # painted, toolbar icons included
        "heavy = ('numpy', 'pyqtgraph', 'keyring', 'httpx', 'aiohttp', 'jinja2',\n"
        "         'cryptography', 'PySide6.QtWebEngineWidgets', 'qtpy', 'superqt',\n"
        "         'qtawesome')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TEENVIO_DESKTOP_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-2:] == ["[]", "[]"]


def test_the_window_is_never_larger_than_the_screen(qtbot: QtBot, app_context: AppContext) -> None:
    # The default size (1280x820), or the size saved last time, cut down to a smaller
    # screen: the test platform's is 800 high, lower than either; its width is below the
    # window's minimum, which wins (a 1024-wide screen takes the window whole).
    for _ in range(2):  # first without, then with a saved geometry
        window = build_main_window(app_context)
        qtbot.addWidget(window)
        available = window.screen().availableGeometry().size()
        assert available.height() < 820
        assert window.height() <= available.height()
        assert window.width() <= max(available.width(), window.minimumWidth())
        assert window.minimumWidth() <= 1024
        window.close()
