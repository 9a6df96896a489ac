"""Which addresses an import has already kept, in about 12 bytes per address.

A Python set of a million addresses costs over 100 MB and grows with the file; here each
address is remembered by a 96-bit fingerprint (the string's 64-bit hash plus 32 bits of
the hash of its upper-case form) in sorted numpy runs, merged like a binary counter, so a batch
is checked with a few vectorised searches. Within one batch the addresses themselves are
compared, so a repeat is always recognised; across batches two different addresses
would be taken for one only if both fingerprints collided (odds about 1 in 10^16 for five
million addresses).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

Run = tuple["np.ndarray[Any, Any]", "np.ndarray[Any, Any]"]  # (sorted hashes, checks)


class SeenAddresses:
    """Remembers keys (lower-cased addresses) and tells which ones are repeats."""

    def __init__(self) -> None:
        self._levels: list[Run | None] = []
        self.count = 0

    def keep_first(self, keys: Sequence[str]) -> np.ndarray[Any, Any]:
        """For each key, True when it was not seen before (earlier in ``keys`` included);
        every key is remembered from now on. Returns a numpy array of booleans."""
        import numpy as np  # here, not at the top: it is slow to load

        n = len(keys)
        if n == 0:
            return np.ones(0, dtype=bool)
        hashes = np.fromiter(map(hash, keys), dtype=np.int64, count=n)
        checks = np.fromiter(map(hash, map(str.upper, keys)), dtype=np.int64, count=n)
        checks = checks.astype(np.uint32)
        # Work on the hashes sorted: searching sorted needles is close to a merge.
        order = np.argsort(hashes, kind="stable")
        hashes, checks = hashes[order], checks[order]
        fresh = np.ones(n, dtype=bool)
        same = np.flatnonzero(hashes[1:] == hashes[:-1])
        if same.size:
            self._mark_repeats_within(keys, order, same, fresh)
        for level in self._levels:
            if level is not None:
                self._mark_seen(level, hashes, checks, fresh)
        self._add((hashes[fresh], checks[fresh]))
        self.count += int(fresh.sum())
        in_order = np.empty(n, dtype=bool)
        in_order[order] = fresh
        return in_order

    def _mark_repeats_within(
        self,
        keys: Sequence[str],
        order: np.ndarray[Any, Any],
        same: np.ndarray[Any, Any],
        fresh: np.ndarray[Any, Any],
    ) -> None:
        """Equal hashes inside the batch: compare the keys themselves (exact). Within a
        run of equal hashes the stable sort kept the file's order, so the first wins."""
        first_of: dict[str, int] = {}
        for j in sorted(set(same.tolist()) | set((same + 1).tolist())):
            key = keys[int(order[j])]
            if key in first_of:
                fresh[j] = False
            else:
                first_of[key] = j

    def _mark_seen(
        self,
        level: Run,
        hashes: np.ndarray[Any, Any],
        checks: np.ndarray[Any, Any],
        fresh: np.ndarray[Any, Any],
    ) -> None:
        import numpy as np

        stored, stored_checks = level
        at = np.searchsorted(stored, hashes)
        inside = np.flatnonzero(at < stored.size)
        hit = inside[stored[at[inside]] == hashes[inside]]
        if not hit.size:
            return
        confirmed = stored_checks[at[hit]] == checks[hit]
        fresh[hit[confirmed]] = False
        for i in hit[~confirmed].tolist():  # equal 64-bit hashes, different checks: rare
            j = int(at[i]) + 1
            while j < stored.size and stored[j] == hashes[i]:
                if stored_checks[j] == checks[i]:
                    fresh[i] = False
                    break
                j += 1

    def _add(self, run: Run) -> None:
        """Binary-counter merging: level k holds a run of about 2^k batches."""
        for index, level in enumerate(self._levels):
            if level is None:
                self._levels[index] = run
                return
            run = self._merge(level, run)
            self._levels[index] = None
        self._levels.append(run)

    def _merge(self, a: Run, b: Run) -> Run:
        import numpy as np

        a_hashes, a_checks = a
        b_hashes, b_checks = b
        size = a_hashes.size + b_hashes.size
        places = np.searchsorted(a_hashes, b_hashes, side="right") + np.arange(b_hashes.size)
        from_a = np.ones(size, dtype=bool)
        from_a[places] = False
        hashes = np.empty(size, dtype=np.int64)
        checks = np.empty(size, dtype=np.uint32)
        hashes[places] = b_hashes
        checks[places] = b_checks
        hashes[from_a] = a_hashes
        checks[from_a] = a_checks
        return hashes, checks
