"""Every area fits, in English and Spanish, at 1024x700 and 1280x800.

Opened on realistic data (as in the screenshots), each area must show every toolbar
action (no overflow chevron), every button at least as wide as its size hint, every
label's text whole (no clipped words, no wrapped text cut at the bottom), every tab
without scroll arrows, nothing cut by the window's edge, and at 1280x800 no horizontal
scroll bar on the main tables. ``layout_problems`` is also proven able to fail.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabBar,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.sending.notes import SendNotes
from teenvio_desktop.ui.eliding_label import ElidingLabel
from tests.helpers.windows import AREAS, SIZES, demo_window, settle

# The tables that must never scroll sideways at 1280x800 (objectName).
MAIN_TABLES = {
    "results": ("campaign_list", "top_links", "table_bounces", "table_opens", "table_clicks",
                "table_unsubscribes", "table_responses"),
    "recipients": ("recipientLists", "recipientMembers"),
    "accounts": ("account_list",),
}  # fmt: skip


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
    return f"{type(widget).__name__} {widget.objectName() or '?'} {text[:40]!r}"


def _inside_internals(widget: QWidget) -> bool:
    """Widgets Qt builds inside a composite control (a combo's line edit, a view's
    editors, scroll bars' buttons): the composite is checked instead."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractItemView) and parent is not widget:
            return True
        parent = parent.parentWidget()
    return widget.objectName().startswith("qt_")


def _clipped_by_an_ancestor(widget: QWidget, window: QWidget) -> bool:
    """Part of ``widget`` lies outside a parent that is not a scrolling viewport."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return False  # scrolling content is meant to be partly out of view
        shown = QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        if not shown.contains(rect):
            return True
        if parent is window:
            return False
        parent = grand
    return False


def _label_problem(label: QLabel) -> str | None:
    if isinstance(label, ElidingLabel) or not label.text() or not label.pixmap().isNull():
        return None  # eliding labels show user data on purpose, with the full text as tooltip
    if label.wordWrap() or label.textFormat() == label.textFormat().RichText:
        if label.hasHeightForWidth() and label.height() < label.heightForWidth(label.width()) - 1:
            return "wrapped text cut at the bottom"
        return None
    needed = max(label.fontMetrics().horizontalAdvance(line) for line in label.text().split("\n"))
    if needed > label.contentsRect().width() + 1:
        return f"text needs {needed} px, has {label.contentsRect().width()}"
    return None


def layout_problems(root: QWidget, window: QWidget) -> list[str]:
    """What does not fit in ``root`` (a shown area) as the window is now."""
    problems: list[str] = []
    for toolbar in root.findChildren(QToolBar):
        if not toolbar.isVisibleTo(window):
            continue
        extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        if extension is not None and extension.isVisible():
            problems.append(f"toolbar {toolbar.objectName()}: actions hidden in an overflow")
        for action in toolbar.actions():
            widget = toolbar.widgetForAction(action)
            if action.isSeparator() or not action.isVisible() or widget is None:
                continue
            if not widget.isVisible() or not toolbar.rect().contains(widget.geometry()):
                problems.append(f"toolbar action {action.iconText()!r} not shown")
    for tabs in root.findChildren(QTabBar):
        if not tabs.isVisibleTo(window):
            continue
        arrows = [b for b in tabs.findChildren(QToolButton) if b.isVisible()]
        if arrows:
            problems.append(f"tab bar {tabs.parentWidget().objectName()}: tabs scroll")
        for index in range(tabs.count()):
            if not tabs.isTabVisible(index):
                continue  # a tab that does not apply (the Teenvio options with TEA Lite)
            if tabs.tabRect(index).width() < tabs.tabSizeHint(index).width() - 1:
                problems.append(f"tab {tabs.tabText(index)!r} narrower than its text")
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(window) or _inside_internals(widget):
            continue
        problem = None
        if isinstance(widget, QAbstractButton) and widget.text():
            if widget.width() < widget.sizeHint().width() - 1:
                problem = f"{widget.width()} px wide, needs {widget.sizeHint().width()}"
        elif isinstance(widget, QLabel):
            problem = _label_problem(widget)
        clippable = isinstance(widget, QAbstractButton | QLabel | QComboBox)
        if problem is None and clippable and _clipped_by_an_ancestor(widget, window):
            problem = "cut by the edge of its container"
        if isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            problem = "a panel that scrolls sideways"
        if problem is not None:
            problems.append(f"{_name(widget)}: {problem}")
    return problems


def scrolling_tables(root: QWidget, names: tuple[str, ...], tabs: QTabWidget | None) -> list[str]:
    problems = []
    for name in names:
        view = root.findChild(QTableView, name) or root.findChild(QAbstractItemView, name)
        assert view is not None, name
        if tabs is not None and not view.isVisible():
            page = view.parentWidget()
            while page is not None and tabs.indexOf(page) < 0:
                page = page.parentWidget()
            if page is not None:
                tabs.setCurrentWidget(page)
                settle()
        if view.horizontalScrollBar().isVisible():
            problems.append(f"table {name} scrolls sideways")
    return problems


@pytest.mark.timeout(240)
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_area_fits_at_both_sizes(
    qtbot: QtBot, app_context: AppContext, language: str
) -> None:
    with demo_window(qtbot, app_context, language) as shown:
        problems: list[str] = []
        for key in AREAS:
            area = shown.show_area(qtbot, key)
            for size in SIZES:
                shown.resize(qtbot, size)
                where = f"{key} {size.width()}x{size.height()} {language}"
                problems += [f"{where}: {p}" for p in layout_problems(area, shown.window)]
                if size == QSize(1280, 800) and key in MAIN_TABLES:
                    tabs = area.findChild(QTabWidget, "results_tabs")
                    found = scrolling_tables(area, MAIN_TABLES[key], tabs)
                    problems += [f"{where}: {p}" for p in found]
        assert not problems, "\n".join(problems)


@pytest.mark.timeout(240)
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_composers_panels_fit_with_tea_lite_and_every_condition(
    qtbot: QtBot, app_context: AppContext, language: str
) -> None:
    """TEA Lite's extra fields and the recipient picker, the Quality and MJML tabs and
    the preview's conditions all fit at both sizes (the form never scrolls sideways)."""
    from teenvio_desktop.core.preview_modes import DarkMode

    with demo_window(qtbot, app_context, language) as shown:
        compose = shown.show_area(qtbot, "compose")
        fields = compose.fields  # type: ignore[attr-defined]
        fields.transport.setCurrentIndex(fields.transport.findData("rest"))
        fields.recipient_list.setCurrentIndex(
            fields.recipient_list.findData(shown.demo.main_list_id)
        )
        bar = compose.preview.bar  # type: ignore[attr-defined]
        bar.images_off_button.setChecked(True)
        bar.side_by_side_action.setChecked(True)
        bar.set_dark(DarkMode.FORCED)
        compose.side_tabs.setCurrentWidget(compose.quality_panel)  # type: ignore[attr-defined]
        editors = compose.editors  # type: ignore[attr-defined]
        problems: list[str] = []
        for page in (editors.mjml, editors.html_editor):
            editors.tabs.setCurrentWidget(page)
            for size in SIZES:
                shown.resize(qtbot, size)
                where = f"compose {size.width()}x{size.height()} {language}"
                problems += [f"{where}: {p}" for p in layout_problems(compose, shown.window)]
                # The envelope is as tall as its fields: no empty gap above the editors.
                fields = compose.fields  # type: ignore[attr-defined]
                frame = 2 * compose.fields_scroll.frameWidth()  # type: ignore[attr-defined]
                envelope = compose.left_splitter.sizes()[0]  # type: ignore[attr-defined]
                if envelope > fields.sizeHint().height() + frame + 1:
                    problems.append(f"{where}: {envelope} px envelope, an empty gap below")
        assert compose.recipient_picker.isVisible()  # type: ignore[attr-defined]
        assert not problems, "\n".join(problems)


def test_primary_actions_are_buttons_outside_the_toolbar(
    qtbot: QtBot, app_context: AppContext
) -> None:
    with demo_window(qtbot, app_context, "es") as shown:
        compose = shown.show_area(qtbot, "compose")
        shown.resize(qtbot, QSize(1024, 700))
        for name in ("test_send_button", "send_button"):
            button = compose.findChild(QToolButton, name)
            assert button is not None and button.isVisible(), name
            inside = QRect(QPoint(0, 0), shown.window.size())
            assert inside.contains(QRect(button.mapTo(shown.window, QPoint(0, 0)), button.size()))
        toolbar = compose.findChild(QToolBar, "compose_toolbar")
        assert toolbar is not None
        texts = {a.iconText() for a in toolbar.actions()}
        assert "Enviar" not in texts and "Envío de prueba" not in texts


def test_the_layout_check_can_fail(qtbot: QtBot) -> None:
    """A squeezed row of buttons, a clipped label and an overflowing toolbar are caught."""
    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    toolbar = QToolBar()
    for n in range(12):
        toolbar.addAction(f"A rather long command {n}")
    row.addWidget(toolbar)
    label = QLabel("A label that is far too long for the width it is given")
    label.setFixedWidth(60)
    row.addWidget(label)
    button = QPushButton("A button whose text is long")
    button.setFixedWidth(40)
    row.addWidget(button)
    window.resize(500, 80)
    window.show()
    qtbot.waitExposed(window)
    settle()
    problems = "\n".join(layout_problems(window, window))
    assert "hidden in an overflow" in problems
    assert "QLabel" in problems and "text needs" in problems
    assert "QPushButton" in problems and "needs" in problems


def _long_notes() -> SendNotes:
    """What a send to a real list can leave behind: two long notes, four lines at 1024."""
    left_out = tuple(f"josé.garcía{n}@ejemplo.es" for n in range(6))
    refused = tuple((f"nadie{n}@example.com", "550 5.1.1 User unknown") for n in range(4))
    return SendNotes(left_out=left_out, left_out_total=9, refused=refused, refused_total=7)


def _wholly_shown(widget: QWidget) -> bool:
    """Visible and not cut by any container (the whole rectangle can be seen)."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


@pytest.mark.timeout(240)
@pytest.mark.parametrize("language", ["en", "es"])
def test_results_fit_with_the_keyring_banner_and_send_notes(
    qtbot: QtBot, app_context: AppContext, language: str
) -> None:
    """Both banners and long send notes shown at once: the chart keeps its height, the
    links' heading and a row of links stay in view, nothing is cut."""
    from teenvio_desktop.core.accounts.errors import KeyringUnavailable

    with demo_window(qtbot, app_context, language) as shown:
        window = shown.window
        area = shown.show_area(qtbot, "results")
        banner = window.findChild(QFrame, "keyring_banner")
        assert banner is not None
        qtbot.waitUntil(banner.retry_button.isEnabled, timeout=15_000)  # type: ignore[attr-defined]
        banner.show_problem(KeyringUnavailable("no secret service"))  # type: ignore[attr-defined]
        area.send_notes.show_notes(_long_notes())  # type: ignore[attr-defined]
        area.header.ask_for_credentials(True)  # type: ignore[attr-defined]
        overview = area.overview  # type: ignore[attr-defined]
        problems: list[str] = []
        for size in SIZES:
            shown.resize(qtbot, size)
            where = f"results {size.width()}x{size.height()} {language}"
            problems += [f"{where}: {p}" for p in layout_problems(area, window)]
            chart = overview.chart
            if chart.height() < chart.minimumHeight():
                problems.append(f"{where}: chart squeezed to {chart.height()} px")
            column = area.campaign_column  # type: ignore[attr-defined]
            scrolls = column.verticalScrollBar().isVisible()
            if scrolls and size == QSize(1280, 800):
                problems.append(f"{where}: the campaign's column scrolls")
            column.ensureWidgetVisible(overview.links_table, 0, 0)
            settle()
            title = overview.findChild(QLabel, "top_links_title")
            if title is None or not _wholly_shown(title):
                problems.append(f"{where}: the links' heading is hidden")
            table = overview.links_table
            row = table.verticalHeader().defaultSectionSize()
            if table.viewport().height() < row or not _wholly_shown(table):
                problems.append(f"{where}: no room for a row of links")
        # The notes read as one line; the full notes, with the addresses, on request.
        notes = area.send_notes  # type: ignore[attr-defined]
        assert notes.summary.height() < 2 * notes.summary.fontMetrics().height()
        assert not notes.label.isVisible() and "nadie0@example.com" in notes.text()
        notes.details_button.click()
        qtbot.waitUntil(notes.label.isVisible)
        assert "nadie0@example.com" in notes.label.text()
        assert not problems, "\n".join(problems)
