"""The look: light and dark follow the system or the user's choice everywhere; numbers,
percentages and times in the locale's format; counts through plurals."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.stats.timeline import HOUR, Timeline, TimelineBin
from teenvio_desktop.ui.app import scheme_preference
from teenvio_desktop.ui.formatting import (
    format_count,
    format_percent,
    format_teenvio_time,
    localise_decimals,
)
from teenvio_desktop.ui.style import DARK, LIGHT, colors, icon, install_theme
from teenvio_desktop.ui.style.icons import ICONS, glyph_exists, sample_color
from teenvio_desktop.ui.style.scheme import SETTING_KEY
from tests.helpers.windows import demo_window, settle


@pytest.fixture
def restored_look(qapp: QApplication) -> Iterator[None]:
    """Whatever a test does to the scheme and the locale is undone afterwards."""
    previous = QLocale()
    yield
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Unknown)
    install_theme(qapp, "light")
    qapp.setStyleSheet("")
    qapp.setPalette(qapp.style().standardPalette())
    QLocale.setDefault(previous)


def _tag_color(area, editor: str = "html") -> str:  # type: ignore[no-untyped-def]
    """The colour the HTML (or MJML) highlighter gives the first tag of the document."""
    widget = area.editors.html_editor if editor == "html" else area.editors.mjml.editor
    block = widget.document().firstBlock()
    formats = block.layout().formats()
    assert formats, "nothing highlighted"
    return formats[0].format.foreground().color().name()


def test_every_icon_name_exists_in_the_icon_set(qapp: QApplication) -> None:
    missing = [name for name in ICONS if not glyph_exists(name)]
    assert not missing


@pytest.mark.timeout(120)
def test_the_window_follows_the_system_scheme_and_then_the_chosen_one(
    qtbot: QtBot, app_context: AppContext, qapp: QApplication, restored_look: None
) -> None:
    with demo_window(qtbot, app_context, "en") as shown:
        theme = install_theme(qapp, "system")
        compose = shown.show_area(qtbot, "compose")
        results = shown.show_area(qtbot, "results")
        shown.show_area(qtbot, "compose")
        hints = QGuiApplication.styleHints()
        send_icon = icon("send")
        compose.editors.mjml.editor.setPlainText("<mjml></mjml>")  # type: ignore[attr-defined]

        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop turns dark
        settle()
        assert colors() is DARK and theme.scheme.value == "dark"
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == DARK.window
        assert sample_color(send_icon).name() == DARK.text  # icons follow on their own
        assert _tag_color(compose) == _tag_color(compose, "mjml") == DARK.syntax_tag
        chart = results.overview.chart  # type: ignore[attr-defined]
        assert chart.backgroundBrush().color().name() == DARK.base

        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        settle()
        assert colors() is LIGHT and _tag_color(compose) == LIGHT.syntax_tag
        assert _tag_color(compose, "mjml") == LIGHT.syntax_tag
        assert sample_color(send_icon).name() == LIGHT.text
        assert chart.backgroundBrush().color().name() == LIGHT.base

        # View > Colour scheme > Dark wins over the system, and is remembered.
        shown.window.scheme_actions["dark"].trigger()
        settle()
        assert colors() is DARK
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        settle()
        assert colors() is DARK
        assert app_context.settings.get(SETTING_KEY) == "dark"
        assert scheme_preference(app_context, None) == "dark"
        assert scheme_preference(app_context, "light") == "light"  # --scheme light


def test_numbers_and_percentages_follow_the_language(
    qapp: QApplication, restored_look: None
) -> None:
    from teenvio_desktop.translations import catalog

    QLocale.setDefault(QLocale("en"))
    assert (format_count(12345), format_percent(1 / 3)) == ("12,345", "33.3%")
    translator = catalog("es")
    assert translator is not None
    QCoreApplication.installTranslator(translator)
    try:
        QLocale.setDefault(QLocale("es"))
        assert (format_count(12345), format_percent(1 / 3)) == ("12.345", "33,3\u00a0%")
    finally:
        QCoreApplication.removeTranslator(translator)


def test_decimals_in_messages_follow_the_locale(restored_look: None) -> None:
    params = {"ratio": "3.06", "required": "4.5", "colour": "#f6f8fa", "line": 20}
    QLocale.setDefault(QLocale("es"))
    assert localise_decimals(params) == {**params, "ratio": "3,06", "required": "4,5"}
    QLocale.setDefault(QLocale("en"))
    assert localise_decimals(params) == params


def test_server_timestamps_become_local_date_times(restored_look: None) -> None:
    QLocale.setDefault(QLocale("es"))
    shown = format_teenvio_time("20261130132752")
    assert shown != "20261130132752" and ":52" in shown and "/11/26" in shown
    assert format_teenvio_time("2026113") == "2026113"  # not a moment: shown as it came


@pytest.mark.parametrize(
    ("language", "rows_word", "percent"), [("en", "rows", "%"), ("es", "filas", "\u00a0%")]
)
def test_results_read_in_the_users_language(
    qtbot: QtBot, app_context: AppContext, language: str, rows_word: str, percent: str
) -> None:
    with demo_window(qtbot, app_context, language) as shown:
        results = shown.show_area(qtbot, "results")
        # Cards: figures with locale digits and a percentage in the locale's form.
        opened = results.summary_grid.cards["opened"]  # type: ignore[attr-defined]
        assert opened.rate.text().endswith(percent) and opened.value.text().isdigit()
        # The campaign list: a local date, a state in words.
        view = results.campaign_view  # type: ignore[attr-defined]
        model = view.model()
        date = model.index(0, 1).data()
        assert date and "T" not in date and not date.isdigit()
        assert model.index(0, 4).data() in ({"en": "Sent", "es": "Enviada"}[language],)
        # Event tables: local times, a translated header, a plural count.
        page = results.pages["opens"]  # type: ignore[attr-defined]
        table: QTableView = page.view
        first_time = table.model().index(0, 0).data()
        assert first_time and not first_time.isdigit(), first_time
        header = table.model().headerData(0, Qt.Orientation.Horizontal)
        assert header == {"en": "Time", "es": "Fecha y hora"}[language]
        assert page.count_label.text().endswith(rows_word)
        page.filter_edit.setText(table.model().index(0, 1).data())
        page.apply_filter_now()
        assert page.count_label.text().split()[-1] in {"row", "rows", "fila", "filas"}


def test_one_row_is_singular(qtbot: QtBot, app_context: AppContext) -> None:
    with demo_window(qtbot, app_context, "es") as shown:
        results = shown.show_area(qtbot, "results")
        page = results.pages["unsubscribes"]  # type: ignore[attr-defined]
        assert page.model.rowCount() == 1
        assert page.count_label.text() == "1 fila"


def test_the_chart_draws_intervals_and_running_totals(qtbot: QtBot, restored_look: None) -> None:
    from teenvio_desktop.ui.results.chart import LocaleDateAxis, TimelineChart

    chart = TimelineChart()
    qtbot.addWidget(chart)
    start = 1_790_000_000 // HOUR * HOUR
    timeline = Timeline(
        HOUR,
        tuple(
            TimelineBin(start + i * HOUR, o, c) for i, (o, c) in enumerate([(5, 1), (0, 0), (3, 2)])
        ),
    )
    chart.set_timeline(timeline)
    assert chart.plotted() == ([5.0, 0.0, 3.0], [1.0, 0.0, 2.0])
    assert chart.plotted_totals() == ([5.0, 5.0, 8.0], [1.0, 1.0, 3.0])
    assert "8" in chart.accessibleDescription() and "3" in chart.accessibleDescription()
    QLocale.setDefault(QLocale("es"))
    axis = LocaleDateAxis()
    from PySide6.QtCore import QDateTime, QTime

    midnight = QDateTime.currentDateTime()
    midnight.setTime(QTime(0, 0))
    noon = midnight.addSecs(12 * HOUR)
    labels = axis.tickStrings(
        [float(midnight.toSecsSinceEpoch()), float(noon.toSecsSinceEpoch())], 1.0, 6 * HOUR
    )
    assert labels[1] == "12:00"  # a time where the day goes on
    assert labels[0] == QLocale().toString(midnight.date(), "d MMM")  # the date at midnight


def test_a_hidden_banner_takes_no_room_and_a_shown_one_sits_beside_the_sidebar(
    qtbot: QtBot, app_context: AppContext
) -> None:
    from PySide6.QtWidgets import QFrame

    from teenvio_desktop.core.accounts.errors import KeyringUnavailable

    with demo_window(qtbot, app_context, "en") as shown:
        window = shown.window
        banner = window.findChild(QFrame, "keyring_banner")
        assert banner is not None
        # The start's own keyring check answers first (it shows or hides the banner).
        retry = banner.retry_button  # type: ignore[attr-defined]
        qtbot.waitUntil(retry.isEnabled, timeout=15_000)
        banner.hide()
        settle()
        assert window.stack.geometry().top() == 0
        banner.show_problem(KeyringUnavailable("no secret service"))  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: window.stack.geometry().top() > banner.geometry().bottom())
        assert banner.geometry().left() > window.navigation.geometry().right()
        banner.hide()
        qtbot.waitUntil(lambda: window.stack.geometry().top() == 0)


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def _contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _indicator_contrast(button: QCheckBox | QRadioButton) -> float:
    """The strongest contrast between the indicator's pixels and the window around it
    (its outline, for an empty box or circle)."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if isinstance(button, QCheckBox)
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    rect = button.style().subElementRect(element, option, button)
    image = button.grab().toImage()
    background = button.palette().color(QPalette.ColorRole.Window)
    return max(
        _contrast(image.pixelColor(x, y), background)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_empty_checkboxes_and_radio_buttons_stand_out_in_both_schemes(
    qtbot: QtBot, qapp: QApplication, restored_look: None, scheme: str
) -> None:
    """An unchecked box (TEA Lite's Schedule) has an outline of at least 3:1 against the
    window (WCAG's contrast for controls), and a checked one still shows its mark."""
    install_theme(qapp, scheme)  # type: ignore[arg-type]
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    box, radio = QCheckBox("Schedule"), QRadioButton("Now")
    layout.addWidget(box)
    layout.addWidget(radio)
    window.show()
    qtbot.waitExposed(window)
    for button in (box, radio):
        assert _indicator_contrast(button) >= 3.0, (scheme, type(button).__name__)
        button.setChecked(True)
        assert _indicator_contrast(button) >= 4.5, (scheme, "checked", type(button).__name__)
