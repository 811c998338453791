"""The look shared by the workbooks we write: fonts, borders, fills, row heights, print setup."""

from __future__ import annotations

import math
import unicodedata

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

BODY_FONT = Font(name="宋体", size=10)
HEADER_FONT = Font(name="黑体", size=11)
TITLE_FONT = Font(name="黑体", size=16, bold=True)
NOTE_FONT = Font(name="宋体", size=10)
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
FILL_CELL = PatternFill("solid", fgColor="FFF2CC")  # the cells a unit fills in
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(horizontal="left", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center")
RIGHT = Alignment(horizontal="right", vertical="center")
PAPER_A3, PAPER_A4 = 8, 9
LINE_HEIGHT = 13.5  # points per line of 10-point 宋体
MAX_ROW_HEIGHT = 409


def text_width(text: str) -> int:
    """Width in Excel's character units: a Chinese character counts two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def lines_needed(value: object, column_width: float) -> int:
    """Lines a wrapped cell of this column width needs to show the value whole."""
    if value is None or value == "":
        return 1
    usable = max(1.0, column_width - 1.5)
    return sum(max(1, math.ceil(text_width(part) / usable)) for part in str(value).split("\n"))


def row_height(lines: int) -> float:
    return min(MAX_ROW_HEIGHT, max(18.0, lines * LINE_HEIGHT + 6))


def set_print_setup(ws, *, header_rows: str, columns: int, landscape: bool = True) -> None:
    """Landscape, fit to one page wide (as many pages tall as needed), header rows on every page;
    A3 when the sheet has more than ten columns."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = PAPER_A3 if columns > 10 else PAPER_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = header_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
