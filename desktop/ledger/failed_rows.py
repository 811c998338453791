"""The rows an import skipped, written to a workbook with a reason column, to fix and re-import."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from desktop.ledger.reading import LedgerReading


def write_failed_rows(reading: LedgerReading, out: str | Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "未导入的行"
    width = reading.grid.width
    headers = [""] * width
    for col in reading.columns:
        headers[col.index] = col.header
    ws.append(["原行号", "跳过原因", *headers])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for skipped in reading.skipped_rows:
        values = list(skipped.values) or [""] * width
        ws.append([skipped.row, skipped.reason, *values])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"       # text beginning with = + - @ stays text
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["B"].width = 30
    ws.freeze_panes = "C2"
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out
