"""The Recipients area: saved lists on the left, the selected list's members on the right.

Dropping a file anywhere on the area opens the import wizard with that file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.recipients import RecipientList, RecipientListRepository
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback
from teenvio_desktop.ui import file_folders
from teenvio_desktop.ui.eliding_label import ElidingLabel
from teenvio_desktop.ui.formatting import format_count
from teenvio_desktop.ui.prompter import DialogPrompter, Prompter
from teenvio_desktop.ui.recipients.lists_model import ListsModel
from teenvio_desktop.ui.recipients.member_editor import MemberEditor
from teenvio_desktop.ui.recipients.members_model import MembersModel
from teenvio_desktop.ui.recipients.wizard import ImportWizard
from teenvio_desktop.ui.style import SPACING, IconRole, area_margins, icon, scaled_font, set_role
from teenvio_desktop.ui.table_columns import ResponsiveColumns
from teenvio_desktop.ui.tasks import run_task
from teenvio_desktop.ui.translation import error_text

MEMBER_COLUMN_MAX = 280


class RecipientsArea(QWidget):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        prompter: Prompter | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.prompter = prompter or DialogPrompter()
        self.repo = RecipientListRepository(context.db)
        self.repo.discard_incomplete()  # left by a crash during an import
        self.wizard: ImportWizard | None = None
        self.setAcceptDrops(True)

        self.lists_model = ListsModel(context.db, self)
        self.lists_view = QTableView()
        self.lists_view.setObjectName("recipientLists")
        self.lists_view.setModel(self.lists_model)
        self.lists_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lists_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.lists_view.setAccessibleName(self.tr("Recipient lists"))
        self.lists_view.setAlternatingRowColors(True)
        self.lists_view.setWordWrap(False)
        self.lists_view.setShowGrid(False)
        self.lists_view.verticalHeader().hide()
        self.list_columns = ResponsiveColumns(
            self.lists_view, stretch=0, priority=(1, 2), min_stretch_width=140
        )
        self.lists_view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.import_button = QPushButton(icon("import"), self.tr("&Import…"))
        self.import_button.setObjectName("recipientsImport")
        self.import_button.clicked.connect(lambda: self.open_wizard())
        self.rename_button = QPushButton(icon("rename"), self.tr("&Rename…"))
        self.rename_button.clicked.connect(self.rename_selected)
        self.merge_button = QPushButton(icon("merge"), self.tr("&Merge…"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.export_button = QPushButton(icon("export"), self.tr("E&xport…"))
        self.export_button.clicked.connect(self.export_selected)
        self.delete_button = QPushButton(icon("delete"), self.tr("&Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (
            self.import_button,
            self.rename_button,
            self.merge_button,
            self.export_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        lists_title = QLabel(self.tr("Lists"))
        lists_title.setFont(scaled_font(lists_title, 1.0, bold=True))
        left_layout.addWidget(lists_title)
        left_layout.addWidget(self.lists_view)
        hint = QLabel(self.tr("Drop a CSV, XLSX or ODS file here to import it."))
        hint.setWordWrap(True)
        set_role(hint, "textRole", "muted")
        left_layout.addWidget(hint)

        self.members_model = MembersModel(context.db, self)
        self.members_view = QTableView()
        self.members_view.setObjectName("recipientMembers")
        self.members_view.setAccessibleName(self.tr("Recipients of the list"))
        self.members_view.setAlternatingRowColors(True)
        self.members_view.setWordWrap(False)
        self.members_view.setModel(self.members_model)
        self.members_view.setSortingEnabled(True)
        self.members_view.horizontalHeader().setSortIndicatorShown(True)
        self.members_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        # Fixed row heights: the view never measures a million rows.
        self.members_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.members_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.members_view.verticalHeader().hide()
        self.members_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.members_view.horizontalHeader().setDefaultSectionSize(220)
        self.members_view.horizontalHeader().setStretchLastSection(True)
        self.members_view.horizontalHeader().setResizeContentsPrecision(100)  # first rows only
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("recipientSearch")
        self.search_edit.setPlaceholderText(self.tr("Search address or name"))
        self.search_edit.setAccessibleName(self.tr("Search"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(
            icon("find", IconRole.MUTED), QLineEdit.ActionPosition.LeadingPosition
        )
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(
            lambda: self.members_model.set_search(self.search_edit.text())
        )
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.members_model.modelReset.connect(self._update_count)
        self.members_model.modelReset.connect(self._fit_member_columns)
        # Single recipients: context menu, Insert / Enter / Delete, Ctrl+Z to undo.
        self.member_editor = MemberEditor(
            context.db, self.members_view, self.members_model, self.prompter
        )
        self.member_editor.changed.connect(self._members_edited)
        self.members_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.count_label = QLabel()
        set_role(self.count_label, "textRole", "muted")
        self.members_title = ElidingLabel()
        self.members_title.setFont(scaled_font(self.members_title, 1.0, bold=True))
        title_row = QHBoxLayout()
        title_row.addWidget(self.members_title, 1)
        title_row.addWidget(self.count_label)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(6)
        right_layout.addLayout(title_row)
        right_layout.addWidget(self.members_view, 1)

        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 600])
        top = QHBoxLayout()
        top.setSpacing(SPACING)
        top.addLayout(buttons, 1)
        top.addWidget(self.search_edit)
        self.search_edit.setMinimumWidth(260)
        layout = QVBoxLayout(self)
        area_margins(layout)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.refresh()

    # -- lists ---------------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        current = select if select is not None else self.members_model.list_id()
        self.lists_model.refresh()
        row = self.lists_model.row_of(current) if current is not None else -1
        if row >= 0:
            self.lists_view.selectRow(row)
        else:
            self.members_model.set_list(None)
        self._update_buttons()

    def _members_edited(self, list_id: int) -> None:
        del list_id
        self.lists_model.update_in_place()  # its count changed; the selection stays
        self._update_count()

    def show_members(self, list_id: int, search: str = "") -> None:
        """Show ``list_id``'s members, searched for ``search`` (e.g. an address to correct)."""
        self.refresh(list_id)
        self.search_edit.setText(search)
        self.members_model.set_search(search)
        self.members_view.setFocus()

    def selected_lists(self) -> list[RecipientList]:
        rows = sorted({i.row() for i in self.lists_view.selectionModel().selectedRows()})
        return [x for x in (self.lists_model.list_at(r) for r in rows) if x is not None]

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        chosen = self.selected_lists()
        wanted = chosen[0].id if len(chosen) == 1 else None
        if wanted != self.members_model.list_id():
            self.search_edit.clear()
            self.members_model.set_list(wanted)
            self.members_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._update_buttons()

    def _update_buttons(self) -> None:
        count = len(self.selected_lists())
        self.rename_button.setEnabled(count == 1)
        self.export_button.setEnabled(count == 1)
        self.merge_button.setEnabled(count >= 2)
        self.delete_button.setEnabled(count >= 1)

    def _update_count(self) -> None:
        shown, total = self.members_model.rowCount(), self.members_model.total()
        list_id = self.members_model.list_id()
        if list_id is None:
            self.count_label.setText("")
            self.members_title.setText(self.tr("Choose a list to see its recipients."))
            return
        row = self.lists_model.row_of(list_id)
        chosen = self.lists_model.list_at(row) if row >= 0 else None
        self.members_title.setText(chosen.name if chosen is not None else "")
        if shown == total:
            self.count_label.setText(self.tr("%Ln recipient(s)", "", total))
        else:
            self.count_label.setText(
                self.tr("{shown} of %Ln recipient(s)", "", total).format(shown=format_count(shown))
            )

    def _fit_member_columns(self) -> None:
        """Columns as wide as their first rows need (at most MEMBER_COLUMN_MAX), so a list
        of a few fields needs no sideways scrolling; the view samples, never reads all."""
        view = self.members_view
        for column in range(self.members_model.columnCount()):
            view.resizeColumnToContents(column)
            view.setColumnWidth(column, min(view.columnWidth(column), MEMBER_COLUMN_MAX))

    def _show_error(self, error: BaseException) -> None:
        self.prompter.warn(self, self.tr("Recipients"), error_text(error))

    def rename_selected(self) -> None:
        (item,) = self.selected_lists()[:1] or (None,)
        if item is None:
            return
        name = self.prompter.ask_text(self, self.tr("Rename list"), self.tr("New name:"), item.name)
        if name is not None:
            try:
                self.repo.rename(item.id, name)
            except TeenvioError as exc:
                self._show_error(exc)
            self.refresh(item.id)

    def merge_selected(self) -> None:
        chosen = self.selected_lists()
        if len(chosen) < 2:
            return
        name = self.prompter.ask_text(
            self,
            self.tr("Merge lists"),
            self.tr("Name of the merged list (repeated addresses are kept once):"),
            self.repo.unique_name(" + ".join(x.name for x in chosen)),
        )
        if name is None:
            return
        ids = [x.id for x in chosen]
        repo = self.repo

        def work(progress: ProgressCallback, cancel: CancelToken) -> int:
            del progress, cancel
            return repo.merge(ids, name)

        task = run_task(work, self)
        task.result.connect(self.refresh)
        task.error.connect(self._show_error)
        task.start()

    def export_selected(self) -> None:
        (item,) = self.selected_lists()[:1] or (None,)
        if item is None:
            return
        path = self.prompter.save_file(
            self,
            self.tr("Export list"),
            f"{item.name}.csv",
            self.tr("CSV (*.csv)"),
            kind=file_folders.EXPORTS,
        )
        if path is not None:
            self.export_list(item.id, path)

    def export_list(self, list_id: int, path: Path) -> None:
        repo = self.repo

        def work(progress: ProgressCallback, cancel: CancelToken) -> int:
            return repo.export_csv(list_id, path, progress=progress, cancel=cancel)

        task = run_task(work, self)
        task.error.connect(self._show_error)
        task.start()

    def delete_selected(self) -> None:
        chosen = self.selected_lists()
        if not chosen:
            return
        names = ", ".join(f"\u201c{x.name}\u201d" for x in chosen)
        question = self.tr("Delete {names}? This cannot be undone.").format(names=names)
        if not self.prompter.confirm(self, self.tr("Delete lists"), question, default_yes=False):
            return
        for item in chosen:
            self.repo.delete_list(item.id)
        self.members_model.set_list(None)
        self.refresh()

    # -- importing -----------------------------------------------------------------------
    def open_wizard(self, path: Path | None = None) -> ImportWizard:
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            return self.wizard
        wizard = ImportWizard(self.context, self, prompter=self.prompter)
        wizard.imported.connect(lambda list_id: self.refresh(list_id))
        self.wizard = wizard
        wizard.show()
        if path is not None:
            wizard.start_with_file(path)
        return wizard

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_wizard(path)


def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    local = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    return local[0] if len(local) == 1 and local[0].is_file() else None
