"""Choosing a starter template for a new campaign: which one, and in which language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.starters import LANGUAGES, list_starters


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


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
        for key, title, description in list_starters(_translate):
            item = QListWidgetItem(f"{title}\n{description}")
            item.setData(Qt.ItemDataRole.UserRole, key)
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
