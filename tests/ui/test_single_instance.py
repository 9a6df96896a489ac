"""One window per data directory: a second start brings the first forward or says the
directory is in use; it never opens the database (no false crash recovery)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.drafts import DraftRepository
from teenvio_desktop.core.paths import DataDir
from teenvio_desktop.ui.single_instance import Claim, InstanceGuard, in_use_message

pytestmark = pytest.mark.timeout(120)

_HOLD_LOCK = """
import sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
lock.setStaleLockTime(0)
assert lock.tryLock(0)
print("locked", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def guard(qtbot: QtBot, data_dir: DataDir) -> Iterator[InstanceGuard]:
    del qtbot  # the application object must exist
    first = InstanceGuard(data_dir)
    yield first
    first.release()


def _child_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def test_a_second_start_brings_the_first_window_forward(
    qtbot: QtBot, guard: InstanceGuard, data_dir: DataDir
) -> None:
    assert guard.claim() is Claim.FIRST
    # The first window has unsaved work in its autosave slot, as a running app does.
    context = AppContext.open(data_dir)
    drafts = DraftRepository(context.db)
    drafts.autosave(Campaign(subject="Work in progress"), "Untitled", None)
    with qtbot.waitSignal(guard.activation_requested, timeout=60_000):
        second = subprocess.Popen(
            [sys.executable, "-m", "teenvio_desktop", "--data-dir", str(data_dir.root)],
            env=_child_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    _out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err.decode()
    # The second start left the first one's work alone: nothing "recovered".
    assert drafts.recovery() is not None
    assert not [d for d in drafts.list() if "recovered" in d.title]
    context.close()


def test_a_directory_held_by_a_silent_process_is_said_to_be_in_use(
    guard: InstanceGuard, data_dir: DataDir
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(data_dir.root / "instance.lock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"locked"
        assert guard.claim() is Claim.IN_USE
        assert guard.holder is not None and guard.holder.pid == holder.pid
        message = in_use_message(data_dir, guard.holder)
        assert str(data_dir.root) in message and str(holder.pid) in message
        assert "--data-dir" in message
    finally:
        holder.communicate(b"", timeout=30)


def test_the_lock_of_a_crashed_start_is_taken_over(guard: InstanceGuard, data_dir: DataDir) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(data_dir.root / "instance.lock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == b"locked"
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    holder.stdout.close()
    assert holder.stdin is not None
    holder.stdin.close()
    assert guard.claim() is Claim.FIRST


def test_another_directory_is_not_in_use(
    qtbot: QtBot, guard: InstanceGuard, tmp_path: Path
) -> None:
    del qtbot
    assert guard.claim() is Claim.FIRST
    other = InstanceGuard(DataDir(tmp_path / "other").ensure())
    try:
        assert other.claim() is Claim.FIRST
    finally:
        other.release()
