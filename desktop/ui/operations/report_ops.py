"""The monthly sheet as operations: build it, write it as PDF or Excel; print preview."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from desktop.ui.changes import Changes
from desktop.ui.tasks import Progress


def build_sheet(period: str, round_id: int | None = None):
    """An op: the progress sheet of a month ("2024-05") or of an ISO week ("2024-W23"), for every
    round (grouped, numbered within each) or one round."""
    def work(db: Database, _progress: Progress):
        from desktop.core.periods import parse_period
        from desktop.reports.monthly import build_period_sheet

        return build_period_sheet(db, parse_period(period), round_id=round_id)
    return work


def write_sheet(sheet, out: str | Path, kind: str):
    """An op: the sheet as a PDF (painted by desktop.ui.printing) or an Excel workbook."""
    def work(_db: Database, _progress: Progress) -> Changes:
        if kind == "pdf":
            from desktop.ui.printing import write_pdf

            pages = write_pdf(sheet, out)
            return Changes(message=f"已导出 PDF：{Path(out).name}（{pages} 页）")
        from desktop.reports.monthly_xlsx import write_monthly_xlsx

        write_monthly_xlsx(sheet, out)
        return Changes(message=f"已导出 Excel：{Path(out).name}")
    return work


def show_print_preview(parent, sheet) -> bool:
    """Qt's print preview of the sheet (modal, on the UI thread)."""
    from desktop.ui.printing import print_preview

    return print_preview(parent, sheet)
