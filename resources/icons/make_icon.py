"""Draws the application icon: a green tile with a ledger sheet and a tick.

Run from the repository root after changing the design; the outputs are committed:

    python resources/icons/make_icon.py

writes resources/icons/app_<size>.png (16 … 256) and the multi-size resources/icons/app.ico.
Each size is drawn at 8x and scaled down, so small sizes stay crisp; sizes below 32 drop the
text lines that would only blur.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
SIZES = [16, 24, 32, 48, 64, 128, 256]
SCALE = 8
TILE = (21, 122, 92)  # deep green: ecology, and readable on light and dark task bars
TILE_EDGE = (14, 92, 69)
SHEET = (255, 255, 255)
LINES = (170, 196, 188)
TICK = (230, 81, 0)  # orange tick: done, rectified


def _box(size: int, left: float, top: float, right: float, bottom: float) -> list[float]:
    return [left * size, top * size, right * size, bottom * size]


def draw(size: int) -> Image.Image:
    """The icon at size x size pixels."""
    big = size * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle(_box(big, 0.03, 0.03, 0.97, 0.97), radius=big * 0.2, fill=TILE,
                          outline=TILE_EDGE, width=max(SCALE, round(big * 0.015)))
    pen.rounded_rectangle(_box(big, 0.22, 0.14, 0.78, 0.86), radius=big * 0.05, fill=SHEET)
    if size >= 32:
        for row in range(4):
            top = 0.27 + row * 0.11
            pen.rounded_rectangle(_box(big, 0.31, top, 0.69, top + 0.045),
                                  radius=big * 0.02, fill=LINES)
    tick = [(0.40, 0.62), (0.52, 0.74), (0.84, 0.40)]
    width = round(big * (0.11 if size >= 32 else 0.14))
    pen.line([(x * big, y * big) for x, y in tick], fill=TICK, width=width, joint="curve")
    for x, y in (tick[0], tick[-1]):  # round the ends
        r = width / 2
        pen.ellipse([x * big - r, y * big - r, x * big + r, y * big + r], fill=TICK)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    images = {size: draw(size) for size in SIZES}
    for size, image in images.items():
        image.save(HERE / f"app_{size}.png", optimize=True)
    largest = images[max(SIZES)]
    largest.save(HERE / "app.ico", sizes=[(s, s) for s in SIZES],
                 append_images=[images[s] for s in SIZES if s != max(SIZES)])
    print(f"icons written to {HERE.name}/: " + ", ".join(f"app_{s}.png" for s in SIZES) + ", app.ico")


if __name__ == "__main__":
    main()
