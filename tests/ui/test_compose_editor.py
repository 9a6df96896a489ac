"""The composer as a user meets it: typing, the live preview, options, checks, actions."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui.areas import build_main_window
from teenvio_desktop.ui.compose.area import ComposeArea
from teenvio_desktop.ui.main_window import MainWindow
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
from tests.helpers.compose import (
    good_campaign,
    preview_text,
    run_js,
    spin,
    wait_analysis_settled,
    wait_preview_contains,
)

pytestmark = pytest.mark.timeout(120)
PNG_1x1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082"
)


@pytest.fixture
def window(qtbot: QtBot, app_context: AppContext) -> Iterator[MainWindow]:
    window = build_main_window(app_context, prompter=ScriptedPrompter())
    qtbot.addWidget(window)
    area = window.area("compose")
    assert isinstance(area, ComposeArea)
    window.show()
    qtbot.waitExposed(window)
    assert spin(area.preview.has_view), "the preview is created once the window is up"
    yield window
    window.close()


def add_html(area: ComposeArea, markup: str) -> None:
    area.editors.html_editor.appendPlainText(markup)


def compose(window: MainWindow) -> ComposeArea:
    area = window.area("compose")
    assert isinstance(area, ComposeArea)
    return area


def test_preview_is_created_lazily(qtbot: QtBot, app_context: AppContext) -> None:
    area = ComposeArea(app_context, prompter=ScriptedPrompter())
    qtbot.addWidget(area)
    assert not area.preview.has_view()  # nothing of QtWebEngine before it is shown
    area.show()
    assert spin(area.preview.has_view)


def test_typing_shows_in_the_preview(qtbot: QtBot, window: MainWindow) -> None:
    area = compose(window)
    editor = area.editors.html_editor
    editor.setFocus()
    qtbot.keyClicks(editor, "<h1>Hola mundo</h1><p>Primer p&aacute;rrafo</p>")
    assert wait_preview_contains(area, "Hola mundo")
    assert "Primer párrafo" in preview_text(area)
    qtbot.keyClicks(editor, "<p>Segunda linea</p>")
    assert wait_preview_contains(area, "Segunda linea")


def test_preview_runs_no_script_and_keeps_layout(window: MainWindow) -> None:
    area = compose(window)
    area.editors.html_editor.setPlainText(
        "<table id='t' width='300' style='border-collapse: collapse'><tr>"
        "<td style='padding: 12px; color: rgb(255, 0, 0)'>Celda</td></tr></table>"
        "<script>document.body.innerHTML = 'SCRIPT RAN'</script>"
        "<img src=x onerror=\"document.title='HANDLER RAN'\">"
        "<form><input value='campo'></form><p>fin</p>"
    )
    assert wait_preview_contains(area, "fin")
    text = preview_text(area)
    assert "Celda" in text and "SCRIPT RAN" not in text
    assert run_js(area, "document.title") != "HANDLER RAN"
    assert run_js(area, "document.forms.length + document.querySelectorAll('input').length") == 0
    assert run_js(area, "getComputedStyle(document.querySelector('td')).color") == "rgb(255, 0, 0)"
    assert run_js(area, "document.querySelector('table').getAttribute('width')") == "300"


def test_scroll_position_is_kept_across_updates(window: MainWindow) -> None:
    area = compose(window)
    body = "".join(f"<p style='height:40px'>línea {n}</p>" for n in range(300))
    area.editors.html_editor.setPlainText(body + "<p>FIN-1</p>")
    assert wait_preview_contains(area, "FIN-1")
    run_js(area, "window.scrollTo(0, 2000); window.scrollY")
    assert spin(lambda: area.preview.page.scrollPosition().y() >= 1999)
    area.editors.html_editor.setPlainText(body + "<p>FIN-2</p>")
    assert wait_preview_contains(area, "FIN-2")
    assert spin(lambda: abs(area.preview.page.scrollPosition().y() - 2000) < 2, 10)


def test_preview_modes(window: MainWindow) -> None:
    area = compose(window)
    window.resize(1400, 900)
    area.load_campaign(good_campaign())
    assert wait_preview_contains(area, "Novedades")
    area.preview.mode_buttons["mobile"].click()
    assert spin(lambda: area.preview.view.width() == 375)
    assert spin(lambda: run_js(area, "window.innerWidth") <= 375)
    area.preview.mode_buttons["desktop"].click()
    assert spin(lambda: area.preview.view.width() > 375)
    area.preview.mode_buttons["text"].click()
    assert area.preview.stack.currentWidget() is area.preview.text_view
    assert spin(lambda: "mira esto: https://example.com/a" in area.preview.text_view.toPlainText())
    area.preview.mode_buttons["headers"].click()
    assert area.preview.stack.currentWidget() is area.preview.headers_view
    assert spin(
        lambda: "Subject: Novedades de noviembre" in area.preview.headers_view.toPlainText()
    )


def test_documents_over_two_megabytes_still_preview(window: MainWindow) -> None:
    area = compose(window)
    filler = "<p>" + ("relleno " * 40) + "</p>\n"
    html = "<h1>INICIO</h1>" + filler * (2_300_000 // len(filler)) + "<p>FINAL-DEL-DOCUMENTO</p>"
    assert len(html.encode()) > 2 * 1024 * 1024
    area.editors.html_editor.setPlainText(html)
    assert wait_preview_contains(area, "FINAL-DEL-DOCUMENTO", 60)


class _Counter(BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self) -> None:
        type(self).hits += 1
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(PNG_1x1)

    def log_message(self, *args: object) -> None:
        pass


def test_remote_images_blocked_until_allowed(window: MainWindow) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        area = compose(window)
        url = f"http://127.0.0.1:{server.server_address[1]}/pixel.png"
        area.editors.html_editor.setPlainText(
            f"<p>Con imagen</p><img src='{url}'><div style=\"background: url('{url}?bg')\">x</div>"
        )
        assert wait_preview_contains(area, "Con imagen")
        assert spin(lambda: "1" in area.preview.blocked_label.text())
        # Loading ends after the page's images were requested: none reached the server.
        assert spin(area.preview.is_idle, 20)
        assert _Counter.hits == 0
        area.preview.images_button.click()
        assert spin(lambda: _Counter.hits >= 1, 20)
    finally:
        server.shutdown()
        server.server_close()


def test_clicked_link_opens_in_the_browser_only(window: MainWindow) -> None:
    opened: list[str] = []

    class Catcher(QObject):
        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            opened.append(url.toString())

    catcher = Catcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    try:
        area = compose(window)
        assert isinstance(area.prompter, ScriptedPrompter)  # says yes to "Open this link?"
        area.editors.html_editor.setPlainText(
            "<a id='l' href='https://example.com/oferta' style='display:block;width:300px;"
            "height:100px'>ENLACE</a>"
        )
        assert wait_preview_contains(area, "ENLACE")
        view = area.preview.view
        target = view.focusProxy() or view
        from PySide6.QtCore import QPoint
        from PySide6.QtTest import QTest

        QTest.mouseClick(
            target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(40, 30)
        )
        assert spin(lambda: opened == ["https://example.com/oferta"], 15)
        assert area.preview.page.url().scheme() == "teenvio-preview"  # did not navigate
        asked = [a for a in area.prompter.asked if a.kind == "confirm"]
        assert asked and "https://example.com/oferta" in asked[-1].text
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_every_option_shows_in_the_headers_at_once(window: MainWindow) -> None:
    area = compose(window)
    area.load_campaign(good_campaign())
    assert wait_analysis_settled(area)
    headers = area.preview.headers_view.toPlainText
    assert "X-Teenvio" not in headers()
    options = area.options
    for box, line in (
        (options.show_cab, "X-Teenvio-ShowCab: no"),
        (options.social_links, "X-Teenvio-SocialLinks: yes"),
        (options.tracking_opening, "X-Teenvio-TrackingOpening: no"),
        (options.tracking_clicks, "X-Teenvio-TrackingClicks: no"),
    ):
        box.click()
        assert line in headers()  # no waiting: the headers view follows at once
        box.click()
        assert line not in headers()
    assert options.language.currentData() == 3 and options.language.count() == 13
    for index in range(options.language.count()):
        options.language.setCurrentIndex(index)
        language = options.language.currentData()
        if language == 3:
            assert "X-Teenvio-Language" not in headers()
        else:
            assert f"X-Teenvio-Language: {language}" in headers()
    assert area.campaign().options.language == options.language.currentData()


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda a: a.editors.text_editor.setPlainText(""), "missing_text"),
        (lambda a: a.editors.html_editor.setPlainText(""), "missing_html"),
        (lambda a: a.fields.subject.setText(""), "empty_subject"),
        (lambda a: a.fields.addresses.setText(""), "no_recipients"),
        (lambda a: a.fields.sender_address.setEditText("intruso@example.org"),
         "sender_not_validated"),
        (lambda a: a.fields.reply_to.setEditText("otro@example.org"), "reply_to_not_validated"),
        (lambda a: add_html(a, '<img src="cid:nada">'), "cid_missing"),
        (lambda a: add_html(a, "<script>x()</script>"), "dropped_element"),
        (lambda a: add_html(a, '<a href="htp:/x">y</a>'), "malformed_link"),
        (lambda a: add_html(a, "<p>" + "z" * 110_000 + "</p>"), "gmail_clip"),
    ],
)  # fmt: skip
def test_checks_react_one_by_one(
    window: MainWindow, sandbox: object, change: object, code: str
) -> None:
    area = compose(window)
    area.context.sandbox = sandbox
    area.reload_sources()
    area.load_campaign(good_campaign(sender=sandbox.info.senders[0]))  # type: ignore[attr-defined]
    assert wait_analysis_settled(area)
    assert area.checks_panel.codes() == ["links_count"]
    assert area.commands.send.isEnabled()
    change(area)  # type: ignore[operator]
    assert spin(lambda: code in area.checks_panel.codes())
    error = any(c.severity == "error" for c in area.checks_panel.checks)
    assert wait_analysis_settled(area)
    assert area.commands.send.isEnabled() == (not error)


def test_size_meter_follows_the_transport_limit(window: MainWindow) -> None:
    area = compose(window)
    area.load_campaign(good_campaign())
    assert wait_analysis_settled(area)
    assert "of 500 KB" in area.checks_panel.meter.format()
    area.fields.transport.setCurrentIndex(area.fields.transport.findData("rest"))
    assert wait_analysis_settled(area)
    assert spin(lambda: "of 2048 KB" in area.checks_panel.meter.format())


def test_actions_generate_text_inline_css_insert_image(window: MainWindow, tmp_path: Path) -> None:
    area = compose(window)
    area.editors.html_editor.setPlainText(
        "<html><head><style>p { color: #123456 }</style></head><body>"
        "<p>Hola <a href='https://example.com/x'>enlace</a></p></body></html>"
    )
    area.content.generate_text()
    text = area.editors.text_editor.toPlainText()
    assert "Hola" in text and "https://example.com/x" in text
    area.editors.text_editor.undo()  # one undo step brings the old text back
    assert area.editors.text_editor.toPlainText() == ""
    # Over text the user wrote: one Undo (the window's action) brings all of it back.
    area.editors.text_editor.setFocus()
    area.editors.text_editor.insertPlainText("Mi texto\nescrito a mano")
    messages: list[str] = []
    area.status_message.connect(messages.append)
    area.content.generate_text()
    assert "Hola" in area.editors.text_editor.toPlainText()
    assert any("Ctrl+Z" in m for m in messages)
    area.commands.undo.trigger()
    assert area.editors.text_editor.toPlainText() == "Mi texto\nescrito a mano"
    area.content.inline_css()
    assert 'style="color: #123456;"' in area.editors.html_editor.toPlainText()
    image = tmp_path / "Logo Empresa.png"
    image.write_bytes(PNG_1x1)
    area.editors.html_editor.moveCursor(area.editors.html_editor.textCursor().MoveOperation.End)
    task = area.content.insert_images([image])
    assert spin(lambda: not task.is_running())
    assert '<img src="cid:logo-empresa"' in area.editors.html_editor.toPlainText()
    assert [i.cid for i in area.campaign().images] == ["logo-empresa"]
    assert wait_preview_contains(area, "Hola")
    assert spin(lambda: run_js(area, "document.images[0] && document.images[0].naturalWidth") == 1)


def test_find_and_replace(window: MainWindow) -> None:
    area = compose(window)
    area.editors.html_editor.setPlainText("<p>gato</p><p>Gato</p><p>gato</p>")
    area.editors.tabs.setCurrentWidget(area.editors.html_editor)
    window.findChild(type(area.commands.find), None)
    area.commands.find.trigger()
    bar = area.editors.find_bar
    assert bar.isVisible()
    bar.find_edit.setText("gato")
    bar.replace_edit.setText("perro")
    bar.case_box.setChecked(True)
    assert bar.replace_all() == 2
    assert area.editors.html_editor.toPlainText() == "<p>perro</p><p>Gato</p><p>perro</p>"
    area.editors.html_editor.undo()
    assert area.editors.html_editor.toPlainText() == "<p>gato</p><p>Gato</p><p>gato</p>"


def test_open_eml_file(window: MainWindow, tmp_path: Path) -> None:
    message = EmailMessage()
    message["Subject"] = "Boletín ñ"
    message["From"] = "Tienda <tienda@example.com>"
    message["X-Teenvio-Language"] = "4"
    message["X-Teenvio-ShowCab"] = "no"
    message.set_content("Texto plano")
    message.add_alternative('<p>HTML del correo <img src="cid:logo"></p>', subtype="html")
    message.get_payload()[1].add_related(PNG_1x1, "image", "png", cid="<logo>")
    path = tmp_path / "boletin.eml"
    path.write_bytes(bytes(message))
    area = compose(window)
    task = area.content.open_file(path)
    assert task is not None and spin(lambda: not task.is_running())
    campaign = area.campaign()
    assert campaign.subject == "Boletín ñ" and campaign.sender == "tienda@example.com"
    assert campaign.options.language == 4 and not campaign.options.show_cab
    assert [i.cid for i in campaign.images] == ["logo"]
    assert campaign.text.strip() == "Texto plano"
    assert area.document.is_dirty()
    assert wait_preview_contains(area, "HTML del correo")


def test_dropping_an_image_file_inserts_it_inline(window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData

    area = compose(window)
    image = tmp_path / "banner.png"
    image.write_bytes(PNG_1x1)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(image))])
    editor = area.editors.html_editor
    assert editor.canInsertFromMimeData(data)
    editor.insertFromMimeData(data)
    assert spin(lambda: '<img src="cid:banner"' in editor.toPlainText())
    assert [i.cid for i in area.campaign().images] == ["banner"]
    assert "banner" in area.attachments.list.item(0).text()
