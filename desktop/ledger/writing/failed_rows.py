"""The rows an import skipped, written to a workbook with a reason column, to fix and re-import."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from desktop.ledger.reading.ledger import LedgerReading
from desktop.ledger.writing.cells import write_text, write_value


def write_failed_rows(reading: LedgerReading, out: str | Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "未导入的行"
    width = reading.grid.width
    headers = [""] * width
    for col in reading.columns:
        headers[col.index] = col.header
    for c, header in enumerate(["原行号", "跳过原因", *headers], start=1):
        cell = write_text(ws.cell(1, c), header)     # a header typed "=…" stays text
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for skipped in reading.skipped_rows:
        values = list(skipped.values) or [""] * width
        r = ws.max_row + 1
        for c, value in enumerate([skipped.row, skipped.reason, *values], start=1):
            cell = write_value(ws.cell(r, c), value)   # text beginning with = stays text
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["B"].width = 30
    ws.freeze_panes = "C2"
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out
