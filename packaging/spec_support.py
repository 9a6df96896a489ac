"""What the PyInstaller spec bundles, as plain functions the tests can check.

The spec (``teenvio-desktop.spec``) imports this module; keeping the decisions here (the
version, the package data, the desktop files) lets ``tests/test_packaging.py`` verify them
without running PyInstaller, and keeps the spec itself short.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "teenvio_desktop"
APP_NAME = "teenvio-desktop"
APP_ID = "com.teenvio.TeenvioDesktop"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
# Module prefixes that are installed in a development venv but never used by the app.
EXCLUDED_MODULES = (
    "tkinter",
    "_tkinter",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "ruff",
    "IPython",
    "matplotlib",
    "PyQt5",
    "PyQt6",
    # Test-only (openapi-core) packages that yarl imports when it finds them installed.
    "pydantic",
    "pydantic_core",
)


def pyproject(root: Path = ROOT) -> dict:  # type: ignore[type-arg]
    with (root / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)


def project_version(root: Path = ROOT) -> str:
    """The version declared in pyproject.toml: the one source of truth."""
    return str(pyproject(root)["project"]["version"])


def package_data_patterns(root: Path = ROOT) -> list[str]:
    """The glob patterns pyproject.toml declares as package data (setuptools' ``"*"`` key)."""
    setuptools = pyproject(root).get("tool", {}).get("setuptools", {})
    patterns = setuptools.get("package-data", {}).get("*", [])
    return [str(pattern) for pattern in patterns]


def package_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """``(source file, destination folder)`` for every package data file.

    The destination mirrors the package layout, so ``importlib.resources.files(...)`` finds
    the schema SQL files and the ``.qm`` catalogs in the frozen app exactly where it finds
    them in a wheel install.
    """
    patterns = package_data_patterns(root)
    datas: list[tuple[str, str]] = []
    for path in sorted((root / PACKAGE).rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        if any(fnmatch.fnmatch(path.name, pattern) for pattern in patterns):
            datas.append((str(path), str(path.parent.relative_to(root))))
    return datas


def desktop_files(root: Path = ROOT) -> list[tuple[Path, str]]:
    """``(source, path inside the bundle)`` for the Linux desktop integration files.

    They go to ``share/`` next to the executable, laid out like ``$prefix/share`` so the
    bundle's ``install.sh`` copies them as they are.
    """
    resources = root / "resources"
    files: list[tuple[Path, str]] = [
        (resources / f"{APP_ID}.desktop", f"share/applications/{APP_ID}.desktop"),
        (resources / f"{APP_ID}.metainfo.xml", f"share/metainfo/{APP_ID}.metainfo.xml"),
        (
            resources / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
            f"share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        ),
    ]
    for size in ICON_SIZES:
        folder = f"icons/hicolor/{size}x{size}/apps"
        files.append((resources / folder / f"{APP_ID}.png", f"share/{folder}/{APP_ID}.png"))
    files.append((root / "packaging" / "linux" / "install.sh", "install.sh"))
    return files


def is_excluded(module: str) -> bool:
    return any(module == name or module.startswith(f"{name}.") for name in EXCLUDED_MODULES)


# Qt's own catalogs (qtbase_es.qm...) and Chromium's locale packs: only the app's languages.
# Chromium falls back to en-US.pak for any other system locale.
KEPT_LANGUAGES = ("en", "es")
KEPT_WEBENGINE_LOCALES = ("en-US.pak", "es.pak", "es-419.pak")
_QT_CATALOG = re.compile(r"^[a-z_]+?_(?P<lang>[a-z]{2,3})(?:_[A-Z]{2})?\.qm$")


def keep_in_bundle(dest_name: str) -> bool:
    """Whether a file PyInstaller collected (bundle-relative path) is worth shipping."""
    parts = PurePosixPath(dest_name.replace("\\", "/")).parts
    if parts[:3] == ("PySide6", "Qt", "qml"):
        return False
    if parts[:3] == ("PySide6", "Qt", "translations"):
        if len(parts) == 5 and parts[3] == "qtwebengine_locales":
            return parts[4] in KEPT_WEBENGINE_LOCALES
        match = _QT_CATALOG.match(parts[-1]) if len(parts) == 4 else None
        if match:
            return match["lang"] in KEPT_LANGUAGES
    return True
