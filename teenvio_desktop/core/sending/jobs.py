"""The two strategies behind one send: the SMTP-API and TEA Lite.

A job is built quickly (no secret read, nothing sent) and ``run`` in a worker: it reads
the keyring through its credentials callable, expands a saved recipient list, fills the
outbox and talks to the server there, never on the GUI thread.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar, Literal

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.outbox.create import create_from_composer
from teenvio_desktop.core.outbox.sender import SendControl, SendOptions, send_campaign
from teenvio_desktop.core.sending.outcome import SendOutcome, Transport
from teenvio_desktop.core.smtp.records import send_and_record
from teenvio_desktop.core.smtp.settings import SmtpSettings
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback
from teenvio_desktop.core.tealite.connection import TeaLiteConnection

# The first report of a TEA Lite job that filled the outbox: details["campaign_id"].
STAGE_OUTBOX_READY = QT_TRANSLATE_NOOP("tasks", "Preparing the TEA Lite campaign")

SmtpCredentials = Callable[[], SmtpSettings]
TeaLiteCredentials = Callable[[], TeaLiteConnection]


class SendJob(ABC):
    """One send, ready to run in a worker."""

    transport: ClassVar[Transport]

    def __init__(self, db: Database, *, test: bool = False) -> None:
        self.db = db
        self.test = test  # a test send: its outcome is not a campaign to follow in Results

    @abstractmethod
    def run(self, progress: ProgressCallback, cancel: CancelToken) -> SendOutcome:
        """Send; raise the transport's typed errors, or ``Cancelled``."""


class SmtpSendJob(SendJob):
    """One SMTP transaction for the campaign (a saved list is expanded in ``run``)."""

    transport: ClassVar[Transport] = "smtp"

    def __init__(
        self,
        db: Database,
        campaign: Campaign,
        credentials: SmtpCredentials,
        *,
        contacts_only: bool = False,
        test: bool = False,
    ) -> None:
        super().__init__(db, test=test)
        self.campaign = campaign
        self._credentials = credentials
        self.contacts_only = contacts_only

    def run(self, progress: ProgressCallback, cancel: CancelToken) -> SendOutcome:
        cancel.raise_if_cancelled()
        settings = self._credentials()
        recorded = send_and_record(
            self.db,
            self.campaign,
            settings,
            progress,
            cancel,
            contacts_only=self.contacts_only,
            is_test=self.test,
        )
        return SendOutcome.of_smtp(recorded)


class TeaLiteSendJob(SendJob):
    """One personalised message per recipient, through the outbox.

    Built from the composer's campaign (the outbox is filled by the first ``run``) or from
    a campaign already in the outbox (``campaign_id``). ``run`` again resumes: only what
    was not accepted is sent. ``control`` pauses, resumes or cancels the current run.
    """

    transport: ClassVar[Transport] = "rest"

    def __init__(
        self,
        db: Database,
        credentials: TeaLiteCredentials,
        *,
        campaign: Campaign | None = None,
        campaign_id: int | None = None,
        options: SendOptions | None = None,
        test: bool = False,
    ) -> None:
        if (campaign is None) == (campaign_id is None):
            raise ValueError("a campaign to put in the outbox, or the id of one already there")
        super().__init__(db, test=test)
        self.campaign = campaign
        self.campaign_id = campaign_id
        self.options = options or SendOptions()
        self.control = SendControl()
        self._credentials = credentials
        self._connection: TeaLiteConnection | None = None

    @property
    def state(self) -> Literal["new", "in_outbox"]:
        return "new" if self.campaign_id is None else "in_outbox"

    def use_connection(self, connection: TeaLiteConnection) -> None:
        """Credentials the user typed (after a rejected token): used from the next run."""
        self._connection = connection

    def new_run(self) -> SendControl:
        """A fresh control for the next run (a cancelled one stays cancelled)."""
        self.control = SendControl()
        return self.control

    def run(self, progress: ProgressCallback, cancel: CancelToken) -> SendOutcome:
        cancel.raise_if_cancelled()
        connection = self._connection or self._credentials()
        if self.campaign_id is None:
            assert self.campaign is not None
            campaign = self.campaign
            if not campaign.source_system:
                campaign = replace(campaign, source_system=connection.source_system)
            self.campaign_id = create_from_composer(self.db, campaign, is_test=self.test)
            progress(Progress(STAGE_OUTBOX_READY, details={"campaign_id": self.campaign_id}))
        summary = send_campaign(
            self.db,
            self.campaign_id,
            connection,
            options=self.options,
            progress=progress,
            cancel=cancel,
            control=self.control,
        )
        return SendOutcome.of_rest(summary)
