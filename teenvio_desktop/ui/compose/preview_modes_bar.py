"""The preview's controls: what to look at (desktop, mobile, plain text, headers) and as
whom it arrives (dark mode, images off, as Teenvio will send it), combinable.

Two rows, so that both languages fit a narrow preview: the views and "Load images" on
the first; the subscriber's conditions (and, for personalised sends, whose data) on the
second. Labels of the modes come from the core (``preview_modes.LABELS``), translated.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.preview_modes import LABELS, DarkMode, PreviewModes

VIEWS = ("desktop", "mobile", "text", "headers")
CONTEXT = "preview_modes"


def mode_label(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, LABELS[key])


class PreviewModeBar(QWidget):
    view_changed = Signal(str)
    modes_changed = Signal()
    allow_images_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view_group = QButtonGroup(self)
        self.view_buttons: dict[str, QToolButton] = {}
        labels = {
            "desktop": self.tr("Desktop"),
            "mobile": self.tr("Mobile"),
            "text": self.tr("Plain text"),
            "headers": self.tr("Headers"),
        }
        views = QHBoxLayout()
        views.setSpacing(2)
        for index, view in enumerate(VIEWS):
            button = QToolButton()
            button.setText(labels[view])
            button.setCheckable(True)
            button.setObjectName(f"preview_mode_{view}")
            button.setAccessibleName(self.tr("Preview: {view}").format(view=labels[view]))
            self.view_group.addButton(button, index)
            self.view_buttons[view] = button
            views.addWidget(button)
        self.view_buttons["desktop"].setChecked(True)
        self.view_group.idClicked.connect(lambda index: self.view_changed.emit(VIEWS[index]))
        self.blocked_label = QLabel()
        self.blocked_label.setObjectName("blocked_images")
        self.blocked_label.setWordWrap(True)
        self.blocked_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.images_button = QToolButton()
        self.images_button.setText(self.tr("Load images"))
        self.images_button.setToolTip(
            self.tr(
                "Remote images are blocked (they tell the sender you looked). Load them "
                "for this message only."
            )
        )
        self.images_button.setCheckable(True)
        self.images_button.setObjectName("allow_images")
        self.images_button.setAccessibleName(self.tr("Load remote images"))
        self.images_button.toggled.connect(self.allow_images_toggled)
        views.addWidget(self.blocked_label, 1)
        views.addWidget(self.images_button)

        self.dark_button = QToolButton()
        self.dark_button.setObjectName("preview_dark")
        self.dark_button.setText(self.tr("Dark mode"))
        self.dark_button.setAccessibleName(self.tr("Dark mode"))
        self.dark_button.setCheckable(True)
        self.dark_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.dark_menu = QMenu(self.dark_button)
        self.dark_group = QActionGroup(self)
        self.dark_actions: dict[DarkMode, QAction] = {}
        choices = [(DarkMode.OFF, self.tr("Off"))] + [
            (mode, mode_label(mode))
            for mode in (DarkMode.DOCUMENT, DarkMode.FORCED, DarkMode.FORCED_FULL)
        ]
        for mode, text in choices:
            action = QAction(text, self.dark_menu)
            action.setCheckable(True)
            action.setData(mode.value)
            self.dark_group.addAction(action)
            self.dark_menu.addAction(action)
            self.dark_actions[mode] = action
        self.dark_actions[DarkMode.OFF].setChecked(True)
        self.dark_menu.addSeparator()
        self.side_by_side_action = QAction(self.tr("Side by side with light"), self.dark_menu)
        self.side_by_side_action.setCheckable(True)
        self.dark_menu.addAction(self.side_by_side_action)
        self.dark_button.setMenu(self.dark_menu)
        self._last_dark = DarkMode.DOCUMENT  # what the button's own click turns on
        self.dark_group.triggered.connect(self._on_dark_chosen)
        self.dark_button.clicked.connect(self._on_dark_clicked)
        self.side_by_side_action.toggled.connect(lambda _on: self.modes_changed.emit())

        self.images_off_button = QToolButton()
        self.images_off_button.setObjectName("preview_images_off")
        self.images_off_button.setText(mode_label("images_off"))
        self.images_off_button.setAccessibleName(mode_label("images_off"))
        self.images_off_button.setCheckable(True)
        self.images_off_button.toggled.connect(lambda _on: self.modes_changed.emit())
        self.as_teenvio_button = QToolButton()
        self.as_teenvio_button.setObjectName("preview_as_teenvio")
        self.as_teenvio_button.setText(mode_label("as_teenvio"))
        self.as_teenvio_button.setAccessibleName(mode_label("as_teenvio"))
        self.as_teenvio_button.setCheckable(True)
        self.as_teenvio_button.toggled.connect(lambda _on: self.modes_changed.emit())
        conditions = QHBoxLayout()
        conditions.setSpacing(2)
        for button in (self.dark_button, self.images_off_button, self.as_teenvio_button):
            conditions.addWidget(button)
        conditions.addStretch(1)
        self.recipient_row = QHBoxLayout()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(views)
        layout.addLayout(conditions)
        layout.addLayout(self.recipient_row)
        self.set_transport("smtp")

    # -- state ---------------------------------------------------------------------------
    def view(self) -> str:
        return VIEWS[max(0, self.view_group.checkedId())]

    def dark(self) -> DarkMode:
        action = self.dark_group.checkedAction()
        return DarkMode(action.data()) if action is not None else DarkMode.OFF

    def modes(self) -> PreviewModes:
        as_teenvio = self.as_teenvio_button.isChecked() and self.as_teenvio_button.isEnabled()
        return PreviewModes(
            dark=self.dark(), images_off=self.images_off_button.isChecked(), as_teenvio=as_teenvio
        )

    def side_by_side(self) -> bool:
        return self.side_by_side_action.isChecked() and self.dark() != DarkMode.OFF

    def set_dark(self, mode: DarkMode) -> None:
        self.dark_actions[mode].trigger()

    def set_transport(self, transport: str) -> None:
        """TEA Lite sends the message as written: Teenvio adds no header or footer."""
        smtp = transport == "smtp"
        changed = self.as_teenvio_button.isEnabled() != smtp
        self.as_teenvio_button.setEnabled(smtp)
        self.as_teenvio_button.setToolTip(
            self.tr(
                "Show the header line and social links the SMTP-API adds, as set in "
                "Teenvio options (an approximation)."
            )
            if smtp
            else self.tr(
                "Only the SMTP-API adds a header and social links; TEA Lite sends the "
                "message as written."
            )
        )
        if changed and self.as_teenvio_button.isChecked():
            self.modes_changed.emit()

    def set_recipient_picker(self, picker: QWidget) -> None:
        self.recipient_row.addWidget(picker, 1)

    # -- dark mode's button and menu -------------------------------------------------------
    def _on_dark_chosen(self, action: QAction) -> None:
        mode = DarkMode(action.data())
        if mode != DarkMode.OFF:
            self._last_dark = mode
        self.dark_button.setChecked(mode != DarkMode.OFF)
        self.dark_button.setToolTip(action.text())
        self.modes_changed.emit()

    def _on_dark_clicked(self, checked: bool) -> None:
        self.dark_actions[self._last_dark if checked else DarkMode.OFF].trigger()
