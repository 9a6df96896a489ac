"""Which addresses an import has already kept, with memory that stops growing fast.

The first million addresses are kept in a Python set: exact, and the fastest thing
there is (about 100 bytes an address). Past that, a set would keep growing by that much
per address, so they move to a compact form: a 96-bit fingerprint per address (the
64-bit hash of the lower-cased address plus 32 bits of the hash of a variant of it,
12 bytes) in a sorted numpy array indexed by hash prefix, each batch checked with a few
vectorised steps. Within one batch the addresses themselves are compared, so a
repeat there is always recognised; across batches, in the compact form, two different
addresses would be taken for one only if both fingerprints collided (odds about 1 in
10^16 for five million addresses).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import not_
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

Run = tuple["np.ndarray[Any, Any]", "np.ndarray[Any, Any]"]  # (sorted hashes, checks)
EXACT_LIMIT = 1_000_000  # addresses kept in the set before moving to fingerprints
MOVE_CHUNK = 65_536
PREFIX_BITS = 16
PREFIXES = 1 << PREFIX_BITS
RECENT_LIMIT = 1 << 18  # recent fingerprints before they join the main array


class SeenAddresses:
    """Remembers keys (lower-cased addresses) and tells which ones are repeats."""

    def __init__(self, exact_limit: int = EXACT_LIMIT) -> None:
        self._exact: set[str] | None = set()
        self._compact: _Fingerprints | None = None
        self._limit = exact_limit
        self.count = 0

    def keep_first(self, keys: Sequence[str]) -> list[bool]:
        """For each key, True when it was not seen before (earlier in ``keys`` included);
        every key is remembered from now on."""
        if self._exact is None:
            assert self._compact is not None
            fresh: list[bool] = self._compact.keep_first(keys).tolist()
        else:
            seen = self._exact
            known = seen.intersection(keys)
            size = len(seen)
            seen.update(keys)
            added = len(seen) - size
            if not known and added == len(keys):
                fresh = [True] * len(keys)
            elif added == len(keys) - sum(map(known.__contains__, keys)):
                fresh = list(map(not_, map(known.__contains__, keys)))
            else:  # repeats inside the batch too: the first of each new key wins
                first: dict[str, int] = {}
                fresh = [k not in known and first.setdefault(k, i) == i for i, k in enumerate(keys)]
            if len(seen) > self._limit:
                self._move_to_fingerprints(seen)
        self.count += sum(fresh)
        return fresh

    def _move_to_fingerprints(self, seen: set[str]) -> None:
        compact = _Fingerprints()
        chunk: list[str] = []
        for key in seen:
            chunk.append(key)
            if len(chunk) >= MOVE_CHUNK:
                compact.keep_first(chunk)
                chunk = []
        compact.keep_first(chunk)
        self._exact = None
        seen.clear()
        self._compact = compact


class _Fingerprints:
    """96-bit fingerprints: a large sorted array indexed by the top 16 bits of the hash,
    so a lookup is a short search within a few cache lines, plus small sorted runs of
    recent ones that join it now and then (each time they reach a quarter of it)."""

    def __init__(self) -> None:
        import numpy as np

        self._hashes = np.zeros(0, dtype=np.uint64)  # sorted
        self._checks = np.zeros(0, dtype=np.uint32)
        self._starts = np.zeros(PREFIXES + 1, dtype=np.intp)  # first index of each prefix
        self._depth = 0  # binary-search steps that cover the largest prefix bucket
        # Recent fingerprints: small sorted runs merged like a binary counter.
        self._recent: list[Run | None] = []
        self._recent_count = 0

    def keep_first(self, keys: Sequence[str]) -> np.ndarray[Any, Any]:
        """As :meth:`SeenAddresses.keep_first`, as a numpy array of booleans."""
        import numpy as np

        n = len(keys)
        if n == 0:
            return np.ones(0, dtype=bool)
        hashes = np.fromiter(map(hash, keys), dtype=np.int64, count=n).view(np.uint64)
        variants = map("\x00".__add__, keys)  # another string, so an independent hash
        checks = np.fromiter(map(hash, variants), dtype=np.int64, count=n).astype(np.uint32)
        order = np.argsort(hashes, kind="stable")
        hashes, checks = hashes[order], checks[order]
        fresh = np.ones(n, dtype=bool)
        same = np.flatnonzero(hashes[1:] == hashes[:-1])
        if same.size:
            _mark_sorted_repeats(keys, order, same, fresh)
        for run in self._recent:
            if run is not None:
                _mark_in_run(run, hashes, checks, fresh)
        if self._hashes.size:
            self._mark_in_main(hashes, checks, fresh)
        self._add_recent((hashes[fresh], checks[fresh]))
        if self._recent_count > max(RECENT_LIMIT, self._hashes.size // 4):
            self._absorb_recent()
        in_order = np.empty(n, dtype=bool)
        in_order[order] = fresh
        return in_order

    def _mark_in_main(
        self,
        hashes: np.ndarray[Any, Any],
        checks: np.ndarray[Any, Any],
        fresh: np.ndarray[Any, Any],
    ) -> None:
        """A binary search per hash, all at once, inside its prefix's bucket only."""
        import numpy as np

        stored = self._hashes
        prefix = (hashes >> np.uint64(64 - PREFIX_BITS)).astype(np.intp)
        low, high = self._starts[prefix], self._starts[prefix + 1]
        end = high.copy()
        for _ in range(self._depth):
            middle = (low + high) >> 1
            below = (low < high) & (stored[np.minimum(middle, stored.size - 1)] < hashes)
            low = np.where(below, middle + 1, low)
            high = np.where(below | (low >= high), high, middle)
        inside = np.flatnonzero(low < end)
        hit = inside[stored[low[inside]] == hashes[inside]]
        _confirm(self._checks, stored, low[hit], hit, hashes, checks, fresh)

    def _add_recent(self, run: Run) -> None:
        self._recent_count += run[0].size
        for index, level in enumerate(self._recent):
            if level is None:
                self._recent[index] = run
                return
            run = _merge(level, run)
            self._recent[index] = None
        self._recent.append(run)

    def _absorb_recent(self) -> None:
        """The recent runs join the main array, and its prefix index is rebuilt."""
        import numpy as np

        main: Run = (self._hashes, self._checks)
        for run in self._recent:
            if run is not None:
                main = _merge(main, run)
        self._hashes, self._checks = main
        self._recent, self._recent_count = [], 0
        bounds = np.arange(PREFIXES, dtype=np.uint64) << np.uint64(64 - PREFIX_BITS)
        self._starts[:-1] = np.searchsorted(self._hashes, bounds)
        self._starts[-1] = self._hashes.size
        largest = int(np.diff(self._starts).max())
        self._depth = max(largest, 1).bit_length()


