"""Fault injection shared by both listeners: seeded, adjustable while running, counted."""

from __future__ import annotations

import random
import threading
from collections import Counter
from dataclasses import dataclass, fields, replace

RATE_NAMES = ("fail_rate", "drop_rate", "smtp_fail_rate", "smtp_drop_rate")


@dataclass(frozen=True)
class FaultSettings:
    fail_rate: float = 0.0  # REST: 400 {"errorCategory":"Retriable",...} instead of an answer
    drop_rate: float = 0.0  # REST: request processed, connection closed before the answer
    latency_ms: int = 0  # REST answers and the SMTP reply to DATA are delayed this much
    smtp_fail_rate: float = 0.0  # SMTP: DATA answered 451 (nothing stored)
    smtp_drop_rate: float = 0.0  # SMTP: DATA stored, connection dropped before the 250

    def __post_init__(self) -> None:
        for name in RATE_NAMES:
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, got {value}")
        if self.latency_ms < 0:
            raise ValueError(f"latency_ms must be >= 0, got {self.latency_ms}")


class FaultInjector:
    """Decides, with its own seeded generator, whether the next call gets a fault."""

    def __init__(self, settings: FaultSettings, seed: int) -> None:
        self._settings = settings
        self._rng = random.Random(f"faults:{seed}")
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()

    @property
    def settings(self) -> FaultSettings:
        return self._settings

    def update(self, **changes: float | int | None) -> FaultSettings:
        known = {f.name for f in fields(FaultSettings)}
        unknown = set(changes) - known
        if unknown:
            raise TypeError(f"unknown fault settings: {sorted(unknown)}")
        given = {k: v for k, v in changes.items() if v is not None}
        with self._lock:
            self._settings = replace(self._settings, **given)  # type: ignore[arg-type]
            return self._settings

    @property
    def latency_s(self) -> float:
        return self._settings.latency_ms / 1000.0

    def roll(self, name: str) -> bool:
        """True (and counted) when the fault ``name`` hits this time."""
        rate = float(getattr(self._settings, name))
        if rate <= 0.0:
            return False
        with self._lock:
            hit = rate >= 1.0 or self._rng.random() < rate
            if hit:
                self._counts[name] += 1
        return hit

    def counts(self) -> dict[str, int]:
        with self._lock:
            return {name: self._counts[name] for name in RATE_NAMES}
