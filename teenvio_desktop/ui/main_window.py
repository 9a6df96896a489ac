"""The main window: the sidebar of areas, the area stack, menus and status bar.

Each area (Compose, Recipients, Results, Accounts) is a widget registered with
:meth:`MainWindow.add_area`; the areas themselves live in their own modules. An area may be
registered as a factory: it is then built the first time it is shown or asked for, so that
start-up only pays for the first screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop import __version__
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.ui import tasks
from teenvio_desktop.ui.navigation import NavigationBar
from teenvio_desktop.ui.prompter import Prompter
from teenvio_desktop.ui.style import (
    MARGIN,
    PREFERENCES,
    SPACING,
    Preference,
    current_theme,
    install_theme,
)
from teenvio_desktop.ui.style.scheme import SETTING_KEY as SCHEME_KEY

GEOMETRY_KEY = "ui.main_window.geometry"
STATE_KEY = "ui.main_window.state"

AreaFactory = Callable[[], QWidget]
# Below this, the areas' toolbars and panels no longer fit (the layout test checks 1024x700).
MINIMUM_SIZE = QSize(960, 640)
DEFAULT_SIZE = QSize(1280, 820)


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

        self.setMinimumSize(MINIMUM_SIZE)

        self.navigation = NavigationBar()
        self.stack = QStackedWidget()
        self.stack.setObjectName("areas")
        # Banners about the whole app (no keyring, ...) sit above every area, beside the
        # sidebar; hidden, they take no room.
        self.banners = QVBoxLayout()
        self.banners.setContentsMargins(0, 0, 0, 0)  # margins only while one shows
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(self.banners)
        column.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addLayout(column, 1)
        self.setCentralWidget(central)
        self.navigation.currentRowChanged.connect(self._on_row_changed)

        self.sandbox_label = QLabel()
        self.sandbox_label.setObjectName("sandbox_status")
        self.statusBar().addPermanentWidget(self.sandbox_label)
        if context.sandbox is not None:
            self.sandbox_label.setText(self.tr("Connected to the local sandbox"))
        self.statusBar().showMessage(self.tr("Ready"), 3000)

        self._build_menus()
        self._restore_geometry()

    def add_banner(self, banner: QWidget) -> None:
        """A message about the whole app, shown above every area (it hides itself)."""
        self.banners.addWidget(banner)
        banner.installEventFilter(self)
        self._fit_banners()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._fit_banners()
        return super().eventFilter(watched, event)

    def _fit_banners(self) -> None:
        """Room around the banners while one shows; none at all when they are hidden
        (an empty layout keeps its margins)."""
        shown = any(
            (item := self.banners.itemAt(i)) is not None
            and (widget := item.widget()) is not None
            and not widget.isHidden()
            for i in range(self.banners.count())
        )
        margins = (MARGIN, SPACING, MARGIN, 0) if shown else (0, 0, 0, 0)
        self.banners.setContentsMargins(*margins)

    # -- areas ---------------------------------------------------------------------------
    def add_area(
        self, key: str, title: str, widget: QWidget | AreaFactory, icon_key: str | None = None
    ) -> None:
        """Register an area: its widget, or a factory that builds it when first needed.

        ``icon_key`` names its icon in :data:`teenvio_desktop.ui.style.icons.ICONS`
        (by default the area's key)."""
        if isinstance(widget, QWidget):
            widget.setObjectName(f"area_{key}")
            page = widget
        else:
            self._factories[key] = widget
            page = QWidget()  # stands in until the area is first shown or asked for
            page.setObjectName(f"area_{key}_pending")
        self._area_keys.append(key)
        self.stack.addWidget(page)
        self.navigation.add_entry(key, title, icon_key)
        index = len(self._area_keys)
        if index <= 9:
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_area(k))
            self.view_menu.insertAction(self._areas_end, action)
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
        self._build_scheme_menu()

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

    def _build_scheme_menu(self) -> None:
        self._areas_end = self.view_menu.addSeparator()  # the areas go above it
        menu = self.view_menu.addMenu(self.tr("Colour &scheme"))
        titles = {
            "system": self.tr("Follow the &system"),
            "light": self.tr("&Light"),
            "dark": self.tr("&Dark"),
        }
        theme = current_theme()
        chosen = theme.preference if theme is not None else "system"
        group = QActionGroup(self)
        self.scheme_actions: dict[str, QAction] = {}
        for preference in PREFERENCES:
            action = QAction(titles[preference], self)
            action.setCheckable(True)
            action.setChecked(preference == chosen)
            action.triggered.connect(lambda _c=False, p=preference: self.set_color_scheme(p))
            group.addAction(action)
            menu.addAction(action)
            self.scheme_actions[preference] = action

    def set_color_scheme(self, preference: Preference) -> None:
        """Apply and remember the colour scheme (``system``, ``light`` or ``dark``)."""
        self.context.settings.set(SCHEME_KEY, preference)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_theme(app, preference)
        self.scheme_actions[preference].setChecked(True)

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
            self.resize(DEFAULT_SIZE)
        # Never larger than the screen (a 1024x700 one, or a smaller one than last time):
        # the window must show whole, its send actions included.
        available = self.screen().availableGeometry().size()
        if not available.isEmpty():
            self.resize(self.size().boundedTo(available))
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
