"""The composer's commands as actions: the toolbar, the File and Edit menus, shortcuts.

The toolbar holds the everyday commands with their icons; the rarely used ones sit in its
"More" menu; Test send and Send are not in the toolbar at all but are buttons of their own
(:meth:`ComposeActions.primary_buttons`), so they never go behind an overflow chevron.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget

from teenvio_desktop.ui.style import IconRole, icon, set_role
from teenvio_desktop.ui.style.metrics import BUTTON_ICON, TOOLBAR_ICON


class ComposeActions(QObject):
    triggered_anywhere = Signal()  # a command was used: bring the composer forward

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.new = self._action(self.tr("&New campaign"), "Ctrl+N", "new")
        self.new.setIconText(self.tr("New"))
        self.new_from_starter = self._action(self.tr("New from &template…"))
        self.open_file = self._action(self.tr("&Open HTML, MJML or .eml…"), "Ctrl+O", "open")
        self.open_file.setIconText(self.tr("Open"))
        self.open_draft = self._action(self.tr("Open &draft…"))
        self.save = self._action(self.tr("&Save draft"), "Ctrl+S", "save")
        self.save.setIconText(self.tr("Save"))
        self.save_as = self._action(self.tr("Save draft &as…"))
        self.find = self._action(self.tr("&Find and replace"), "Ctrl+F", "find")
        self.find.setIconText(self.tr("Find"))
        self.undo = self._action(self.tr("&Undo"), None, "undo")
        self.redo = self._action(self.tr("&Redo"), None, "redo")
        self.generate_text = self._action(self.tr("Generate plain text"), None, "text")
        self.inline_css = self._action(self.tr("Inline CSS"), None, "css")
        self.insert_image = self._action(self.tr("Insert image…"), None, "image")
        self.insert_image.setIconText(self.tr("Image"))
        self.test_send = self._action(self.tr("&Test send…"), "Ctrl+Shift+T", "test_send")
        self.send = self._action(self.tr("Sen&d…"), "Ctrl+Return")
        self.send.setIcon(icon("send", IconRole.ON_ACCENT))
        # Ctrl+Enter on the keypad too.
        self.send.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        for action in (self.new, self.new_from_starter, self.open_file, self.save, self.find,
                       self.insert_image, self.generate_text, self.inline_css, self.test_send,
                       self.send):  # fmt: skip
            _explain(action)

    def _action(self, text: str, shortcut: str | None = None, icon_key: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon_key:
            action.setIcon(icon(icon_key))
        return action

    @staticmethod
    def bind(action: QAction, slot: Callable[[], object]) -> None:
        action.triggered.connect(lambda _checked=False: slot())

    def toolbar_actions(self) -> list[QAction]:
        """Every command with a shortcut that works from any area."""
        return [self.new, self.open_file, self.save, self.generate_text, self.inline_css,
                self.insert_image, self.find, self.test_send, self.send]  # fmt: skip

    def fill_toolbar(self, toolbar: QToolBar) -> None:
        toolbar.setObjectName("compose_toolbar")
        toolbar.setAccessibleName(self.tr("Composer tools"))
        toolbar.setIconSize(QSize(TOOLBAR_ICON, TOOLBAR_ICON))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        for action in (self.new, self.open_file, self.save, None, self.insert_image, self.find):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
        more = QToolButton()
        more.setObjectName("compose_more")
        more.setText(self.tr("More"))
        more.setToolTip(self.tr("More commands: drafts, plain text, CSS"))
        more.setIcon(icon("more"))
        more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.tr("More"), more)
        for action in (self.open_draft, self.save_as, None, self.generate_text, self.inline_css):
            if action is None:
                self.more_menu.addSeparator()
            else:
                self.more_menu.addAction(action)
        more.setMenu(self.more_menu)
        toolbar.addWidget(more)
        self.more_button = more
        # "New campaign" also offers the starter templates from its button's menu.
        new_button = toolbar.widgetForAction(self.new)
        if isinstance(new_button, QToolButton):
            menu = QMenu(new_button)
            menu.addAction(self.new_from_starter)
            new_button.setMenu(menu)
            new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)

    def primary_buttons(self, parent: QWidget | None = None) -> tuple[QToolButton, QToolButton]:
        """Test send and Send as buttons of their own (Send filled with the accent)."""
        buttons = []
        for action, name in ((self.test_send, "test_send_button"), (self.send, "send_button")):
            button = QToolButton(parent)
            button.setObjectName(name)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setIconSize(QSize(BUTTON_ICON, BUTTON_ICON))
            button.setAutoRaise(False)
            buttons.append(button)
        set_role(buttons[1], "buttonRole", "primary")
        return buttons[0], buttons[1]

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


def _explain(action: QAction) -> None:
    """A tooltip with the command's full name and its shortcut."""
    text = action.text().replace("&", "").rstrip("…")
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{text} ({shortcut})" if shortcut else text)
