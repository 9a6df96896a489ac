"""Sending an SMTP-API campaign and keeping its record: the GUI's and the CLI's entry point.

The campaign gets a ``campaigns`` row (transport ``smtp``) once it is checked and built,
so a failed or cancelled attempt is recorded too. On success the row gets Teenvio's
campaign id and SMTP id; ``smtp_recipients`` keeps every RCPT outcome (and the addresses
left out because of the suppression list).

States: ``sending`` -> ``sent`` | ``contacts_imported`` | ``failed`` | ``cancelled`` |
``unknown`` (the connection broke after the message was sent, before Teenvio confirmed).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Literal

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.clock import utc_now_iso
from teenvio_desktop.core.errors import Cancelled, TeenvioError
from teenvio_desktop.core.smtp.client import (
    STAGE_PREPARING,
    SmtpSendResult,
    deliver,
    prepare_send,
)
from teenvio_desktop.core.smtp.errors import ConnectionLost
from teenvio_desktop.core.smtp.settings import SmtpSettings
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.suppression import SuppressionList
from teenvio_desktop.core.tasks import CancelToken, Progress, ProgressCallback, no_progress

log = logging.getLogger(__name__)

Outcome = Literal["accepted", "refused", "suppressed"]

STATE_SENDING = "sending"
STATE_SENT = "sent"
STATE_CONTACTS_IMPORTED = "contacts_imported"
STATE_FAILED = "failed"
STATE_CANCELLED = "cancelled"
STATE_UNKNOWN = "unknown"


@dataclass(frozen=True)
class RecordedSend:
    """What :func:`send_and_record` returns: the stored campaign id and the result."""

    campaign_id: int
    result: SmtpSendResult


@dataclass(frozen=True)
class RecipientOutcome:
    email: str
    outcome: Outcome
    code: int | None
    reply: str


@dataclass(frozen=True)
class SmtpSendInfo:
    campaign_id: int
    host: str
    port: int
    security: str
    user: str
    contacts_only: bool
    message_size: int
    server_reply: str | None
    started_at: str
    finished_at: str | None


class SmtpSendRepository:
    """The ``smtp_sends`` and ``smtp_recipients`` tables."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def start(
        self, campaign_id: int, settings: SmtpSettings, *, contacts_only: bool, size: int
    ) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO smtp_sends (campaign_id, host, port, security, user,"
                " contacts_only, message_size, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    campaign_id,
                    settings.host,
                    settings.port,
                    settings.security,
                    settings.user,
                    int(contacts_only),
                    size,
                    utc_now_iso(),
                ),
            )

    def finish(
        self, campaign_id: int, *, reply: str | None, outcomes: list[RecipientOutcome]
    ) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE smtp_sends SET server_reply = ?, finished_at = ? WHERE campaign_id = ?",
                (reply, utc_now_iso(), campaign_id),
            )
            conn.executemany(
                "INSERT OR REPLACE INTO smtp_recipients (campaign_id, email, outcome, code, reply)"
                " VALUES (?, ?, ?, ?, ?)",
                ((campaign_id, o.email, o.outcome, o.code, o.reply) for o in outcomes),
            )

    def info(self, campaign_id: int) -> SmtpSendInfo | None:
        row = self._db.conn.execute(
            "SELECT * FROM smtp_sends WHERE campaign_id = ?", (campaign_id,)
        ).fetchone()
        if row is None:
            return None
        return SmtpSendInfo(
            campaign_id=row["campaign_id"],
            host=row["host"],
            port=row["port"],
            security=row["security"],
            user=row["user"],
            contacts_only=bool(row["contacts_only"]),
            message_size=row["message_size"],
            server_reply=row["server_reply"],
            started_at=row["started_at"],
            finished_at=row["finished_at"],
        )

    def outcomes(self, campaign_id: int, outcome: Outcome | None = None) -> list[RecipientOutcome]:
        sql = "SELECT email, outcome, code, reply FROM smtp_recipients WHERE campaign_id = ?"
        params: tuple[object, ...] = (campaign_id,)
        if outcome is not None:
            sql += " AND outcome = ?"
            params += (outcome,)
        rows = self._db.conn.execute(sql + " ORDER BY outcome, email", params).fetchall()
        return [RecipientOutcome(r[0], r[1], r[2], r[3]) for r in rows]


