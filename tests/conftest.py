"""Fixtures shared by every test directory.

Qt runs offscreen and QtWebEngine may run as root; both must be set before Qt starts.
"""

from __future__ import annotations

import faulthandler
import os
import signal as _signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

# A native crash that raises SIGTRAP (GLib/Chromium fatal errors) still prints every Python
# thread's stack, like faulthandler already does for SIGSEGV and SIGABRT.
if hasattr(_signal, "SIGTRAP"):
    faulthandler.register(_signal.SIGTRAP, file=sys.stderr, all_threads=True, chain=True)

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
# Tests never read the developer's real data directory.
os.environ.pop("TEENVIO_DESKTOP_HOME", None)

from teenvio_desktop.ui.application import prepare_qt_environment

prepare_qt_environment()

from teenvio_desktop.core.context import AppContext  # noqa: E402
from teenvio_desktop.core.paths import DataDir  # noqa: E402


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """No QThread may outlive the session: Qt aborts when one is destroyed while running."""
    from teenvio_desktop.ui.tasks import shutdown_all

    shutdown_all()


THREAD_GRACE_S = 10.0


@pytest.fixture(autouse=True)
def _no_thread_outlives_its_test() -> Iterator[None]:
    """A thread a test started must have ended with it (a server left in accept(), say).

    Threads of wider-scoped fixtures (the sandbox) are started before this snapshot; pool
    threads Qt started are not Python threads and are stopped at the session's end.
    """
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + THREAD_GRACE_S
    started = [
        thread
        for thread in threading.enumerate()
        if thread not in before and not isinstance(thread, threading._DummyThread)
    ]
    for thread in started:
        thread.join(max(0.0, deadline - time.monotonic()))
    alive = [f"{thread.name} (daemon={thread.daemon})" for thread in started if thread.is_alive()]
    if alive:
        pytest.fail(f"threads left running by this test: {', '.join(alive)}", pytrace=False)


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """As in the app: automatic collection off, cycles freed on the GUI thread only.

    Otherwise a worker thread (an HTTP sender, say) may free a cycle holding a widget from
    an earlier test, and Qt aborts the process.
    """
    import gc

    if "qapp" in request.fixturenames or "qtbot" in request.fixturenames:
        from teenvio_desktop.ui.gc_guard import install_gui_thread_gc

        install_gui_thread_gc(request.getfixturevalue("qapp"))
    yield
    gc.collect()


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    """A fresh, empty data directory."""
    return DataDir(tmp_path / "data").ensure()


@pytest.fixture
def app_context(data_dir: DataDir) -> Iterator[AppContext]:
    """The application's context on a fresh data directory (migrated database)."""
    context = AppContext.open(data_dir, language="en")
    yield context
    # Background tasks of the test's widgets may still be using the database: stop them first.
    from teenvio_desktop.ui.tasks import shutdown_all

    shutdown_all()
    context.close()


# ---- secret_service (issue 9) ------------------------------------------------------------
# A real Secret Service: gnome-keyring-daemon inside its own dbus-run-session, with a
# "login" collection created and unlocked from stdin. For the whole test session,
# DBUS_SESSION_BUS_ADDRESS points at it; use `secret_service.backend()` for a keyring
# backend and `secret_service.env` for subprocesses (the CLI). CI installs gnome-keyring:
# a missing daemon is a failure, not a skip.

import shutil  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
from dataclasses import dataclass  # noqa: E402


@dataclass(frozen=True)
class SecretServiceSession:
    address: str
    env: dict[str, str]  # extra environment for subprocesses using this keyring

    def backend(self):  # type: ignore[no-untyped-def]
        from keyring.backends.SecretService import Keyring

        return Keyring()


_KEYRING_BACKEND = "keyring.backends.SecretService.Keyring"
_DAEMON_SCRIPT = (
    'echo "$DBUS_SESSION_BUS_ADDRESS" > "$1"; '
    'printf %s "$TEENVIO_TEST_KEYRING_UNLOCK" | '
    "exec gnome-keyring-daemon --unlock --components=secrets --foreground"
)


