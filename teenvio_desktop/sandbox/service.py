"""The emulated Teenvio account behind both protocols: accepting, storing, planning.

The SMTP and REST adapters only translate their protocol into calls on
:class:`SandboxService`; what an accepted message leads to is decided here.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from teenvio_desktop.sandbox.config import SandboxConfig
from teenvio_desktop.sandbox.faults import FaultInjector, FaultSettings
from teenvio_desktop.sandbox.mime_intake import ParsedCampaign, parse_campaign
from teenvio_desktop.sandbox.records import StoredFile
from teenvio_desktop.sandbox.simulation import (
    OutcomeRates,
    PlannedEvent,
    extract_links,
    plan_outcomes,
)
from teenvio_desktop.sandbox.storage import SandboxStore, files_json


@dataclass(frozen=True)
class AcceptedCampaign:
    teenvio_id: int
    smtp_ident: str


class SandboxService:
    def __init__(self, config: SandboxConfig, store: SandboxStore) -> None:
        self.config = config
        self.store = store
        self.base_url = ""  # set once the HTTP listener is bound
        self.faults = FaultInjector(
            FaultSettings(
                fail_rate=config.fail_rate,
                drop_rate=config.drop_rate,
                latency_ms=config.latency_ms,
                smtp_fail_rate=config.smtp_fail_rate,
                smtp_drop_rate=config.smtp_drop_rate,
            ),
            config.seed,
        )
        self.rates = OutcomeRates(
            hard_bounce=config.hard_bounce_rate,
            soft_bounce=config.soft_bounce_rate,
            open=config.open_rate,
            repeat_open=config.repeat_open_rate,
            click=config.click_rate,
            unsubscribe=config.unsubscribe_rate,
        )

    # --- accounts -------------------------------------------------------------------

    def is_validated_sender(self, address: str) -> bool:
        return address.lower() in {s.lower() for s in self.config.senders}

    # --- files ------------------------------------------------------------------------

    def host_file(
        self, filename: str, content_type: str, data: bytes, content_id: str | None = None
    ) -> StoredFile:
        file_id = self.store.add_file(filename, content_type, data)
        return StoredFile(
            file_id=file_id,
            filename=filename,
            content_type=content_type,
            size=len(data),
            url=f"{self.base_url}/files/{file_id}/{quote(filename)}",
            content_id=content_id,
        )

    # --- planning -----------------------------------------------------------------------

    def _plan(
        self,
        message_id: int,
        recipient: str,
        links: list[tuple[str, str | None]],
        base_time: float,
        *,
        track_opens: bool = True,
        track_clicks: bool = True,
    ) -> list[PlannedEvent]:
        return plan_outcomes(
            seed=self.config.seed,
            message_id=message_id,
            recipient=recipient,
            links=links,
            base_time=base_time,
            time_scale=self.config.time_scale,
            rates=self.rates,
            track_opens=track_opens,
            track_clicks=track_clicks,
        )

    # --- SMTP -----------------------------------------------------------------------------

    def import_contacts(self, recipients: Sequence[str]) -> int:
        """A DATA with only the ending dot: group the contacts, send nothing."""
        return self.store.import_contacts("SMTP import", recipients, time.time())

    def parse_smtp_data(self, raw: bytes) -> ParsedCampaign:
        return parse_campaign(raw, self.config.senders, self.host_file)

    def accept_smtp_campaign(
        self, parsed: ParsedCampaign, *, mail_from: str, recipients: Sequence[str], raw: bytes
    ) -> AcceptedCampaign:
        ident = uuid.uuid4().hex
        accepted = time.time()
        track_opens = parsed.flag("X-Teenvio-TrackingOpening", True)
        track_clicks = parsed.flag("X-Teenvio-TrackingClicks", True)
        links = extract_links(parsed.html)  # once per campaign, not per recipient

        def plan(message_id: int, recipient: str) -> list[PlannedEvent]:
            return self._plan(
                message_id,
                recipient,
                links,
                accepted,
                track_opens=track_opens,
                track_clicks=track_clicks,
            )

        campaign_id = self.store.add_smtp_campaign(
            {
                "smtp_ident": ident,
                "mail_from": mail_from,
                "subject": parsed.subject,
                "headers_json": json.dumps(parsed.headers),
                "teenvio_headers_json": json.dumps(parsed.teenvio_headers),
                "html_original": parsed.html_original,
                "html": parsed.html,
                "text": parsed.text,
                "attachments_json": files_json(parsed.attachments),
                "inline_images_json": files_json(parsed.inline_images),
                "size": len(raw),
                "raw": raw,
            },
            user=self.config.user,
            recipients=recipients,
            created_at=accepted,
            plan=plan,
        )
        return AcceptedCampaign(teenvio_id=campaign_id, smtp_ident=ident)

    # --- REST -------------------------------------------------------------------------------

    def accept_rest_message(
        self,
        fields: dict[str, Any],
        *,
        send_at_epoch: float | None,
        payload: dict[str, Any],
        attachments: Sequence[StoredFile] = (),
    ) -> int:
        """Store one message (idempotent on sourceSystem + outboundId); its messageId."""
        accepted = time.time()
        base = max(accepted, send_at_epoch or 0.0)

        def plan(message_id: int) -> list[PlannedEvent]:
            links = extract_links(fields.get("html"))
            return self._plan(message_id, str(fields["recipient"]), links, base)

        message_id, _created = self.store.add_rest_message(
            fields, accepted_at=accepted, payload=payload, attachments=attachments, plan=plan
        )
        return message_id
