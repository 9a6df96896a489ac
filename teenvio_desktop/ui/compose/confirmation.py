"""The summary the user confirms before a campaign goes out."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.checks import CheckEnvironment, message_size
from teenvio_desktop.core.clock import parse_teenvio_timestamp
from teenvio_desktop.ui.compose.options_panel import language_names
from teenvio_desktop.ui.formatting import format_decimal


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("ComposeSending", "yes")
        if value
        else QCoreApplication.translate("ComposeSending", "no")
    )


def confirmation_summary(env: CheckEnvironment, campaign: Campaign) -> str:
    size, limit = message_size(campaign, env)
    count = env.recipients_count if env.recipients_count is not None else len(campaign.recipients)
    transport = (
        QCoreApplication.translate("ComposeSending", "SMTP-API")
        if campaign.transport == "smtp"
        else QCoreApplication.translate("ComposeSending", "TEA Lite REST")
    )
    options = campaign.options
    lines = [
        QCoreApplication.translate("ComposeSending", 'Send "{subject}"?').format(
            subject=campaign.subject
        ),
        "",
        QCoreApplication.translate("ComposeSending", "Transport: {transport}").format(
            transport=transport
        ),
        QCoreApplication.translate("ComposeSending", "Account: {account}").format(
            account=campaign.account_name or "-"
        ),
        QCoreApplication.translate("ComposeSending", "From: {sender}").format(
            sender=campaign.sender
        ),
        QCoreApplication.translate("ComposeSending", "Recipients: {count}").format(count=count),
        *_left_out_lines(env, campaign),
        QCoreApplication.translate("ComposeSending", "Size: {size} KB of {limit} KB").format(
            size=format_decimal(size / 1024), limit=format_decimal(limit / 1024, 0)
        ),
    ]
    if campaign.transport == "rest":
        return "\n".join(lines + _tealite_lines(campaign))
    # The five Teenvio options exist only in the SMTP-API (TEA Lite has no such parameters).
    lines += [
        QCoreApplication.translate(
            "ComposeSending", "Header: {cab}; social links: {social}; language: {language}"
        ).format(
            cab=yes_no(options.show_cab),
            social=yes_no(options.social_links),
            language=language_names().get(options.language, str(options.language)),
        ),
        QCoreApplication.translate(
            "ComposeSending", "Track opens: {opens}; track clicks: {clicks}"
        ).format(opens=yes_no(options.tracking_opening), clicks=yes_no(options.tracking_clicks)),
    ]
    return "\n".join(lines)


def _left_out_lines(env: CheckEnvironment, campaign: Campaign) -> list[str]:
    """The recipients the SMTP-API cannot take, which the send will leave out."""
    if campaign.transport != "smtp":
        return []
    if campaign.recipient_list_id is None:
        from teenvio_desktop.core.addresses import needs_smtputf8

        named = [a.strip() for a in campaign.recipients if needs_smtputf8(a.strip())]
        count = len(named)
    else:
        named, count = list(env.smtputf8_sample), env.smtputf8_count or 0
    if not count:
        return []
    shown = ", ".join(named[:5]) + (" …" if count > 5 else "")
    return [
        QCoreApplication.translate(
            "ComposeSending", "Left out, as the SMTP-API cannot take them: {count} ({addresses})"
        ).format(count=QLocale().toString(count), addresses=shown)
    ]


def _tealite_lines(campaign: Campaign) -> list[str]:
    lines = [
        QCoreApplication.translate(
            "ComposeSending", "Campaign id: {campaign}; source system: {source}"
        ).format(campaign=campaign.campaign_ref, source=campaign.source_system or "-")
    ]
    if campaign.list_unsubscribe:
        lines.append(
            QCoreApplication.translate("ComposeSending", "List-Unsubscribe: {value}").format(
                value=campaign.list_unsubscribe
            )
        )
    if campaign.send_at:
        lines.append(
            QCoreApplication.translate("ComposeSending", "Scheduled for {when}").format(
                when=_local_time(campaign.send_at)
            )
        )
    return lines


def _local_time(teenvio_timestamp: str) -> str:
    """A ``YYYYMMDDHHMMSS`` UTC stamp as the user's local date and time."""
    try:
        moment = parse_teenvio_timestamp(teenvio_timestamp)
    except ValueError:
        return teenvio_timestamp
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    return QLocale().toString(local, QLocale.FormatType.LongFormat)
