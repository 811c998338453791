"""The monthly sheet as a printable workbook.

    write_monthly_xlsx(sheet: MonthlySheet, path, page_size="A4", charts=True) -> Path

Sheet 月度进展: title, 填报单位 and 截至日期, the paragraph, the table (header row repeated on
every printed page, borders, wrapped text, 序时评估 shaded by warning colour), the rule of the
short 序时评估 cells said once under it, the signature block.
Printing: landscape, fit to one page wide, A4 or A3, footer "第 N 页 共 M 页". Sheet 图表 holds
the four charts as pictures.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.alerts import COLOUR_HEX
from desktop.ledger.writing.cells import write_text, write_value
from desktop.reports import charts
from desktop.reports.monthly import SIGNATURE_LABELS, MonthlySheet

WIDTHS = (6, 36, 7, 22, 14, 40, 12, 28)  # characters, per column of COLUMNS
PAPER = {"A4": 9, "A3": 8}
FONT = "宋体"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
LEFT = Alignment(wrap_text=True, vertical="center", horizontal="left")
CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")
HEADER_ROW = 4
LINE_PT = 13.5


def text_width(text: str) -> int:
    """Width in Excel characters: Chinese and full-width characters count two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def lines_needed(text: str, width: float) -> int:
    usable = max(1.0, width - 1)
    return sum(max(1, math.ceil(text_width(part) / usable)) for part in text.split("\n"))


def _title_block(ws: Worksheet, sheet: MonthlySheet) -> None:
    last = get_column_letter(len(WIDTHS))
    ws.merge_cells(f"A1:{last}1")
    write_text(ws["A1"], sheet.title)
    ws["A1"].font = Font(name="黑体", size=18, bold=True)
    ws["A1"].alignment = CENTRE
    ws.row_dimensions[1].height = 32
    ws.merge_cells("A2:D2")
    write_text(ws["A2"], f"填报单位（盖章）：{sheet.unit}")
    ws.merge_cells(f"E2:{last}2")
    write_text(ws["E2"], f"截至日期：{sheet.as_of.year}年{sheet.as_of.month}月{sheet.as_of.day}日")
    ws["E2"].alignment = Alignment(horizontal="right")
    ws.merge_cells(f"A3:{last}3")
    write_text(ws["A3"], "　　" + sheet.paragraph)
    ws["A3"].alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[3].height = LINE_PT * (lines_needed(ws["A3"].value, sum(WIDTHS)) + 0.6)
    for cell in (ws["A2"], ws["E2"], ws["A3"]):
        cell.font = Font(name=FONT, size=11)


def _table(ws: Worksheet, sheet: MonthlySheet) -> int:
    header_fill = PatternFill("solid", fgColor="D9D9D9")
    for col, name in enumerate(sheet.columns, start=1):
        cell = write_text(ws.cell(HEADER_ROW, col), name)
        cell.font, cell.alignment, cell.border, cell.fill = (
            Font(name="黑体", size=11), CENTRE, BOX, header_fill)
    ws.row_dimensions[HEADER_ROW].height = 22
    body = Font(name=FONT, size=10)
    fills = {c: PatternFill("solid", fgColor=bg.lstrip("#").upper())
             for c, (_, bg) in COLOUR_HEX.items() if c}
    row_no = HEADER_ROW
    grouped = len({r.round for r in sheet.rows}) > 1
    last_round = None
    for row in sheet.rows:
        if grouped and row.round != last_round:  # each round under its own heading row
            row_no += 1
            _round_heading(ws, row_no, row.round, len(sheet.columns))
            last_round = row.round
        row_no += 1
        cells = row.cells()
        for col, value in enumerate(cells, start=1):
            cell = write_value(ws.cell(row_no, col), value)   # typed text never a formula
            cell.font, cell.border = body, BOX
            cell.alignment = CENTRE if col in (1, 3, 7) else LEFT
        if row.assessment.colour in fills:
            ws.cell(row_no, len(cells)).fill = fills[row.assessment.colour]
        lines = max(lines_needed(v, w) for v, w in zip(cells, WIDTHS))
        ws.row_dimensions[row_no].height = LINE_PT * lines + 4
    return row_no


def _round_heading(ws: Worksheet, row_no: int, name: str, columns: int) -> None:
    ws.merge_cells(start_row=row_no, start_column=1, end_row=row_no, end_column=columns)
    cell = write_text(ws.cell(row_no, 1), name)
    cell.font, cell.alignment = Font(name="黑体", size=11), LEFT
    cell.fill = PatternFill("solid", fgColor="E8EEF6")
    for col in range(1, columns + 1):
        ws.cell(row_no, col).border = BOX
    ws.row_dimensions[row_no].height = 22


def _notes(ws: Worksheet, sheet: MonthlySheet, after: int) -> int:
    """The rule behind the short cells, said once under the table."""
    for text in sheet.notes:
        after += 1
        ws.merge_cells(f"A{after}:{get_column_letter(len(WIDTHS))}{after}")
        cell = write_text(ws.cell(after, 1), text)
        cell.font = Font(name=FONT, size=9)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[after].height = LINE_PT * lines_needed(text, sum(WIDTHS) * 1.1) + 2
    return after


def _signature(ws: Worksheet, sheet: MonthlySheet, after: int) -> None:
    row = after + 2
    spans = ("A{r}:C{r}", "D{r}", "E{r}:F{r}", "G{r}", "H{r}")
    for (key, label), span in zip(SIGNATURE_LABELS, spans):
        ref = span.format(r=row)
        if ":" in ref:
            ws.merge_cells(ref)
        cell = ws[ref.split(":")[0]]
        write_text(cell, f"{label}：{sheet.signature.get(key, '')}")
        cell.font = Font(name=FONT, size=11)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    ws.row_dimensions[row].height = 30


def _print_setup(ws: Worksheet, page_size: str, last_row: int) -> None:
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{get_column_letter(len(WIDTHS))}{last_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER.get(page_size, 9)
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top, ws.page_margins.bottom = 0.5, 0.6
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    ws.oddFooter.center.size = 9
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)


def _charts(wb: Workbook, sheet: MonthlySheet) -> None:
    ws = wb.create_sheet("图表")
    figures = charts.monthly_figures(sheet)
    anchors = ("A1", "K1", "A26", "K26")
    for figure, anchor in zip(figures, anchors):
        image = Image(io.BytesIO(charts.figure_png(figure, dpi=100)))
        scale = 600 / image.width
        image.width, image.height = 600, int(image.height * scale)
        ws.add_image(image, anchor)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def write_monthly_xlsx(sheet: MonthlySheet, path: str | Path, page_size: str = "A4",
                       with_charts: bool = True) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet.sheet_name
    for col, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    _title_block(ws, sheet)
    last = _notes(ws, sheet, _table(ws, sheet))
    _signature(ws, sheet, last)
    _print_setup(ws, page_size, last + 2)
    if with_charts:
        _charts(wb, sheet)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    wb.save(target)
    return target
