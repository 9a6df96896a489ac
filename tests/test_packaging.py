"""Packaging and desktop integration: desktop files, icons, the PyInstaller spec, install.sh.

The bundle itself is built and smoke-tested by ``packaging/ci_bundle_check.sh`` (too slow for
the normal suite); here we pin everything that decides what goes into it.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import stat
import struct
import subprocess
import sys
import tomllib
import types
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtGui import QImage

import teenvio_desktop

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _load(name: str) -> types.ModuleType:
    """Import a module from packaging/ (a folder of scripts, not a package)."""
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


support = _load("spec_support")
render_icons = _load("render_icons")
APP_ID = support.APP_ID
DESKTOP_FILE = RESOURCES / f"{APP_ID}.desktop"
METAINFO_FILE = RESOURCES / f"{APP_ID}.metainfo.xml"


def _pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def _tool(name: str) -> str:
    path = shutil.which(name)
    # The README's test command installs these; a missing tool is a failure, not a skip.
    assert path, f"{name} is not installed (apt-get install desktop-file-utils appstream)"
    return path


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


# -- identity ----------------------------------------------------------------------------


def test_the_package_states_the_pyproject_version() -> None:
    import teenvio_desktop

    assert teenvio_desktop.__version__ == _pyproject_version()


def test_one_application_id_everywhere() -> None:
    assert APP_ID == teenvio_desktop.APP_ID == "com.teenvio.TeenvioDesktop"
    assert support.APP_NAME == teenvio_desktop.APP_NAME


# -- .desktop and AppStream metainfo -----------------------------------------------------


def test_desktop_file_is_valid() -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP_FILE)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Not even a warning or a hint.
    assert result.stdout.strip() == "", result.stdout


def test_desktop_file_launches_the_app_with_its_icon() -> None:
    entry = _desktop_entry(DESKTOP_FILE)
    assert entry["Type"] == "Application"
    assert entry["Exec"] == support.APP_NAME
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert "Email" in entry["Categories"].split(";")
    assert entry["Comment[es]"] and entry["GenericName[es]"]


def test_metainfo_is_valid() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO_FILE)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_describes_this_release_in_english_and_spanish() -> None:
    component = ET.parse(METAINFO_FILE).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("project_license") == "MIT"
    launchable = component.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP_FILE.name
    summaries = {s.get(XML_LANG): s.text for s in component.findall("summary")}
    assert summaries.get(None) and summaries.get("es")
    description = component.find("description")
    assert description is not None
    langs = {p.get(XML_LANG) for p in description.iter() if p.tag in ("p", "li")}
    assert {None, "es"} <= langs
    releases = [r.get("version") for r in component.findall("releases/release")]
    assert _pyproject_version() in releases, "add a <release> for the version in pyproject.toml"
    assert component.find("content_rating") is not None


# -- icons -------------------------------------------------------------------------------


def _pixels(image: QImage) -> np.ndarray:  # type: ignore[type-arg]
    """Height x width x 4 channels, as signed integers so differences do not wrap."""
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    data = np.frombuffer(bytes(image.constBits()), dtype=np.uint8, count=image.sizeInBytes())
    rows = data.reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4).astype(np.int16)


@pytest.mark.parametrize("size", support.ICON_SIZES)
def test_icon_png_is_the_current_rendering_of_the_svg(qapp: Any, size: int) -> None:
    path = render_icons.png_path(size)
    assert path.is_file(), f"missing {path}: run packaging/render_icons.py"
    committed = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
    fresh = render_icons.render(render_icons.SVG, size)
    assert (committed.width(), committed.height()) == (fresh.width(), fresh.height())
    assert (committed.width(), committed.height()) == (size, size)
    # Same picture, allowing for antialiasing differences between Qt versions.
    mean = float(np.abs(_pixels(committed) - _pixels(fresh)).mean())
    assert mean < 2.0, f"{path} differs from the SVG (mean {mean:.1f}): re-render the icons"


def test_icon_has_visible_content(qapp: Any) -> None:
    alpha = _pixels(render_icons.render(render_icons.SVG, 64))[:, :, 3]
    assert (alpha > 200).mean() > 0.5  # the tile fills most of the square


def test_windows_and_macos_icons_hold_every_size() -> None:
    ico = (RESOURCES / "icons" / f"{APP_ID}.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind, count) == (0, 1, len(render_icons.ICO_SIZES))
    sides = [ico[6 + 16 * i] or 256 for i in range(count)]
    assert sides == list(render_icons.ICO_SIZES)

    icns = (RESOURCES / "icons" / f"{APP_ID}.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    types_found, offset = [], 8
    while offset < len(icns):
        types_found.append(icns[offset : offset + 4])
        offset += struct.unpack(">I", icns[offset + 4 : offset + 8])[0]
    assert sorted(types_found) == sorted(render_icons.ICNS_TYPES.values())


def test_window_icon_comes_from_the_package(qapp: Any) -> None:
    from teenvio_desktop.ui.application import application_icon, create_application

    icon = application_icon()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(n, n) for n in render_icons.PACKAGE_SIZES} <= sizes
    app = create_application()
    assert not app.windowIcon().isNull()
    package_svg = ROOT / "teenvio_desktop" / "ui" / "icons" / "teenvio-desktop.svg"
    assert package_svg.read_bytes() == render_icons.SVG.read_bytes()


# -- what the PyInstaller spec bundles --------------------------------------------------


def test_package_data_includes_every_schema_file_and_catalog() -> None:
    datas = set(support.package_datas())
    package = ROOT / "teenvio_desktop"
    expected = [
        *(package / "core" / "store" / "schema").glob("*.sql"),
        *(package / "ui" / "i18n").glob("*.qm"),
        *(package / "ui" / "icons").glob("teenvio-desktop*"),
    ]
    assert any(p.suffix == ".sql" for p in expected)
    for path in expected:
        assert (str(path), str(path.parent.relative_to(ROOT))) in datas, path


def test_package_data_follows_pyproject_patterns(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nversion = "9.8.7"\n[tool.setuptools.package-data]\n"*" = ["*.sql", "*.qm"]\n',
        encoding="utf-8",
    )
    schema = tmp_path / "teenvio_desktop" / "core" / "store" / "schema"
    i18n = tmp_path / "teenvio_desktop" / "ui" / "i18n"
    for folder, name in ((schema, "042_new.sql"), (i18n, "teenvio_desktop_es.qm")):
        folder.mkdir(parents=True)
        (folder / name).write_bytes(b"x")
        (folder / "module.py").write_text("")
    (i18n / "__pycache__").mkdir()
    (i18n / "__pycache__" / "x.qm").write_bytes(b"x")
    assert sorted(support.package_datas(tmp_path)) == [
        (str(schema / "042_new.sql"), "teenvio_desktop/core/store/schema"),
        (str(i18n / "teenvio_desktop_es.qm"), "teenvio_desktop/ui/i18n"),
    ]
    assert support.project_version(tmp_path) == "9.8.7"


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("PySide6/Qt/qml/QtQuick3D/libqquick3dplugin.so", False),
        ("PySide6/Qt/translations/qtbase_es.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_help_pt_BR.qm", False),
        ("PySide6/Qt/translations/qtwebengine_es.qm", True),
        ("PySide6/Qt/translations/qtwebengine_locales/en-US.pak", True),
        ("PySide6/Qt/translations/qtwebengine_locales/es-419.pak", True),
        ("PySide6/Qt/translations/qtwebengine_locales/fr.pak", False),
        ("PySide6/Qt/resources/qtwebengine_resources.pak", True),
        ("PySide6/Qt/libexec/QtWebEngineProcess", True),
        ("teenvio_desktop/ui/i18n/teenvio_desktop_es.qm", True),
        ("teenvio_desktop/core/store/schema/001_foundation.sql", True),
    ],
)
def test_bundle_keeps_what_the_app_loads(name: str, kept: bool) -> None:
    assert support.keep_in_bundle(name) is kept


class _Recorder:
    """Stands in for one of PyInstaller's build targets and records its arguments."""

    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]]

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __call__(self, *args: Any, **kwargs: Any) -> types.SimpleNamespace:
        self.calls.append((self.kind, args, kwargs))
        return types.SimpleNamespace(
            args=args, kwargs=kwargs, pure=[], scripts=[], binaries=[], datas=kwargs.get("datas")
        )


