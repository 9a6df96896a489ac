"""The composer's content commands: open a file, plain text from HTML, inline CSS, images
and attachments. Files are read in tasks: a large file never freezes the window."""

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
            self.tr("Open HTML or email"),
            self.tr("HTML and email files (*.html *.htm *.eml);;All files (*)"),
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

        def work(progress: ProgressCallback, cancel: CancelToken) -> Campaign:
            del progress, cancel
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
            for image in images:
                self.form.attachments.add_image(image)
                self.form.editors.html_editor.insertPlainText(f'<img src="cid:{image.cid}" alt="">')

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