# A session bus without service directories: nothing is D-Bus-activated behind our back
# (an activated second gnome-keyring, without the unlocked login collection, would win
# the race for the Secret Service name).
_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def _wait_for_secret_service(address_file: Path, proc: subprocess.Popen[bytes]) -> str:
    import secretstorage
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import Proxy

    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"dbus-run-session exited with {proc.returncode}")
        address = address_file.read_text().strip() if address_file.exists() else ""
        if address:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
            try:
                with secretstorage.dbus_init() as conn:
                    # NameHasOwner, not check_service_availability (which counts activatable).
                    owned = Proxy(message_bus, conn).NameHasOwner("org.freedesktop.secrets")
                    if owned[0] == 1:
                        collection = secretstorage.get_default_collection(conn)
                        if not collection.is_locked():
                            return address
            except (secretstorage.exceptions.SecretStorageException, OSError):
                pass
        time.sleep(0.1)
    raise RuntimeError("the Secret Service did not come up within 20 s")


@pytest.fixture(scope="session")
def secret_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SecretServiceSession]:
    daemon, bus = shutil.which("gnome-keyring-daemon"), shutil.which("dbus-run-session")
    if daemon is None or bus is None:
        pytest.fail(
            "gnome-keyring-daemon and dbus-run-session are required for the keyring tests "
            "(apt install gnome-keyring dbus)",
            pytrace=False,
        )
    root = tmp_path_factory.mktemp("secret-service")
    runtime_dir = root / "run"
    runtime_dir.mkdir(mode=0o700)
    address_file = root / "bus-address"
    bus_config = root / "session-bus.conf"
    bus_config.write_text(_BUS_CONFIG)
    env = {
        **os.environ,
        "HOME": str(root / "home"),
        "XDG_DATA_HOME": str(root / "home" / "data"),
        "XDG_CONFIG_HOME": str(root / "home" / "config"),
        "XDG_RUNTIME_DIR": str(runtime_dir),
        "TEENVIO_TEST_KEYRING_UNLOCK": "test-keyring-unlock",
    }
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    previous = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    log_file = (root / "daemon.log").open("wb")
    proc = subprocess.Popen(
        [
            bus,
            f"--config-file={bus_config}",
            "--",
            "sh",
            "-c",
            _DAEMON_SCRIPT,
            "sh",
            str(address_file),
        ],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, stopped as a whole below
    )
    try:
        address = _wait_for_secret_service(address_file, proc)
        yield SecretServiceSession(
            address=address,
            env={"DBUS_SESSION_BUS_ADDRESS": address, "PYTHON_KEYRING_BACKEND": _KEYRING_BACKEND},
        )
    except RuntimeError as exc:
        log_file.flush()
        pytest.fail(f"{exc}\n{(root / 'daemon.log').read_text(errors='replace')}", pytrace=False)
    finally:
        if previous is None:
            os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
        else:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = previous
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        log_file.close()


# ---- end of secret_service ---------------------------------------------------------------


# --- sandbox fixtures (issue 3) ------------------------------------------------------------
# ``sandbox``: a RunningSandbox on a temp dir (real sockets, loopback, free ports).
# ``sandbox_factory(**overrides)``: the same with SandboxConfig overrides (seed, time_scale,
# page_size, fail_rate, drop_rate, latency_ms, smtp_fail_rate, smtp_drop_rate, rates, ...).
# Every sandbox started through them is stopped at the end of the test.
from collections.abc import Callable  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

if TYPE_CHECKING:  # imported lazily: aiohttp/aiosmtpd/cryptography only when a test needs them
    from teenvio_desktop.sandbox.server import RunningSandbox


@pytest.fixture
def sandbox_factory(tmp_path: Path) -> Iterator[Callable[..., RunningSandbox]]:
    from teenvio_desktop.sandbox.server import SandboxConfig, start_sandbox

    started: list[RunningSandbox] = []

    def factory(**overrides: Any) -> RunningSandbox:
        overrides.setdefault("data_dir", tmp_path / f"sandbox-{len(started)}")
        running = start_sandbox(SandboxConfig(**overrides))
        started.append(running)
        return running

    yield factory
    for running in started:
        running.stop()


@pytest.fixture
def sandbox(sandbox_factory: Callable[..., RunningSandbox]) -> RunningSandbox:
    return sandbox_factory()


# --- end of sandbox fixtures ---------------------------------------------------------------
