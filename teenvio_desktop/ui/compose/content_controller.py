"""The composer's content commands: open a file, plain text from HTML, inline CSS, images
and attachments."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPlainTextEdit

from teenvio_desktop.core.campaign import Attachment
from teenvio_desktop.core.compose import with_file_content
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.ui import file_folders
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
            self.tr("Open HTML or email"),
            self.tr("HTML and email files (*.html *.htm *.eml);;All files (*)"),
            kind=file_folders.CAMPAIGN_FILES,
        )
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path) -> bool:
        if not self.document.may_discard():
            return False
        from teenvio_desktop.core.campaign_files import open_campaign_file

        try:
            opened = open_campaign_file(path)
        except TeenvioError as exc:
            self.feedback.report(exc)
            return False
        eml = path.suffix.lower() == ".eml"
        # The envelope the user already chose stays; the file brings the content.
        self.document.load(with_file_content(self.form.campaign(), opened, eml=eml))
        self.document.mark_unsaved()
        return True

    # --- content --------------------------------------------------------------------------

    def generate_text(self) -> None:
        from teenvio_desktop.core.html_tools import html_to_text

        editors = self.form.editors
        before = editors.text_editor.toPlainText()
        generated = html_to_text(editors.html_editor.toPlainText())
        _replace_text(editors.text_editor, generated)  # one undo step brings ``before`` back
        editors.tabs.setCurrentWidget(editors.text_editor)
        if before.strip() and before != generated:
            self.feedback.say(
                self.tr("Plain text generated from the HTML. Undo (Ctrl+Z) brings back yours.")
            )

    def inline_css(self) -> None:
        from teenvio_desktop.core.html_tools import inline_css

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
            kind=file_folders.IMAGES,
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
            self.form.editors.html_editor.insertPlainText(f'<img src="cid:{image.cid}" alt="">')
            cids.append(image.cid)
        return cids

    def choose_attachments(self) -> None:
        chosen = self.prompter.open_files(
            self.feedback.view, self.tr("Attach files"), kind=file_folders.ATTACHMENTS
        )
        for path in chosen:
            try:
                data = path.read_bytes()
            except OSError as exc:
                self.feedback.report(exc)
                continue
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            self.form.attachments.add_attachment(Attachment(path.name, content_type, data))
