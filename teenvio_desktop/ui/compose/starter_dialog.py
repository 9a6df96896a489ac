"""Choosing a starter template for a new campaign: which one, and in which language."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QIcon, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.starters import LANGUAGES, list_starters
from teenvio_desktop.ui.style import icon
from teenvio_desktop.ui.style.icons import ICONS

ICON_SIZE = 32
DESCRIPTION_ROLE = Qt.ItemDataRole.UserRole + 1


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class _TitleAndDescription(QStyledItemDelegate):
    """A template as its icon, its title in bold and its description below, wrapped."""

    PAD = 8

    def _text_rect(self, option: QStyleOptionViewItem) -> QRect:
        rect: QRect = option.rect
        left = self.PAD * 2 + ICON_SIZE
        return rect.adjusted(left, self.PAD, -self.PAD, -self.PAD)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = max(120, option.widget.width() - 3 * self.PAD - ICON_SIZE - 20)
        metrics = option.fontMetrics
        description = str(index.data(DESCRIPTION_ROLE) or "")
        lines = metrics.boundingRect(
            QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, description
        )
        height = metrics.height() + 2 + lines.height() + 2 * self.PAD
        return QSize(width, max(height, ICON_SIZE + 2 * self.PAD))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style()
        text = option.text
        decoration = index.data(Qt.ItemDataRole.DecorationRole)
        option.text = ""
        option.icon = QIcon()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        if isinstance(decoration, QIcon):
            mode = QIcon.Mode.Selected if selected else QIcon.Mode.Normal
            decoration.paint(
                painter,
                QRect(rect.left() + self.PAD, rect.top() + self.PAD, ICON_SIZE, ICON_SIZE),
                Qt.AlignmentFlag.AlignCenter,
                mode,
            )
        painter.save()
        area = self._text_rect(option)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(role))
        title_height = option.fontMetrics.height()
        painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)
        painter.setFont(option.font)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            area.adjusted(0, title_height + 2, 0, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            | int(Qt.TextFlag.TextWordWrap),
            str(index.data(DESCRIPTION_ROLE) or ""),
        )
        painter.restore()


class StarterDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New campaign from a template"))
        intro = QLabel(
            self.tr(
                "Responsive templates written in MJML, with alt text, readable contrast in "
                "light and dark mode, and an unsubscribe link to point at your page."
            )
        )
        intro.setWordWrap(True)
        self.templates = QListWidget()
        self.templates.setObjectName("starter_templates")
        self.templates.setAccessibleName(self.tr("Templates"))
        self.templates.setWordWrap(True)
        self.templates.setItemDelegate(_TitleAndDescription(self.templates))
        self.templates.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        for key, title, description in list_starters(_translate):
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setData(DESCRIPTION_ROLE, description)
            item.setToolTip(description)
            # Screen readers read the title and the description.
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}. {description}")
            if f"starter_{key}" in ICONS:
                item.setIcon(icon(f"starter_{key}"))
            self.templates.addItem(item)
        self.templates.setCurrentRow(0)
        self.language = QComboBox()
        self.language.setObjectName("starter_language")
        self.language.setAccessibleName(self.tr("Language of the template"))
        names = {"es": self.tr("Spanish"), "en": self.tr("English")}
        for code in LANGUAGES:
            self.language.addItem(names.get(code, code), code)
        ui_language = QLocale().name().split("_")[0]
        self.language.setCurrentIndex(max(0, self.language.findData(ui_language)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.templates.itemDoubleClicked.connect(lambda _item: self.accept())
        form = QFormLayout()
        form.addRow(self.tr("Language of the template"), self.language)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.templates, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, 360)

    def choose(self, key: str, language: str | None = None) -> None:
        for row in range(self.templates.count()):
            if self.templates.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.templates.setCurrentRow(row)
        if language is not None:
            self.language.setCurrentIndex(max(0, self.language.findData(language)))

    def key(self) -> str:
        item = self.templates.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def template_language(self) -> str:
        return str(self.language.currentData())
