"""Refresh the caniemail dataset shipped with the app from the npm package ``caniemail``.

    .venv/bin/python packaging/refresh_caniemail.py            # the latest published version
    .venv/bin/python packaging/refresh_caniemail.py --version 2.0.2
    .venv/bin/python packaging/refresh_caniemail.py --tarball caniemail-2.0.2.tgz

Downloads the package with npm's own client (``npm pack``), takes ``data/caniemail.json``
and the package's licence from it, checks the data's shape, and writes beside the
compatibility scorer (``teenvio_desktop/core/quality/data/``):

- ``caniemail.json``: the dataset, byte for byte as published;
- ``LICENSE.caniemail.txt``: the package's licence, then the notice of caniemail.com, where
  the data comes from;
- ``caniemail.meta.json``: package version, licence, npm integrity, SHA-256 of the data,
  the dataset's own version and date.

Review the diff of ``caniemail.json`` and run the quality tests before committing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "teenvio_desktop" / "core" / "quality" / "data"
PACKAGE = "caniemail"
MAX_MEMBER_BYTES = 32 * 1024 * 1024
DATA_MEMBERS = ("package/data/caniemail.json", "package/dist/data/caniemail.json")
UPSTREAM = (
    "https://www.caniemail.com (github.com/hteumeuleu/caniemail), MIT License, "
    "Copyright (c) 2019 HTeuMeuLeu"
)
UPSTREAM_NOTICE = """
-----------------------------------------------------------------------------------------
The data in caniemail.json comes from caniemail.com (https://www.caniemail.com,
https://github.com/hteumeuleu/caniemail), published under the MIT License:

MIT License

Copyright (c) 2019 HTeuMeuLeu

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


class RefreshError(Exception):
    pass


def npm_pack(version: str, destination: Path) -> tuple[Path, dict[str, Any]]:
    """Download the package tarball with npm; return it and npm's description of it."""
    npm = shutil.which("npm")
    if npm is None:
        raise RefreshError("npm is not installed (apt-get install npm)")
    result = subprocess.run(
        [npm, "pack", f"{PACKAGE}@{version}", "--json", "--pack-destination", str(destination)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise RefreshError(f"npm pack failed: {result.stderr.strip()[-2000:]}")
    described = json.loads(result.stdout)[0]
    return destination / described["filename"], described


def _member(archive: tarfile.TarFile, names: tuple[str, ...]) -> bytes:
    for name in names:
        try:
            info = archive.getmember(name)
        except KeyError:
            continue
        if not info.isfile() or info.size > MAX_MEMBER_BYTES:
            raise RefreshError(f"{name}: not a regular file of a sensible size")
        handle = archive.extractfile(info)
        assert handle is not None
        return handle.read()
    raise RefreshError(f"the package has none of {', '.join(names)}")


def read_package(tarball: Path) -> tuple[bytes, bytes, dict[str, Any]]:
    """(dataset bytes, licence text, package.json) from an npm tarball."""
    with tarfile.open(tarball, "r:gz") as archive:
        data = _member(archive, DATA_MEMBERS)
        licence = _member(archive, ("package/LICENSE", "package/LICENSE.md", "package/license"))
        package_json = json.loads(_member(archive, ("package/package.json",)))
    return data, licence, package_json


def validate_dataset(data: bytes) -> dict[str, Any]:
    """The parsed dataset, after checking the fields the scorer reads."""
    parsed = json.loads(data)
    if not isinstance(parsed, dict) or not isinstance(parsed.get("data"), list):
        raise RefreshError("caniemail.json has no 'data' list")
    if not isinstance(parsed.get("nicenames", {}).get("family"), dict):
        raise RefreshError("caniemail.json has no 'nicenames.family' table")
    for feature in parsed["data"]:
        if not isinstance(feature, dict) or not isinstance(feature.get("slug"), str):
            raise RefreshError("a feature without a slug")
        if not isinstance(feature.get("stats"), dict):
            raise RefreshError(f"{feature['slug']}: no stats")
    if len(parsed["data"]) < 100:
        raise RefreshError(f"only {len(parsed['data'])} features: not the full dataset")
    return parsed


def write_files(
    data: bytes,
    licence: bytes,
    package_json: dict[str, Any],
    described: dict[str, Any],
    target: Path = DATA_DIR,
) -> dict[str, Any]:
    parsed = validate_dataset(data)
    target.mkdir(parents=True, exist_ok=True)
    (target / "caniemail.json").write_bytes(data)
    licence_text = licence.decode("utf-8").rstrip() + "\n" + UPSTREAM_NOTICE
    (target / "LICENSE.caniemail.txt").write_text(licence_text, encoding="utf-8")
    meta = {
        "package": PACKAGE,
        "version": package_json.get("version"),
        "license": package_json.get("license"),
        "license_file": "LICENSE.caniemail.txt",
        "npm_integrity": described.get("integrity"),
        "data_sha256": hashlib.sha256(data).hexdigest(),
        "api_version": parsed.get("api_version"),
        "last_update_date": parsed.get("last_update_date"),
        "features": len(parsed["data"]),
        "upstream": UPSTREAM,
    }
    (target / "caniemail.meta.json").write_text(
        json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", default="latest", help="package version (default: latest)")
    parser.add_argument("--tarball", type=Path, help="use this npm tarball instead of npm pack")
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            described: dict[str, Any] = {}
            tarball = args.tarball
            if tarball is None:
                tarball, described = npm_pack(args.version, Path(tmp))
            data, licence, package_json = read_package(tarball)
            meta = write_files(data, licence, package_json, described)
    except (RefreshError, OSError, ValueError, tarfile.TarError) as exc:
        print(f"refresh_caniemail: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(meta, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
