"""Adding, correcting and deleting single recipients in the list viewer, with undo.

The view's context menu and keys (Insert, Enter, Delete, Ctrl+Z, Ctrl+Shift+Z) lead
here. Each change runs in a task (the core checks the address against the whole list,
which may hold a million members) and returns its inverse, so undo and redo are just
changes too. The history belongs to the list shown; choosing another list starts anew.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QTableView

from teenvio_desktop.core.recipients import (
    DeletedMember,
    RecipientListRepository,
    add_member,
    delete_member,
    restore_member,
    update_member,
)
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback
from teenvio_desktop.ui.prompter import Prompter
from teenvio_desktop.ui.recipients.member_dialog import MemberDialog
from teenvio_desktop.ui.recipients.members_model import MembersModel
from teenvio_desktop.ui.tasks import Task, bound_to, run_task
from teenvio_desktop.ui.translation import error_text


class Change(Protocol):
    @property
    def list_id(self) -> int: ...

    def apply(self, db: Database) -> Change:
        """Make the change; return the change that takes it back."""
        ...


@dataclass(frozen=True)
class DeleteMembers:
    list_id: int
    positions: tuple[int, ...]

    def apply(self, db: Database) -> Change:
        # From the last: the positions of those still to delete do not move.
        gone = [delete_member(db, self.list_id, p) for p in sorted(self.positions, reverse=True)]
        return RestoreMembers(self.list_id, tuple(reversed(gone)))


@dataclass(frozen=True)
class RestoreMembers:
    list_id: int
    members: tuple[DeletedMember, ...]

    def apply(self, db: Database) -> Change:
        positions = [restore_member(db, m) for m in sorted(self.members, key=lambda m: m.position)]
        return DeleteMembers(self.list_id, tuple(positions))


@dataclass(frozen=True)
class AddMember:
    list_id: int
    email: str
    name: str
    fields: dict[str, str] = field(default_factory=dict)

    def apply(self, db: Database) -> Change:
        position = add_member(db, self.list_id, self.email, self.name, self.fields)
        return DeleteMembers(self.list_id, (position,))


@dataclass(frozen=True)
class UpdateMember:
    list_id: int
    position: int
    email: str
    name: str
    fields: dict[str, str] = field(default_factory=dict)

    def apply(self, db: Database) -> Change:
        repo = RecipientListRepository(db)
        info = repo.get(self.list_id)
        (row,) = repo.rows_at(self.list_id, [self.position])
        _pos, email, name, cells = row
        before = {c: cells[i] if i < len(cells) else "" for i, c in enumerate(info.columns)}
        before = {c: v for c, v in before.items() if c in self.fields}
        update_member(
            db, self.list_id, self.position, email=self.email, name=self.name, fields=self.fields
        )
        return UpdateMember(self.list_id, self.position, email, name, before)


class MemberEditor(QObject):
    changed = Signal(int)  # the list whose members changed

    def __init__(
        self, db: Database, view: QTableView, model: MembersModel, prompter: Prompter
    ) -> None:
        super().__init__(view)
        self.db, self.view, self.model, self.prompter = db, view, model, prompter
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._task: Task | None = None
        self._list_id: int | None = None
        self.add_action = self._action(self.tr("&Add recipient…"), QKeySequence("Insert"), self.add)
        self.edit_action = self._action(self.tr("&Edit recipient…"), None, self.edit)
        self.delete_action = self._action(
            self.tr("&Delete"), QKeySequence(QKeySequence.StandardKey.Delete), self.delete_selected
        )
        self.undo_action = self._action(
            self.tr("&Undo"), QKeySequence(QKeySequence.StandardKey.Undo), self.undo
        )
        self.redo_action = self._action(
            self.tr("&Redo"), QKeySequence(QKeySequence.StandardKey.Redo), self.redo
        )
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        view.doubleClicked.connect(lambda _index: self.edit())
        model.modelReset.connect(self._list_shown)
        self._update_actions()

    def _action(self, text: str, keys: QKeySequence | None, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.view.addAction(action)
        return action

    def _context_menu(self, position: QPoint) -> None:
        menu = QMenu(self.view)
        for action in (self.add_action, self.edit_action, self.delete_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.popup(self.view.viewport().mapToGlobal(position))

    def _list_shown(self) -> None:
        if self.model.list_id() != self._list_id:
            self._list_id = self.model.list_id()
            self._undo.clear()
            self._redo.clear()
        self._update_actions()

    def _update_actions(self) -> None:
        idle = self._task is None
        listed = self.model.list_id() is not None
        self.add_action.setEnabled(idle and listed)
        self.edit_action.setEnabled(idle and listed)
        self.delete_action.setEnabled(idle and listed)
        self.undo_action.setEnabled(idle and bool(self._undo))
        self.redo_action.setEnabled(idle and bool(self._redo))

    # --- what is selected -------------------------------------------------------------------

    def selected_positions(self) -> list[int]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        found = (self.model.row_at(r) for r in rows)
        return [row[0] for row in found if row is not None]

    # --- the commands -----------------------------------------------------------------------

    def add(self) -> bool:
        list_id = self.model.list_id()
        if list_id is None or self._task is not None:
            return False
        dialog = MemberDialog(self.model.field_names(), self.view)
        if not self.prompter.run(dialog):
            return False
        return self._do(AddMember(list_id, dialog.email(), dialog.name(), dialog.values()))

    def edit(self) -> bool:
        list_id, positions = self.model.list_id(), self.selected_positions()
        if list_id is None or len(positions) != 1 or self._task is not None:
            return False
        shown = self.model.member(positions[0])
        if shown is None:
            return False
        email, name, values = shown
        dialog = MemberDialog(
            self.model.field_names(), self.view, email=email, name=name, values=values
        )
        if not self.prompter.run(dialog):
            return False
        change = UpdateMember(list_id, positions[0], dialog.email(), dialog.name(), dialog.values())
        return self._do(change)

    def delete_selected(self) -> bool:
        list_id, positions = self.model.list_id(), self.selected_positions()
        if list_id is None or not positions or self._task is not None:
            return False
        return self._do(DeleteMembers(list_id, tuple(positions)))

    def undo(self) -> bool:
        if not self._undo or self._task is not None:
            return False
        return self._run(self._undo.pop(), self._redo)

    def redo(self) -> bool:
        if not self._redo or self._task is not None:
            return False
        return self._run(self._redo.pop(), self._undo)

    def _do(self, change: Change) -> bool:
        self._redo.clear()
        return self._run(change, self._undo)

    def _run(self, change: Change, inverse_goes_to: list[Change]) -> bool:
        db = self.db

        def work(progress: ProgressCallback, cancel: CancelToken) -> Change:
            del progress, cancel
            return change.apply(db)

        def done(inverse: Change) -> None:
            inverse_goes_to.append(inverse)
            self.model.reload()
            self.changed.emit(change.list_id)

        def failed(error: BaseException) -> None:
            self.prompter.warn(self.view, self.tr("Recipient not changed"), error_text(error))

        def finished() -> None:
            self._task = None
            self._update_actions()

        task = run_task(work, self)
        task.result.connect(bound_to(self, done))
        task.error.connect(bound_to(self, failed))
        task.finished.connect(bound_to(self, finished))
        self._task = task
        self._update_actions()
        task.start()
        return True

    def is_busy(self) -> bool:
        return self._task is not None

    def history(self) -> tuple[Sequence[Change], Sequence[Change]]:
        """(undoable, redoable), for the tests."""
        return tuple(self._undo), tuple(self._redo)
