"""The Compose area: editors, live preview, options, checks, drafts and sending.

Wiring only: each part is its own widget (``fields_panel``, ``editors``, ``preview``,
``options_panel``, ``checks_panel``, ``attachments_panel``) and the slow work (sanitising,
building the message, checks) runs in the worker pattern through ``analysis``.
Work is never lost: changes are autosaved to the database every few seconds and before
every send; an autosave left by a crash is offered back at start-up; closing with unsaved
changes asks first.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.campaign import Attachment, Campaign
from teenvio_desktop.core.checks import CheckEnvironment, has_errors, run_checks
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.drafts import Draft, DraftRepository
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.tasks import Progress
from teenvio_desktop.ui.compose.analysis import (
    PREVIEW_STAGE,
    Analysis,
    analysis_task,
    headers_preview,
)
from teenvio_desktop.ui.compose.attachments_panel import AttachmentsPanel
from teenvio_desktop.ui.compose.checks_panel import ChecksPanel
from teenvio_desktop.ui.compose.editors import EditorTabs
from teenvio_desktop.ui.compose.fields_panel import CampaignFieldsPanel
from teenvio_desktop.ui.compose.options_panel import TeenvioOptionsPanel
from teenvio_desktop.ui.compose.preview import PreviewPane
from teenvio_desktop.ui.compose.scheme import cid_url
from teenvio_desktop.ui.compose.sources import available_accounts, recipient_lists
from teenvio_desktop.ui.translation import error_text
from teenvio_desktop.ui.worker import BackgroundTask, run_in_background

if TYPE_CHECKING:
    from teenvio_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

AUTOSAVE_INTERVAL_MS = 3000
DEBOUNCE_MS = 300
UNTITLED = "Untitled"


def _scrolling(widget: QWidget) -> QScrollArea:
    """Panels scroll rather than force the window wider (small screens, tiling WMs)."""
    scroll = QScrollArea()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    return scroll


def _fingerprint(campaign: Campaign) -> tuple[Any, ...]:
    """Cheap identity of a campaign's content (binary parts by hash, not by value)."""
    plain = dataclasses.replace(campaign, images=[], attachments=[])
    parts = [(i.cid, i.filename, i.content_type, hash(i.data)) for i in campaign.images]
    parts += [(a.filename, a.content_type, hash(a.data)) for a in campaign.attachments]
    return (json.dumps(plain.to_dict(), sort_keys=True), tuple(parts))


