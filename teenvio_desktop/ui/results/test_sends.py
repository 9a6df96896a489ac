"""Test sends in the campaign list: marked as tests, and hidden when the user says so
(the choice is remembered)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from teenvio_desktop.core.settings import SettingsRepository
from teenvio_desktop.core.stats.store import StatsCampaign

SHOW_TEST_SENDS_KEY = "results.show_test_sends"


class TestSendsToggle(QCheckBox):
    """“Show test sends”; checked by default, remembered in the settings."""

    def __init__(self, settings: SettingsRepository, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Show test sends"), parent)
        self.setObjectName("show_test_sends")
        self._settings = settings
        self.setChecked(bool(settings.get(SHOW_TEST_SENDS_KEY, True)))
        self.toggled.connect(lambda shown: settings.set(SHOW_TEST_SENDS_KEY, bool(shown)))

    def visible(self, campaigns: list[StatsCampaign]) -> list[StatsCampaign]:
        return campaigns if self.isChecked() else [c for c in campaigns if not c.is_test]
