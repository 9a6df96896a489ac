"""The summary the user confirms before a campaign goes out."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.checks import CheckEnvironment, message_size
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
        QCoreApplication.translate("ComposeSending", "Size: {size} KB of {limit} KB").format(
            size=format_decimal(size / 1024), limit=format_decimal(limit / 1024, 0)
        ),
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
    if campaign.transport == "rest" and campaign.send_at:
        lines.append(
            QCoreApplication.translate("ComposeSending", "Scheduled for {when} (UTC)").format(
                when=campaign.send_at
            )
        )
    return "\n".join(lines)