class ComposeArea(QWidget):
    analysed = Signal(int)  # generation of the analysis just shown
    # The benchmark turns this off to time a start without the browser engine.
    create_preview_on_show = True
    send_finished = Signal(object)  # the transport's result
    send_failed = Signal(object)  # the exception

    def __init__(self, context: AppContext, window: MainWindow | None = None) -> None:
        super().__init__()
        self.context = context
        self.main_window = window
        self.drafts = DraftRepository(context.db)
        # False in tests and the self-test: confirmations are taken as "yes", and nothing
        # modal is shown (errors go to ``last_error`` and the status bar).
        self.interactive = True
        self.last_error: BaseException | None = None
        self.draft_id: int | None = None
        self.draft_title = ""
        # Dirty = the campaign differs from the last clean state (loaded or saved), compared
        # by fingerprint so that filling pickers programmatically never counts as an edit.
        self._clean: tuple[Any, ...] | None = None
        self._force_dirty = False  # restored or imported content not saved anywhere yet
        self._autosave_due = False  # something changed since the last autosave attempt
        self._last_autosaved: tuple[Any, ...] | None = None
        self._loading = False
        self._generation = 0
        self._previewed_generation = 0
        self._analysis: BackgroundTask | None = None
        self._analysis_again = False
        self.last_analysis: Analysis | None = None
        self.recovered: Draft | None = None
        self._recovered_copy_id: int | None = None
        self.send_task: Any = None
        self.last_send_result: object = None
        self._shown_once = False

        self._build_ui()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start_analysis)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self._autosave_timer.timeout.connect(self.autosave_now)
        self._autosave_timer.start()
        self.reload_sources()
        self._mark_clean()
        self._check_for_recovery()
        self._schedule()

    # -- layout ----------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.fields = CampaignFieldsPanel()
        self.editors = EditorTabs()
        self.preview = PreviewPane()
        self.options = TeenvioOptionsPanel()
        self.checks_panel = ChecksPanel()
        self.attachments = AttachmentsPanel()
        self.toolbar = QToolBar()
        self.title_label = QLabel()
        self.title_label.setObjectName("draft_title")

        self.banner = QFrame()
        self.banner.setObjectName("recovery_banner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("restore_draft")
        self.discard_button = QPushButton(self.tr("Discard"))
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.restore_button)
        banner_layout.addWidget(self.discard_button)
        self.banner.hide()
        self.restore_button.clicked.connect(self.restore_recovered)
        self.discard_button.clicked.connect(self.discard_recovered)

        fields_scroll = _scrolling(self.fields)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(fields_scroll)
        left.addWidget(self.editors)
        left.setStretchFactor(1, 1)
        left.setSizes([260, 600])
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.checks_panel, self.tr("Checks"))
        self.side_tabs.addTab(_scrolling(self.options), self.tr("Teenvio options"))
        self.side_tabs.addTab(_scrolling(self.attachments), self.tr("Images and files"))
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.preview)
        right.addWidget(self.side_tabs)
        right.setStretchFactor(0, 1)
        right.setSizes([560, 260])
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(left)
        main.addWidget(right)
        main.setSizes([540, 540])

        top = QHBoxLayout()
        top.addWidget(self.toolbar, 1)
        top.addWidget(self.title_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(main, 1)
        self._build_actions()

        self.editors.html_editor.textChanged.connect(self._on_content_changed)
        self.editors.text_editor.textChanged.connect(self._on_content_changed)
        self.editors.html_editor.images_dropped.connect(self.insert_images)
        self.fields.changed.connect(self._on_content_changed)
        self.fields.account_changed.connect(self._schedule)
        self.options.changed.connect(self._on_options_changed)
        self.attachments.changed.connect(self._on_content_changed)
        self.attachments.insert_image_requested.connect(self.choose_images)
        self.attachments.add_attachment_requested.connect(self.choose_attachments)
        self.preview.allow_images_changed.connect(lambda _allowed: self._schedule())

    def _action(self, text: str, slot: Any, shortcut: str | QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(self.tr("&New campaign"), self.new_campaign, "Ctrl+N")
        self.open_file_action = self._action(
            self.tr("&Open HTML or .eml…"), self.choose_file, "Ctrl+O"
        )
        self.open_draft_action = self._action(self.tr("Open &draft…"), self.choose_draft)
        self.save_action = self._action(self.tr("&Save draft"), self.save_draft, "Ctrl+S")
        self.save_as_action = self._action(self.tr("Save draft &as…"), self.save_draft_as)
        self.find_action = self._action(
            self.tr("&Find and replace"), self.editors.open_find, "Ctrl+F"
        )
        self.undo_action = self._action(self.tr("&Undo"), self.editors.undo)
        self.redo_action = self._action(self.tr("&Redo"), self.editors.redo)
        self.generate_text_action = self._action(self.tr("Generate plain text"), self.generate_text)
        self.inline_css_action = self._action(self.tr("Inline CSS"), self.inline_css)
        self.insert_image_action = self._action(self.tr("Insert image…"), self.choose_images)
        self.test_send_action = self._action(self.tr("&Test send…"), self.test_send, "Ctrl+Shift+T")
        self.send_action = self._action(self.tr("Sen&d…"), self.send, "Ctrl+Return")
        # Ctrl+Enter on the keypad too.
        self.send_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        for action in (self.new_action, self.open_file_action, self.save_action,
                       self.generate_text_action, self.inline_css_action,
                       self.insert_image_action, self.find_action,
                       self.test_send_action, self.send_action):  # fmt: skip
            self.toolbar.addAction(action)

    def install_menus(self, window: MainWindow) -> None:
        """Put the composer's commands in the main window's File and Edit menus."""
        self.main_window = window
        before = getattr(window, "quit_action", None)
        file_actions = [self.new_action, self.open_file_action, self.open_draft_action,
                        self.save_action, self.save_as_action, None,
                        self.test_send_action, self.send_action, None]  # fmt: skip
        for action in file_actions:
            if action is None:
                action = QAction(self)
                action.setSeparator(True)
            if before is not None:
                window.file_menu.insertAction(before, action)
            else:
                window.file_menu.addAction(action)
        for action in (self.undo_action, self.redo_action, self.find_action, None,
                       self.generate_text_action, self.inline_css_action,
                       self.insert_image_action):  # fmt: skip
            if action is None:
                window.edit_menu.addSeparator()
            else:
                window.edit_menu.addAction(action)
        extra = [self.open_draft_action, self.save_as_action]
        for action in [*self.toolbar.actions(), *extra]:
            # Shortcuts work from any area; the command brings the composer forward.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(self._bring_forward)
        window.addActions(self.toolbar.actions())
        window.add_close_guard(self)

    def _bring_forward(self) -> None:
        if self.main_window is not None and "compose" in self.main_window.area_keys():
            self.main_window.show_area("compose")

    # -- preview lifecycle ----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_once:
            self.reload_sources()  # accounts and lists may have changed in their areas
        self._shown_once = True
        if self.create_preview_on_show and not self.preview.has_view():
            # After the window is on screen, so creating the browser does not delay it.
            QTimer.singleShot(0, self.preview.ensure_view)

    # -- the campaign ------------------------------------------------------------------------
    def campaign(self) -> Campaign:
        campaign = Campaign(
            html=self.editors.html_editor.toPlainText(),
            text=self.editors.text_editor.toPlainText(),
            images=list(self.attachments.images),
            attachments=list(self.attachments.attachments),
            options=self.options.options(),
        )
        self.fields.apply_to(campaign)
        return campaign

    def load_campaign(
        self, campaign: Campaign, *, draft_id: int | None = None, title: str = ""
    ) -> None:
        """Show ``campaign`` as the message being edited (a clean state)."""
        self._loading = True
        try:
            self.fields.load(campaign)
            self.options.set_options(campaign.options)
            self.attachments.set_items(campaign.images, campaign.attachments)
            self.editors.html_editor.setPlainText(campaign.html)
            self.editors.text_editor.setPlainText(campaign.text)
        finally:
            self._loading = False
        self.preview.reset_allow_images()
        self.draft_id, self.draft_title = draft_id, title
        self._mark_clean()
        self._schedule()

    def reload_sources(self) -> None:
        """Re-read accounts and recipient lists (they change in other areas)."""
        self.fields.set_accounts(available_accounts(self.context))
        self.fields.set_lists(recipient_lists(self.context))

    def check_environment(self) -> CheckEnvironment:
        account = self.fields.current_account()
        senders = [s.address for s in account.senders] if account and account.senders else None
        chosen = self.fields.current_list()
        return CheckEnvironment(
            validated_senders=senders,
            validated_reply_tos=[a.address for a in account.reply_tos] if account else (),
            columns=("email", "name", *chosen.columns) if chosen else None,
            recipients_count=chosen.count if chosen else None,
        )

    def check_environment_for_test(self) -> CheckEnvironment:
        """Test sends go to typed addresses with the merge fields already filled in."""
        account = self.fields.current_account()
        senders = [s.address for s in account.senders] if account and account.senders else None
        return CheckEnvironment(
            validated_senders=senders,
            validated_reply_tos=[a.address for a in account.reply_tos] if account else (),
        )

    def current_checks(self) -> list[Any]:
        return run_checks(self.campaign(), self.check_environment())

    # -- change tracking, analysis, autosave -----------------------------------------------
    def _on_content_changed(self) -> None:
        if self._loading:
            return
        self._autosave_due = True
        self._schedule()

    def _on_options_changed(self) -> None:
        # The headers view follows an option at once, without waiting for the debounce.
        headers, _error = headers_preview(self.campaign())
        self.preview.set_headers(headers)
        self._on_content_changed()

    def _mark_clean(self) -> None:
        self._clean = _fingerprint(self.campaign())
        self._force_dirty = False
        self._autosave_due = False
        self._update_title()

    def _mark_unsaved(self) -> None:
        self._force_dirty = True
        self._autosave_due = True
        self._update_title()

    def is_dirty(self) -> bool:
        return self._force_dirty or _fingerprint(self.campaign()) != self._clean

    def _update_title(self) -> None:
        name = self.draft_title or self.tr("Untitled campaign")
        self.title_label.setText(f"{name}{' *' if self.is_dirty() else ''}")

    def _schedule(self) -> None:
        self._debounce.start()

    def _start_analysis(self) -> None:
        if self._analysis is not None:
            self._analysis_again = True  # one more run once the current one ends
            return
        self._generation += 1
        campaign = self.campaign()
        self._update_title()
        self.preview.set_plain_text(campaign.text)
        task = run_in_background(
            analysis_task(
                self._generation,
                campaign,
                self.check_environment(),
                allow_remote_images=self.preview.allow_images(),
                cid_url=cid_url,
            ),
            self,
        )
        task.worker.progress.connect(self._on_preview_ready)
        task.worker.result.connect(self._on_analysis)
        task.worker.error.connect(self._on_analysis_error)
        task.worker.finished.connect(self._on_analysis_finished)
        self._analysis = task
        task.start()

    def _on_preview_ready(self, progress: Progress) -> None:
        if progress.stage != PREVIEW_STAGE:
            return
        details = progress.details
        self._show_preview(
            int(details["generation"]), str(details["html"]), int(details["blocked"])
        )

    def _show_preview(self, generation: int, html: str, blocked: int) -> None:
        if generation <= self._previewed_generation:
            return  # already shown (the early report came first)
        self._previewed_generation = generation
        self.preview.set_images({i.cid: (i.content_type, i.data) for i in self.attachments.images})
        self.preview.show_document(generation, html)
        self.preview.set_blocked_count(blocked)

    def _on_analysis(self, analysis: Analysis) -> None:
        self.last_analysis = analysis
        self._show_preview(analysis.generation, analysis.preview_html, analysis.blocked_images)
        self.checks_panel.set_checks(analysis.checks)
        self.checks_panel.set_size(analysis.size, analysis.limit)
        headers = analysis.headers
        if analysis.headers_error is not None:
            headers = (
                "# " + error_text(analysis.headers_error).replace("\n", "\n# ") + "\n" + headers
            )
        self.preview.set_headers(headers)
        self.send_action.setEnabled(not has_errors(analysis.checks))
        self.analysed.emit(analysis.generation)

    def _on_analysis_error(self, exc: BaseException) -> None:
        # Runs after every pause in typing: never a dialog, the status bar says it.
        log.error("Preview update failed: %s", exc)
        self.last_error = exc
        self._status(error_text(exc))

    def _on_analysis_finished(self) -> None:
        self._analysis = None
        if self._analysis_again:
            self._analysis_again = False
            self._start_analysis()

    def autosave_now(self) -> bool:
        """Write the autosave slot if anything changed since the last write."""
        if not self._autosave_due:
            return False
        campaign = self.campaign()
        fingerprint = _fingerprint(campaign)
        self._autosave_due = False
        try:
            if not self._force_dirty and fingerprint == self._clean:
                if self._last_autosaved is not None:  # edited back to the saved state
                    self.drafts.clear_autosave()
                    self._last_autosaved = None
                return False
            if fingerprint == self._last_autosaved:
                return False
            self.drafts.autosave(campaign, self.draft_title or UNTITLED, self.draft_id)
        except Exception as exc:  # a full disk must not lose the editor's content
            self._autosave_due = True
            log.exception("Autosave failed")
            self._status(self.tr("Autosave failed: {error}").format(error=exc))
            return False
        self._last_autosaved = fingerprint
        return True

    # -- crash recovery --------------------------------------------------------------------
    def _check_for_recovery(self) -> None:
        recovered = self.drafts.recovery()
        if recovered is None:
            return
        # Keep it as a named draft at once: whatever the user does next, it is not lost.
        title = self.tr("{title} (recovered)").format(title=recovered.title or UNTITLED)
        self._recovered_copy_id = self.drafts.save(recovered.campaign, title)
        self.drafts.clear_autosave()
        self.recovered = recovered
        when = QDateTime.fromString(recovered.updated_at, Qt.DateFormat.ISODate).toLocalTime()
        self.banner_label.setText(
            self.tr(
                'The app did not close properly. Unsaved work from {time} ("{subject}") '
                "was recovered. Restore it?"
            ).format(
                time=when.toString("yyyy-MM-dd HH:mm:ss"),
                subject=recovered.campaign.subject or recovered.title,
            )
        )
        self.banner.show()

    def has_recovery(self) -> bool:
        return self.recovered is not None

    def restore_recovered(self) -> None:
        recovered = self.recovered
        if recovered is None:
            return
        self.load_campaign(
            recovered.campaign, draft_id=recovered.source_draft_id, title=recovered.title
        )
        if recovered.title == UNTITLED:
            self.draft_title = ""
        if self._recovered_copy_id is not None:
            self.drafts.delete(self._recovered_copy_id)
        self._mark_unsaved()
        self.autosave_now()
        self._close_banner()

    def discard_recovered(self) -> None:
        if self._recovered_copy_id is not None:
            self.drafts.delete(self._recovered_copy_id)
        self._close_banner()

    def _close_banner(self) -> None:
        self.recovered = None
        self._recovered_copy_id = None
        self.banner.hide()

    # -- drafts ----------------------------------------------------------------------------
    def save_draft(self) -> bool:
        if self.draft_id is None:
            return self.save_draft_as()
        return self._save(self.draft_title)

    def save_draft_as(self) -> bool:
        suggested = self.draft_title or self.fields.subject.text().strip() or self.tr("Untitled")
        if self.interactive:
            title, ok = QInputDialog.getText(
                self, self.tr("Save draft"), self.tr("Draft name:"), text=suggested
            )
            if not ok or not title.strip():
                return False
            self.draft_id = None
        else:
            title = suggested
        return self._save(title.strip())

    def _save(self, title: str) -> bool:
        try:
            self.draft_id = self.drafts.save(self.campaign(), title, self.draft_id)
            self.drafts.clear_autosave()
        except Exception as exc:
            self._report(exc)
            return False
        self.draft_title = title
        self._last_autosaved = None
        self._mark_clean()
        self._status(self.tr('Draft "{title}" saved.').format(title=title))
        return True

    def open_draft(self, draft_id: int) -> bool:
        if not self.may_discard():
            return False
        try:
            draft = self.drafts.open(draft_id)
        except TeenvioError as exc:
            self._report(exc)
            return False
        self.load_campaign(draft.campaign, draft_id=draft.id, title=draft.title)
        self.drafts.clear_autosave()
        return True

    def choose_draft(self) -> None:
        from teenvio_desktop.ui.compose.drafts_dialog import DraftsDialog

        dialog = DraftsDialog(self.drafts, self)
        if dialog.exec() and dialog.chosen_id is not None:
            self.open_draft(dialog.chosen_id)

    def new_campaign(self) -> bool:
        if not self.may_discard():
            return False
        keep = self.campaign()
        fresh = Campaign(
            account_name=keep.account_name,
            transport=keep.transport,
            sender=keep.sender,
            sender_name=keep.sender_name,
            reply_to=keep.reply_to,
            reply_to_name=keep.reply_to_name,
            source_system=keep.source_system,
        )
        self.load_campaign(fresh)
        self.drafts.clear_autosave()
        return True

    def may_discard(self) -> bool:
        """Before replacing the message: save, discard or cancel when it has changes."""
        if not self.is_dirty():
            return True
        if not self.interactive:
            self._autosave_due = True
            self.autosave_now()
            return not self._autosave_due  # the work is in the autosave slot
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The campaign has unsaved changes. Save them as a draft first?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save_draft()
        return answer == QMessageBox.StandardButton.Discard

    def may_close(self) -> bool:
        """Close guard for the main window."""
        dirty = self.is_dirty()
        if dirty and not self.interactive:
            self._autosave_due = True
            self.autosave_now()  # kept for recovery: never lost without asking
            return True
        if not self.may_discard():
            return False
        # Saved or deliberately discarded: nothing is left to recover.
        self._autosave_timer.stop()
        self.drafts.clear_autosave()
        return True

    # -- files and content actions -----------------------------------------------------------
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open HTML or email"),
            "",
            self.tr("HTML and email files (*.html *.htm *.eml);;All files (*)"),
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> bool:
        if not self.may_discard():
            return False
        from teenvio_desktop.core.html_tools import open_campaign_file

        try:
            opened = open_campaign_file(path)
        except TeenvioError as exc:
            self._report(exc)
            return False
        current = self.campaign()
        # The envelope the user already chose stays; the file brings the content.
        current.html, current.text = opened.html, opened.text
        current.images, current.attachments = opened.images, opened.attachments
        current.subject = opened.subject or current.subject
        if path.suffix.lower() == ".eml":
            current.options = opened.options
            current.sender = opened.sender or current.sender
            current.sender_name = opened.sender_name or current.sender_name
            current.reply_to = opened.reply_to or current.reply_to
            current.reply_to_name = opened.reply_to_name or current.reply_to_name
        self.load_campaign(current, title="")
        self._mark_unsaved()
        return True

    def _replace_text(self, editor: Any, text: str) -> None:
        cursor = editor.textCursor()
        cursor.beginEditBlock()  # one undo step
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()

    def generate_text(self) -> None:
        from teenvio_desktop.core.html_tools import html_to_text

        text = html_to_text(self.editors.html_editor.toPlainText())
        self._replace_text(self.editors.text_editor, text)
        self.editors.tabs.setCurrentWidget(self.editors.text_editor)

    def inline_css(self) -> None:
        from teenvio_desktop.core.html_tools import inline_css

        try:
            html = inline_css(self.editors.html_editor.toPlainText())
        except TeenvioError as exc:
            self._report(exc)
            return
        self._replace_text(self.editors.html_editor, html)

    def choose_images(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Insert image"),
            "",
            self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp *.svg)"),
        )
        if paths:
            self.insert_images([Path(p) for p in paths])

    def insert_images(self, paths: list[Path]) -> list[str]:
        """Add each file as an inline image and put ``<img src="cid:...">`` at the cursor."""
        from teenvio_desktop.core.html_tools import image_from_file

        cids: list[str] = []
        for path in paths:
            try:
                image = image_from_file(path, {i.cid for i in self.attachments.images})
            except TeenvioError as exc:
                self._report(exc)
                continue
            self.attachments.add_image(image)
            self.editors.html_editor.insertPlainText(f'<img src="cid:{image.cid}" alt="">')
            cids.append(image.cid)
        return cids

    def choose_attachments(self) -> None:
        import mimetypes

        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        for name in paths:
            path = Path(name)
            try:
                data = path.read_bytes()
            except OSError as exc:
                self._report(exc)
                continue
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            self.attachments.add_attachment(Attachment(path.name, content_type, data))

    # -- sending -----------------------------------------------------------------------------
    def send(self) -> bool:
        from teenvio_desktop.ui.compose.sending import send_campaign

        return send_campaign(self)

    def test_send(
        self, addresses: list[str] | None = None, row: dict[str, str] | None = None
    ) -> bool:
        from teenvio_desktop.ui.compose.sending import test_send_campaign

        return test_send_campaign(self, addresses, row)

    # -- feedback -----------------------------------------------------------------------------
    def _status(self, text: str) -> None:
        if self.main_window is not None:
            self.main_window.statusBar().showMessage(text, 5000)

    def _report(self, exc: BaseException) -> None:
        self.last_error = exc
        message = error_text(exc) if not isinstance(exc, OSError) else str(exc)
        self._status(message)
        if self.interactive:
            QMessageBox.warning(self, self.tr("Composer"), message)
