"""The main window: a navigation list of areas, the area stack, menus and status bar.

Each area (Compose, Recipients, Results, Accounts) is a widget registered with
:meth:`MainWindow.add_area`; the areas themselves live in their own modules. An area may be
registered as a factory: it is then built the first time it is shown or asked for, so that
start-up only pays for the first screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop import __version__
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui import tasks
from teenvio_desktop.ui.prompter import Prompter

GEOMETRY_KEY = "ui.main_window.geometry"
STATE_KEY = "ui.main_window.state"

AreaFactory = Callable[[], QWidget]


class CloseGuard(Protocol):
    def may_close(self) -> bool:
        """False to keep the window open (the user wants to go back)."""
        ...


class MainWindow(QMainWindow):
    """Hosts the areas; restores its geometry; stops background work on close."""

    area_changed = Signal(str)

    def __init__(self, context: AppContext, prompter: Prompter) -> None:
        super().__init__()
        self.context = context
        self.prompter = prompter
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Teenvio Desktop"))
        self._area_keys: list[str] = []
        self._factories: dict[str, AreaFactory] = {}
        self._close_guards: list[CloseGuard] = []

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setMaximumWidth(200)
        self.stack = QStackedWidget()
        splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        # Banners about the whole app (no keyring, ...) sit above every area.
        self.banners = QVBoxLayout()
        central_layout.addLayout(self.banners)
        central_layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.navigation.currentRowChanged.connect(self._on_row_changed)

        self.sandbox_label = QLabel()
        self.statusBar().addPermanentWidget(self.sandbox_label)
        if context.sandbox is not None:
            self.sandbox_label.setText(self.tr("Connected to the local sandbox"))
        self.statusBar().showMessage(self.tr("Ready"), 3000)

        self._build_menus()
        self._restore_geometry()

    def add_banner(self, banner: QWidget) -> None:
        """A message about the whole app, shown above every area (it hides itself)."""
        self.banners.addWidget(banner)

    # -- areas ---------------------------------------------------------------------------
    def add_area(self, key: str, title: str, widget: QWidget | AreaFactory) -> None:
        """Register an area: its widget, or a factory that builds it when first needed."""
        if isinstance(widget, QWidget):
            widget.setObjectName(f"area_{key}")
            page = widget
        else:
            self._factories[key] = widget
            page = QWidget()  # stands in until the area is first shown or asked for
            page.setObjectName(f"area_{key}_pending")
        self._area_keys.append(key)
        self.stack.addWidget(page)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.navigation.addItem(item)
        index = len(self._area_keys)
        if index <= 9:
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_area(k))
            self.view_menu.addAction(action)
        if self.navigation.currentRow() < 0:
            self.navigation.setCurrentRow(0)

    def area(self, key: str) -> QWidget:
        """The area's widget, built now if it was registered as a factory."""
        index = self._area_keys.index(key)
        factory = self._factories.pop(key, None)
        if factory is not None:
            try:
                widget = factory()
            except BaseException:
                self._factories[key] = factory  # not built: the next request tries again
                raise
            widget.setObjectName(f"area_{key}")
            placeholder = self.stack.widget(index)
            was_current = self.stack.currentIndex() == index
            self.stack.insertWidget(index, widget)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            if was_current:
                self.stack.setCurrentIndex(index)
        page = self.stack.widget(index)
        assert page is not None
        return page

    def is_area_built(self, key: str) -> bool:
        return key in self._area_keys and key not in self._factories

    def area_keys(self) -> list[str]:
        return list(self._area_keys)

    def current_area(self) -> str:
        return self._area_keys[self.stack.currentIndex()]

    def show_area(self, key: str) -> None:
        self.navigation.setCurrentRow(self._area_keys.index(key))

    def _on_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._area_keys):
            self.area(self._area_keys[row])  # build a lazy area before showing it
            self.stack.setCurrentIndex(row)
            self.area_changed.emit(self._area_keys[row])

    # -- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.help_menu = bar.addMenu(self.tr("&Help"))

        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        self.file_menu.addAction(quit_action)
        self.quit_action = quit_action

        about = QAction(self.tr("&About Teenvio Desktop"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self._show_about)
        self.help_menu.addAction(about)

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Teenvio Desktop"),
            self.tr(
                "Teenvio Desktop {version}\n\nCompose email campaigns, send them through "
                "Teenvio's SMTP-API or the TEA Lite REST API, and follow what happened."
            ).format(version=__version__),
        )

    # -- geometry and closing ------------------------------------------------------------
    def _restore_geometry(self) -> None:
        settings = self.context.settings
        geometry = settings.get(GEOMETRY_KEY)
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        else:
            self.resize(1280, 820)
        state = settings.get(STATE_KEY)
        if state:
            self.restoreState(QByteArray.fromBase64(state.encode()))

    def _save_geometry(self) -> None:
        settings = self.context.settings
        settings.set(GEOMETRY_KEY, bytes(self.saveGeometry().toBase64().data()).decode())
        settings.set(STATE_KEY, bytes(self.saveState().toBase64().data()).decode())

    def add_close_guard(self, guard: CloseGuard) -> None:
        """Register an object asked (``may_close()``) before the window closes."""
        if guard not in self._close_guards:
            self._close_guards.append(guard)

    def closeEvent(self, event: QCloseEvent) -> None:
        for guard in self._close_guards:
            if not guard.may_close():
                event.ignore()
                return
        self._save_geometry()
        tasks.shutdown_all()
        event.accept()
