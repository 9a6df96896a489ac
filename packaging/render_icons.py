"""Render the application icon's PNG sizes (and the Windows .ico, macOS .icns) from its SVG.

    .venv/bin/python packaging/render_icons.py

Writes, from ``resources/icons/hicolor/scalable/apps/com.teenvio.TeenvioDesktop.svg``:
- ``resources/icons/hicolor/NxN/apps/com.teenvio.TeenvioDesktop.png`` for every size
  (the freedesktop icon theme layout ``install.sh`` copies as it is);
- ``resources/icons/com.teenvio.TeenvioDesktop.ico`` and ``.icns`` for the Windows and
  macOS executables (PNG-compressed entries, so no image library beyond Qt is needed);
- the window icon the app loads at run time: ``teenvio_desktop/ui/icons/`` (SVG + PNGs).

Rendering uses QtSvg, the same renderer the running app uses, so what is committed is what
Qt would draw. Re-run it after editing the SVG; a test fails when the PNGs are stale.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from spec_support import APP_ID, ICON_SIZES, ROOT

ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
PACKAGE_ICONS = ROOT / "teenvio_desktop" / "ui" / "icons"
# The window icon needs no more than this; 512 only matters to software centres.
PACKAGE_SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 32, 48, 64, 128, 256)
# icns entry types that hold a PNG of the given pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def png_path(size: int, icons: Path = ICONS) -> Path:
    return icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def package_png_name(size: int) -> str:
    return f"teenvio-desktop-{size}.png"


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent ``size`` x ``size`` image."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG for QtSvg")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico whose entries are PNGs (supported since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory = b""
    payload = b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the .ico directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        payload += data
        offset += len(data)
    return header + directory + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns made of PNG entries."""
    entries = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(data)) + data
        for size, data in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", 8 + len(entries)) + entries


def render_all(svg: Path = SVG, icons: Path = ICONS, package_icons: Path = PACKAGE_ICONS) -> None:
    pngs = {size: png_bytes(render(svg, size)) for size in ICON_SIZES}
    for size, data in pngs.items():
        target = png_path(size, icons)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (icons / f"{APP_ID}.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (icons / f"{APP_ID}.icns").write_bytes(icns_bytes({s: pngs[s] for s in ICNS_TYPES}))
    package_icons.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, package_icons / "teenvio-desktop.svg")
    for size in PACKAGE_SIZES:
        (package_icons / package_png_name(size)).write_bytes(pngs[size])


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    render_all()
    print(f"rendered {len(ICON_SIZES)} sizes from {SVG.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
