"""The preview's browser started with the application: the first preview pane takes its
profile and page, and a document asked for while the empty one still loads is shown next."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.compose import preview_engine
from teenvio_desktop.ui.compose.area import ComposeArea
from teenvio_desktop.ui.compose.preview_engine import (
    WARM_GENERATION,
    release,
    start_preview_engine,
    take_started_engine,
)
from teenvio_desktop.ui.compose.preview_web import PreviewWeb
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
from tests.helpers.compose import good_campaign, spin, wait_preview_contains


def test_the_first_preview_takes_the_engine_started_with_the_application(
    qtbot: QtBot, app_context: AppContext
) -> None:
    start_preview_engine()  # as the application does before it builds the window
    started = preview_engine._started
    assert started is not None and started.page is not None
    page, profile = started.page, started.profile
    window = build_main_window(app_context, prompter=ScriptedPrompter())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    area = window.area("compose")
    assert isinstance(area, ComposeArea)
    assert spin(area.preview.has_view)
    assert area.preview.page is page
    assert area.preview.page.profile() is profile
    assert take_started_engine() is None  # taken once
    area.load_campaign(good_campaign(html="<p>Hola desde el motor temprano</p>"))
    assert wait_preview_contains(area, "Hola desde el motor temprano")
    window.close()


def test_a_document_asked_for_while_the_empty_one_loads_is_shown_next(qtbot: QtBot) -> None:
    start_preview_engine()
    engine = take_started_engine()
    assert engine is not None and engine.loading
    holder = QWidget()
    web = PreviewWeb(
        engine.profile,
        engine.handler,
        holder,
        page=engine.page,
        page_loading=WARM_GENERATION,
    )
    engine.page = None  # the view owns it now
    rendered: list[int] = []
    web.rendered.connect(rendered.append)
    web.show_document(0, "<p>primero</p>")
    assert not web.is_idle()
    with qtbot.waitSignal(web.rendered, timeout=30_000):
        pass
    assert rendered == [0]  # the empty document is never reported
    assert spin(web.is_idle)
    shiboken6.delete(web.view)  # and its page
    shiboken6.delete(holder)
    release(engine)
