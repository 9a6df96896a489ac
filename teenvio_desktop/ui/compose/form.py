"""The composer's widgets seen as one campaign: read it, show it, tell when it is edited."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.checks import CheckEnvironment
from teenvio_desktop.ui.compose.attachments_panel import AttachmentsPanel
from teenvio_desktop.ui.compose.editors import EditorTabs
from teenvio_desktop.ui.compose.fields_panel import CampaignFieldsPanel
from teenvio_desktop.ui.compose.options_panel import TeenvioOptionsPanel
from teenvio_desktop.ui.compose.sources import AccountChoice


class CampaignForm(QObject):
    """``edited`` fires on a user's change only, never while a campaign is being shown."""

    edited = Signal()
    options_edited = Signal()

    def __init__(
        self,
        fields: CampaignFieldsPanel,
        editors: EditorTabs,
        options: TeenvioOptionsPanel,
        attachments: AttachmentsPanel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.fields, self.editors = fields, editors
        self.options, self.attachments = options, attachments
        self._showing = False
        for signal in (
            editors.html_editor.textChanged,
            editors.text_editor.textChanged,
            editors.mjml.edited,
            fields.changed,
            attachments.changed,
        ):
            signal.connect(self._on_edit)
        options.changed.connect(self._on_options_edit)

    def campaign(self) -> Campaign:
        """The campaign as shown (written in MJML: its HTML part is the compiled MJML)."""
        mjml = self.editors.mjml
        campaign = Campaign(
            html=mjml.compiled_html() if mjml.is_active() else self.html(),
            mjml_source=mjml.source(),
            text=self.editors.text_editor.toPlainText(),
            images=list(self.attachments.images),
            attachments=list(self.attachments.attachments),
            options=self.options.options(),
        )
        self.fields.apply_to(campaign)
        return campaign

    def show(self, campaign: Campaign) -> None:
        self._showing = True
        try:
            self.fields.load(campaign)
            self.options.set_options(campaign.options)
            self.attachments.set_items(campaign.images, campaign.attachments)
            mjml = bool(campaign.mjml_source.strip())
            if mjml:
                self.editors.mjml.load(campaign.mjml_source, campaign.html)
                self.editors.html_editor.clear()
            else:
                self.editors.mjml.deactivate()
                self.editors.html_editor.setPlainText(campaign.html)
            self.editors.set_mjml(mjml)
            self.editors.text_editor.setPlainText(campaign.text)
        finally:
            self._showing = False

    def html(self) -> str:
        """The HTML editor's text (an MJML campaign's HTML comes from its compiler)."""
        return self.editors.html_editor.toPlainText()

    def _on_edit(self) -> None:
        if not self._showing:
            self.edited.emit()

    def _on_options_edit(self) -> None:
        if not self._showing:
            self.options_edited.emit()

    # --- what the checks know about the account and the list -------------------------------

    def check_environment(self) -> CheckEnvironment:
        account = self.fields.current_account()
        chosen = self.fields.current_list()
        return CheckEnvironment(
            validated_senders=_senders(account),
            validated_reply_tos=_reply_tos(account),
            columns=("email", "name", *chosen.columns) if chosen else None,
            recipients_count=chosen.count if chosen else None,
            smtputf8_count=chosen.smtputf8_count if chosen else None,
            smtputf8_sample=chosen.smtputf8_sample if chosen else (),
        )

    def check_environment_for_test(self) -> CheckEnvironment:
        """Test sends go to typed addresses with the merge fields already filled in."""
        account = self.fields.current_account()
        return CheckEnvironment(
            validated_senders=_senders(account), validated_reply_tos=_reply_tos(account)
        )


def _senders(account: AccountChoice | None) -> list[str] | None:
    return [s.address for s in account.senders] if account and account.senders else None


def _reply_tos(account: AccountChoice | None) -> list[str]:
    return [a.address for a in account.reply_tos] if account else []
