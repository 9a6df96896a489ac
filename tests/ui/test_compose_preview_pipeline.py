"""How the preview keeps up with typing: a burst of keys makes one render, an edit cleans
only its piece of the document, and the checks never wait on a page that keeps loading."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.sanitize import SHARED_PIECES
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.compose.area import ComposeArea
from teenvio_desktop.ui.main_window import MainWindow
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
from tests.core.quality.link_server import LinkServer
from tests.helpers.compose import good_campaign, spin, wait_analysis_settled, wait_preview_contains

pytestmark = pytest.mark.timeout(180)

ROWS = "".join(
    f"<tr><td style='color:#333'>Fila {n}</td><td><a href='https://example.com/{n}'>"
    f"enlace {n}</a></td></tr>\n"
    for n in range(400)
)
BIG = f"<html><body><table>{ROWS}</table><p>Fin</p></body></html>"


@pytest.fixture
def area(qtbot: QtBot, app_context: AppContext) -> Iterator[ComposeArea]:
    window: MainWindow = build_main_window(app_context, prompter=ScriptedPrompter())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    composer = window.area("compose")
    assert isinstance(composer, ComposeArea)
    assert spin(composer.preview.has_view)
    yield composer
    window.close()


def test_a_burst_of_keys_is_one_render_and_only_its_piece_is_cleaned(
    qtbot: QtBot, area: ComposeArea
) -> None:
    area.load_campaign(good_campaign(html=BIG))
    assert wait_analysis_settled(area, 60)
    editor = area.editors.html_editor
    cursor = editor.document().find("Fin")
    cursor.clearSelection()  # the cursor stays after the word
    editor.setTextCursor(cursor)
    editor.setFocus()
    renders: list[object] = []
    area.previewing.previewed.connect(renders.append)
    cleaned_before = SHARED_PIECES.misses
    qtbot.keyClicks(editor, " de la tabla")
    assert wait_preview_contains(area, "Fin de la tabla")
    assert len(renders) == 1  # the keys of one burst, rendered once
    assert SHARED_PIECES.misses - cleaned_before <= 2  # the edited piece, not 40 KB


def test_the_checks_do_not_wait_for_a_page_that_keeps_loading(area: ComposeArea) -> None:
    with LinkServer() as server:
        image = f'<img src="{server.base}/slow" alt="x">'
        html = f"<html><body><p>Con imagen lenta</p>{image}</body></html>"
        area.load_campaign(good_campaign(html=html))
        area.preview.images_button.click()  # remote images allowed: the page waits for it
        assert spin(server.slow_arrived.is_set, 30)
        assert not area.preview.is_idle()
        area.fields.subject.setText("")
        assert spin(lambda: "empty_subject" in area.checks_panel.codes(), 30)
        assert not area.preview.is_idle()  # the page is still loading its image
        server.release_slow()
        assert wait_analysis_settled(area, 60)