def _mark_in_run(
    run: Run,
    hashes: np.ndarray[Any, Any],
    checks: np.ndarray[Any, Any],
    fresh: np.ndarray[Any, Any],
) -> None:
    import numpy as np

    stored, stored_checks = run
    if not stored.size:
        return
    at = np.searchsorted(stored, hashes)
    inside = np.flatnonzero(at < stored.size)
    hit = inside[stored[at[inside]] == hashes[inside]]
    _confirm(stored_checks, stored, at[hit], hit, hashes, checks, fresh)


def _confirm(
    stored_checks: np.ndarray[Any, Any],
    stored: np.ndarray[Any, Any],
    at: np.ndarray[Any, Any],
    hit: np.ndarray[Any, Any],
    hashes: np.ndarray[Any, Any],
    checks: np.ndarray[Any, Any],
    fresh: np.ndarray[Any, Any],
) -> None:
    """Equal 64-bit hashes found at ``at``: a repeat when the checks agree too (several
    stored fingerprints may share a hash: the rare disagreement looks further)."""
    if not hit.size:
        return
    confirmed = stored_checks[at] == checks[hit]
    fresh[hit[confirmed]] = False
    for i, j in zip(hit[~confirmed].tolist(), (at[~confirmed] + 1).tolist(), strict=True):
        while j < stored.size and stored[j] == hashes[i]:
            if stored_checks[j] == checks[i]:
                fresh[i] = False
                break
            j += 1


def _merge(a: Run, b: Run) -> Run:
    """Two sorted runs as one."""
    import numpy as np

    a_hashes, a_checks = a
    b_hashes, b_checks = b
    size = a_hashes.size + b_hashes.size
    places = np.searchsorted(a_hashes, b_hashes, side="right") + np.arange(b_hashes.size)
    from_a = np.ones(size, dtype=bool)
    from_a[places] = False
    hashes = np.empty(size, dtype=np.uint64)
    checks = np.empty(size, dtype=np.uint32)
    hashes[places] = b_hashes
    checks[places] = b_checks
    hashes[from_a] = a_hashes
    checks[from_a] = a_checks
    return hashes, checks


def _mark_sorted_repeats(
    keys: Sequence[str],
    order: np.ndarray[Any, Any],
    same: np.ndarray[Any, Any],
    fresh: np.ndarray[Any, Any],
) -> None:
    """Equal hashes inside the batch (sorted): compare the keys themselves (exact).
    Within a run of equal hashes the stable sort kept the batch's order: the first wins."""
    first_of: dict[str, int] = {}
    for j in sorted(set(same.tolist()) | set((same + 1).tolist())):
        key = keys[int(order[j])]
        if key in first_of:
            fresh[j] = False
        else:
            first_of[key] = j
