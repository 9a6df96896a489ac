"""One sandboxed QtWebEngine view of the preview, and how documents reach it.

The page runs no JavaScript, follows no navigation (a clicked link is reported instead),
and keeps its scroll position across updates. A document that arrives while another is
still loading waits, and only the newest waiting one is loaded next: while the user types,
the view shows each finished page instead of restarting a load on every keystroke.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPointF, Qt, QUrl, Signal
from PySide6.QtWidgets import QWidget

from teenvio_desktop.ui.compose.scheme import SCHEME, document_url

if TYPE_CHECKING:  # imported on first use at run time (QtWebEngine is slow to load)
    from PySide6.QtWebEngineCore import QWebEngineProfile
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from teenvio_desktop.ui.compose.scheme import PreviewSchemeHandler


def web_classes() -> tuple[Any, Any, Any, Any, Any]:
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
def _page_class():  # type: ignore[no-untyped-def]
    QWebEnginePage = web_classes()[0]

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


def new_page(profile: QWebEngineProfile, parent: QObject | None) -> Any:
    """A preview page: no scripts, no plugins, no navigation but the preview's own."""
    QWebEngineSettings = web_classes()[3]
    page = _page_class()(profile, parent)
    settings = page.settings()
    attr = QWebEngineSettings.WebAttribute
    settings.setAttribute(attr.JavascriptEnabled, False)
    settings.setAttribute(attr.JavascriptCanOpenWindows, False)
    # Our scheme is "local"; remote loads are gated by RemoteContentBlocker instead.
    settings.setAttribute(attr.LocalContentCanAccessRemoteUrls, True)
    settings.setAttribute(attr.PluginsEnabled, False)
    settings.setAttribute(attr.AutoLoadImages, True)
    settings.setAttribute(attr.NavigateOnDropEnabled, False)
    return page


def _ignore_result(_result: object) -> None:
    return None


class PreviewWeb(QObject):
    """A view of preview documents of one ``variant`` (served by ``handler``)."""

    rendered = Signal(int)  # the generation now shown
    link_clicked = Signal(QUrl)

    def __init__(
        self,
        profile: QWebEngineProfile,
        handler: PreviewSchemeHandler,
        parent_widget: QWidget,
        *,
        variant: str = "",
        accessible_name: str = "",
        page: Any = None,
        page_loading: int = -1,
    ) -> None:
        """``page``: one made by :func:`new_page` earlier, still loading the document of
        generation ``page_loading`` (-1: none), or None for a new page."""
        super().__init__(parent_widget)
        view_class = web_classes()[4]
        self._handler = handler
        self._variant = variant
        view = view_class(parent_widget)
        # The page belongs to the view, which Qt deletes before the profile it uses.
        if page is None:
            page = new_page(profile, view)
        else:
            page.setParent(view)
        page.link_clicked.connect(self.link_clicked)
        page.loadFinished.connect(self._on_load_finished)
        view.setObjectName(f"preview_web_{variant}" if variant else "preview_web")
        view.setAccessibleName(accessible_name)
        view.setPage(page)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        view.setAcceptDrops(False)
        self.view: QWebEngineView = view
        self.page: Any = page
        self._pending: tuple[int, str] | None = None
        self._loading = page_loading  # generation being loaded, -1 when none
        self._scroll = QPointF(0, 0)
        self.rendered_generation = -1

    def show_document(self, generation: int, html: str) -> None:
        """Load ``html``; ``rendered(generation)`` fires once it is shown."""
        if self._loading != -1:
            self._pending = (generation, html)  # replaces an older waiting document
            return
        if self.rendered_generation >= 0:
            self._scroll = self.page.scrollPosition()  # only a finished page knows it
        self._handler.set_document(html, self._variant)
        self._loading = generation
        self.page.setUrl(document_url(generation, self._variant))

    def is_idle(self) -> bool:
        return self._loading == -1 and self._pending is None

    def _on_load_finished(self, ok: bool) -> None:
        generation, self._loading = self._loading, -1
        if ok and generation >= 0:
            if self._scroll.x() or self._scroll.y():
                QWebEngineScript = web_classes()[2]
                # Page scripts are off; this runs in the isolated application world.
                self.page.runJavaScript(
                    f"window.scrollTo({self._scroll.x():.0f}, {self._scroll.y():.0f}); 0",
                    QWebEngineScript.ScriptWorldId.ApplicationWorld,
                    _ignore_result,  # PySide 6.12 crashes on runJavaScript without a callback
                )
            self.rendered_generation = generation
            self.rendered.emit(generation)
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.show_document(*pending)
