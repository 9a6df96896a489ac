"""The live preview: sandboxed QtWebEngine views, created lazily, plus text views.

Views: desktop width, mobile width (375 px), the plain-text part, and the raw headers;
conditions, combinable: dark mode (the message's own styles, or forced as clients
recolour it, optionally beside the light version), images off, and as Teenvio will send
it. The web views run no JavaScript, follow no navigation (a clicked link is offered to
the system browser after confirmation), load nothing remote unless allowed for this
message, and keep their scroll position across updates. Documents come through the
preview's URL scheme, so size is not limited by ``setHtml``'s 2 MB.
"""

from __future__ import annotations

import atexit
import contextlib
import weakref
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.preview_modes import PreviewModes
from teenvio_desktop.ui.compose.preview_modes_bar import VIEWS, PreviewModeBar
from teenvio_desktop.ui.compose.preview_web import PreviewWeb
from teenvio_desktop.ui.prompter import DialogPrompter, Prompter

if TYPE_CHECKING:  # imported on first use at run time (QtWebEngine is slow to load)
    from PySide6.QtWebEngineCore import QWebEngineProfile
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from teenvio_desktop.ui.compose.scheme import PreviewSchemeHandler, RemoteContentBlocker

MOBILE_WIDTH = 375
MODES = VIEWS  # the views' names, as the tests and the self-test know them
LIGHT_VARIANT = "light"

_live_panes: weakref.WeakSet[PreviewPane] = weakref.WeakSet()


@atexit.register
def _release_all() -> None:
    # Windows still alive at exit are torn down by the interpreter in no particular order;
    # delete the browsers first, while Qt is intact.
    for pane in list(_live_panes):
        with contextlib.suppress(RuntimeError):  # its C++ side is already gone
            pane.release()


def _column(caption: QLabel) -> tuple[QWidget, QVBoxLayout]:
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
    caption.hide()
    layout.addWidget(caption)
    return column, layout


