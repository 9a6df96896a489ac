"""Starting the GUI: the application, translators, the context, the main window."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.paths import DataDir
from teenvio_desktop.core.recipients.cleanup import discard_abandoned_imports

if TYPE_CHECKING:
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
    from teenvio_desktop.ui.sending.resume import offer_resume_later
    from teenvio_desktop.ui.style import install_theme
    from teenvio_desktop.ui.translation import install_translators

    app = create_application()
    language = resolve_language(options.language)
    install_translators(app, language)
    context = AppContext.open(options.data_dir, language=language)
    install_theme(app, scheme_preference(context, options.scheme))
    discard_abandoned_imports(context.db)  # recipient lists a killed import left behind
    try:
        if options.sandbox:
            start_sandbox(context)
        window = build_main_window(context)
        window.show()
        offer_resume_later(window, context, window.prompter)
        return int(app.exec())
    finally:
        if context.sandbox is not None:
            context.sandbox.stop()
        context.close()
