"""The layers' direction: core and sandbox never import Qt."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import teenvio_desktop.core
import teenvio_desktop.sandbox


def _modules(package: object) -> list[str]:
    path = package.__path__  # type: ignore[attr-defined]
    prefix = package.__name__ + "."  # type: ignore[attr-defined]
    return [m.name for m in pkgutil.walk_packages(path, prefix)]


def test_core_and_sandbox_never_import_pyside6() -> None:
    modules = _modules(teenvio_desktop.core) + _modules(teenvio_desktop.sandbox)
    assert any(m.startswith("teenvio_desktop.core.store") for m in modules)
    script = (
        "import importlib, json, sys\n"
        f"mods = {modules!r}\n"
        "for m in mods: importlib.import_module(m)\n"
        "print(json.dumps(sorted(k for k in sys.modules if k.split('.')[0] in "
        "('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_the_guard_itself_detects_a_qt_import() -> None:
    script = "import sys, PySide6.QtCore; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
