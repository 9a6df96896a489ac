"""The Compose area: the layout of the composer and the wiring of its parts.

Each part is its own widget (``fields_panel``, ``editors``, ``preview``, ``options_panel``,
``checks_panel``, ``attachments_panel``); behaviour lives in controllers:

* ``document``  (``document_controller.py``): drafts, autosave, crash recovery, closing;
* ``previewing`` (``preview_controller.py``): the preview, on every keystroke;
* ``analysis``  (``analysis_controller.py``): checks, size and headers after a pause;
* ``quality``   (``quality_controller.py``): compatibility, accessibility, links, spam;
* ``content``   (``content_controller.py``): files, plain text, inline CSS, images;
* ``sending``   (``send_controller.py``): checks, confirmation, the send, test sends.

The area only builds widgets and connects signals. It does not know the main window: it
emits ``status_message`` and ``results_requested`` and the window decides what to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMenu,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.checks import Check
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.drafts import DraftRepository
from teenvio_desktop.ui.compose.actions import ComposeActions
from teenvio_desktop.ui.compose.analysis_controller import AnalysisController
from teenvio_desktop.ui.compose.attachments_panel import AttachmentsPanel
from teenvio_desktop.ui.compose.check_actions import CheckActions
from teenvio_desktop.ui.compose.checks_panel import ChecksPanel
from teenvio_desktop.ui.compose.content_controller import ContentController
from teenvio_desktop.ui.compose.document_controller import DocumentController
from teenvio_desktop.ui.compose.editors import EditorTabs
from teenvio_desktop.ui.compose.feedback import Feedback
from teenvio_desktop.ui.compose.fields_panel import CampaignFieldsPanel, parse_addresses
from teenvio_desktop.ui.compose.form import CampaignForm
from teenvio_desktop.ui.compose.options_panel import TeenvioOptionsPanel
from teenvio_desktop.ui.compose.preview import PreviewPane
from teenvio_desktop.ui.compose.preview_controller import PreviewController
from teenvio_desktop.ui.compose.quality_controller import QualityController
from teenvio_desktop.ui.compose.quality_panel import QualityPanel
from teenvio_desktop.ui.compose.recipient_picker import RecipientPicker
from teenvio_desktop.ui.compose.recovery_banner import RecoveryBanner
from teenvio_desktop.ui.compose.send_controller import SendController
from teenvio_desktop.ui.compose.sources import available_accounts, recipient_lists
from teenvio_desktop.ui.eliding_label import ElidingLabel
from teenvio_desktop.ui.prompter import DialogPrompter, Prompter
from teenvio_desktop.ui.style import MARGIN, SPACING, set_role

if TYPE_CHECKING:
    from teenvio_desktop.ui.compose.link_check_dialog import LinkCheckOutcome


def _scrolling(widget: QWidget) -> QScrollArea:
    """Panels scroll rather than force the window wider (small screens, tiling WMs)."""
    scroll = QScrollArea()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    return scroll


class ComposeArea(QWidget):
    status_message = Signal(str)
    results_requested = Signal(int)  # the local id of a campaign just sent
    members_requested = Signal(int, str)  # a list's members to correct, an address to find
    # The benchmark turns this off to time a start without the browser engine.
    create_preview_on_show = True

    def __init__(self, context: AppContext, *, prompter: Prompter | None = None) -> None:
        super().__init__()
        self.context = context
        self.prompter = prompter or DialogPrompter()
        self.drafts = DraftRepository(context.db)
        self._shown_once = False
        self._build_layout()
        self.form = CampaignForm(self.fields, self.editors, self.options, self.attachments, self)
        feedback = Feedback(self, self.prompter)
        self.document = DocumentController(self.form, self.drafts, self.banner, feedback)
        self.previewing = PreviewController(self.form, self.preview, self.recipient_picker, self)
        self.analysis = AnalysisController(
            self.form, self.previewing, self.preview, self.checks_panel, self
        )
        self.quality = QualityController(
            self.quality_panel, self.editors, self.previewing.merge_row, self
        )
        self.quality.set_campaign_source(self.form.campaign)
        self.content = ContentController(self.form, self.document, feedback)
        self.check_actions = CheckActions(
            self.form, self.fields_scroll, self.side_tabs, self.attachments_tab, feedback
        )
        self.sending = SendController(
            context, self.form, self.document, feedback, self.check_actions
        )
        self.sending.check_links_first = self._check_links_before_sending
        self.commands = ComposeActions(self)
        self.commands.fill_toolbar(self.toolbar)
        self.test_send_button, self.send_button = self.commands.primary_buttons(self)
        self._top_row.addWidget(self.test_send_button)
        self._top_row.addWidget(self.send_button)
        self._wire(feedback)
        self.reload_sources()
        self._transport_changed(self.fields.is_rest())
        self.document.load(self.form.campaign())
        self.document.check_for_recovery()

    # -- layout ----------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.fields = CampaignFieldsPanel()
        self.editors = EditorTabs()
        self.preview = PreviewPane(prompter=self.prompter)
        self.recipient_picker = RecipientPicker(self.context)
        self.preview.bar.set_recipient_picker(self.recipient_picker)
        self.options = TeenvioOptionsPanel()
        self.checks_panel = ChecksPanel()
        self.quality_panel = QualityPanel()
        self.attachments = AttachmentsPanel()
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("compose_toolbar")
        # The draft's name is the user's text: it may be long, so it elides (full in the tooltip).
        self.title_label = ElidingLabel()
        self.title_label.setObjectName("draft_title")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        set_role(self.title_label, "textRole", "muted")
        self.banner = RecoveryBanner()

        left = QSplitter(Qt.Orientation.Vertical)
        self.fields_scroll = _scrolling(self.fields)
        left.addWidget(self.fields_scroll)
        left.addWidget(self.editors)
        left.setStretchFactor(1, 1)
        left.setSizes([260, 600])
        self.left_splitter = left
        # Until the user drags it, the envelope is exactly as tall as its fields (no gap).
        self._fields_dragged = False
        left.splitterMoved.connect(self._on_fields_dragged)
        self.side_tabs = QTabWidget()
        # Short tab titles: four tabs fit a narrow window in both languages; the panels'
        # own titles say the rest.
        tabs = self.side_tabs
        tabs.addTab(self.checks_panel, self.tr("Checks"))
        tabs.addTab(self.quality_panel, self.tr("Quality"))
        self.options_tab = _scrolling(self.options)
        tabs.addTab(self.options_tab, self.tr("Teenvio"))
        tabs.setTabToolTip(tabs.indexOf(self.options_tab), self.tr("Teenvio options"))
        self.attachments_tab = _scrolling(self.attachments)
        tabs.addTab(self.attachments_tab, self.tr("Files"))
        tabs.setTabToolTip(tabs.indexOf(self.attachments_tab), self.tr("Images and files"))
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
        top.setSpacing(SPACING)
        top.addWidget(self.toolbar)
        top.addWidget(self.title_label, 1)
        self._top_row = top  # the send buttons are added once the actions exist
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, SPACING, MARGIN, MARGIN // 2)
        layout.setSpacing(SPACING)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(main, 1)

    # -- wiring ----------------------------------------------------------------------------
    def _wire(self, feedback: Feedback) -> None:
        document, analysis, content, sending = (
            self.document,
            self.analysis,
            self.content,
            self.sending,
        )
        previewing = self.previewing
        feedback.status.connect(self.status_message)
        analysis.status.connect(self.status_message)
        previewing.status.connect(self.status_message)
        sending.results_requested.connect(self.results_requested)

        for edited in (self.form.edited, self.form.options_edited):
            edited.connect(previewing.request)
            edited.connect(analysis.schedule)
        self.form.options_edited.connect(analysis.show_headers_now)
        self.fields.account_changed.connect(analysis.schedule)
        self.fields.changed.connect(self._follow_recipients)
        analysis.started.connect(document.refresh_title)
        analysis.due.connect(self.quality.analyse)
        analysis.sendable.connect(self.commands.send.setEnabled)
        document.loaded.connect(self.preview.reset_allow_images)
        document.loaded.connect(self._follow_recipients)
        document.loaded.connect(previewing.request)
        document.loaded.connect(analysis.schedule)
        self.editors.mjml.start_requested.connect(content.start_mjml)
        self.editors.mjml.leave_requested.connect(content.leave_mjml)
        document.title_changed.connect(self._show_title)
        sending.checks_blocked.connect(self._show_blocking_checks)
        self.checks_panel.check_activated.connect(self.check_actions.show)
        self.check_actions.members_requested.connect(self.members_requested)
        self.fields.transport_changed.connect(self._transport_changed)

        a, bind = self.commands, ComposeActions.bind
        bind(a.new, document.new_campaign)
        bind(a.new_from_starter, content.choose_starter)
        bind(a.open_file, content.choose_file)
        bind(a.open_draft, document.choose_draft)
        bind(a.save, document.save_draft)
        bind(a.save_as, document.save_draft_as)
        bind(a.find, self.editors.open_find)
        bind(a.undo, self.editors.undo)
        bind(a.redo, self.editors.redo)
        bind(a.generate_text, content.generate_text)
        bind(a.inline_css, content.inline_css)
        bind(a.insert_image, content.choose_images)
        bind(a.test_send, sending.test_send)
        bind(a.send, sending.send)

    def _show_title(self, title: str) -> None:
        self.title_label.setText(title)
        self.title_label.setToolTip(title)

    def _transport_changed(self, rest: bool) -> None:
        """TEA Lite has no Teenvio options; its own fields must all be in view."""
        self.side_tabs.setTabVisible(self.side_tabs.indexOf(self.options_tab), not rest)
        self._fit_fields()

    def _fit_fields(self) -> None:
        """Give the envelope the height it needs (up to half the column) so that no field
        hides below the fold of its scroll area, and no more (no empty gap above the
        editors) unless the user chose a height; the editors take the rest."""
        total = sum(self.left_splitter.sizes())
        if total <= 0:
            return
        frame = self.fields_scroll.frameWidth() * 2
        wanted = min(self.fields.sizeHint().height() + frame, total // 2)
        current = self.left_splitter.sizes()[0]
        if current < wanted or (current > wanted and not self._fields_dragged):
            self.left_splitter.blockSignals(True)
            self.left_splitter.setSizes([wanted, total - wanted])
            self.left_splitter.blockSignals(False)

    def _on_fields_dragged(self, _position: int, _index: int) -> None:
        self._fields_dragged = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_fields()

    def _follow_recipients(self) -> None:
        """Personalising and Teenvio's additions follow the transport and the recipients."""
        transport = self.fields.transport.currentData() or "smtp"
        self.preview.bar.set_transport(transport)
        self.recipient_picker.setVisible(transport == "rest")
        chosen = self.fields.current_list()
        addresses = [] if chosen else parse_addresses(self.fields.addresses.text())
        self.recipient_picker.set_source(chosen.id if chosen else None, addresses)

    def _check_links_before_sending(self, campaign: Campaign) -> LinkCheckOutcome | None:
        """The send confirmation's link check; its findings also reach the Quality tab."""
        from teenvio_desktop.ui.compose.link_check_dialog import check_links_before_sending

        merge_row = self.previewing.merge_row() if campaign.transport == "rest" else None
        outcome, report = check_links_before_sending(campaign, merge_row, self.prompter, self)
        if report is not None:
            self.quality.show_links(report)
        return outcome

    def _show_blocking_checks(self, checks: list[Check]) -> None:
        self.checks_panel.set_checks(checks)
        if any(c.severity == "error" for c in checks):
            self.side_tabs.setCurrentWidget(self.checks_panel)

    def install_menus(self, file_menu: QMenu, edit_menu: QMenu, *, before: QAction | None) -> None:
        self.commands.install_menus(file_menu, edit_menu, before)

    # -- the campaign shown, for the window and the self-test ------------------------------
    def campaign(self) -> Campaign:
        return self.form.campaign()

    def load_campaign(
        self, campaign: Campaign, *, draft_id: int | None = None, title: str = ""
    ) -> None:
        self.document.load(campaign, draft_id=draft_id, title=title)

    def reload_sources(self) -> None:
        """Re-read accounts and recipient lists (they change in other areas)."""
        self.fields.set_accounts(available_accounts(self.context))
        self.fields.set_lists(recipient_lists(self.context))

    def may_close(self) -> bool:
        return self.document.may_close()

    # -- preview lifecycle ----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_once:
            self.reload_sources()  # accounts and lists may have changed in their areas
        self._shown_once = True
        if self.create_preview_on_show and not self.preview.has_view():
            # After the window is on screen, so creating the browser does not delay it.
            QTimer.singleShot(0, self.preview.ensure_view)
