"""Benchmark (run by hand): reports on a 3,000-problem register.

    QT_QPA_PLATFORM=offscreen python tests/bench/report_bench.py [PROBLEMS]

Times the summary paragraph, the monthly sheet data, the workbook (against a plain pandas
DataFrame.to_excel of the same table: the ratio is the price of titles, borders, wrapping, row
heights, print set-up and charts) and the PDF on A4 and A3.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pandas as pd  # noqa: E402

from db.connection import open_register  # noqa: E402
from desktop.reports.monthly import COLUMNS, build_monthly  # noqa: E402
from desktop.reports.monthly_xlsx import write_monthly_xlsx  # noqa: E402
from desktop.reports.snapshot import take_snapshot  # noqa: E402
from desktop.ui.printing import write_pdf  # noqa: E402
from tests.reports.big_register import build_big_register  # noqa: E402


def timed(label: str, func, *args, **kwargs):
    start = time.perf_counter()
    result = func(*args, **kwargs)
    seconds = time.perf_counter() - start
    print(f"{label:<34}{seconds:8.2f} s")
    return result, seconds


def main(problems: int = 3000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_register(folder / "bench.db")
        timed(f"build register ({problems} problems)", build_big_register, db, problems)
        snap, _ = timed("summary paragraph", take_snapshot, db, dt.date(2024, 5, 31))
        print("  " + snap.paragraph())
        sheet, _ = timed("monthly sheet data", build_monthly, db, "2024-05")
        _, styled = timed("xlsx, styled, no charts", write_monthly_xlsx, sheet,
                          folder / "a.xlsx", with_charts=False)
        timed("xlsx, styled, with charts", write_monthly_xlsx, sheet, folder / "b.xlsx")
        frame = pd.DataFrame([r.cells() for r in sheet.rows], columns=list(COLUMNS))
        _, plain = timed("pandas DataFrame.to_excel", frame.to_excel, folder / "c.xlsx",
                         index=False)
        print(f"  styled / plain ratio: {styled / plain:.2f}")
        pages, _ = timed("pdf A4", write_pdf, sheet, folder / "a4.pdf")
        print(f"  {pages} pages, {(folder / 'a4.pdf').stat().st_size / 1e6:.1f} MB")
        pages, _ = timed("pdf A3", write_pdf, sheet, folder / "a3.pdf", page_size="A3")
        print(f"  {pages} pages")
        db.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
