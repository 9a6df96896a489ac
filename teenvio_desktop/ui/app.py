"""Starting the GUI: Qt environment, translators, the context, the main window."""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.paths import DataDir
from teenvio_desktop.core.recipients.cleanup import discard_abandoned_imports

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GuiOptions:
    data_dir: DataDir
    language: str | None = None
    sandbox: bool = False
    self_test: bool = False


def prepare_qt_environment() -> None:
    """Settings Qt reads before the application object exists."""
    # Chromium refuses to run its sandbox as root (containers, CI); it must be told.
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from PySide6.QtCore import QCoreApplication, Qt

    # QtWebEngine is created lazily, after the application: this must be set first.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    # The composer preview's URL scheme must be known before the application exists.
    from teenvio_desktop.ui.compose.scheme import register_preview_scheme

    register_preview_scheme()


def create_application(argv: list[str] | None = None):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from teenvio_desktop import APP_ID, APP_NAME, __version__

    prepare_qt_environment()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("Teenvio")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(application_icon())
    from teenvio_desktop.ui.gc_guard import install_gui_thread_gc

    install_gui_thread_gc(app)
    return app


def application_icon():  # type: ignore[no-untyped-def]
    """The app's icon for windows, taskbar and dialogs (rendered by packaging/render_icons.py)."""
    from importlib import resources

    from PySide6.QtGui import QIcon, QPixmap

    icon = QIcon()
    folder = resources.files("teenvio_desktop.ui") / "icons"
    for size in (16, 32, 48, 64, 128, 256):
        # Read the bytes (not a path): works from a wheel, a zip and the frozen bundle alike.
        pixmap = QPixmap()
        if pixmap.loadFromData((folder / f"teenvio-desktop-{size}.png").read_bytes(), "PNG"):
            icon.addPixmap(pixmap)
    return icon


def build_main_window(context: AppContext):  # type: ignore[no-untyped-def]
    from teenvio_desktop.ui.areas import install_areas
    from teenvio_desktop.ui.main_window import MainWindow

    window = MainWindow(context)
    install_areas(window, context)
    return window


def offer_to_resume_unfinished_work(window, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    """Once the window is up: TEA Lite campaigns a crash or kill left half sent."""
    from PySide6.QtCore import QTimer

    from teenvio_desktop.ui.rest_send import offer_resume

    QTimer.singleShot(0, window, lambda: offer_resume(window, context))


def start_sandbox(context: AppContext) -> None:
    """Start the embedded emulator and make it the context's sandbox."""
    from teenvio_desktop.sandbox.embedded import start_embedded_sandbox

    context.sandbox = start_embedded_sandbox(context.data_dir.sandbox)


def run_gui(options: GuiOptions) -> int:
    if options.self_test:
        from teenvio_desktop.ui.self_test import run_self_test

        return run_self_test(options)

    from teenvio_desktop.ui.translation import install_translators, resolve_language

    app = create_application()
    language = resolve_language(options.language)
    install_translators(app, language)
    context = AppContext.open(options.data_dir, language=language)
    discard_abandoned_imports(context.db)  # recipient lists a killed import left behind
    try:
        if options.sandbox:
            start_sandbox(context)
        window = build_main_window(context)
        window.show()
        offer_to_resume_unfinished_work(window, context)
        return int(app.exec())
    finally:
        if context.sandbox is not None:
            context.sandbox.stop()
        context.close()
