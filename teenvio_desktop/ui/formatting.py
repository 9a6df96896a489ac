"""Numbers, percentages and moments as the user's locale writes them.

The application's default :class:`QLocale` follows the interface language (set where the
translators are installed), so a Spanish window shows ``1.234``, ``33,3 %`` and
``30/11/26 14:27:52`` and an English one ``1,234``, ``33.3%`` and ``11/30/26 2:27:52 PM``.
Text from a server that is not a valid moment is shown as it came.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTimeZone


def format_count(value: int) -> str:
    return QLocale().toString(int(value))


def format_decimal(value: float, decimals: int = 1) -> str:
    """``2.5`` as ``2.5`` (English) or ``2,5`` (Spanish)."""
    return QLocale().toString(float(value), "f", decimals)


_DECIMAL = re.compile(r"-?\d+\.(\d+)")


def localise_decimals(params: Mapping[str, Any]) -> dict[str, Any]:
    """Parameters of a Qt-free message with their decimals (``"3.06"``) in the locale's form."""
    localised = dict(params)
    for key, value in params.items():
        text = str(value) if isinstance(value, (str, float)) else ""
        match = _DECIMAL.fullmatch(text)
        if match is not None:
            localised[key] = format_decimal(float(text), len(match.group(1)))
    return localised


def format_percent(fraction: float, decimals: int = 1) -> str:
    """``0.333`` as ``33.3%`` (English) or ``33,3 %`` (Spanish)."""
    number = QLocale().toString(fraction * 100, "f", decimals)
    # The translation decides the spacing ("33,3 %" in Spanish, with a no-break space).
    return QCoreApplication.translate("Formatting", "{number}%").format(number=number)


def _with_seconds(time_format: str) -> str:
    """The locale's short time format with seconds ("HH:mm" -> "HH:mm:ss")."""
    return time_format if "ss" in time_format else time_format.replace("mm", "mm:ss", 1)


def format_moment(moment: datetime, *, seconds: bool = False) -> str:
    """A moment (aware, any zone) in local time, in the locale's short format."""
    locale = QLocale()
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.systemTimeZone())
    if not seconds:
        return locale.toString(local, QLocale.FormatType.ShortFormat)
    date_format = locale.dateFormat(QLocale.FormatType.ShortFormat)
    time_format = _with_seconds(locale.timeFormat(QLocale.FormatType.ShortFormat))
    return locale.toString(local, f"{date_format} {time_format}")


def format_teenvio_time(text: str) -> str:
    """The server's ``YYYYMMDDHHMMSS`` (UTC) as a local date and time with seconds."""
    if len(text) != 14 or not text.isdigit():
        return text
    try:
        moment = datetime.strptime(text, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return text
    return format_moment(moment, seconds=True)


def format_iso(text: str | None) -> str:
    """An ISO 8601 moment from the store (UTC when it names no zone) in local time."""
    if not text:
        return ""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return format_moment(moment)


def format_date_text(text: str) -> str:
    """An ISO date (``2024-05-16``) in the locale's short format."""
    date = QDate.fromString(text[:10], "yyyy-MM-dd") if len(text) >= 10 else QDate()
    if not date.isValid():
        return text
    return QLocale().toString(date, QLocale.FormatType.ShortFormat)
