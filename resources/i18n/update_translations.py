"""Extract every translatable string into the .ts sources and compile the .qm catalogs.

Run from the repository root after changing user-visible text:

    .venv/bin/python resources/i18n/update_translations.py

``pyside6-lupdate`` scans ``teenvio_desktop/`` (``tr()``, ``translate()`` and
``QT_TRANSLATE_NOOP()`` in Qt-free code) into ``resources/i18n/teenvio_desktop_<lang>.ts``;
``pyside6-lrelease`` compiles them into ``teenvio_desktop/ui/i18n/`` where the app loads them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "i18n"
QM_DIR = ROOT / "teenvio_desktop" / "ui" / "i18n"
LANGUAGES = ("es", "en")


def _tool(name: str) -> str:
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else name


def source_files() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "teenvio_desktop").rglob("*.py"))


def ts_path(language: str) -> Path:
    return TS_DIR / f"teenvio_desktop_{language}.ts"


def qm_path(language: str, directory: Path = QM_DIR) -> Path:
    return directory / f"teenvio_desktop_{language}.qm"


def extract(ts_files: list[Path]) -> None:
    args = [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *source_files()]
    args += ["-ts", *map(str, ts_files)]
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True)


def compile_catalog(language: str, directory: Path = QM_DIR) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    target = qm_path(language, directory)
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts_path(language)), "-qm", str(target)],
        cwd=ROOT,
        check=True,
    )
    return target


def main() -> int:
    extract([ts_path(lang) for lang in LANGUAGES])
    for language in LANGUAGES:
        compile_catalog(language)
    print(f"updated {', '.join(str(ts_path(lang).relative_to(ROOT)) for lang in LANGUAGES)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
