"""The five Teenvio options of the SMTP-API (seed, section 2.3), with their defaults."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QWidget

from teenvio_desktop.core.campaign import DEFAULT_LANGUAGE_ID, TEENVIO_LANGUAGES, TeenvioOptions


def language_names() -> dict[int, str]:
    """The 13 documented languages, named in the UI language."""
    names = {
        3: QCoreApplication.translate("TeenvioLanguage", "Spanish"),
        4: QCoreApplication.translate("TeenvioLanguage", "English"),
        5: QCoreApplication.translate("TeenvioLanguage", "Italian"),
        6: QCoreApplication.translate("TeenvioLanguage", "French"),
        7: QCoreApplication.translate("TeenvioLanguage", "German"),
        8: QCoreApplication.translate("TeenvioLanguage", "Dutch"),
        11: QCoreApplication.translate("TeenvioLanguage", "Portuguese"),
        13: QCoreApplication.translate("TeenvioLanguage", "Norwegian"),
        14: QCoreApplication.translate("TeenvioLanguage", "Swedish"),
        15: QCoreApplication.translate("TeenvioLanguage", "Catalan"),
        16: QCoreApplication.translate("TeenvioLanguage", "Finnish"),
        17: QCoreApplication.translate("TeenvioLanguage", "Galician"),
        18: QCoreApplication.translate("TeenvioLanguage", "Basque"),
    }
    assert set(names) == set(TEENVIO_LANGUAGES)
    return names


class TeenvioOptionsPanel(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Teenvio options"), parent)
        self.show_cab = QCheckBox(self.tr('Show the "can\'t see this message" header'))
        self.show_cab.setObjectName("option_show_cab")
        self.social_links = QCheckBox(self.tr("Social network links in the footer"))
        self.social_links.setObjectName("option_social_links")
        self.language = QComboBox()
        self.language.setObjectName("option_language")
        for language_id, name in language_names().items():
            self.language.addItem(f"{name} ({language_id})", language_id)
        self.tracking_opening = QCheckBox(self.tr("Track opens"))
        self.tracking_opening.setObjectName("option_tracking_opening")
        self.tracking_clicks = QCheckBox(self.tr("Track clicks"))
        self.tracking_clicks.setObjectName("option_tracking_clicks")
        form = QFormLayout(self)
        form.addRow(self.show_cab)
        form.addRow(self.social_links)
        form.addRow(self.tr("Header and footer language"), self.language)
        form.addRow(self.tracking_opening)
        form.addRow(self.tracking_clicks)
        self.set_options(TeenvioOptions())
        for box in (self.show_cab, self.social_links, self.tracking_opening, self.tracking_clicks):
            box.toggled.connect(self.changed)
        self.language.currentIndexChanged.connect(self.changed)

    def options(self) -> TeenvioOptions:
        return TeenvioOptions(
            show_cab=self.show_cab.isChecked(),
            social_links=self.social_links.isChecked(),
            language=int(self.language.currentData() or DEFAULT_LANGUAGE_ID),
            tracking_opening=self.tracking_opening.isChecked(),
            tracking_clicks=self.tracking_clicks.isChecked(),
        )

    def set_options(self, options: TeenvioOptions) -> None:
        self.blockSignals(True)
        try:
            for box, value in (
                (self.show_cab, options.show_cab),
                (self.social_links, options.social_links),
                (self.tracking_opening, options.tracking_opening),
                (self.tracking_clicks, options.tracking_clicks),
            ):
                box.blockSignals(True)
                box.setChecked(value)
                box.blockSignals(False)
            self.language.blockSignals(True)
            index = self.language.findData(options.language)
            self.language.setCurrentIndex(index if index >= 0 else 0)
            self.language.blockSignals(False)
        finally:
            self.blockSignals(False)
