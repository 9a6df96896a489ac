"""The composer's content commands: open a file, start from a template, write in MJML,
plain text from HTML, inline CSS, images and attachments. Files are read in tasks: a large
file never freezes the window."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPlainTextEdit

from teenvio_desktop.core.campaign import Attachment, Campaign, InlineImage
from teenvio_desktop.core.compose import with_file_content
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback
from teenvio_desktop.ui import file_folders
from teenvio_desktop.ui.compose.document_controller import DocumentController
from teenvio_desktop.ui.compose.feedback import Feedback
from teenvio_desktop.ui.compose.form import CampaignForm
from teenvio_desktop.ui.tasks import Task, bound_to, run_task

FilesRead = tuple[list[InlineImage], list[TeenvioError]]


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
            kind=file_folders.CAMPAIGN_FILES,
        )
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path) -> Task | None:
        """Read (and for MJML, compile) ``path`` in a task, then show it; None when the user
        kept the current message."""
        if not self.document.may_discard():
            return None
        from teenvio_desktop.core.campaign_files import open_campaign_file
        from teenvio_desktop.core.mjml import is_mjml_path, open_mjml_file

        def work(progress: ProgressCallback, cancel: CancelToken) -> Campaign:
            del progress, cancel
            if is_mjml_path(path):  # opened even when it does not compile: the tab says why
                return open_mjml_file(path, strict=False)
            return open_campaign_file(path)

        def opened(campaign: Campaign) -> None:
            eml = path.suffix.lower() == ".eml"
            # The envelope the user already chose stays; the file brings the content.
            self.document.load(with_file_content(self.form.campaign(), campaign, eml=eml))
            self.document.mark_unsaved()

        return self._in_background(work, opened)

    def _in_background(
        self, work: Callable[[ProgressCallback, CancelToken], Any], then: Callable[[Any], None]
    ) -> Task:
        """File reading happens off the GUI thread; what it found is shown there."""
        task = run_task(work, self)
        task.result.connect(bound_to(self, then))
        task.error.connect(bound_to(self, self.feedback.report))
        return task.start()

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
        before = editors.text_editor.toPlainText()
        generated = html_to_text(self.form.campaign().html)  # MJML: the compiled HTML
        _replace_text(editors.text_editor, generated)  # one undo step brings ``before`` back
        editors.tabs.setCurrentWidget(editors.text_editor)
        if before.strip() and before != generated:
            self.feedback.say(
                self.tr("Plain text generated from the HTML. Undo (Ctrl+Z) brings back yours.")
            )

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
            kind=file_folders.IMAGES,
        )
        if paths:
            self.insert_images(paths)

    def insert_images(self, paths: list[Path]) -> Task:
        """Read each file (in a task) as an inline image, then put ``<img src="cid:...">``
        at the cursor; a file that cannot be used is explained and skipped."""
        from teenvio_desktop.core.html_tools import image_from_file

        taken = {i.cid for i in self.form.attachments.images}

        def work(progress: ProgressCallback, cancel: CancelToken) -> FilesRead:
            del progress
            images: list[InlineImage] = []
            problems: list[TeenvioError] = []
            for path in paths:
                cancel.raise_if_cancelled()
                try:
                    image = image_from_file(path, taken | {i.cid for i in images})
                except TeenvioError as exc:
                    problems.append(exc)
                    continue
                images.append(image)
            return images, problems

        def read(found: FilesRead) -> None:
            images, problems = found
            for problem in problems:
                self.feedback.report(problem)
            editors = self.form.editors
            for image in images:
                self.form.attachments.add_image(image)
                if editors.is_mjml():
                    editors.mjml.editor.insertPlainText(
                        f'<mj-image src="cid:{image.cid}" alt="" />'
                    )
                else:
                    editors.html_editor.insertPlainText(f'<img src="cid:{image.cid}" alt="">')

        return self._in_background(work, read)

    def choose_attachments(self) -> Task | None:
        chosen = self.prompter.open_files(
            self.feedback.view, self.tr("Attach files"), kind=file_folders.ATTACHMENTS
        )
        if not chosen:
            return None

        def work(progress: ProgressCallback, cancel: CancelToken) -> list[Attachment]:
            del progress
            found: list[Attachment] = []
            for path in chosen:
                cancel.raise_if_cancelled()
                content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                found.append(Attachment(path.name, content_type, path.read_bytes()))
            return found

        def read(attachments: list[Attachment]) -> None:
            for attachment in attachments:
                self.form.attachments.add_attachment(attachment)

        return self._in_background(work, read)
