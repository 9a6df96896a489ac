"""packaging/refresh_caniemail.py on an npm tarball built here (no network in the tests)."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
import tarfile
import types
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DATA = resources.files("teenvio_desktop.core.quality") / "data"


def _script() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(
        "refresh_caniemail", ROOT / "packaging" / "refresh_caniemail.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("refresh_caniemail", module)
    spec.loader.exec_module(module)
    return module


refresh = _script()


def _tarball(path: Path, files: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def test_a_package_is_unpacked_checked_and_recorded(tmp_path: Path) -> None:
    data = (DATA / "caniemail.json").read_bytes()
    tarball = _tarball(
        tmp_path / "caniemail-9.9.9.tgz",
        {
            "package/package.json": json.dumps({"version": "9.9.9", "license": "MIT"}).encode(),
            "package/LICENSE": b"MIT License\n\nCopyright (c) the authors\n",
            "package/data/caniemail.json": data,
        },
    )
    data_read, licence, package_json = refresh.read_package(tarball)
    meta = refresh.write_files(
        data_read, licence, package_json, {"integrity": "sha512-x"}, tmp_path / "out"
    )
    assert meta["version"] == "9.9.9" and meta["license"] == "MIT"
    assert meta["npm_integrity"] == "sha512-x"
    assert (tmp_path / "out" / "caniemail.json").read_bytes() == data
    text = (tmp_path / "out" / "LICENSE.caniemail.txt").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "caniemail.com" in text
    written = json.loads((tmp_path / "out" / "caniemail.meta.json").read_text(encoding="utf-8"))
    assert written == meta
    # The shipped meta was written by the same code from the published package.
    shipped = json.loads((DATA / "caniemail.meta.json").read_text(encoding="utf-8"))
    assert shipped["data_sha256"] == meta["data_sha256"]


def test_a_package_without_the_dataset_or_with_a_wrong_one_is_refused(tmp_path: Path) -> None:
    empty = _tarball(tmp_path / "a.tgz", {"package/package.json": b"{}", "package/LICENSE": b"x"})
    with pytest.raises(refresh.RefreshError):
        refresh.read_package(empty)
    with pytest.raises(refresh.RefreshError):
        refresh.validate_dataset(b'{"data": [], "nicenames": {"family": {}}}')
    assert refresh.main(["--tarball", str(empty)]) == 1


def test_the_dataset_and_its_licence_go_into_wheels_and_the_bundle() -> None:
    spec = importlib.util.spec_from_file_location(
        "spec_support", ROOT / "packaging" / "spec_support.py"
    )
    assert spec is not None and spec.loader is not None
    support = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(support)
    bundled = {Path(source).name for source, _ in support.package_datas()}
    assert {"caniemail.json", "caniemail.meta.json", "LICENSE.caniemail.txt"} <= bundled
