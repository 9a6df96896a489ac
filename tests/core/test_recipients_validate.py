"""The fast path gives exactly email-validator's verdicts (it only ever accepts)."""

from __future__ import annotations

import string
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from teenvio_desktop.core.recipients import RecipientImportError
from teenvio_desktop.core.recipients.readers import open_source
from teenvio_desktop.core.recipients.validate import (
    fast_normalize,
    normalize_address,
    normalize_batch,
    reference_normalize,
)

CORPUS = Path(__file__).parent / "recipients_corpus"

HAND_PICKED = [
    "ana@example.com",
    "Ana.Maria+tag@Example.COM",
    "a@b.co",
    "a@b.c",
    "-a-@x-y.example.org",
    "a..b@example.com",
    ".a@example.com",
    "a.@example.com",
    "a@-example.com",
    "a@example-.com",
    "a@ex--ample.com",
    "a@xn--espaa-rta.es",
    "a@example.test",
    "a@example.TEST",
    "a@mail.localhost",
    "a@onion",
    "a@example.c0m",
    "a@123.com",
    "a@example.123",
    "a@[127.0.0.1]",
    '"a b"@example.com',
    "josé@example.es",
    "a@españa.es",
    "a" * 64 + "@example.com",
    "a" * 65 + "@example.com",
    "a@" + "b" * 63 + ".com",
    "a@" + "b" * 64 + ".com",
    "a@" + ".".join(["b" * 60] * 5) + ".com",
    "a@example.com.",
    "@example.com",
    "a@",
    "a@@example.com",
    "a b@example.com",
    "a@exam_ple.com",
    "a!#$%&'*/=?^`{|}~@example.com",
]


def _same_verdict(address: str) -> None:
    fast = fast_normalize(address)
    reference, _reason = reference_normalize(address)
    if fast is not None:
        assert fast == reference, address


def test_fast_path_agrees_on_hand_picked_addresses() -> None:
    accepted = 0
    for address in HAND_PICKED:
        _same_verdict(address)
        accepted += fast_normalize(address) is not None
    assert accepted >= 5  # the fast path is actually taken for the common case


def test_fast_path_agrees_on_the_corpus() -> None:
    checked = 0
    for path in sorted(CORPUS.iterdir()):
        if path.suffix == ".py" or path.name == "unclosed_quote.csv":
            continue
        try:
            with open_source(path) as source:
                cells = [cell.strip() for row in source.reader for cell in row]
        except RecipientImportError:
            continue  # the files that must fail to open
        for cell in cells:
            _same_verdict(cell)
            checked += 1
    assert checked > 100


def test_normalize_gives_email_validators_result_for_everything() -> None:
    for address in HAND_PICKED:
        assert normalize_address(address)[0] == reference_normalize(address)[0]


ATEXT = string.ascii_letters + string.digits + "!#$%&'*+-/=?^_`{|}~."
local_parts = st.text(alphabet=ATEXT, min_size=0, max_size=70)
labels = st.text(alphabet=string.ascii_letters + string.digits + "-_", min_size=0, max_size=66)
domains = st.lists(labels, min_size=1, max_size=5).map(".".join)
tlds = st.sampled_from(["com", "ES", "org", "test", "local", "c", "c0", "xn--p1ai", "museum", ""])


@settings(max_examples=400, deadline=None)
@given(local=local_parts, domain=domains, tld=tlds, pad=st.sampled_from(["", " ", "\t"]))
@example(local="a", domain="b" * 64, tld="com", pad="")
@example(local="x" * 64, domain="b", tld="com", pad="")
def test_fast_path_never_disagrees_with_email_validator(
    local: str, domain: str, tld: str, pad: str
) -> None:
    address = f"{pad}{local}@{domain}.{tld}{pad}"
    _same_verdict(address)
    assert normalize_address(address)[0] == reference_normalize(address.strip())[0]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_fast_path_never_disagrees_on_arbitrary_text(text: str) -> None:
    _same_verdict(text)


def _one_by_one(cells: list[str]) -> tuple[list[str], list[str], dict[int, str]]:
    """What normalize_batch must return, computed address by address."""
    addresses, keys, problems = [], [], {}
    for i, cell in enumerate(cells):
        normalized, why = normalize_address(cell)
        if normalized is None:
            problems[i] = why if cell.strip() else ""
            addresses.append(cell.strip())
            keys.append(cell.strip())
        else:
            addresses.append(normalized)
            keys.append(normalized.lower())
    return addresses, keys, problems


address_like = st.one_of(
    st.builds(
        "{}{}@{}.{}{}".format,
        st.sampled_from(["", " ", "\t"]),
        local_parts,
        domains,
        tlds,
        st.sampled_from(["", " "]),
    ),
    st.sampled_from(["", " ", "User0", "a@@b.com", "josé@example.es", "a\nb@example.com"]),
    st.sampled_from(["\x00", "a@b.com\x00", "A@EXAMPLE.COM", "x" * 70 + "@example.com"]),
    st.text(max_size=20),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(address_like, max_size=40))
@example(["", "", "user0@example.com", "", "User0", "", "user0@example.com"])
def test_a_batch_gets_the_same_verdicts_as_one_address_at_a_time(cells: list[str]) -> None:
    addresses, keys, problems = normalize_batch(cells)
    expected_addresses, expected_keys, expected_problems = _one_by_one(cells)
    assert set(problems) == set(expected_problems)
    for i in range(len(cells)):
        if i not in problems:
            assert (addresses[i], keys[i]) == (expected_addresses[i], expected_keys[i])
        else:
            assert bool(problems[i]) == bool(expected_problems[i])