@pytest.fixture
def run_spec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[str], dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]]]]:
    """Execute the spec as PyInstaller would, with its build targets recorded.

    PyInstaller's hook utilities are replaced by small equivalents so the spec's own logic
    runs in the test environment (PyInstaller is a build tool, not a test dependency).
    """
    import pkgutil

    hooks = types.ModuleType("PyInstaller.utils.hooks")

    def collect_submodules(package: str) -> list[str]:
        module = importlib.import_module(package)
        return [package] + [
            info.name for info in pkgutil.walk_packages(module.__path__, f"{package}.")
        ]

    hooks.collect_submodules = collect_submodules  # type: ignore[attr-defined]
    hooks.copy_metadata = lambda dist: [(f"<metadata of {dist}>", ".")]  # type: ignore[attr-defined]
    hooks.collect_data_files = lambda package, includes=(): [  # type: ignore[attr-defined]
        (f"<{package} data {pattern}>", package) for pattern in includes
    ]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)

    def run(platform: str) -> dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]]:
        calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
        _Recorder.calls = calls
        namespace: dict[str, Any] = {
            "SPECPATH": str(PACKAGING),
            "DISTPATH": str(tmp_path / "dist"),
            **{kind: _Recorder(kind) for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")},
        }
        source = (PACKAGING / "teenvio-desktop.spec").read_text(encoding="utf-8")
        with monkeypatch.context() as patch:
            patch.setattr(sys, "platform", platform)
            exec(compile(source, "teenvio-desktop.spec", "exec"), namespace)
        by_kind: dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]] = {}
        for kind, args, kwargs in calls:
            by_kind.setdefault(kind, []).append((args, kwargs))
        return by_kind

    yield run


