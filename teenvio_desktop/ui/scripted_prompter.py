"""A :class:`~teenvio_desktop.ui.prompter.Prompter` that answers from a script.

For the tests and ``--self-test``: nothing modal is shown, every question is recorded in
:attr:`ScriptedPrompter.asked`, and the answer is the next one scripted for that kind of
question, else the unattended default: yes to confirmations, the suggested text, keep
unsaved work in the autosave slot, no file, no choice (cancel), and dialogs declined. A
dialog passed to :meth:`run` is a real one: a scripted function fills it in and its own
``accept()`` runs.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from teenvio_desktop.ui.prompter import UnsavedChoice

DialogScript = Callable[[Any], bool]  # fills in the dialog; True to accept it


@dataclass(frozen=True)
class Asked:
    kind: str  # "confirm", "warn", "ask_text", "unsaved_changes", "run", "open_file"...
    title: str
    text: str
    file_kind: str = ""  # for file questions: the kind of file asked for


class ScriptedPrompter:
    def __init__(self) -> None:
        self.asked: list[Asked] = []
        self._answers: defaultdict[str, deque[Any]] = defaultdict(deque)
        self._dialogs: defaultdict[type, deque[DialogScript]] = defaultdict(deque)

    # --- scripting ----------------------------------------------------------------------

    def answer(self, kind: str, *answers: Any) -> ScriptedPrompter:
        """Queue answers for the next questions of ``kind`` (a Prompter method's name)."""
        self._answers[kind].extend(answers)
        return self

    def fill(self, dialog_type: type[QDialog], script: DialogScript) -> ScriptedPrompter:
        """Queue how the next dialog of ``dialog_type`` is filled in (True: accepted)."""
        self._dialogs[dialog_type].append(script)
        return self

    def warnings(self) -> list[str]:
        return [a.text for a in self.asked if a.kind == "warn"]

    def _next(self, kind: str, default: Any) -> Any:
        queue = self._answers.get(kind)
        return queue.popleft() if queue else default

    # --- the Prompter protocol ------------------------------------------------------------

    def confirm(
        self, parent: QWidget | None, title: str, text: str, *, default_yes: bool = True
    ) -> bool:
        self.asked.append(Asked("confirm", title, text))
        return bool(self._next("confirm", True))

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        self.asked.append(Asked("warn", title, text))

    def choose(
        self, parent: QWidget | None, title: str, text: str, choices: Sequence[str]
    ) -> int | None:
        """The scripted answer is a choice's index or its text (None: cancelled)."""
        self.asked.append(Asked("choose", title, text))
        answer = self._next("choose", None)
        if isinstance(answer, str):
            return list(choices).index(answer)
        return None if answer is None else int(answer)

    def ask_text(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        text: str = "",
        *,
        secret: bool = False,
    ) -> str | None:
        self.asked.append(Asked("ask_text", title, label))
        answer: str | None = self._next("ask_text", text)
        return answer

    def unsaved_changes(self, parent: QWidget | None) -> UnsavedChoice:
        self.asked.append(Asked("unsaved_changes", "", ""))
        choice: UnsavedChoice = self._next("unsaved_changes", UnsavedChoice.KEEP_FOR_RECOVERY)
        return choice

    def run(self, dialog: QDialog) -> bool:
        self.asked.append(Asked("run", dialog.windowTitle(), type(dialog).__name__))
        scripts = self._dialogs.get(type(dialog))
        if not scripts:
            dialog.reject()
            return False
        if scripts.popleft()(dialog):
            dialog.accept()
            return dialog.result() == QDialog.DialogCode.Accepted
        dialog.reject()
        return False

    def open_file(
        self, parent: QWidget | None, caption: str, filters: str = "", *, kind: str = ""
    ) -> Path | None:
        self.asked.append(Asked("open_file", caption, filters, kind))
        answer: Path | None = self._next("open_file", None)
        return answer

    def open_files(
        self, parent: QWidget | None, caption: str, filters: str = "", *, kind: str = ""
    ) -> list[Path]:
        self.asked.append(Asked("open_files", caption, filters, kind))
        answer: list[Path] = self._next("open_files", [])
        return answer

    def save_file(
        self,
        parent: QWidget | None,
        caption: str,
        suggested: str = "",
        filters: str = "",
        *,
        kind: str = "",
    ) -> Path | None:
        self.asked.append(Asked("save_file", caption, suggested, kind))
        answer: Path | None = self._next("save_file", None)
        return answer
