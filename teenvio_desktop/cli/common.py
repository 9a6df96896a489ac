"""What every subcommand shares: exit codes, the data directory, translated messages."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import TextIO

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.errors import TeenvioError, Translate
from teenvio_desktop.core.logsetup import configure_logging
from teenvio_desktop.core.paths import resolve_data_dir
from teenvio_desktop.core.recipients.cleanup import discard_abandoned_imports

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """Options accepted before or after a subcommand (defaults suppressed to allow both)."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="data directory (default: TEENVIO_DESKTOP_HOME, else the user data directory)",
    )
    parser.add_argument(
        "--lang", choices=("es", "en"), default=argparse.SUPPRESS, help="interface language"
    )
    parser.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="also log to stderr"
    )


@dataclass
class CliRuntime:
    """The parsed arguments plus lazily opened state."""

    args: argparse.Namespace
    _context: AppContext | None = None

    _translate: Translate | None = None

    @property
    def language(self) -> str:
        explicit = getattr(self.args, "lang", None)
        if explicit:
            return str(explicit)
        from teenvio_desktop.translations import resolve_language

        return resolve_language(None)

    def context(self) -> AppContext:
        """Open the data directory and its database (and start logging) on first use."""
        if self._context is None:
            data_dir = resolve_data_dir(getattr(self.args, "data_dir", None)).ensure()
            configure_logging(data_dir.logs, debug=bool(getattr(self.args, "debug", False)))
            self._context = AppContext.open(data_dir, language=self.language)
            discard_abandoned_imports(self._context.db)  # lists a killed import left
        return self._context

    def translate(self, context: str, text: str) -> str:
        if self._translate is None:
            # Loaded on the first message only: --version and --help never need it.
            from teenvio_desktop.translations import translator

            self._translate = translator(self.language)
        return self._translate(context, text)

    def tr(self, text: str) -> str:
        """Translate a command-line message.

        The context is ``runtime`` because that is what lupdate records for the
        ``runtime.tr("...")`` calls it extracts; always call it by that name.
        """
        return self.translate("runtime", text)

    def report_error(self, error: BaseException, stream: TextIO | None = None) -> None:
        out = stream or sys.stderr
        if isinstance(error, TeenvioError):
            out.write(error.render(self.translate) + "\n")
        else:
            out.write(f"{type(error).__name__}: {error}\n")

    def close(self) -> None:
        if self._context is not None:
            self._context.close()
            self._context = None
