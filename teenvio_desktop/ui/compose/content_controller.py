"""The composer's content commands: open a file, start from a template, write in MJML,
plain text from HTML, inline CSS, images and attachments."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPlainTextEdit

from teenvio_desktop.core.campaign import Attachment
from teenvio_desktop.core.compose import with_file_content
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.ui.compose.document_controller import DocumentController
from teenvio_desktop.ui.compose.feedback import Feedback
from teenvio_desktop.ui.compose.form import CampaignForm


def _replace_text(editor: QPlainTextEdit, text: str) -> None:
    cursor = editor.textCursor()
    cursor.beginEditBlock()  # one undo step
    cursor.select(cursor.SelectionType.Document)
    cursor.insertText(text)
    cursor.endEditBlock()


class ContentController(QObject):
    def __init__(
        self, form: CampaignForm, document: DocumentController, feedback: Feedback
    ) -> None:
        super().__init__(feedback)
        self.form, self.document, self.feedback = form, document, feedback
        self.prompter = feedback.prompter
        form.editors.html_editor.images_dropped.connect(self.insert_images)
        form.attachments.insert_image_requested.connect(self.choose_images)
        form.attachments.add_attachment_requested.connect(self.choose_attachments)

    # --- files ----------------------------------------------------------------------------

    def choose_file(self) -> None:
        path = self.prompter.open_file(
            self.feedback.view,
            self.tr("Open HTML, MJML or email"),
            self.tr("HTML, MJML and email files (*.html *.htm *.mjml *.eml);;All files (*)"),
        )
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path) -> bool:
        if not self.document.may_discard():
            return False
        from teenvio_desktop.core.campaign_files import open_campaign_file
        from teenvio_desktop.core.mjml import is_mjml_path, open_mjml_file

        try:
            if is_mjml_path(path):  # opened even when it does not compile: the tab says why
                opened = open_mjml_file(path, strict=False)
            else:
                opened = open_campaign_file(path)
        except TeenvioError as exc:
            self.feedback.report(exc)
            return False
        eml = path.suffix.lower() == ".eml"
        # The envelope the user already chose stays; the file brings the content.
        self.document.load(with_file_content(self.form.campaign(), opened, eml=eml))
        self.document.mark_unsaved()
        return True

    def choose_starter(self) -> None:
        from teenvio_desktop.ui.compose.starter_dialog import StarterDialog

        dialog = StarterDialog(self.feedback.view)
        if self.prompter.run(dialog) and dialog.key():
            self.open_starter(dialog.key(), dialog.template_language())

    def open_starter(self, key: str, language: str) -> bool:
        """A new campaign from a starter template (the envelope already chosen stays)."""
        if not self.document.may_discard():
            return False
        from teenvio_desktop.core.compose import fresh_campaign
        from teenvio_desktop.core.starters import starter_campaign

        try:
            starter = starter_campaign(key, language)
        except TeenvioError as exc:
            self.feedback.report(exc)
            return False
        campaign = with_file_content(fresh_campaign(self.form.campaign()), starter, eml=False)
        campaign.options = starter.options
        self.document.load(campaign)
        self.document.mark_unsaved()
        return True

    # --- MJML -------------------------------------------------------------------------------

    def start_mjml(self) -> bool:
        """Write the HTML part in MJML from now on (asks before replacing typed HTML)."""
        editors = self.form.editors
        if self.form.html().strip() and not self.prompter.confirm(
            self.feedback.view,
            self.tr("Write in MJML"),
            self.tr(
                "The HTML part will be compiled from MJML from now on, replacing the HTML "
                "in the editor. Go on?"
            ),
            default_yes=False,
        ):
            return False
        editors.mjml.start()
        editors.set_mjml(True)
        return True

    def leave_mjml(self) -> bool:
        """Keep the compiled HTML as an editable HTML part and drop the MJML source."""
        editors = self.form.editors
        if not self.prompter.confirm(
            self.feedback.view,
            self.tr("Edit as HTML instead"),
            self.tr(
                "The compiled HTML becomes the HTML part and the MJML source is dropped. Go on?"
            ),
            default_yes=False,
        ):
            return False
        html = editors.mjml.compiled_html()
        editors.mjml.deactivate()
        editors.set_mjml(False)
        editors.html_editor.setPlainText(html)  # an edit: the campaign changed
        return True

    # --- content --------------------------------------------------------------------------

    def generate_text(self) -> None:
        from teenvio_desktop.core.html_tools import html_to_text

        editors = self.form.editors
        _replace_text(editors.text_editor, html_to_text(self.form.campaign().html))
        editors.tabs.setCurrentWidget(editors.text_editor)

    def inline_css(self) -> None:
        from teenvio_desktop.core.html_tools import inline_css

        if self.form.editors.is_mjml():
            self.feedback.say(
                self.tr("An MJML campaign gets its styles inline from MJML when it compiles.")
            )
            return
        editor = self.form.editors.html_editor
        try:
            html = inline_css(editor.toPlainText())
        except TeenvioError as exc:
            self.feedback.report(exc)
            return
        _replace_text(editor, html)

    def choose_images(self) -> None:
        paths = self.prompter.open_files(
            self.feedback.view,
            self.tr("Insert image"),
            self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp *.svg)"),
        )
        if paths:
            self.insert_images(paths)

    def insert_images(self, paths: list[Path]) -> list[str]:
        """Add each file as an inline image and put ``<img src="cid:...">`` at the cursor."""
        from teenvio_desktop.core.html_tools import image_from_file

        attachments = self.form.attachments
        cids: list[str] = []
        for path in paths:
            try:
                image = image_from_file(path, {i.cid for i in attachments.images})
            except TeenvioError as exc:
                self.feedback.report(exc)
                continue
            attachments.add_image(image)
            editors = self.form.editors
            if editors.is_mjml():
                editors.mjml.editor.insertPlainText(f'<mj-image src="cid:{image.cid}" alt="" />')
            else:
                editors.html_editor.insertPlainText(f'<img src="cid:{image.cid}" alt="">')
            cids.append(image.cid)
        return cids

    def choose_attachments(self) -> None:
        for path in self.prompter.open_files(self.feedback.view, self.tr("Attach files")):
            try:
                data = path.read_bytes()
            except OSError as exc:
                self.feedback.report(exc)
                continue
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            self.form.attachments.add_attachment(Attachment(path.name, content_type, data))
