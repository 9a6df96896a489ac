"""Running a benchmark's subject or baseline as its own process, with its own accounting.

A process started from pytest inherits pytest's peak RSS: on Linux, ``exec`` carries the
high-water mark of the memory it replaces into the new program's ``ru_maxrss``, and
``subprocess`` forks (or vforks) pytest itself. So each measured command is started by a
fresh, small interpreter (:data:`_WRAPPER`, about 10 MiB) that runs it, reaps it and
reports ``getrusage(RUSAGE_CHILDREN)``: the command's own peak RSS and CPU time, like
``/usr/bin/time -v``, with a floor of the wrapper's size instead of pytest's.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Runs argv, then prints the child's accounting as the last line of its stderr.
_WRAPPER = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.call(sys.argv[1:])
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write("\\n@@measure " + json.dumps({"code": code, "wall_s": wall,
    "user_s": usage.ru_utime, "sys_s": usage.ru_stime, "maxrss_kib": usage.ru_maxrss}) + "\\n")
"""


@dataclass(frozen=True)
class Measured:
    returncode: int
    wall_s: float  # from the command's spawn to its exit, as the wrapper saw it
    cpu_s: float  # user + system
    peak_rss_mib: float
    stdout: str
    stderr: str

    def as_dict(self) -> dict[str, float]:
        return {
            "wall_s": round(self.wall_s, 3),
            "cpu_s": round(self.cpu_s, 3),
            "peak_rss_mib": round(self.peak_rss_mib, 1),
        }


def run_measured(
    argv: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    timeout: float = 1800,
    cwd: str | None = None,
) -> Measured:
    """Run ``argv`` in its own process tree; its exit code, times, peak RSS and output."""
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *argv],
        capture_output=True,
        text=True,
        env=dict(env) if env is not None else None,
        timeout=timeout,
        cwd=cwd,
    )
    head, marker, tail = done.stderr.rpartition("\n@@measure ")
    if not marker:
        raise RuntimeError(f"measuring {argv[:3]} failed: {done.stderr[-2000:]}")
    figures = json.loads(tail)
    return Measured(
        returncode=int(figures["code"]),
        wall_s=float(figures["wall_s"]),
        cpu_s=float(figures["user_s"]) + float(figures["sys_s"]),
        peak_rss_mib=float(figures["maxrss_kib"]) / 1024.0,
        stdout=done.stdout,
        stderr=head,
    )


def python_command(module_or_script: str, *args: str) -> list[str]:
    """``python -m module`` (a dotted name) or ``python script.py``, with this interpreter."""
    if module_or_script.endswith(".py"):
        return [sys.executable, module_or_script, *args]
    return [sys.executable, "-m", module_or_script, *args]


def median_ratio(numerators: Sequence[float], denominators: Sequence[float]) -> float:
    """The median of the pairwise ratios of runs measured alternately (A B A B ...)."""
    ratios = sorted(n / d for n, d in zip(numerators, denominators, strict=True))
    middle = len(ratios) // 2
    if len(ratios) % 2:
        return ratios[middle]
    return (ratios[middle - 1] + ratios[middle]) / 2


def spread(values: Sequence[float]) -> dict[str, float]:
    """Median, minimum and maximum: a wide spread means a noisy machine."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    return {"median": round(median, 4), "min": round(ordered[0], 4), "max": round(ordered[-1], 4)}


def wait_for_line(process: subprocess.Popen[str], deadline_s: float = 60) -> dict[str, object]:
    """The first stdout line of a server that prints one JSON object once listening."""
    assert process.stdout is not None
    end = time.monotonic() + deadline_s
    line = process.stdout.readline()
    if not line or time.monotonic() > end:
        raise RuntimeError("the server did not start")
    value: dict[str, object] = json.loads(line)
    return value


__all__ = ["Measured", "median_ratio", "python_command", "run_measured", "spread"]