def test_spec_collects_code_data_and_qtwebengine(run_spec: Any, tmp_path: Path) -> None:
    calls = run_spec("linux")
    (analysis_args, analysis), *_ = calls["Analysis"]
    assert Path(analysis_args[0][0]) == PACKAGING / "entry.py"
    hidden = analysis["hiddenimports"]
    assert "teenvio_desktop.cli.send" in hidden  # imported by name from SUBCOMMAND_MODULES
    assert {"PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets"} <= set(hidden)
    destinations = {(Path(src).name, dest) for src, dest in analysis["datas"]}
    for sql in (ROOT / "teenvio_desktop" / "core" / "store" / "schema").glob("*.sql"):
        assert (sql.name, "teenvio_desktop/core/store/schema") in destinations
    for qm in (ROOT / "teenvio_desktop" / "ui" / "i18n").glob("*.qm"):
        assert (qm.name, "teenvio_desktop/ui/i18n") in destinations
    assert ("<metadata of teenvio-desktop>", ".") in analysis["datas"]
    # The icons' font, read from QtAwesome's package without importing it.
    assert "qtawesome" in hidden
    assert ("<qtawesome data fonts/materialdesignicons6-*>", "qtawesome") in analysis["datas"]
    assert Path(analysis["hookspath"][0]) == PACKAGING / "hooks"
    assert [kw["name"] for _, kw in calls["EXE"]] == ["teenvio-desktop"]
    assert calls["COLLECT"][0][1]["name"] == "teenvio-desktop"
    assert "BUNDLE" not in calls
    # The desktop integration files sit in the bundle as install.sh expects them.
    bundle = tmp_path / "dist" / "teenvio-desktop"
    for _source, target in support.desktop_files():
        assert (bundle / target).is_file(), target


def test_spec_macos_bundle_carries_the_pyproject_version(run_spec: Any) -> None:
    calls = run_spec("darwin")
    (_, bundle), *_ = calls["BUNDLE"]
    version = _pyproject_version()
    assert bundle["bundle_identifier"] == APP_ID
    assert bundle["version"] == version
    plist = bundle["info_plist"]
    assert plist["CFBundleIdentifier"] == APP_ID
    assert plist["CFBundleShortVersionString"] == version
    assert Path(bundle["icon"]).is_file() and bundle["icon"].endswith(".icns")
    assert [kw["console"] for _, kw in calls["EXE"]] == [False]


def test_spec_windows_has_a_gui_and_a_console_executable(run_spec: Any) -> None:
    calls = run_spec("win32")
    executables = {kw["name"]: kw for _, kw in calls["EXE"]}
    assert executables["teenvio-desktop"]["console"] is False
    assert executables["teenvio-desktop-cli"]["console"] is True
    assert Path(executables["teenvio-desktop"]["icon"]).is_file()


