"""The live preview: a sandboxed QtWebEngine view, created lazily, plus text views.

Modes: desktop width, mobile width (375 px), the plain-text part, and the raw headers.
The web view runs no JavaScript, follows no navigation (a clicked link is offered to the
system browser after confirmation), loads nothing remote unless allowed for this message,
and keeps its scroll position across updates. Documents come through the preview's URL
scheme, so size is not limited by ``setHtml``'s 2 MB.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import weakref
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.ui.compose.scheme import SCHEME, document_url
from teenvio_desktop.ui.prompter import DialogPrompter, Prompter

if TYPE_CHECKING:  # imported on first use at run time (QtWebEngine is slow to load)
    from PySide6.QtWebEngineCore import QWebEngineProfile
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from teenvio_desktop.ui.compose.scheme import PreviewSchemeHandler, RemoteContentBlocker

MOBILE_WIDTH = 375
MODES = ("desktop", "mobile", "text", "headers")


def _web_classes() -> tuple[Any, Any, Any, Any, Any]:
    # Imported on first use: loading QtWebEngine costs start-up time.
    from PySide6.QtWebEngineCore import (
        QWebEnginePage,
        QWebEngineProfile,
        QWebEngineScript,
        QWebEngineSettings,
    )
    from PySide6.QtWebEngineWidgets import QWebEngineView

    return QWebEnginePage, QWebEngineProfile, QWebEngineScript, QWebEngineSettings, QWebEngineView


@functools.cache
def _make_page_class():  # type: ignore[no-untyped-def]
    QWebEnginePage = _web_classes()[0]

    class PreviewPage(QWebEnginePage):  # type: ignore[misc, valid-type]
        """Allows only the preview's own documents; reports clicked links instead."""

        link_clicked = Signal(QUrl)

        def acceptNavigationRequest(self, url: QUrl, nav_type, is_main_frame: bool) -> bool:  # type: ignore[no-untyped-def]
            if url.scheme() == SCHEME and url.host() == "doc":
                return True
            if nav_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
                self.link_clicked.emit(url)
            return False

    return PreviewPage


_live_panes: weakref.WeakSet[PreviewPane] = weakref.WeakSet()


@atexit.register
def _release_all() -> None:
    # Windows still alive at exit are torn down by the interpreter in no particular order;
    # delete the browsers first, while Qt is intact.
    for pane in list(_live_panes):
        with contextlib.suppress(RuntimeError):  # its C++ side is already gone
            pane.release()


def _ignore_result(_result: object) -> None:
    return None


