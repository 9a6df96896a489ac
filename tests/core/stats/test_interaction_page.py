"""The one-pass interactions paths (dict entries, typed entries) store, skip and number exactly
what the three passes did."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teenvio_desktop.core.stats.events import Occurrences, OutboxLinks, interaction_rows
from teenvio_desktop.core.stats.interaction_page import (
    interaction_page_rows,
    plain_interaction_rows,
)
from teenvio_desktop.core.stats.validate import Rejects, valid_items
from teenvio_desktop.core.tealite.plain_interactions import decode_plain_interactions

TIMESTAMPS = st.one_of(
    st.sampled_from(
        ["20240410181049", "20240229235959", "20230229120000", "20241231000000", "00000101000000",
         "20241301000000", "20240431000000", "20240410246060", "2024041018104",
         "２０２４０４１０１８１０４９", "20240410181060", "19000229000000", "20000229000000"]
    ),
    st.text(max_size=16),
    st.integers(),
    st.none(),
)  # fmt: skip
VALUES = st.one_of(st.none(), st.sampled_from(["", " ", "x", "OPEN"]), st.integers(), st.booleans())


@st.composite
def entries(draw: st.DrawFn) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "email": draw(st.one_of(st.sampled_from(["a@example.com", "b@example.com", " "]), VALUES)),
        "timestamp": draw(TIMESTAMPS),
    }
    for key in ("idCampaign", "idMessage", "type", "link", "linkName", "ip", "sourceSystem"):
        if draw(st.booleans()):
            entry[key] = draw(VALUES)
    if draw(st.integers(0, 9)) == 0:
        entry[draw(st.sampled_from(["extra", "messageId", "nested"]))] = draw(
            st.one_of(VALUES, st.just({"a": [1, {"b": [[[[1]]]]}]}))
        )
    return entry


@settings(max_examples=300, deadline=None)
@given(st.lists(entries(), max_size=30), st.booleans())
def test_one_pass_equals_the_reference(items: list[dict[str, Any]], linked: bool) -> None:
    links = OutboxLinks({"7": 1}, {"a@example.com": 2}) if linked else OutboxLinks()
    expected_rejects, rejects = Rejects(), Rejects()
    kept = valid_items("clicks", items, expected_rejects)
    expected = Occurrences("interactions").number(interaction_rows(kept, 3, "s", "c", links))
    rows = interaction_page_rows("clicks", items, rejects, Occurrences("interactions"), 3, "s",
                                 "c", links)  # fmt: skip
    assert rows == expected
    assert (rejects.count, rejects.samples) == (expected_rejects.count, expected_rejects.samples)


PLAIN_VALUES = st.one_of(
    st.none(), st.sampled_from(["", " ", "x", "OPEN", "7", "a@example.com"]), TIMESTAMPS
).filter(lambda v: v is None or isinstance(v, str))


@st.composite
def plain_entries(draw: st.DrawFn) -> dict[str, Any]:
    """Entries of the seed's fields, strings or null: the shape msgspec decodes typed."""
    fields = ("email", "timestamp", "idCampaign", "idMessage", "type", "link", "linkName", "ip",
              "sourceSystem")  # fmt: skip
    return {key: draw(PLAIN_VALUES) for key in fields if draw(st.integers(0, 5))}


@settings(max_examples=300, deadline=None)
@given(st.lists(plain_entries(), max_size=30), st.booleans())
def test_typed_pages_give_what_the_dict_path_gives(
    items: list[dict[str, Any]], linked: bool
) -> None:
    links = OutboxLinks({"7": 1}, {"a@example.com": 2}) if linked else OutboxLinks()
    raw = json.dumps(items).encode()
    typed = decode_plain_interactions(raw)
    assert typed is not None
    expected_rejects, rejects = Rejects(), Rejects()
    expected = interaction_page_rows("opens", json.loads(raw), expected_rejects,
                                     Occurrences("interactions"), 3, "s", "c", links)  # fmt: skip
    rows = plain_interaction_rows("opens", typed, rejects, Occurrences("interactions"), 3, "s",
                                  "c", links)  # fmt: skip
    assert rows == expected
    assert (rejects.count, rejects.samples) == (expected_rejects.count, expected_rejects.samples)


@pytest.mark.parametrize(
    "raw",
    [
        b'[{"email": "a@example.com", "idMessage": 7}]',  # an integer id: stored, as text
        b'[{"email": "a@example.com", "device": "phone"}]',  # a field kept in ``extra``
        b'[{"email": "a@example.com"}, 5]',  # an entry that is not an object: counted
        b'{"interactions": [{"email": "a@example.com"}], "lastPage": true}',  # a wrapper
        b'[{"email": "a@example.com"',  # malformed: the generic path's error
        b'[{"email": "\\ud800"}]',  # a lone surrogate, which json.loads accepts
    ],
)
def test_other_pages_take_the_generic_path(raw: bytes) -> None:
    assert decode_plain_interactions(raw) is None


def test_an_empty_timestamp_is_skipped_on_both_paths() -> None:
    items: list[dict[str, Any]] = [{"email": "a@example.com", "timestamp": ""}]
    typed = decode_plain_interactions(json.dumps(items).encode())
    assert typed is not None
    from_dicts, from_typed = Rejects(), Rejects()
    assert interaction_page_rows("opens", items, from_dicts, Occurrences("interactions"), 3, "s",
                                 "c") == []  # fmt: skip
    assert plain_interaction_rows("opens", typed, from_typed, Occurrences("interactions"), 3, "s",
                                  "c") == []  # fmt: skip
    assert from_dicts.count == from_typed.count == 1