# Why an address was not given to the server at all (kept with it in ``smtp_recipients``).
NEEDS_SMTPUTF8 = "not sent: needs SMTPUTF8 (non-ASCII before the @), not offered by the SMTP-API"


def result_outcomes(result: SmtpSendResult) -> list[RecipientOutcome]:
    outcomes = [RecipientOutcome(e, "accepted", 250, "") for e in result.accepted]
    outcomes += [RecipientOutcome(e, "refused", c, t) for e, (c, t) in result.refused.items()]
    outcomes += [RecipientOutcome(e, "suppressed", None, "") for e in result.suppressed]
    outcomes += [RecipientOutcome(e, "refused", None, NEEDS_SMTPUTF8) for e in result.unsupported]
    return outcomes


def send_and_record(
    db: Database,
    campaign: Campaign,
    settings: SmtpSettings,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    *,
    contacts_only: bool = False,
    is_test: bool = False,
) -> RecordedSend:
    """Check, build, record and send ``campaign``, honouring the suppression list.

    The recipients are ``campaign.recipients`` or, when empty, the members of the saved
    list ``campaign.recipient_list_id``. Errors found before connecting (invalid fields,
    too large, nobody to send to) raise without creating a record; later failures are
    recorded with their explanation.
    """
    settings = settings.check()
    progress(Progress(STAGE_PREPARING))
    if not campaign.recipients and campaign.recipient_list_id is not None:
        from teenvio_desktop.core.recipients import RecipientListRepository

        # Addresses only: a million in a fraction of a second, against seconds for members.
        addresses = RecipientListRepository(db).addresses(campaign.recipient_list_id)
        campaign = replace(campaign, recipients=list(addresses))
    suppressed = SuppressionList(db).all_addresses()
    prepared = prepare_send(campaign, contacts_only=contacts_only, suppressed=suppressed)
    campaigns = CampaignRepository(db)
    sends = SmtpSendRepository(db)
    # The recipients are in smtp_recipients; the snapshot keeps the content.
    snapshot = replace(campaign, transport="smtp", recipients=[])
    with db.transaction():
        campaign_id = campaigns.create(
            snapshot,
            state=STATE_SENDING,
            recipients_count=len(prepared.recipients),
            is_test=is_test,
        )
        sends.start(campaign_id, settings, contacts_only=contacts_only, size=prepared.size)
    log.info(
        "SMTP-API campaign %s: %d recipients (%d suppressed, %d need SMTPUTF8), %d bytes, "
        "to %s:%s (%s)%s",
        campaign_id,
        len(prepared.recipients),
        len(prepared.suppressed),
        len(prepared.unsupported),
        prepared.size,
        settings.host,
        settings.port,
        settings.security,
        ", contacts only" if contacts_only else "",
    )
    try:
        result = deliver(prepared, settings, progress, cancel)
    except Cancelled:
        log.info("SMTP-API campaign %s cancelled", campaign_id)
        campaigns.set_state(campaign_id, STATE_CANCELLED)
        raise
    except TeenvioError as exc:
        lost_after_data = isinstance(exc, ConnectionLost) and exc.after_data
        state = STATE_UNKNOWN if lost_after_data else STATE_FAILED
        log.warning("SMTP-API campaign %s %s: %s", campaign_id, state, exc.render())
        campaigns.set_state(campaign_id, state, last_error=exc.render())
        left_out = [RecipientOutcome(e, "suppressed", None, "") for e in prepared.suppressed]
        left_out += [
            RecipientOutcome(e, "refused", None, NEEDS_SMTPUTF8) for e in prepared.unsupported
        ]
        sends.finish(campaign_id, reply=exc.server_reply(), outcomes=left_out)
        raise
    except BaseException as exc:
        campaigns.set_state(campaign_id, STATE_FAILED, last_error=f"{type(exc).__name__}: {exc}")
        raise
    with db.transaction():
        campaigns.update(
            campaign_id,
            state=STATE_CONTACTS_IMPORTED if contacts_only else STATE_SENT,
            teenvio_id=result.teenvio_id,
            smtp_id=result.smtp_id,
            sent_at=utc_now_iso(),
            last_error=None,
        )
        sends.finish(campaign_id, reply=result.reply, outcomes=result_outcomes(result))
    log.info(
        "SMTP-API campaign %s: %s (%d accepted, %d refused)",
        campaign_id,
        result.reply,
        len(result.accepted),
        len(result.refused),
    )
    return RecordedSend(campaign_id, result)