class PreviewPane(QWidget):
    """Shows what will be sent; ``rendered`` fires after each document finished loading."""

    rendered = Signal(int)  # generation (the main view)
    allow_images_changed = Signal(bool)
    modes_changed = Signal()  # dark mode, images off, as Teenvio, side by side
    view_created = Signal()

    def __init__(self, parent: QWidget | None = None, *, prompter: Prompter | None = None) -> None:
        super().__init__(parent)
        self.prompter: Prompter = prompter or DialogPrompter()
        self.web: PreviewWeb | None = None  # created by ensure_view()
        self.light_web: PreviewWeb | None = None  # beside dark mode, on request
        self._handler: PreviewSchemeHandler | None = None
        self._blocker: RemoteContentBlocker | None = None
        self._profile: QWebEngineProfile | None = None
        self._pending: tuple[int, str, str | None] | None = None
        self._image_data: dict[str, tuple[str, bytes]] = {}

        self.bar = PreviewModeBar()
        self.mode_buttons = self.bar.view_buttons
        self.images_button = self.bar.images_button
        self.blocked_label = self.bar.blocked_label
        self.bar.view_changed.connect(self.set_mode)
        self.bar.modes_changed.connect(self._on_modes_changed)
        self.bar.allow_images_toggled.connect(self._on_allow_images)

        self.subject_label = QLabel()
        self.subject_label.setObjectName("preview_subject")
        self.subject_label.setAccessibleName(self.tr("Subject as the recipient sees it"))
        self.subject_label.setWordWrap(True)
        self.subject_label.setTextFormat(Qt.TextFormat.PlainText)
        self.subject_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # What the chosen conditions show, in a line; what they approximate, on request.
        self.notes_label = QLabel()
        self.notes_label.setObjectName("preview_notes")
        self.notes_label.setAccessibleName(self.tr("What the preview shows"))
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notes_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.details_button = QToolButton()
        self.details_button.setObjectName("preview_notes_details")
        self.details_button.setText(self.tr("Details"))
        self.details_button.setAccessibleName(self.tr("Details of the preview's conditions"))
        self.details_button.setCheckable(True)
        self.details_label = QLabel()
        self.details_label.setObjectName("preview_notes_text")
        self.details_label.setWordWrap(True)
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.details_label.hide()
        self.details_button.toggled.connect(self.details_label.setVisible)
        self.notes_row = QWidget()
        notes_layout = QHBoxLayout(self.notes_row)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.addWidget(self.notes_label, 1)
        notes_layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        self.notes_row.hide()

        self.web_holder = QWidget()
        self._web_layout = QHBoxLayout(self.web_holder)
        self._web_layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QLabel(self.tr("The preview appears here."))
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._web_layout.addWidget(self._placeholder)
        self.light_caption = QLabel(self.tr("Light"))
        self.dark_caption = QLabel(self.tr("Dark"))
        self._light_column, self._light_layout = _column(self.light_caption)
        self._main_column, self._main_layout = _column(self.dark_caption)
        self._light_column.hide()
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setObjectName("preview_text")
        self.text_view.setAccessibleName(self.tr("Plain-text part as sent"))
        self.headers_view = QPlainTextEdit()
        self.headers_view.setReadOnly(True)
        self.headers_view.setObjectName("preview_headers")
        self.headers_view.setAccessibleName(self.tr("Message headers as sent"))
        self.headers_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.stack = QStackedWidget()
        for widget in (self.web_holder, self.text_view, self.headers_view):
            self.stack.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.bar)
        layout.addWidget(self.notes_row)
        layout.addWidget(self.details_label)
        layout.addWidget(self.subject_label)
        layout.addWidget(self.stack, 1)

    # -- views and conditions ----------------------------------------------------------
    def mode(self) -> str:
        return self.bar.view()

    def set_mode(self, mode: str) -> None:
        self.mode_buttons[mode].setChecked(True)
        if mode in ("desktop", "mobile"):
            self.stack.setCurrentWidget(self.web_holder)
            self._apply_width()
        elif mode == "text":
            self.stack.setCurrentWidget(self.text_view)
        else:
            self.stack.setCurrentWidget(self.headers_view)

    def _apply_width(self) -> None:
        mobile = self.mode() == "mobile"
        for web in (self.web, self.light_web):
            if web is not None:
                web.view.setMaximumWidth(MOBILE_WIDTH if mobile else 16_777_215)
                web.view.setMinimumWidth(MOBILE_WIDTH if mobile else 0)

    def preview_modes(self) -> PreviewModes:
        return self.bar.modes()

    def side_by_side(self) -> bool:
        return self.bar.side_by_side()

    def _on_modes_changed(self) -> None:
        beside = self.side_by_side()
        self._light_column.setVisible(beside)
        self.light_caption.setVisible(beside)
        self.dark_caption.setVisible(beside)
        if beside and self.web is not None:
            self._ensure_light()
        self.modes_changed.emit()

    # -- the web views, created on demand ------------------------------------------------
    @property
    def view(self) -> QWebEngineView | None:
        return self.web.view if self.web is not None else None

    @property
    def page(self) -> Any:
        return self.web.page if self.web is not None else None

    @property
    def rendered_generation(self) -> int:
        return self.web.rendered_generation if self.web is not None else -1

    def has_view(self) -> bool:
        return self.web is not None

    def ensure_view(self) -> None:
        if self.web is not None:
            return
        from teenvio_desktop.ui.compose.preview_engine import (
            WARM_GENERATION,
            create_engine,
            take_started_engine,
        )

        # The engine started with the application (its page already loading), or a new one.
        engine = take_started_engine() or create_engine()
        self._profile, self._handler, self._blocker = engine.profile, engine.handler, engine.blocker
        self._handler.set_images(self._image_data)
        self._blocker.allow_remote = self.images_button.isChecked()
        page, engine.page = engine.page, None
        web = PreviewWeb(
            self._profile,
            self._handler,
            self._main_column,
            accessible_name=self.tr("Preview"),
            page=page,
            page_loading=WARM_GENERATION if page is not None and engine.loading else -1,
        )
        web.rendered.connect(self.rendered)
        web.link_clicked.connect(self._on_link_clicked)
        _live_panes.add(self)
        self._main_layout.addWidget(web.view, 1)
        self._web_layout.removeWidget(self._placeholder)
        self._placeholder.hide()
        self._web_layout.addStretch(0)
        self._web_layout.addWidget(self._light_column, 1)
        self._web_layout.addWidget(self._main_column, 1)
        self._web_layout.addStretch(0)
        self.web = web
        if self.side_by_side():
            self._ensure_light()
        self.set_mode(self.mode())
        self.view_created.emit()
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.show_document(*pending)

    def _ensure_light(self) -> None:
        if self.light_web is not None or self._profile is None or self._handler is None:
            return
        light = PreviewWeb(
            self._profile,
            self._handler,
            self._light_column,
            variant=LIGHT_VARIANT,
            accessible_name=self.tr("Preview in light mode"),
        )
        light.link_clicked.connect(self._on_link_clicked)
        self._light_layout.addWidget(light.view, 1)
        self.light_web = light
        self._apply_width()

    def release(self) -> None:
        """Delete the browsers in the order QtWebEngine requires: pages first, then profile."""
        import shiboken6

        webs, profile = (self.web, self.light_web), self._profile
        self.web = self.light_web = None
        self._handler = self._blocker = self._profile = None
        for web in webs:
            if web is not None and shiboken6.isValid(web.view):
                shiboken6.delete(web.view)  # and its page, a child
        if profile is not None and shiboken6.isValid(profile):
            shiboken6.delete(profile)
        _live_panes.discard(self)

    # -- content ---------------------------------------------------------------------------
    def set_images(self, images: dict[str, tuple[str, bytes]]) -> None:
        self._image_data = images
        if self._handler is not None:
            self._handler.set_images(images)

    def show_document(self, generation: int, html: str, light_html: str | None = None) -> None:
        """Load a sanitised document (and its light version beside it, when shown)."""
        if self.web is None:
            self._pending = (generation, html, light_html)
            return
        self.web.show_document(generation, html)
        if light_html is not None:
            self._ensure_light()
            assert self.light_web is not None
            self.light_web.show_document(generation, light_html)

    def set_plain_text(self, text: str) -> None:
        if self.text_view.toPlainText() != text:
            self.text_view.setPlainText(text)

    def set_headers(self, headers: str) -> None:
        if self.headers_view.toPlainText() != headers:
            self.headers_view.setPlainText(headers)

    def set_subject(self, subject: str, *, personalised_for: str = "") -> None:
        if personalised_for:
            text = self.tr("Subject for {recipient}: {subject}").format(
                recipient=personalised_for, subject=subject
            )
        else:
            text = self.tr("Subject: {subject}").format(subject=subject)
        self.subject_label.setText(text)

    def set_notes(self, summary: list[str], details: list[str]) -> None:
        """What the conditions show (a line above the preview) and what they approximate."""
        self.notes_label.setText(" · ".join(summary))
        self.details_label.setText("\n".join(details))
        self.notes_row.setVisible(bool(summary))
        self.details_button.setVisible(bool(details))
        self.details_label.setVisible(bool(details) and self.details_button.isChecked())

    def notes(self) -> list[str]:
        """The explanations behind the line above the preview."""
        text = self.details_label.text()
        return text.split("\n") if text else []

    def set_blocked_count(self, count: int) -> None:
        if count and not self.images_button.isChecked():
            self.blocked_label.setText(self.tr("%n remote image(s) blocked", "", count))
        else:
            self.blocked_label.clear()

    def is_idle(self) -> bool:
        """The latest documents have finished loading (their images were asked for or not)."""
        return (
            self.web is not None
            and self._pending is None
            and self.web.is_idle()
            and (self.light_web is None or self.light_web.is_idle())
        )

    def allow_images(self) -> bool:
        return self.images_button.isChecked()

    def reset_allow_images(self) -> None:
        """Each message starts with remote images blocked."""
        self.images_button.setChecked(False)

    def _on_allow_images(self, allowed: bool) -> None:
        if self._blocker is not None:
            self._blocker.allow_remote = allowed
        self.allow_images_changed.emit(allowed)

    def _on_link_clicked(self, url: QUrl) -> None:
        if url.scheme() not in ("http", "https", "mailto"):
            return
        question = self.tr("Open this link in your web browser?\n\n{url}").format(
            url=url.toDisplayString()
        )
        if not self.prompter.confirm(self, self.tr("Open link"), question):
            return
        QDesktopServices.openUrl(url)
