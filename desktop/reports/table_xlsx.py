"""A TableDoc as a printable workbook: title, lines, the table with borders and wrapped text
(warning colours as fills), the header row repeated on every printed page, fit to page width.

    write_table_xlsx(doc, path) -> Path
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from desktop.core.alerts import COLOUR_HEX
from desktop.ledger.writing.cells import write_text
from desktop.reports.monthly_xlsx import lines_needed

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center", horizontal="left")
TOTAL_WIDTH = 190  # characters across a landscape page; a portrait one gets 120


def _widths(doc) -> list[float]:
    total = TOTAL_WIDTH if doc.landscape else 120
    return [max(6.0, total * w / sum(doc.weights)) for w in doc.weights]


def write_table_xlsx(doc, path: str | Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = doc.sheet_name
    widths = _widths(doc)
    for n, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(n)].width = width
    header = _title_and_lines(ws, doc)
    for col, name in enumerate(doc.columns, start=1):
        cell = write_text(ws.cell(header, col), name)
        cell.font, cell.border = Font(name="宋体", bold=True), BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    row = header
    for n, cells in enumerate(doc.rows):
        row += 1
        _table_row(ws, row, cells, widths, doc.colours[n] if n < len(doc.colours) else "")
    for line in doc.signature:
        row += 2
        write_text(ws.cell(row, max(1, len(doc.columns) - 2)), line)
    _print_setup(ws, doc, header)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    wb.save(target)
    return target


def _title_and_lines(ws, doc) -> int:
    """Title and lines above the table, merged across it; returns the header row's number."""
    last = get_column_letter(len(doc.columns))
    ws.merge_cells(f"A1:{last}1")
    write_text(ws["A1"], doc.title)
    ws["A1"].font = Font(name="黑体", size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    for row, line in enumerate(doc.lines, start=2):
        ws.merge_cells(f"A{row}:{last}{row}")
        write_text(ws.cell(row, 1), line)
        ws.cell(row, 1).alignment = WRAP
    return 2 + len(doc.lines)


def _print_setup(ws, doc, header: int) -> None:
    ws.print_title_rows = f"{header}:{header}"
    ws.page_setup.orientation = "landscape" if doc.landscape else "portrait"
    ws.page_setup.paperSize = 9
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"


def _table_row(ws, row: int, cells, widths, colour: str) -> None:
    fill = PatternFill("solid", fgColor=COLOUR_HEX[colour][1][1:]) if colour else None
    for col, text in enumerate(cells, start=1):
        cell = write_text(ws.cell(row, col), text)
        cell.border, cell.alignment, cell.font = BOX, WRAP, Font(name="宋体", size=10)
        if fill is not None and col == len(cells):
            cell.fill = fill
    tallest = max(lines_needed(str(t), w) for t, w in zip(cells, widths))
    ws.row_dimensions[row].height = min(409, 14 * tallest + 4)
