"""The one-pass interactions path stores, skips and numbers exactly what the three passes did."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from teenvio_desktop.core.stats.events import Occurrences, OutboxLinks, interaction_rows
from teenvio_desktop.core.stats.interaction_page import interaction_page_rows
from teenvio_desktop.core.stats.validate import Rejects, valid_items

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
