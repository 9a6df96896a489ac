"""The main window opens, switches areas, remembers its geometry and closes."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui.app import build_main_window


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
    window.resize(640, 470)
    qtbot.wait(50)
    window.close()
    again = build_main_window(app_context)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (640, 470)
    again.close()
