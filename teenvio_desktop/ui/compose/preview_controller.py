"""Keeping the preview in step with every keystroke, without the editor ever waiting.

An edit asks for a render at once (in the same turn of the event loop, so that the keys
of one burst make one request); while a render runs, later requests coalesce into one
more run, and while the page still loads, the newest document waits for it
(``preview_web.py``). The work itself, MJML compiled, merge fields filled in, sanitising
and modes, is ``core/compose/preview.py``, off the GUI thread, reusing every piece that
did not change. The checks and the quality analyses start only once the preview is idle
(``analysis_controller.py``), so they never stand in front of it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from teenvio_desktop.core.compose.preview import PreviewRequest, PreviewResult
from teenvio_desktop.core.preview_modes import DarkMode
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback
from teenvio_desktop.ui.compose.form import CampaignForm
from teenvio_desktop.ui.compose.preview import PreviewPane
from teenvio_desktop.ui.compose.preview_modes_bar import mode_label
from teenvio_desktop.ui.compose.recipient_picker import RecipientPicker
from teenvio_desktop.ui.compose.scheme import cid_url
from teenvio_desktop.ui.latest import LatestRequest
from teenvio_desktop.ui.translation import error_text

log = logging.getLogger(__name__)


class PreviewController(QObject):
    previewed = Signal(object)  # the PreviewResult just handed to the view
    idle = Signal()  # the view shows the current content; nothing renders or loads
    status = Signal(str)

    def __init__(
        self,
        form: CampaignForm,
        pane: PreviewPane,
        picker: RecipientPicker,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.form, self.pane, self.picker = form, pane, picker
        self._generation = 0
        self._shown = 0
        self._last: PreviewResult | None = None
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)  # after the keys already queued, not after a pause
        self._soon.timeout.connect(self._start)
        self._latest = LatestRequest(self, coalesce=True)
        self._latest.result.connect(self._on_result)
        self._latest.error.connect(self._on_error)
        self._latest.idle.connect(self._maybe_idle)
        pane.rendered.connect(lambda _generation: self._maybe_idle())
        pane.modes_changed.connect(self.request)
        pane.allow_images_changed.connect(lambda _allowed: self.request())
        picker.changed.connect(self.request)

    # -- asking ------------------------------------------------------------------------------
    def request(self) -> None:
        """Render the current content as soon as the event loop is free."""
        self._soon.start()

    def is_rendered(self) -> bool:
        """The current content's document went to the view (it may still be loading)."""
        return (
            not self._soon.isActive()
            and not self._latest.is_busy()
            and self._shown == self._generation
        )

    def is_settled(self) -> bool:
        """The view shows the current content: rendered and loaded."""
        return self.is_rendered() and (self.pane.is_idle() or not self.pane.has_view())

    def last(self) -> PreviewResult | None:
        return self._last

    def personalising(self) -> bool:
        return bool(self.form.fields.transport.currentData() == "rest")

    def merge_row(self) -> dict[str, str] | None:
        return self.picker.row() if self.personalising() else None

    def _request(self) -> PreviewRequest:
        editors, mjml = self.form.editors, self.form.editors.mjml
        return PreviewRequest(
            html=mjml.compiled_html_known() if mjml.is_active() else self.form.html(),
            mjml_source=mjml.source(),
            subject=self.form.fields.subject.text(),
            text=editors.text_editor.toPlainText(),
            modes=self.pane.preview_modes(),
            options=self.form.options.options(),
            allow_remote_images=self.pane.allow_images(),
            merge_row=self.merge_row(),
            side_by_side=self.pane.side_by_side(),
            generation=self._generation,
        )

    def _start(self) -> None:
        self._generation += 1
        request = self._request()

        def render(progress: ProgressCallback, cancel: CancelToken) -> PreviewResult:
            from teenvio_desktop.core.compose.preview import render_for_preview

            del progress
            return render_for_preview(
                request,
                cid_resolver=cid_url,
                translate=QCoreApplication.translate,
                cancel=cancel,
            )

        self._latest.submit(render)

    # -- showing ---------------------------------------------------------------------------
    def _on_result(self, value: object) -> None:
        assert isinstance(value, PreviewResult)
        result = value
        pane = self.pane
        images = self.form.attachments.images
        pane.set_images({i.cid: (i.content_type, i.data) for i in images})
        light = result.light.html if result.light is not None else None
        pane.show_document(result.generation, result.document.html, light)
        pane.set_blocked_count(result.document.blocked_images)
        pane.set_plain_text(result.text)
        who = self.picker.row_label() if result.personalised else ""
        pane.set_subject(result.subject, personalised_for=who)
        pane.set_notes(self._summary(result), self._notes(result))
        mjml = self.form.editors.mjml
        if mjml.is_active():
            mjml.show_compiled(
                mjml.source(), result.mjml_error if result.mjml_error else result.mjml
            )
        self._last = result
        self._shown = result.generation
        self.previewed.emit(result)
        self._maybe_idle()

    def _summary(self, result: PreviewResult) -> list[str]:
        """A few words per condition; "approximate" wherever it is one."""
        modes, document = self.pane.preview_modes(), result.document
        parts: list[str] = []
        if modes.dark == DarkMode.DOCUMENT:
            parts.append(
                self.tr("Dark: the message's own styles")
                if document.dark_rules
                else self.tr("Dark: the message has no dark styles")
            )
        elif modes.dark != DarkMode.OFF:
            parts.append(mode_label(modes.dark))
        if result.light is not None:
            parts.append(self.tr("light on the left"))
        if modes.images_off:
            missing = document.images_missing_alt
            parts.append(
                self.tr("Images off: %n without alt text", "", missing)
                if missing
                else mode_label("images_off")
            )
        if modes.as_teenvio:
            options = self.form.options.options()
            parts.append(
                self.tr("As Teenvio will send it (approximate)")
                if options.show_cab or options.social_links
                else self.tr("Teenvio adds nothing (header and social links off)")
            )
        if result.merge_error:
            parts.append(
                self.tr("Merge fields not filled in for {recipient}").format(
                    recipient=self.picker.row_label()
                )
            )
        if result.mjml_error is not None:
            parts.append(self.tr("The MJML does not compile: the last version that did"))
        return parts

    def _notes(self, result: PreviewResult) -> list[str]:
        notes = list(result.document.notes)
        if result.merge_error:
            notes.append(
                self.tr("The merge fields could not be filled in for {recipient}: {reason}").format(
                    recipient=self.picker.row_label(), reason=result.merge_error
                )
            )
        if result.mjml_error is not None:
            notes.append(
                self.tr(
                    "The MJML does not compile ({where}): the preview shows the last version "
                    "that did."
                ).format(where=result.mjml_error.located(QCoreApplication.translate))
            )
        return notes

    def _on_error(self, error: BaseException) -> None:
        # Runs after every keystroke: never a dialog, the status bar says it.
        log.error("Preview update failed: %s", error)
        self._shown = self._generation
        self.status.emit(error_text(error))

    def _maybe_idle(self) -> None:
        if self.is_settled():
            self.idle.emit()
