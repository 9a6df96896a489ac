"""Starting the GUI: the application, translators, the context, the main window."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.paths import DataDir
from teenvio_desktop.core.recipients.cleanup import discard_abandoned_imports

if TYPE_CHECKING:  # Qt is imported once the GUI starts
    from teenvio_desktop.ui.single_instance import Claim, InstanceGuard
    from teenvio_desktop.ui.style import Preference

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GuiOptions:
    data_dir: DataDir
    language: str | None = None
    sandbox: bool = False
    self_test: bool = False
    scheme: str | None = None  # "system" | "light" | "dark"; None: the saved choice


def start_sandbox(context: AppContext) -> None:
    """Start the embedded emulator and make it the context's sandbox."""
    from teenvio_desktop.sandbox.embedded import start_embedded_sandbox

    context.sandbox = start_embedded_sandbox(context.data_dir.sandbox)


def scheme_preference(context: AppContext, requested: str | None) -> Preference:
    """The colour scheme to start with: the one asked for, else the saved one, else the
    system's."""
    from teenvio_desktop.ui.style import PREFERENCES
    from teenvio_desktop.ui.style.scheme import SETTING_KEY

    for candidate in (requested, context.settings.get(SETTING_KEY)):
        for preference in PREFERENCES:
            if candidate == preference:
                return preference
    return "system"


def run_gui(options: GuiOptions) -> int:
    if options.self_test:
        from teenvio_desktop.ui.self_test import run_self_test

        return run_self_test(options.language)

    from teenvio_desktop.translations import resolve_language
    from teenvio_desktop.ui.application import create_application
    from teenvio_desktop.ui.areas import build_main_window
    from teenvio_desktop.ui.error_hook import install_error_hook
    from teenvio_desktop.ui.sending.resume import offer_resume_later
    from teenvio_desktop.ui.single_instance import Claim, InstanceGuard, bring_to_front
    from teenvio_desktop.ui.style import install_theme
    from teenvio_desktop.ui.translation import install_translators

    app = create_application()
    from teenvio_desktop.ui.compose.preview_engine import start_preview_engine

    # First, so that Chromium's processes start while the rest of the window is built.
    start_preview_engine()
    language = resolve_language(options.language)
    install_translators(app, language)
    guard = InstanceGuard(options.data_dir)
    claim = guard.claim()
    if claim is not Claim.FIRST:
        return _second_start(options, guard, claim)
    context = AppContext.open(options.data_dir, language=language)
    install_theme(app, scheme_preference(context, options.scheme))
    discard_abandoned_imports(context.db)  # recipient lists a killed import left behind
    try:
        if options.sandbox:
            start_sandbox(context)
        window = build_main_window(context)
        restore_hook = install_error_hook(window)
        guard.activation_requested.connect(lambda: bring_to_front(window))
        window.show()
        offer_resume_later(window, context, window.prompter)
        try:
            return int(app.exec())
        finally:
            restore_hook()
    finally:
        if context.sandbox is not None:
            context.sandbox.stop()
        context.close()
        guard.release()


def _second_start(options: GuiOptions, guard: InstanceGuard, claim: Claim) -> int:
    """Another window owns the data directory: it was asked to come forward (exit 0), or
    it did not answer and the user is told who holds the directory (exit 1)."""
    from PySide6.QtCore import QCoreApplication

    from teenvio_desktop.ui.prompter import DialogPrompter
    from teenvio_desktop.ui.single_instance import Claim, in_use_message

    if claim is Claim.ACTIVATED:
        log.info("Already running on %s: that window was brought forward", options.data_dir.root)
        return 0
    message = in_use_message(options.data_dir, guard.holder)
    log.warning("%s", message)
    sys.stderr.write(message + "\n")
    title = QCoreApplication.translate("SingleInstance", "Teenvio Desktop")
    DialogPrompter().warn(None, title, message)
    return 1
