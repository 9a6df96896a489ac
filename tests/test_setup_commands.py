"""The README's two set-up commands work verbatim as root (no sudo) and as a sudo user."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "packaging" / "install-system-packages.sh"


def _readme_command(marker: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(rf"<!-- {marker} -->\n```\n(.*?)\n```", text, flags=re.S)
    assert found, f"README.md has no {marker} block"
    return found.group(1)


@pytest.mark.parametrize("marker", ["run-command", "test-command"])
def test_readme_commands_install_system_packages_through_the_script(marker: str) -> None:
    command = _readme_command(marker)
    assert "sudo" not in command  # a fresh root container has no sudo
    assert command.startswith("sh packaging/install-system-packages.sh")
    assert ("--test" in command.split("&&")[0]) == (marker == "test-command")


def _fake_bin(tmp_path: Path, names: list[str]) -> Path:
    """A PATH with logging stand-ins for apt-get and sudo, and the real id and sh."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    for name in names:
        tool = bin_dir / name
        tool.write_text(f'#!/bin/sh\necho "{name} $*" >> "{log}"\n', encoding="utf-8")
        tool.chmod(0o755)
    for real in ("sh", "cat"):
        os.symlink(shutil.which(real) or f"/bin/{real}", bin_dir / real)
    return bin_dir


def _run(tmp_path: Path, bin_dir: Path, uid: int, *args: str) -> subprocess.CompletedProcess[str]:
    fake_id = bin_dir / "id"
    fake_id.write_text(f"#!/bin/sh\necho {uid}\n", encoding="utf-8")
    fake_id.chmod(0o755)
    return subprocess.run(
        [str(bin_dir / "sh"), str(SCRIPT), *args],
        env={"PATH": str(bin_dir)},
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_as_root_without_sudo_it_updates_then_installs(tmp_path: Path) -> None:
    bin_dir = _fake_bin(tmp_path, ["apt-get"])
    done = _run(tmp_path, bin_dir, 0, "--test")
    assert done.returncode == 0, done.stderr
    calls = (tmp_path / "calls.log").read_text(encoding="utf-8").splitlines()
    assert calls[0] == "apt-get update -qq"
    assert calls[1].startswith("apt-get install -y")
    assert "gnome-keyring" in calls[1] and "libegl1" in calls[1]


def test_as_a_user_it_goes_through_sudo(tmp_path: Path) -> None:
    bin_dir = _fake_bin(tmp_path, ["apt-get", "sudo"])
    done = _run(tmp_path, bin_dir, 1000)
    assert done.returncode == 0, done.stderr
    calls = (tmp_path / "calls.log").read_text(encoding="utf-8").splitlines()
    assert calls == [
        "sudo apt-get update -qq",
        calls[1],
    ]
    assert calls[1].startswith("sudo apt-get install -y") and "gnome-keyring" not in calls[1]


def test_as_a_user_without_sudo_it_says_what_to_do(tmp_path: Path) -> None:
    bin_dir = _fake_bin(tmp_path, ["apt-get"])
    done = _run(tmp_path, bin_dir, 1000)
    assert done.returncode == 1
    assert "needs root" in done.stderr
