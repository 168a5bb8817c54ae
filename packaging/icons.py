"""App icons for the installers, rendered from the one source, resources/app/netwise.svg.

Qt's SVG renderer draws every size from the vector (small sizes stay sharp, which a
scaled-down bitmap would not); Pillow packs them into the Windows .ico and macOS .icns.
Nothing generated is committed: every build makes them anew into ``build/icons``.

Usage: ``python packaging/icons.py [OUTPUT_DIR]``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "app" / "netwise.svg"
DEFAULT_OUTPUT = ROOT / "build" / "icons"
NAME = "netwise"

# The freedesktop hicolor theme's usual sizes; .ico and .icns take the ones they support.
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)  # pixels: 16 to 512 points, at 1x and 2x


def png_name(size: int) -> str:
    return f"{NAME}-{size}.png"


def _render_pngs(output: Path, sizes: set[int]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the icon source {SOURCE}")
    for size in sorted(sizes):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(output / png_name(size)), "PNG"):
            raise SystemExit(f"cannot write {output / png_name(size)}")


def generate(output: Path = DEFAULT_OUTPUT) -> Path:
    """Write netwise-<N>.png for every size, netwise.svg, netwise.ico and netwise.icns."""
    from PIL import Image

    output.mkdir(parents=True, exist_ok=True)
    _render_pngs(output, set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES))
    (output / f"{NAME}.svg").write_bytes(SOURCE.read_bytes())

    def images(sizes: tuple[int, ...]) -> list[Image.Image]:
        loaded = []
        for size in sizes:
            with Image.open(output / png_name(size)) as png:
                loaded.append(png.convert("RGBA"))
        return loaded

    # Each format gets its sizes drawn from the vector, not scaled from the largest.
    ico = images(ICO_SIZES)
    ico[-1].save(
        output / f"{NAME}.ico",
        format="ICO",
        sizes=[image.size for image in ico],
        append_images=ico[:-1],
    )
    icns = images(ICNS_SIZES)
    icns[-1].save(output / f"{NAME}.icns", format="ICNS", append_images=icns[:-1])
    return output


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT
    print(f"icons written to {generate(target)}")
