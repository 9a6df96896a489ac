"""The composer's commands as actions: the toolbar, the File and Edit menus, shortcuts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton


class ComposeActions(QObject):
    triggered_anywhere = Signal()  # a command was used: bring the composer forward

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.new = self._action(self.tr("&New campaign"), "Ctrl+N")
        self.new_from_starter = self._action(self.tr("New from &template…"))
        self.open_file = self._action(self.tr("&Open HTML, MJML or .eml…"), "Ctrl+O")
        self.open_draft = self._action(self.tr("Open &draft…"))
        self.save = self._action(self.tr("&Save draft"), "Ctrl+S")
        self.save_as = self._action(self.tr("Save draft &as…"))
        self.find = self._action(self.tr("&Find and replace"), "Ctrl+F")
        self.undo = self._action(self.tr("&Undo"))
        self.redo = self._action(self.tr("&Redo"))
        self.generate_text = self._action(self.tr("Generate plain text"))
        self.inline_css = self._action(self.tr("Inline CSS"))
        self.insert_image = self._action(self.tr("Insert image…"))
        self.test_send = self._action(self.tr("&Test send…"), "Ctrl+Shift+T")
        self.send = self._action(self.tr("Sen&d…"), "Ctrl+Return")
        # Ctrl+Enter on the keypad too.
        self.send.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])

    def _action(self, text: str, shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    @staticmethod
    def bind(action: QAction, slot: Callable[[], object]) -> None:
        action.triggered.connect(lambda _checked=False: slot())

    def toolbar_actions(self) -> list[QAction]:
        return [self.new, self.open_file, self.save, self.generate_text, self.inline_css,
                self.insert_image, self.find, self.test_send, self.send]  # fmt: skip

    def fill_toolbar(self, toolbar: QToolBar) -> None:
        for action in self.toolbar_actions():
            toolbar.addAction(action)
        # "New campaign" also offers the starter templates from its button's menu.
        new_button = toolbar.widgetForAction(self.new)
        if isinstance(new_button, QToolButton):
            menu = QMenu(new_button)
            menu.addAction(self.new_from_starter)
            new_button.setMenu(menu)
            new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)

    def install_menus(self, file_menu: QMenu, edit_menu: QMenu, before: QAction | None) -> None:
        """Put the commands in the window's File and Edit menus (before ``before``)."""
        file_actions = [self.new, self.new_from_starter, self.open_file, self.open_draft,
                        self.save, self.save_as, None, self.test_send, self.send,
                        None]  # fmt: skip
        for action in file_actions:
            if action is None:
                action = QAction(self)
                action.setSeparator(True)
            if before is not None:
                file_menu.insertAction(before, action)
            else:
                file_menu.addAction(action)
        for action in (self.undo, self.redo, self.find, None, self.generate_text,
                       self.inline_css, self.insert_image):  # fmt: skip
            if action is None:
                edit_menu.addSeparator()
            else:
                edit_menu.addAction(action)
        for action in [*self.toolbar_actions(), self.new_from_starter, self.open_draft,
                       self.save_as]:  # fmt: skip
            # Shortcuts work from any area; the command brings the composer forward.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(self.triggered_anywhere)
