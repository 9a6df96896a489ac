"""The Qt application object: its environment, identity and icon."""

from __future__ import annotations

import os
import sys
from importlib import resources

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from teenvio_desktop import APP_ID, APP_NAME, __version__

# Background work (the preview's sanitiser, the checks) runs Python for long stretches, and
# each Qt-to-Python call of a keystroke waits for the GIL to be handed back: up to the
# switch interval (5 ms by default) each time. A shorter interval keeps typing smooth.
GIL_SWITCH_INTERVAL_S = 0.001


def prepare_qt_environment() -> None:
    """Settings Qt reads before the application object exists."""
    # Chromium refuses to run its sandbox as root (containers, CI); it must be told.
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    # QtWebEngine is created lazily, after the application: this must be set first.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    # The composer preview's URL scheme must be known before the application exists.
    from teenvio_desktop.ui.compose.scheme import register_preview_scheme

    register_preview_scheme()


def create_application(argv: list[str] | None = None) -> QApplication:
    prepare_qt_environment()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else None
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("Teenvio")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(application_icon())
    from teenvio_desktop.ui.gc_guard import install_gui_thread_gc

    install_gui_thread_gc(app)
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    return app


def application_icon() -> QIcon:
    """The app's icon for windows, taskbar and dialogs (rendered by packaging/render_icons.py)."""
    icon = QIcon()
    folder = resources.files("teenvio_desktop.ui") / "icons"
    for size in (16, 32, 48, 64, 128, 256):
        # Read the bytes (not a path): works from a wheel, a zip and the frozen bundle alike.
        pixmap = QPixmap()
        if pixmap.loadFromData((folder / f"teenvio-desktop-{size}.png").read_bytes(), "PNG"):
            icon.addPixmap(pixmap)
    return icon
