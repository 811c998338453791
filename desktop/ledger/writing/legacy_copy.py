"""A legacy .xls rebuilt as an openpyxl workbook (values, merges, column widths), so fill-back can
write into a superior's old-format file. openpyxl cannot write .xls; the copy is saved as .xlsx."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Side
from openpyxl.utils import get_column_letter

from desktop.ledger.reading.grid import open_book
from desktop.ledger.writing.cells import write_value

LOST = "旧版 .xls 的字体、边框和颜色（已转存为 .xlsx，内容、合并单元格和列宽保留）"
_THIN = Side(style="thin")


def _widths(path: Path) -> dict[str, list[float]]:
    try:
        import xlrd

        book = xlrd.open_workbook(str(path), formatting_info=True)
    except Exception:  # widths are a nicety; xlrd refuses some files calamine reads
        return {}
    return {s.name: [s.computed_column_width(c) / 256 for c in range(s.ncols)]
            for s in book.sheets()}


def xls_as_workbook(path: Path, data_sheet: str, first_data_row: int) -> Workbook:
    book = open_book(path)
    widths = _widths(path)
    wb = Workbook()
    wb.remove(wb.active)
    for name in book.sheet_names:
        grid = book.grid(name)
        ws = wb.create_sheet(name)
        for r, c, value in grid.cells():
            cell = write_value(ws.cell(r + 1, c + 1), value)
            if name == data_sheet and r + 1 >= first_data_row - 1:
                cell.border = Border(_THIN, _THIN, _THIN, _THIN)
                cell.alignment = Alignment(wrap_text=True, vertical="center")
        for r0, c0, r1, c1 in grid.merges:
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
        for c, width in enumerate(widths.get(name, []), start=1):
            ws.column_dimensions[get_column_letter(c)].width = width
    book.close()
    return wb
