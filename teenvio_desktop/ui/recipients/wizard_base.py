"""What the import wizard's pages know about the wizard (without importing its module)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWizard

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.recipients import ImportOptions, ImportResult, Preview
from teenvio_desktop.ui.prompter import Prompter

PAGE_SOURCE, PAGE_SETTINGS, PAGE_MAPPING, PAGE_RESULT = range(4)


class ImportWizardBase(QWizard):
    """The wizard as its pages see it; :class:`ImportWizard` builds the pages."""

    imported = Signal(int)  # the new list's id
    context: AppContext
    prompter: Prompter
    preview: Preview | None
    import_result: ImportResult | None

    def import_options(self) -> ImportOptions:
        raise NotImplementedError

    def source(self) -> tuple[str, bool]:
        """(path or pasted text, is_text)."""
        raise NotImplementedError

    def planned_list_name(self) -> str:
        raise NotImplementedError

    def planned_clash(self) -> str:
        """The first page's answer to a name in use: "replace", "append" or "error"."""
        raise NotImplementedError
