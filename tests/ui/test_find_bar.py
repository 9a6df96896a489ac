"""Find and replace under the editors: Enter and Shift+Enter, the match count, case and
regular expressions, replacing with groups, Escape, and no reflow of the window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QSplitter
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.translations import catalog
from teenvio_desktop.ui.compose.editors import EditorTabs
from tests.helpers.windows import demo_window, settle


@pytest.fixture(autouse=True)
def _english(qapp: QApplication) -> Iterator[None]:
    """The English catalogue, as the app installs it (it holds the plural forms)."""
    translator = catalog("en")
    assert translator is not None
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def _open(qtbot: QtBot, text: str) -> EditorTabs:
    tabs = EditorTabs()
    qtbot.addWidget(tabs)
    tabs.resize(700, 400)
    tabs.show()
    tabs.activateWindow()
    qtbot.waitActive(tabs)
    tabs.html_editor.setPlainText(text)
    tabs.open_find()
    return tabs


def _count(tabs: EditorTabs) -> str:
    return tabs.find_bar.count_label.text()


def test_enter_and_shift_enter_step_through_the_matches_with_a_count(qtbot: QtBot) -> None:
    tabs = _open(qtbot, "<p>gato</p>\n<p>Gato</p>\n<p>gato 😀 gato</p>")
    bar, editor = tabs.find_bar, tabs.html_editor
    assert bar.isVisible()
    qtbot.waitUntil(bar.find_edit.hasFocus)
    qtbot.keyClicks(bar.find_edit, "gato")
    qtbot.waitUntil(lambda: _count(tabs) == "4 matches")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert editor.textCursor().selectedText() == "gato" and _count(tabs) == "1 of 4"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert editor.textCursor().selectedText() == "Gato" and _count(tabs) == "2 of 4"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert _count(tabs) == "1 of 4"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert _count(tabs) == "4 of 4"  # wraps around backwards
    # After the emoji (two UTF-16 units) the positions still line up.
    assert editor.textCursor().selectedText() == "gato"
    bar.case_box.setChecked(True)
    qtbot.waitUntil(lambda: _count(tabs) in ("3 matches", "3 of 3"))


def test_regular_expressions_count_replace_with_groups_and_say_when_invalid(
    qtbot: QtBot,
) -> None:
    tabs = _open(qtbot, "<b>uno</b> <b>dos</b> <i>tres</i> 😀 <b>cuatro</b>")
    bar, editor = tabs.find_bar, tabs.html_editor
    bar.regex_box.setChecked(True)
    bar.find_edit.setText("<b>(\\w+)</b>")
    qtbot.waitUntil(lambda: _count(tabs) == "3 matches")
    bar.replace_edit.setText("<strong>\\1</strong>")
    assert bar.replace_all() == 3
    assert editor.toPlainText() == (
        "<strong>uno</strong> <strong>dos</strong> <i>tres</i> 😀 <strong>cuatro</strong>"
    )
    editor.undo()  # one step
    assert editor.toPlainText().startswith("<b>uno</b>")
    bar.find_edit.setText("<b>(")
    qtbot.waitUntil(lambda: _count(tabs) == "Invalid expression")
    assert not bar.find_next() and bar.replace_all() == 0
    bar.find_edit.setText("^")  # matches only empty strings: nothing to select
    qtbot.waitUntil(lambda: _count(tabs) == "No matches")
    assert bar.replace_all() == 0


def test_replace_one_replaces_the_selected_match_and_moves_on(qtbot: QtBot) -> None:
    tabs = _open(qtbot, "a-a-a")
    bar, editor = tabs.find_bar, tabs.html_editor
    bar.find_edit.setText("a")
    bar.replace_edit.setText("b")
    bar.find_next()
    bar.replace_one()
    assert editor.toPlainText() == "b-a-a"
    assert editor.textCursor().selectionStart() == 2  # the next match is selected
    qtbot.keyClick(bar.replace_edit, Qt.Key.Key_Return)
    assert editor.toPlainText() == "b-b-a"


def test_escape_closes_the_bar_and_gives_the_editor_the_focus(qtbot: QtBot) -> None:
    tabs = _open(qtbot, "hola")
    bar = tabs.find_bar
    qtbot.waitUntil(bar.find_edit.hasFocus)
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tabs.html_editor)


def test_opening_the_bar_does_not_reflow_the_window(qtbot: QtBot, app_context: AppContext) -> None:
    with demo_window(qtbot, app_context, "es") as shown:
        from PySide6.QtCore import QSize

        compose = shown.show_area(qtbot, "compose")
        shown.resize(qtbot, QSize(1024, 700))
        splitters = compose.findChildren(QSplitter)
        before = [s.sizes() for s in splitters]
        compose.commands.find.trigger()  # type: ignore[attr-defined]
        settle()
        bar = compose.editors.find_bar  # type: ignore[attr-defined]
        assert bar.isVisible()
        assert [s.sizes() for s in splitters] == before
        # Usable fields: not the 25 px they used to shrink to.
        assert bar.find_edit.width() >= 140 and bar.replace_edit.width() >= 140