class PreviewPane(QWidget):
    """Shows what will be sent; ``rendered`` fires after each document finished loading."""

    rendered = Signal(int)  # generation
    allow_images_changed = Signal(bool)
    view_created = Signal()

    def __init__(self, parent: QWidget | None = None, *, prompter: Prompter | None = None) -> None:
        super().__init__(parent)
        self.prompter: Prompter = prompter or DialogPrompter()
        self.view: QWebEngineView | None = None  # created by ensure_view()
        self.page: Any = None  # the preview's QWebEnginePage subclass
        self._handler: PreviewSchemeHandler | None = None
        self._blocker: RemoteContentBlocker | None = None
        self._profile: QWebEngineProfile | None = None
        self._pending: tuple[int, str] | None = None
        self._scroll = QPointF(0, 0)
        self._loading_generation = -1
        self.rendered_generation = -1

        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QToolButton] = {}
        toolbar = QHBoxLayout()
        labels = {
            "desktop": self.tr("Desktop"),
            "mobile": self.tr("Mobile"),
            "text": self.tr("Plain text"),
            "headers": self.tr("Headers"),
        }
        for index, mode in enumerate(MODES):
            button = QToolButton()
            button.setText(labels[mode])
            button.setCheckable(True)
            button.setObjectName(f"preview_mode_{mode}")
            self.mode_group.addButton(button, index)
            self.mode_buttons[mode] = button
            toolbar.addWidget(button)
        self.mode_buttons["desktop"].setChecked(True)
        toolbar.addStretch(1)
        self.images_button = QToolButton()
        self.images_button.setText(self.tr("Load images"))
        self.images_button.setToolTip(
            self.tr(
                "Remote images are blocked (they tell the sender you looked). Load them "
                "for this message only."
            )
        )
        self.images_button.setCheckable(True)
        self.images_button.setObjectName("allow_images")
        self.images_button.toggled.connect(self._on_allow_images)
        self.blocked_label = QLabel()
        self.blocked_label.setMinimumWidth(0)
        self.blocked_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(self.blocked_label)
        toolbar.addWidget(self.images_button)

        self.web_holder = QWidget()
        self._web_layout = QHBoxLayout(self.web_holder)
        self._web_layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QLabel(self.tr("The preview appears here."))
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._web_layout.addWidget(self._placeholder)
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setObjectName("preview_text")
        self.text_view.setAccessibleName(self.tr("Plain-text preview"))
        self.headers_view = QPlainTextEdit()
        self.headers_view.setReadOnly(True)
        self.headers_view.setObjectName("preview_headers")
        self.headers_view.setAccessibleName(self.tr("Headers to be sent"))
        self.headers_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.stack = QStackedWidget()
        for widget in (self.web_holder, self.text_view, self.headers_view):
            self.stack.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(toolbar)
        layout.addWidget(self.stack, 1)
        self.mode_group.idClicked.connect(lambda i: self.set_mode(MODES[i]))

    # -- modes -----------------------------------------------------------------------------
    def mode(self) -> str:
        return MODES[max(0, self.mode_group.checkedId())]

    def set_mode(self, mode: str) -> None:
        self.mode_buttons[mode].setChecked(True)
        if mode in ("desktop", "mobile"):
            self.stack.setCurrentWidget(self.web_holder)
            if self.view is not None:
                self.view.setMaximumWidth(MOBILE_WIDTH if mode == "mobile" else 16_777_215)
                if mode == "mobile":
                    self.view.setMinimumWidth(MOBILE_WIDTH)
                else:
                    self.view.setMinimumWidth(0)
        elif mode == "text":
            self.stack.setCurrentWidget(self.text_view)
        else:
            self.stack.setCurrentWidget(self.headers_view)

    # -- the web view, created on demand -------------------------------------------------
    def has_view(self) -> bool:
        return self.view is not None

    def ensure_view(self) -> None:
        if self.view is not None:
            return
        from teenvio_desktop.ui.compose.scheme import PreviewSchemeHandler, RemoteContentBlocker

        _page, QWebEngineProfile, _script, QWebEngineSettings, QWebEngineView = _web_classes()
        # A private, off-the-record profile: nothing is cached or stored on disk, and our
        # scheme handler and blocker do not leak into other web views.
        # No Qt parent: Qt would delete it with this pane's other children, possibly before
        # the page (a crash). Python keeps it until the page is gone (see release()).
        self._profile = QWebEngineProfile()
        self._handler = PreviewSchemeHandler(self._profile)
        self._profile.installUrlSchemeHandler(SCHEME.encode("ascii"), self._handler)
        self._blocker = RemoteContentBlocker(self._profile)
        self._blocker.allow_remote = self.images_button.isChecked()
        self._profile.setUrlRequestInterceptor(self._blocker)
        view = QWebEngineView(self.web_holder)
        # The page belongs to the view, which Qt deletes before the profile it uses.
        page = _make_page_class()(self._profile, view)
        _live_panes.add(self)
        settings = page.settings()
        attr = QWebEngineSettings.WebAttribute
        settings.setAttribute(attr.JavascriptEnabled, False)
        settings.setAttribute(attr.JavascriptCanOpenWindows, False)
        # Our scheme is "local"; remote loads are gated by RemoteContentBlocker instead.
        settings.setAttribute(attr.LocalContentCanAccessRemoteUrls, True)
        settings.setAttribute(attr.PluginsEnabled, False)
        settings.setAttribute(attr.AutoLoadImages, True)
        settings.setAttribute(attr.NavigateOnDropEnabled, False)
        page.link_clicked.connect(self._on_link_clicked)
        page.loadFinished.connect(self._on_load_finished)
        view.setObjectName("preview_web")
        view.setPage(page)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        view.setAcceptDrops(False)
        self._web_layout.removeWidget(self._placeholder)
        self._placeholder.hide()
        self._web_layout.addStretch(0)
        self._web_layout.addWidget(view, 1)
        self._web_layout.addStretch(0)
        self.view, self.page = view, page
        self.set_mode(self.mode())
        self.view_created.emit()
        if self._pending is not None:
            generation, html = self._pending
            self._pending = None
            self.show_document(generation, html)

    def release(self) -> None:
        """Delete the browser in the order QtWebEngine requires: page first, then profile."""
        import shiboken6

        view, profile = self.view, self._profile
        self.view = self.page = self._handler = self._blocker = self._profile = None
        if view is not None and shiboken6.isValid(view):
            shiboken6.delete(view)  # and the page, its child
        if profile is not None and shiboken6.isValid(profile):
            shiboken6.delete(profile)
        _live_panes.discard(self)

    # -- content ---------------------------------------------------------------------------
    def set_images(self, images: dict[str, tuple[str, bytes]]) -> None:
        self._image_data = images
        if self._handler is not None:
            self._handler.set_images(images)

    def show_document(self, generation: int, html: str) -> None:
        """Load a sanitised document; ``rendered(generation)`` fires when it is shown."""
        if self.view is None or self.page is None or self._handler is None:
            self._pending = (generation, html)
            return
        self._handler.set_images(getattr(self, "_image_data", {}))
        if self.rendered_generation >= 0 and self.rendered_generation == self._loading_generation:
            # Only a finished page knows where the reader was.
            self._scroll = self.page.scrollPosition()
        self._handler.set_document(html)
        self._loading_generation = generation
        self.page.setUrl(document_url(generation))

    def _on_load_finished(self, ok: bool) -> None:
        if self.page is None or not ok:  # not ok: replaced by a newer document meanwhile
            return
        if self._scroll.x() or self._scroll.y():
            QWebEngineScript = _web_classes()[2]
            # Page scripts are off; this runs in the isolated application world.
            self.page.runJavaScript(
                f"window.scrollTo({self._scroll.x():.0f}, {self._scroll.y():.0f}); 0",
                QWebEngineScript.ScriptWorldId.ApplicationWorld,
                _ignore_result,  # PySide 6.12 crashes on runJavaScript without a callback
            )
        self.rendered_generation = self._loading_generation
        self.rendered.emit(self._loading_generation)

    def set_plain_text(self, text: str) -> None:
        if self.text_view.toPlainText() != text:
            self.text_view.setPlainText(text)

    def set_headers(self, headers: str) -> None:
        if self.headers_view.toPlainText() != headers:
            self.headers_view.setPlainText(headers)

    def set_blocked_count(self, count: int) -> None:
        if count and not self.images_button.isChecked():
            self.blocked_label.setText(
                self.tr("{count} remote image(s) blocked").format(count=count)
            )
        else:
            self.blocked_label.clear()

    def is_idle(self) -> bool:
        """The latest document has finished loading (its images were asked for or not)."""
        return (
            self.page is not None
            and self._pending is None
            and self.rendered_generation == self._loading_generation
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
