"""Chinese fonts for charts and printing, so labels never come out as boxes.

    CJK_FONTS            the order tried (Windows first, then Linux/macOS open fonts):
                         Microsoft YaHei, SimHei, SimSun, Noto Sans CJK SC, Noto Serif CJK SC,
                         Source Han Sans SC / CN, Source Han Serif SC, WenQuanYi Micro Hei,
                         WenQuanYi Zen Hei
    cjk_fonts_found()    those matplotlib can find here, in that order
    configure_matplotlib()  puts them first in rcParams (idempotent; call before building a Figure)

When none is found, matplotlib's own default (DejaVu Sans) is kept and Chinese glyphs will be
missing: cjk_fonts_found() returns [] so a caller can say so. desktop.ui reuses CJK_FONTS to pick
the Qt font for printing.
"""

from __future__ import annotations

from functools import cache

import matplotlib
from matplotlib import font_manager

CJK_FONTS = ("Microsoft YaHei", "SimHei", "SimSun", "Noto Sans CJK SC", "Noto Serif CJK SC",
             "Source Han Sans SC", "Source Han Sans CN", "Source Han Serif SC",
             "WenQuanYi Micro Hei", "WenQuanYi Zen Hei")


@cache
def cjk_fonts_found() -> tuple[str, ...]:
    available = {f.name for f in font_manager.fontManager.ttflist}
    return tuple(name for name in CJK_FONTS if name in available)


def configure_matplotlib() -> tuple[str, ...]:
    """Chinese-capable sans-serif fonts first, a real minus sign; returns the fonts used."""
    found = cjk_fonts_found()
    current = list(matplotlib.rcParams["font.sans-serif"])
    if found and current[: len(found)] != list(found):
        matplotlib.rcParams["font.sans-serif"] = [*found, *[f for f in current if f not in found]]
    matplotlib.rcParams["font.family"] = ["sans-serif"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return found
