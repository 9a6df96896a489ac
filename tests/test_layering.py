"""The layers' direction: core and sandbox never import Qt or the UI; the command line never
imports a widget; nothing imports the command line; no module imports itself back.

The static checks read every ``import`` in the package (at module level, inside functions
and under ``TYPE_CHECKING`` alike), so an import done lazily still counts.
"""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import teenvio_desktop
import teenvio_desktop.core
import teenvio_desktop.sandbox

PACKAGE = Path(teenvio_desktop.__file__).parent
QT_BINDINGS = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
# What the command line may use of the GUI: the module that starts it (it imports the
# widgets only inside run_gui, when no subcommand was given).
CLI_MAY_IMPORT_FROM_UI = {"teenvio_desktop.ui.app"}


def _modules(package: object) -> list[str]:
    path = package.__path__  # type: ignore[attr-defined]
    prefix = package.__name__ + "."  # type: ignore[attr-defined]
    return [m.name for m in pkgutil.walk_packages(path, prefix)]


@cache
def _sources() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _imports(module: str) -> Iterator[str]:
    """Every module name ``module`` imports, anywhere in its source."""
    tree = ast.parse(_sources()[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{module}: relative import"
            assert node.module is not None
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                yield candidate if candidate in _sources() else node.module


@cache
def _graph() -> dict[str, frozenset[str]]:
    ours = _sources()
    return {m: frozenset(t for t in _imports(m) if t in ours and t != m) for m in ours}


def _in(module: str, *layers: str) -> bool:
    return any(module == layer or module.startswith(layer + ".") for layer in layers)


def _offenders(layer: str, allowed: Callable[[str], bool]) -> list[str]:
    return sorted(
        f"{module} imports {target}"
        for module in _sources()
        if _in(module, layer)
        for target in _imports(module)
        if not allowed(target)
    )


def test_core_and_sandbox_never_import_pyside6() -> None:
    modules = _modules(teenvio_desktop.core) + _modules(teenvio_desktop.sandbox)
    assert any(m.startswith("teenvio_desktop.core.store") for m in modules)
    script = (
        "import importlib, json, sys\n"
        f"mods = {modules!r}\n"
        "for m in mods: importlib.import_module(m)\n"
        "print(json.dumps(sorted(k for k in sys.modules if k.split('.')[0] in "
        f"{QT_BINDINGS!r})))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_the_guard_itself_detects_a_qt_import() -> None:
    script = "import sys, PySide6.QtCore; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_core_imports_neither_qt_nor_the_other_layers() -> None:
    def allowed(target: str) -> bool:
        return not _in(target, *QT_BINDINGS) and not _in(
            target,
            "teenvio_desktop.ui",
            "teenvio_desktop.cli",
            "teenvio_desktop.sandbox",
            "teenvio_desktop.translations",
        )

    assert _offenders("teenvio_desktop.core", allowed) == []


def test_the_sandbox_imports_no_qt_and_no_ui_or_cli() -> None:
    def allowed(target: str) -> bool:
        return not _in(target, *QT_BINDINGS) and not _in(
            target, "teenvio_desktop.ui", "teenvio_desktop.cli", "teenvio_desktop.translations"
        )

    assert _offenders("teenvio_desktop.sandbox", allowed) == []


def test_the_command_line_imports_no_widget() -> None:
    def allowed(target: str) -> bool:
        if _in(target, "PySide6.QtWidgets", "PySide6.QtGui", "PySide6.QtWebEngineWidgets"):
            return False
        return not _in(target, "teenvio_desktop.ui") or target in CLI_MAY_IMPORT_FROM_UI

    assert _offenders("teenvio_desktop.cli", allowed) == []
    # The GUI's entry point imports nothing of Qt at module level, so neither does the CLI.
    tree = ast.parse(_sources()["teenvio_desktop.ui.app"].read_text(encoding="utf-8"))
    top_level = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    names = [a.name for n in top_level if isinstance(n, ast.Import) for a in n.names]
    names += [n.module or "" for n in top_level if isinstance(n, ast.ImportFrom)]
    assert not [n for n in names if _in(n, *QT_BINDINGS, "teenvio_desktop.ui")]


def test_the_translation_loader_uses_qtcore_only() -> None:
    targets = set(_imports("teenvio_desktop.translations"))
    qt = {t for t in targets if _in(t, *QT_BINDINGS)}
    assert qt == {"PySide6.QtCore"}
    assert not [t for t in targets if _in(t, "teenvio_desktop.ui", "teenvio_desktop.cli")]


def test_nothing_imports_the_command_line() -> None:
    importers = sorted(
        f"{module} imports {target}"
        for module, targets in _graph().items()
        if not _in(module, "teenvio_desktop.cli") and module != "teenvio_desktop.__main__"
        for target in targets
        if _in(target, "teenvio_desktop.cli")
    )
    assert importers == []


def _cycles(graph: dict[str, frozenset[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles() -> None:
    assert len(_graph()) > 100
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset()}
    assert _cycles(graph) == [["a", "b", "c"]]
