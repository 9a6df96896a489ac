"""Property tests of TEA Lite's parameter checks: any input ends in a value or an ApiError
with the service's wording, and nothing with a line break reaches a header field."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from teenvio_desktop.sandbox.rest_params import (
    COLUMNS,
    OPTIONAL_SEND_ATTRIBUTES,
    REQUIRED_SEND_ATTRIBUTES,
    SINGLE_LINE,
    ApiError,
    parse_tz,
    time_window,
    validate_send,
)

NAMES = REQUIRED_SEND_ATTRIBUTES + OPTIONAL_SEND_ATTRIBUTES
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=5,
)
good_values = {
    "recipient": "a@example.org",
    "sender": "demo@example.com",
    "replyTo": "demo@example.com",
    "sendAt": "20300101000000",
}


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(NAMES), json_values | st.text(), max_size=len(NAMES)))
def test_validate_send_answers_a_value_or_the_service_error(data: dict[str, Any]) -> None:
    body = {name: good_values.get(name, "x") for name in REQUIRED_SEND_ATTRIBUTES}
    body.update(data)
    try:
        fields, _ = validate_send(body)
    except ApiError as error:
        assert error.status == 500 and error.category == "Permanent"
        assert error.text.startswith("El ") and error.text.endswith(
            ("es requerido", "no es válido")
        )
        return
    reverse = {column: name for name, column in COLUMNS.items()}
    for column, value in fields.items():
        assert isinstance(value, str) and value.strip()
        if reverse[column] in SINGLE_LINE:
            assert "\n" not in value and "\r" not in value


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["startTimeUTC", "endTimeUTC", "startTime", "endTime", "tz"]),
        st.text(max_size=20) | st.from_regex(r"\A[0-9]{14}\Z"),
    ),
    st.booleans(),
)
def test_time_window_answers_bounds_or_the_service_error(
    params: dict[str, str], required_window: bool
) -> None:
    try:
        start, end = time_window(params, required_window=required_window)
    except ApiError as error:
        assert error.status == 500 and error.text.startswith("El ")
        return
    if required_window:
        assert start is not None and end is not None


def test_time_zones() -> None:
    from datetime import UTC, datetime, timedelta

    moment = datetime(2024, 7, 1, 12, 0)
    for text, offset in (
        ("UTC", 0),
        ("-06:00", -6),
        ("+0130", 1.5),
        ("GMT-6", -6),
        ("Europe/Madrid", 2),
    ):
        zone = parse_tz(text)
        assert moment.replace(tzinfo=zone).utcoffset() == timedelta(hours=offset), text
    assert parse_tz("Z") is UTC
    for bad in ("Mars/Olympus", "+25:00", "", "../etc/passwd"):
        try:
            parse_tz(bad)
        except ApiError as error:
            assert error.text == "El tz no es válido"
        else:
            raise AssertionError(bad)
