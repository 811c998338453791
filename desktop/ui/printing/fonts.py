"""Qt fonts for the printed sheet, chosen from desktop.reports.fonts.CJK_FONTS."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from desktop.reports.fonts import CJK_FONTS


@cache
def cjk_family() -> str:
    available = set(QFontDatabase.families())
    return next((name for name in CJK_FONTS if name in available), QFont().defaultFamily())


def font(points: float, bold: bool = False) -> QFont:
    f = QFont(cjk_family())
    f.setPointSizeF(points)
    f.setBold(bold)
    return f
