"""The preview's browser, started before the window is built.

Chromium starts its processes in the background, but only once a page begins to load.
Starting the preview's private profile and page right after the application exists, with
an empty document loading, lets that start overlap the import and building of the
composer; the preview pane then takes this profile and page instead of creating its own.
"""

from __future__ import annotations

import atexit
import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from teenvio_desktop.ui.compose.preview_web import new_page, web_classes
from teenvio_desktop.ui.compose.scheme import (
    SCHEME,
    PreviewSchemeHandler,
    RemoteContentBlocker,
    document_url,
)

if TYPE_CHECKING:
    from PySide6.QtWebEngineCore import QWebEngineProfile

WARM_GENERATION = -2  # the empty document's generation: never reported as rendered


@dataclass
class PreviewEngine:
    """A private profile with the preview's scheme handler and blocker, and a page."""

    profile: QWebEngineProfile
    handler: PreviewSchemeHandler
    blocker: RemoteContentBlocker
    page: Any = None  # a PreviewPage with no view yet, or None once a view took it
    loading: bool = False  # the empty document has not finished loading


def create_engine() -> PreviewEngine:
    QWebEngineProfile = web_classes()[1]
    # A private, off-the-record profile: nothing is cached or stored on disk, and the
    # scheme handler and blocker do not leak into other web views. No Qt parent: Qt could
    # delete it before its pages (a crash); it is deleted after them (see release()).
    profile = QWebEngineProfile()
    handler = PreviewSchemeHandler(profile)
    profile.installUrlSchemeHandler(SCHEME.encode("ascii"), handler)
    blocker = RemoteContentBlocker(profile)
    profile.setUrlRequestInterceptor(blocker)
    return PreviewEngine(profile, handler, blocker)


_started: PreviewEngine | None = None


def start_preview_engine() -> None:
    """Create the preview's profile and page and start loading an empty document."""
    global _started
    if _started is not None:
        return
    engine = create_engine()
    page = engine.page = new_page(engine.profile, None)
    engine.loading = True

    def finished(_ok: bool) -> None:
        engine.loading = False
        page.loadFinished.disconnect(finished)

    page.loadFinished.connect(finished)
    engine.handler.set_document("")
    page.setUrl(document_url(WARM_GENERATION))
    _started = engine


def take_started_engine() -> PreviewEngine | None:
    """The engine started early, for the first preview pane that asks (then None)."""
    global _started
    engine, _started = _started, None
    return engine


@atexit.register
def _release_unused() -> None:
    # Started but never shown (the window closed first): page before profile, while Qt
    # is intact.
    engine = take_started_engine()
    if engine is not None:
        release(engine)


def release(engine: PreviewEngine) -> None:
    import shiboken6

    with contextlib.suppress(RuntimeError):  # its C++ side is already gone
        if engine.page is not None and shiboken6.isValid(engine.page):
            shiboken6.delete(engine.page)
        if shiboken6.isValid(engine.profile):
            shiboken6.delete(engine.profile)
    engine.page = None
