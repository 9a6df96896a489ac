"""Whose data fills the merge fields in the preview (and in the link check).

The first recipient by default; typing searches the list by address or name (in the
background: a list may hold a million rows). Only TEA Lite personalises messages, so the
picker shows for that transport; the SMTP-API sends one message, as written, to everyone.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback
from teenvio_desktop.ui.compose.sources import find_recipients
from teenvio_desktop.ui.latest import LatestRequest

SEARCH_DELAY_MS = 250
SHOWN_ROWS = 50


def _label(row: dict[str, str]) -> str:
    email = row.get("email", "")
    name = row.get("name", "").strip()
    return f"{name} <{email}>" if name else email


class RecipientPicker(QWidget):
    changed = Signal()  # another recipient (or none) was chosen
    rows_loaded = Signal()  # the list's rows (or a search's) arrived

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._list_id: int | None = None
        self._addresses: list[str] = []
        self._rows: list[dict[str, str]] = []
        self._chosen: dict[str, str] | None = None
        self.label = QLabel(self.tr("Preview with the data of"))
        self.combo = QComboBox()
        self.combo.setObjectName("preview_recipient")
        self.combo.setAccessibleName(self.tr("Recipient whose data the preview shows"))
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setCompleter(None)  # type: ignore[arg-type]  # the search replaces it
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(12)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        line = self.combo.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Search by address"))
        line.textEdited.connect(self._on_typed)
        self.combo.activated.connect(self._on_activated)
        self.label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo, 1)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search)
        self._latest = LatestRequest(self)
        self._latest.result.connect(self._on_rows)
        self._fill([])

    # -- what to choose from -------------------------------------------------------------
    def set_source(self, list_id: int | None, addresses: list[str]) -> None:
        """The campaign's recipients: a saved list, or the addresses typed."""
        if list_id == self._list_id and (list_id is not None or addresses == self._addresses):
            return
        self._list_id, self._addresses = list_id, list(addresses)
        had_chosen, self._chosen = self._chosen is not None, None
        if list_id is None:
            self._latest.cancel()
            self._fill([{"email": address} for address in addresses[:SHOWN_ROWS]])
            self._choose_first()
        else:
            self._fill([])
            self._load("")
        if had_chosen and self._chosen is None:
            self.changed.emit()

    def _load(self, search: str) -> None:
        list_id, context = self._list_id, self._context
        if list_id is None:
            return

        def work(progress: ProgressCallback, cancel: CancelToken) -> list[dict[str, str]]:
            del progress
            cancel.raise_if_cancelled()
            return find_recipients(context, list_id, search, SHOWN_ROWS)

        self._latest.submit(work)

    def _on_rows(self, rows: object) -> None:
        assert isinstance(rows, list)
        typed = self.combo.currentText()
        searching = self._chosen is not None or bool(typed.strip())
        self._fill(rows)
        if self._chosen is None:
            self._choose_first()
        elif searching:
            self._restore_typed(typed)
        self.rows_loaded.emit()

    def _fill(self, rows: list[dict[str, str]]) -> None:
        self._rows = rows
        self.combo.blockSignals(True)
        try:
            self.combo.clear()
            self.combo.addItem(self.tr("Nobody (fields as written)"), -1)
            for index, row in enumerate(rows):
                self.combo.addItem(_label(row), index)
        finally:
            self.combo.blockSignals(False)

    def _restore_typed(self, typed: str) -> None:
        line = self.combo.lineEdit()
        assert line is not None
        self.combo.setCurrentIndex(-1)
        line.setText(typed)
        if self.combo.hasFocus() and len(self._rows) > 0:
            self.combo.showPopup()

    # -- choosing --------------------------------------------------------------------------
    def row(self) -> dict[str, str] | None:
        """The chosen recipient's merge row (None: no personalisation)."""
        return self._chosen

    def row_label(self) -> str:
        return self._chosen.get("email", "") if self._chosen else ""

    def rows(self) -> list[dict[str, str]]:
        return list(self._rows)

    def choose(self, index: int) -> None:
        """Choose the ``index``-th row shown (0 is the first recipient; -1 nobody)."""
        self.combo.setCurrentIndex(index + 1)
        self._on_activated(index + 1)

    def _choose_first(self) -> None:
        self.choose(0 if self._rows else -1)

    def _on_activated(self, combo_index: int) -> None:
        line = self.combo.lineEdit()
        if line is not None and not line.hasFocus():
            line.setCursorPosition(0)  # the name first, not the end of a long label
        data = self.combo.itemData(combo_index)
        row = self._rows[int(data)] if isinstance(data, int) and data >= 0 else None
        if row != self._chosen:
            self._chosen = row
            self.changed.emit()

    def _on_typed(self, _text: str) -> None:
        self._search_timer.start()

    def _search(self) -> None:
        text = self.combo.currentText().strip()
        if self._list_id is None:
            wanted = [a for a in self._addresses if text.lower() in a.lower()]
            self._fill([{"email": a} for a in wanted[:SHOWN_ROWS]])
            self._restore_typed(text)
            return
        self._load(text)
