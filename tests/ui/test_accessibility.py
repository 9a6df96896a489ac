"""Screen readers and the keyboard: every control has a name, every area is reachable.

The names are the ones Qt's accessibility layer gives assistive technology (Orca, NVDA):
``QAccessible.queryAccessibleInterface(widget).text(Name)``, which is the accessible
name, else the visible text, else the buddy label of a form row. Tab moves from the
sidebar into the area and through every focusable control of it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsView,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from tests.helpers.windows import AREAS, demo_window

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QAbstractSpinBox,
    QSlider,
    QGraphicsView,
)


def _is_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside a composite control, which is named as a whole."""
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        # A line edit's clear button and icons are part of it.
        if isinstance(
            parent, QComboBox | QAbstractSpinBox | QAbstractItemView | QTabBar | QLineEdit
        ):
            return True
        parent = parent.parentWidget()
    return False


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return "" if interface is None else interface.text(QAccessible.Text.Name).strip()


def unnamed_controls(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or _is_internal(widget):
            continue
        if not accessible_name(widget):
            found.append(f"{type(widget).__name__} {widget.objectName() or '(no object name)'}")
    for tabs in root.findChildren(QTabBar):
        found += [
            f"tab {i} of {tabs.parentWidget().objectName()}"
            for i in range(tabs.count())
            if not tabs.tabText(i).strip() and not tabs.accessibleTabName(i).strip()
        ]
    return found


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_control_has_an_accessible_name(
    qtbot: QtBot, app_context: AppContext, language: str
) -> None:
    with demo_window(qtbot, app_context, language) as shown:
        missing = [f"window: {name}" for name in unnamed_controls(shown.window.navigation)]
        for key in AREAS:
            area = shown.show_area(qtbot, key)
            # The find bar and the composer's menus exist while hidden: they count too.
            missing += [f"{key}: {name}" for name in unnamed_controls(area)]
        assert not missing, "\n".join(missing)


def test_the_name_check_can_fail(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QFormLayout, QToolButton

    root = QWidget()
    qtbot.addWidget(root)
    form = QFormLayout(root)
    form.addRow("Subject", QLineEdit())  # named by its label
    icon_only = QToolButton()
    icon_only.setObjectName("icon_only")
    form.addRow(icon_only)
    assert unnamed_controls(root) == ["QToolButton icon_only"]


def _focus_chain(start: QWidget, limit: int = 400) -> list[QWidget]:
    chain, widget = [], start.nextInFocusChain()
    while widget is not start and len(chain) < limit:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


@pytest.mark.parametrize("key", AREAS)
def test_tab_leads_from_the_sidebar_through_the_area(
    qtbot: QtBot, app_context: AppContext, key: str
) -> None:
    with demo_window(qtbot, app_context, "en") as shown:
        area = shown.show_area(qtbot, key)
        window = shown.window
        window.navigation.setFocus()
        qtbot.waitUntil(lambda: window.navigation.hasFocus())
        # The arrows move between areas, as in any list.
        row = window.navigation.currentRow()
        qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
        assert window.navigation.currentRow() == (row + 1) % window.navigation.count() or (
            row == window.navigation.count() - 1
        )
        window.show_area(key)
        # Tab goes into the area shown, and every focusable control there is reachable.
        qtbot.keyClick(window.navigation, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None and area.isAncestorOf(focused), focused
        reachable = {
            w for w in _focus_chain(window.navigation) if w.isVisible() and area.isAncestorOf(w)
        }
        focusable = [
            w
            for w in area.findChildren(QWidget)
            if w.isVisible()
            and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.focusProxy() is None
            and not _is_internal(w)
        ]
        unreachable = [
            f"{type(w).__name__} {w.objectName()}" for w in focusable if w not in reachable
        ]
        assert not unreachable, unreachable