def test_inno_setup_script_reads_the_version_from_pyproject() -> None:
    script = (PACKAGING / "windows" / "teenvio-desktop.iss").read_text(encoding="utf-8")
    assert 'ReadIni(RepoRoot + "\\pyproject.toml", "project", "version"' in script
    assert "AppVersion={#AppVersion}" in script
    assert f"resources\\icons\\{APP_ID}.ico" in script
    assert "dist\\teenvio-desktop\\*" in script
    # What ReadIni sees: the [project] table's version line.
    section = (ROOT / "pyproject.toml").read_text(encoding="utf-8").split("[project]", 1)[1]
    line = next(x for x in section.splitlines() if x.startswith("version"))
    assert line.split("=", 1)[1].strip().strip('"') == _pyproject_version()


# -- the Linux install step --------------------------------------------------------------


def _fake_bundle(folder: Path) -> Path:
    """A bundle laid out as the spec lays it out, with a tiny stand-in executable."""
    for source, target in support.desktop_files():
        destination = folder / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
    exe = folder / support.APP_NAME
    exe.write_text('#!/bin/sh\necho "bundled teenvio-desktop $*"\n', encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    (folder / "_internal").mkdir()
    return folder


@pytest.mark.timeout(60)
def test_install_sh_installs_and_uninstalls_into_a_prefix(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path / "bundle")
    prefix = tmp_path / "my prefix"  # a space: the menu entry must quote the path
    env = {**os.environ, "HOME": str(tmp_path / "home")}
    installer = bundle / "install.sh"
    result = subprocess.run(
        ["bash", str(installer), "--prefix", str(prefix)],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    link = prefix / "bin" / support.APP_NAME
    assert link.is_symlink()
    ran = subprocess.run([str(link), "--version"], capture_output=True, text=True, timeout=10)
    assert ran.stdout.strip() == "bundled teenvio-desktop --version"
    desktop = prefix / "share" / "applications" / DESKTOP_FILE.name
    assert _desktop_entry(desktop)["Exec"] == f'"{link}"'
    validated = subprocess.run(
        [_tool("desktop-file-validate"), str(desktop)], capture_output=True, text=True
    )
    assert validated.returncode == 0 and not validated.stdout.strip(), validated.stdout
    assert (prefix / "share" / "metainfo" / METAINFO_FILE.name).is_file()
    for size in support.ICON_SIZES:
        assert (prefix / f"share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file()
    assert (prefix / f"share/icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()
    # The installed tree as a software centre sees it: entry, metadata and icon together.
    tree = subprocess.run(
        [_tool("appstreamcli"), "validate-tree", "--no-net", str(prefix)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert tree.returncode == 0, tree.stdout + tree.stderr

    removed = subprocess.run(
        ["bash", str(installer), "--prefix", str(prefix), "--uninstall"],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    )
    assert removed.returncode == 0, removed.stderr
    # update-desktop-database may leave its (regenerated) cache; nothing of ours remains.
    leftovers = [
        p
        for p in prefix.rglob("*")
        if (p.is_file() or p.is_symlink()) and p.name != "mimeinfo.cache"
    ]
    assert leftovers == [], leftovers


def test_install_sh_refuses_a_missing_bundle(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            "bash",
            str(PACKAGING / "linux" / "install.sh"),
            "--prefix",
            str(tmp_path / "p"),
            "--bundle",
            str(tmp_path / "nothing"),
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1
    assert "no bundle" in result.stderr


@pytest.mark.timeout(60)
def test_bundle_check_says_so_when_pyinstaller_cannot_be_installed(tmp_path: Path) -> None:
    # A Python without pip cannot install PyInstaller: the CI step must say it skipped.
    venv = tmp_path / "no-pip"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    result = subprocess.run(
        ["bash", str(PACKAGING / "ci_bundle_check.sh")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHON": str(venv / "bin" / "python")},
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SKIPPED: PyInstaller could not be installed" in result.stdout
    assert "NOT built" in result.stdout


@pytest.mark.timeout(120)
def test_screenshot_script_grabs_the_window_with_the_rendered_preview(
    qapp: Any, tmp_path: Path
) -> None:
    output = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "screenshot.py"), "--output", str(output)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=110,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no composer preview" not in result.stdout
    image = QImage(str(output))
    assert (image.width(), image.height()) == (1280, 800)
    # The sample newsletter's header band (#0a5b8c) is only there if QtWebEngine rendered it.
    pixels = _pixels(image)
    band = (
        (abs(pixels[:, :, 0] - 0x0A) < 6)
        & (abs(pixels[:, :, 1] - 0x5B) < 6)
        & (abs(pixels[:, :, 2] - 0x8C) < 6)
    )
    assert band.sum() > 5000, "the preview did not render the sample campaign"
