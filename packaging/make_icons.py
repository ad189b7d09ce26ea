"""Draw Cairn's icon (a cairn: stones stacked on a rounded tile) into every format we ship.

    python packaging/make_icons.py            # writes resources/icons/

Outputs: cairn_<n>.png for n in 16..1024, cairn.ico (Windows: 16-256 in one file),
cairn.icns (macOS: 16-1024) and cairn.png (512, for the Linux .desktop entry and the window).
Drawn once large with Pillow and scaled down, so every size comes from the same picture;
the output is deterministic, so re-running it leaves git clean.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
CANVAS = 2048  # drawn at twice the largest size, then scaled (Pillow shapes are not antialiased)

TILE_TOP = (46, 84, 112)  # deep lake blue
TILE_BOTTOM = (23, 48, 68)
# Stones from the bottom up: (centre x, centre y, half width, half height, colour), in 0..1 units.
STONES = (
    (0.50, 0.735, 0.300, 0.105, (176, 168, 156)),
    (0.475, 0.565, 0.235, 0.090, (204, 196, 182)),
    (0.525, 0.415, 0.175, 0.078, (161, 152, 140)),
    (0.495, 0.290, 0.115, 0.066, (226, 219, 206)),
)


def _tile(size: int) -> Image.Image:
    """The rounded square with a vertical gradient (macOS-style margins: 10% each side)."""
    gradient = Image.new("RGB", (1, 256))
    for y in range(256):
        t = y / 255
        gradient.putpixel(
            (0, y),
            tuple(round(a + (b - a) * t) for a, b in zip(TILE_TOP, TILE_BOTTOM, strict=True)),
        )
    fill = gradient.resize((size, size), Image.Resampling.BICUBIC).convert("RGBA")
    mask = Image.new("L", (size, size), 0)
    margin = round(size * 0.08)
    ImageDraw.Draw(mask).rounded_rectangle(
        (margin, margin, size - margin, size - margin), radius=round(size * 0.2), fill=255
    )
    tile = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    tile.paste(fill, (0, 0), mask)
    return tile


def _stones(size: int) -> Image.Image:
    layer = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    shadow = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw, shadow_draw = ImageDraw.Draw(layer), ImageDraw.Draw(shadow)
    for cx, cy, rx, ry, colour in STONES:
        box = ((cx - rx) * size, (cy - ry) * size, (cx + rx) * size, (cy + ry) * size)
        drop = size * 0.012
        shadow_draw.ellipse((box[0], box[1] + drop, box[2], box[3] + drop), fill=(0, 0, 0, 110))
        draw.ellipse(box, fill=colour + (255,))
        # A lighter cap on the upper half of each stone suggests light from above.
        highlight = tuple(min(255, c + 26) for c in colour)
        draw.ellipse(
            (
                box[0] + rx * size * 0.25,
                box[1] + ry * size * 0.12,
                box[2] - rx * size * 0.3,
                box[1] + ry * size * 0.9,
            ),
            fill=highlight + (255,),
        )
    shadow = shadow.filter(ImageFilter.GaussianBlur(size * 0.008))
    return Image.alpha_composite(shadow, layer)


def draw_master() -> Image.Image:
    """The icon at CANVAS x CANVAS pixels."""
    return Image.alpha_composite(_tile(CANVAS), _stones(CANVAS))


def write_all(out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    master = draw_master()
    images = {n: master.resize((n, n), Image.Resampling.LANCZOS) for n in SIZES}
    written = []
    for n, img in images.items():
        path = out / f"cairn_{n}.png"
        img.save(path, optimize=True)
        written.append(path)
    images[512].save(out / "cairn.png", optimize=True)
    images[256].save(
        out / "cairn.ico",
        sizes=[(n, n) for n in ICO_SIZES],
        append_images=[images[n] for n in ICO_SIZES if n != 256],
    )
    images[1024].save(
        out / "cairn.icns", append_images=[images[n] for n in (16, 32, 64, 128, 256, 512)]
    )
    return written + [out / "cairn.png", out / "cairn.ico", out / "cairn.icns"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    for path in write_all(args.out):
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
