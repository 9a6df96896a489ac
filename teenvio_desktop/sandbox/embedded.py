"""The sandbox as the GUI (``--sandbox``) and ``--self-test`` start it.

Credentials are generated once and kept in ``<data_dir>/credentials.json`` (owner-only),
so a restarted sandbox accepts the same user, password and token, and accounts saved
against it keep working; ports are picked anew each time. Time runs 3600 times faster
(an hour per second), so deliveries show within a second and opens and clicks within
seconds: the Results pane has something to show during a demo.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any

from teenvio_desktop.sandbox.config import DEFAULT_SENDERS, DEFAULT_USER, SandboxConfig
from teenvio_desktop.sandbox.server import RunningSandbox, start_sandbox

CREDENTIALS_FILE = "credentials.json"
DEMO_TIME_SCALE = 3600.0


def _load_credentials(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not all(
        isinstance(data.get(key), str) and data[key] for key in ("user", "password", "token")
    ):
        return None
    return data


def load_or_create_credentials(data_dir: Path) -> dict[str, Any]:
    """The persisted user/password/token/seed of this sandbox directory."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / CREDENTIALS_FILE
    found = _load_credentials(path)
    if found is not None:
        return found
    created: dict[str, Any] = {
        "user": DEFAULT_USER,
        "password": secrets.token_urlsafe(18),
        "token": secrets.token_urlsafe(24),
        "seed": secrets.randbelow(2**31),
    }
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(created, handle)
    return created


def embedded_config(data_dir: Path, **overrides: Any) -> SandboxConfig:
    credentials = load_or_create_credentials(data_dir)
    values: dict[str, Any] = {
        "data_dir": data_dir,
        "user": credentials["user"],
        "password": credentials["password"],
        "token": credentials["token"],
        "seed": int(credentials.get("seed", 1)),
        "senders": DEFAULT_SENDERS,
        "time_scale": DEMO_TIME_SCALE,
    }
    values.update(overrides)
    return SandboxConfig(**values)


def start_embedded_sandbox(data_dir: Path) -> RunningSandbox:
    """Start a loopback sandbox keeping its state and credentials in ``data_dir``."""
    from teenvio_desktop.core.logsetup import register_secret

    config = embedded_config(Path(data_dir))
    register_secret(config.password)
    register_secret(config.token)
    return start_sandbox(config)
