"""Where file dialogs open: the folder last used for that kind of file, else Documents.

Each kind (campaign files, images, attachments, recipient lists, exports, CA files) keeps
its own folder in the settings, so exporting a table does not move where lists are
imported from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QStandardPaths

SETTINGS_PREFIX = "ui.file_dialogs.folder."

# The kinds of file the app asks for (a prompter's ``kind=`` argument).
CAMPAIGN_FILES = "campaign"
IMAGES = "images"
ATTACHMENTS = "attachments"
RECIPIENT_LISTS = "recipients"
EXPORTS = "exports"
CERTIFICATES = "certificates"


class KeyValueSettings(Protocol):
    def get(self, key: str, default: object = None) -> object: ...

    def set(self, key: str, value: object) -> None: ...


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


class FolderMemory:
    """The last folder per kind of file, kept in the app's settings."""

    def __init__(self, settings: KeyValueSettings) -> None:
        self._settings = settings

    def folder(self, kind: str) -> Path:
        remembered = self._settings.get(SETTINGS_PREFIX + kind)
        if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
            return Path(remembered)
        return documents_folder()

    def start_path(self, kind: str, suggested: str = "") -> str:
        """What the dialog opens on: the folder, with ``suggested`` as the file name."""
        folder = self.folder(kind)
        if suggested:
            name = Path(suggested)
            return str(name if name.is_absolute() else folder / name)
        return str(folder)

    def remember(self, kind: str, chosen: Path) -> None:
        folder = chosen if chosen.is_dir() else chosen.parent
        self._settings.set(SETTINGS_PREFIX + kind, str(folder))
