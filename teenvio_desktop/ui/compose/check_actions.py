"""What a pre-send check leads to: the field it is about, in view and focused, or its fix.

Clicking a check (or a send it blocks) brings its field into view in the envelope's scroll
area and puts the cursor there. Merge fields with the SMTP-API come with their fix: send
through TEA Lite instead, or take the fields out (one undo step in each editor). Addresses
the SMTP-API cannot take lead to the list's members, where one can be corrected or removed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QScrollArea, QTabWidget, QWidget

from teenvio_desktop.core.checks import MERGE_FIELDS_SMTP, SMTPUTF8_RECIPIENTS, Check
from teenvio_desktop.ui.compose.feedback import Feedback
from teenvio_desktop.ui.compose.form import CampaignForm

# Checks about the editors' content, and the checks the "Images and files" tab answers.
_TEXT_CHECKS = {"missing_text"}
_HTML_CHECKS = {"missing_html", "gmail_clip", "dropped_element", "malformed_link", "cid_missing"}
_FILE_CHECKS = {"image_unused", "attachment_link"}


def _replace_all(editor: QPlainTextEdit, text: str) -> None:
    cursor = editor.textCursor()
    cursor.beginEditBlock()  # one undo step
    cursor.select(cursor.SelectionType.Document)
    cursor.insertText(text)
    cursor.endEditBlock()


def _replace_line(edit: QLineEdit, text: str) -> None:
    """Replace the line's text so that Ctrl+Z brings it back (setText would not)."""
    edit.selectAll()
    edit.insert(text)


class CheckActions(QObject):
    fixed = Signal(str)  # the code of a check whose fix was applied
    # A saved list's members to correct: (list id, an address to search for).
    members_requested = Signal(int, str)

    def __init__(
        self,
        form: CampaignForm,
        fields_scroll: QScrollArea,
        side_tabs: QTabWidget,
        files_tab: QWidget,
        feedback: Feedback,
    ) -> None:
        super().__init__(feedback)
        self.form, self.feedback = form, feedback
        self._scroll, self._side_tabs, self._files_tab = fields_scroll, side_tabs, files_tab

    def show(self, check: Check) -> None:
        """Bring what ``check`` is about into view (or offer its fix)."""
        if check.code == MERGE_FIELDS_SMTP:
            self.offer_merge_fix()
            return
        chosen = self.form.fields.current_list()
        if check.code == SMTPUTF8_RECIPIENTS and chosen is not None:
            first = chosen.smtputf8_sample[0] if chosen.smtputf8_sample else ""
            self.members_requested.emit(chosen.id, first)
            return
        self.focus_field(check)

    def focus_field(self, check: Check) -> bool:
        """Scroll the check's field into view and focus it; False when it has none."""
        editors = self.form.editors
        if check.code in _TEXT_CHECKS or check.code in _HTML_CHECKS:
            editor = editors.text_editor if check.code in _TEXT_CHECKS else editors.html_editor
            editors.tabs.setCurrentWidget(editor)
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if check.code in _FILE_CHECKS:
            self._side_tabs.setCurrentWidget(self._files_tab)
            return True
        widget = self.form.fields.widget_for_check(check.code, check.params)
        if widget is None or not widget.isVisibleTo(self.form.fields):
            return False
        self._scroll.ensureWidgetVisible(widget, 8, 24)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # --- merge fields with the SMTP-API ---------------------------------------------------

    def offer_merge_fix(self) -> bool:
        """Ask how to send without literal braces; True when a fix was applied."""
        choices = [self.tr("Send through TEA Lite"), self.tr("Remove the merge fields")]
        answer = self.feedback.prompter.choose(
            self.feedback.view,
            self.tr("Merge fields and the SMTP-API"),
            self.tr(
                "The SMTP-API sends the same message to every recipient, so {{ … }} fields "
                "would arrive as typed. TEA Lite sends one personalised message per "
                "recipient; removing the fields keeps their default text, if any."
            ),
            choices,
        )
        if answer == 0:
            self.switch_to_tealite()
        elif answer == 1:
            self.remove_merge_fields()
        else:
            return False
        self.fixed.emit(MERGE_FIELDS_SMTP)
        return True

    def switch_to_tealite(self) -> None:
        fields = self.form.fields
        fields.transport.setCurrentIndex(fields.transport.findData("rest"))
        first_empty = next(
            (w for w in (fields.campaign_ref, fields.source_system) if not w.text().strip()), None
        )
        if first_empty is not None:
            self._scroll.ensureWidgetVisible(first_empty, 8, 24)
            first_empty.setFocus(Qt.FocusReason.OtherFocusReason)
        self.feedback.say(self.tr("Sending through TEA Lite: each recipient gets their own copy."))

    def remove_merge_fields(self) -> None:
        from teenvio_desktop.core.merge import has_merge_syntax, without_merge_fields

        fields, editors = self.form.fields, self.form.editors
        if has_merge_syntax(fields.subject.text()):
            _replace_line(fields.subject, without_merge_fields(fields.subject.text()))
        for editor in (editors.html_editor, editors.text_editor):
            if has_merge_syntax(editor.toPlainText()):
                _replace_all(editor, without_merge_fields(editor.toPlainText()))
        self.feedback.say(self.tr("Merge fields removed (Ctrl+Z in each field brings them back)."))
