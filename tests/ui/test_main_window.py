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


def test_start_up_offers_to_resume_a_half_sent_campaign(
    qtbot: QtBot, app_context: AppContext
) -> None:
    from PySide6.QtWidgets import QApplication

    from teenvio_desktop.core.campaign import Campaign
    from teenvio_desktop.core.outbox import Recipient, create_rest_campaign
    from teenvio_desktop.ui.app import offer_to_resume_unfinished_work
    from teenvio_desktop.ui.rest_send import ResumeCampaignsDialog

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
    offer_to_resume_unfinished_work(window, app_context)

    def offered() -> list[ResumeCampaignsDialog]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, ResumeCampaignsDialog)]

    qtbot.waitUntil(lambda: len(offered()) == 1, timeout=5_000)
    offered()[0].reject()
    window.close()
