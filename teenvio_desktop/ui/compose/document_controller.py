"""Drafts, autosave, crash recovery and the close guard of the composer.

The saving rules live in ``core/compose`` (:class:`ComposerDocument`); this controller
connects them to the widgets, the timer and the questions asked through the prompter.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QDateTime, QObject, Qt, QTimer, Signal

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.compose import ComposerDocument, Recovery, recover_unsaved_work
from teenvio_desktop.core.compose.recovery import forget_copy
from teenvio_desktop.core.drafts import DraftRepository
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.ui.compose.drafts_dialog import DraftsDialog
from teenvio_desktop.ui.compose.feedback import Feedback
from teenvio_desktop.ui.compose.form import CampaignForm
from teenvio_desktop.ui.compose.recovery_banner import RecoveryBanner
from teenvio_desktop.ui.prompter import UnsavedChoice
from teenvio_desktop.ui.translation import error_text

log = logging.getLogger(__name__)

AUTOSAVE_INTERVAL_MS = 3000


class DocumentController(QObject):
    loaded = Signal()  # a campaign replaced the editors' content
    title_changed = Signal(str)  # the draft's name, with " *" when it has unsaved changes

    def __init__(
        self,
        form: CampaignForm,
        drafts: DraftRepository,
        banner: RecoveryBanner,
        feedback: Feedback,
    ) -> None:
        super().__init__(feedback)
        self.form, self.banner, self.feedback = form, banner, feedback
        self.prompter = feedback.prompter
        self.document = ComposerDocument(drafts)
        self.recovery: Recovery | None = None
        form.edited.connect(self.document.note_edit)
        form.options_edited.connect(self.document.note_edit)
        banner.restore_requested.connect(self.restore_recovered)
        banner.discard_requested.connect(self.discard_recovered)
        self._timer = QTimer(self)
        self._timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self._timer.timeout.connect(self.autosave_now)
        self._timer.start()

    @property
    def draft_id(self) -> int | None:
        return self.document.draft_id

    # --- the campaign in the editors -------------------------------------------------------

    def load(self, campaign: Campaign, *, draft_id: int | None = None, title: str = "") -> None:
        """Show ``campaign`` as the message being edited (a clean state)."""
        self.form.show(campaign)
        self.document.mark_clean(self.form.campaign(), draft_id=draft_id, title=title)
        self.refresh_title()
        self.loaded.emit()

    def is_dirty(self) -> bool:
        return self.document.is_dirty(self.form.campaign())

    def refresh_title(self) -> None:
        name = self.document.title or self.tr("Untitled campaign")
        self.title_changed.emit(f"{name}{' *' if self.is_dirty() else ''}")

    def mark_unsaved(self) -> None:
        self.document.mark_unsaved()
        self.refresh_title()

    def autosave_now(self, *, force: bool = False) -> bool:
        """Write the autosave slot if anything changed since the last write."""
        try:
            return self.document.autosave(self.form.campaign(), force=force)
        except Exception as exc:  # a full disk must not lose the editor's content
            log.exception("Autosave failed")
            self.feedback.say(self.tr("Autosave failed: {error}").format(error=error_text(exc)))
            return False

    # --- drafts ---------------------------------------------------------------------------

    def save_draft(self) -> bool:
        if self.document.draft_id is None:
            return self.save_draft_as()
        return self._save(self.document.title, as_new=False)

    def save_draft_as(self) -> bool:
        suggested = (
            self.document.title or self.form.fields.subject.text().strip() or self.tr("Untitled")
        )
        title = self.prompter.ask_text(
            self.feedback.view, self.tr("Save draft"), self.tr("Draft name:"), suggested
        )
        if title is None or not title.strip():
            return False
        return self._save(title.strip(), as_new=True)

    def _save(self, title: str, *, as_new: bool) -> bool:
        try:
            self.document.save(self.form.campaign(), title, as_new=as_new)
        except Exception as exc:
            self.feedback.report(exc)
            return False
        self.refresh_title()
        self.feedback.say(self.tr('Draft "{title}" saved.').format(title=title))
        return True

    def open_draft(self, draft_id: int) -> bool:
        if not self.may_discard():
            return False
        try:
            draft = self.document.open(draft_id)
        except TeenvioError as exc:
            self.feedback.report(exc)
            return False
        self.load(draft.campaign, draft_id=draft.id, title=draft.title)
        self.document.discard_autosave()
        return True

    def choose_draft(self) -> None:
        dialog = DraftsDialog(self.document.drafts, self.feedback.view, prompter=self.prompter)
        if self.prompter.run(dialog) and dialog.chosen_id is not None:
            self.open_draft(dialog.chosen_id)

    def new_campaign(self) -> bool:
        if not self.may_discard():
            return False
        from teenvio_desktop.core.compose import fresh_campaign

        self.load(fresh_campaign(self.form.campaign()))
        self.document.discard_autosave()
        return True

    # --- before replacing or closing ------------------------------------------------------

    def may_discard(self) -> bool:
        """Before replacing the message: save, discard or cancel when it has changes."""
        if not self.is_dirty():
            return True
        choice = self.prompter.unsaved_changes(self.feedback.view)
        if choice == UnsavedChoice.KEEP_FOR_RECOVERY:
            self.autosave_now(force=True)
            return not self.document.autosave_pending()  # in the slot, unless writing failed
        if choice == UnsavedChoice.SAVE:
            return self.save_draft()
        return choice == UnsavedChoice.DISCARD

    def may_close(self) -> bool:
        """Close guard for the main window."""
        if self.is_dirty():
            choice = self.prompter.unsaved_changes(self.feedback.view)
            if choice == UnsavedChoice.KEEP_FOR_RECOVERY:
                self.autosave_now(force=True)  # kept for recovery: never lost without asking
                return True
            if choice == UnsavedChoice.CANCEL:
                return False
            if choice == UnsavedChoice.SAVE and not self.save_draft():
                return False
        # Saved or deliberately discarded: nothing is left to recover.
        self._timer.stop()
        self.document.discard_autosave()
        return True

    # --- crash recovery --------------------------------------------------------------------

    def check_for_recovery(self) -> None:
        def copy_title(title: str) -> str:
            return self.tr("{title} (recovered)").format(title=title)

        recovery = recover_unsaved_work(self.document.drafts, copy_title)
        if recovery is None:
            return
        self.recovery = recovery
        draft = recovery.draft
        when = QDateTime.fromString(draft.updated_at, Qt.DateFormat.ISODate).toLocalTime()
        self.banner.offer(
            when.toString("yyyy-MM-dd HH:mm:ss"), draft.campaign.subject or draft.title
        )

    def has_recovery(self) -> bool:
        return self.recovery is not None

    def restore_recovered(self) -> None:
        recovery = self.recovery
        if recovery is None:
            return
        draft = recovery.draft
        self.load(draft.campaign, draft_id=draft.source_draft_id, title=recovery.title)
        forget_copy(self.document.drafts, recovery)
        self.mark_unsaved()
        self.autosave_now()
        self._close_banner()

    def discard_recovered(self) -> None:
        if self.recovery is not None:
            forget_copy(self.document.drafts, self.recovery)
        self._close_banner()

    def _close_banner(self) -> None:
        self.recovery = None
        self.banner.hide()
