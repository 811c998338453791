"""The look shared by the workbooks we write: fonts, borders, fills, row heights, print setup."""

from __future__ import annotations

import math
import unicodedata
from copy import copy

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

BODY_FONT = Font(name="宋体", size=10)
HEADER_FONT = Font(name="黑体", size=11)
TITLE_FONT = Font(name="黑体", size=16, bold=True)
NOTE_FONT = Font(name="宋体", size=10)
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
FILL_CELL = PatternFill("solid", fgColor="FFEB9C")  # the cells a unit fills in
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


class Look:
    """A combination of styles stamped onto many cells. openpyxl looks every style up again on
    each assignment, which dominates the time of a big sheet; copying the finished style array of
    a detached prototype cell is cheap and gives the same result."""

    def __init__(self, ws, **styles):
        self._proto = Cell(ws)
        for name, value in styles.items():
            setattr(self._proto, name, value)

    def stamp(self, cell) -> None:
        cell._style = copy(self._proto._style)


def merge(ws, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """Merge a range whose cells are already styled (borders on every cell) and empty but the
    first. openpyxl's merge_cells checks each new range against all earlier ones and redraws
    borders, which is quadratic over a sheet with thousands of merges."""
    ref = f"{get_column_letter(first_col)}{first_row}:{get_column_letter(last_col)}{last_row}"
    ws.merged_cells.ranges.add(CellRange(ref))  # saved as its text; no border bookkeeping
