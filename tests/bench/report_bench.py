"""Benchmark (run by hand): the monthly PDF of a 3,000-problem ledger against LibreOffice printing
the raw ledger, in the same run.

    python tests/bench/report_bench.py [--problems 3000] [--runs 3]

The ledger is the import benchmark's (3,000 problems × 3 measures, merged cells, 9,000 rows),
imported into a new register. Timed, alternately and each as its own process, start to finish:
`python -m desktop report monthly --pdf` (A4) and `soffice --headless --convert-to pdf` of the
raw workbook. Prints median seconds, pages, each child's peak memory (GNU time), the ratio
(goal ≤ 0.5×), the page goal (≤ 196 A4 pages) and whether the PDF's text extracts as written.
Without LibreOffice it says so and prints our figures alone.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.import_bench import build_ledger  # noqa: E402
from tests.bench.installed import compile_program  # noqa: E402
from tests.bench.libreoffice import LibreOffice, child_peak_kb, pdf_pages  # noqa: E402

PAGE_GOAL, RATIO_GOAL = 196, 0.5
WRITTEN = "月页至长见"  # characters whose radicals the PDF used to give instead


def ours(db: Path, month: str, out: Path, env: dict) -> tuple[float, int]:
    argv = [sys.executable, "-m", "desktop", "report", "monthly", "--db", str(db), "--month",
            month, "--pdf", str(out)]
    seconds, peak, _ = child_peak_kb(argv, cwd=ROOT, env=env)
    return seconds, peak


def text_as_written(pdf: Path) -> str:
    if not shutil.which("pdftotext"):
        return "pdftotext 未安装，未检查"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    radicals = sum(1 for ch in text if "\u2e80" <= ch <= "\u2fdf")
    found = "".join(ch for ch in WRITTEN if ch in text)
    return f"radicals in text: {radicals}; written characters found: {found or '—'}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--problems", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(compile_program())
    with tempfile.TemporaryDirectory(prefix="月报 基准") as tmp:
        work = Path(tmp)
        env = dict(os.environ, RECTIFICATION_LEDGER_HOME=str(work / "home"),
                   QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        ledger, db = work / "县级 台账.xlsx", work / "台账.db"
        build_ledger(ledger, args.problems)
        subprocess.run([sys.executable, "-m", "desktop", "import", str(ledger), "--db", str(db)],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        from db.connection import open_register

        register = open_register(db)
        month = register.execute("SELECT max(period) FROM progress_reports").fetchone()[0]
        register.close()
        office = LibreOffice.find(work)
        if office:
            office.warm(ledger, work / "warm")
            print(office.version())
        times: dict[str, list[float]] = {"ours": [], "libreoffice": []}
        peaks: dict[str, int] = {"ours": 0, "libreoffice": 0}
        for run in range(args.runs):
            order = ["ours", "libreoffice"] if run % 2 == 0 else ["libreoffice", "ours"]
            for who in order:
                if who == "ours":
                    seconds, peak = ours(db, month, work / "monthly.pdf", env)
                elif office:
                    seconds, peak, _ = child_peak_kb(office.argv(
                        "--convert-to", "pdf", "--outdir", str(work / "lo"), str(ledger)))
                else:
                    continue
                times[who].append(seconds)
                peaks[who] = max(peaks[who], peak)
        our_pages = pdf_pages(work / "monthly.pdf")
        mine = statistics.median(times["ours"])
        print(f"ledger: {args.problems} problems × 3 measures; monthly sheet {month}")
        print(f"ours  report monthly --pdf (A4): median {mine:.2f} s  runs "
              f"{[round(t, 2) for t in times['ours']]}  {our_pages} pages  peak "
              f"{peaks['ours'] / 1024:.0f} MiB")
        print(f"      pages ≤ {PAGE_GOAL}: {'yes' if our_pages and our_pages <= PAGE_GOAL else 'NO'}")
        print(f"      {text_as_written(work / 'monthly.pdf')}")
        if office:
            theirs = statistics.median(times["libreoffice"])
            lo_pages = pdf_pages(work / "lo" / (ledger.stem + ".pdf"))
            print(f"LibreOffice prints the raw ledger:   median {theirs:.2f} s  runs "
                  f"{[round(t, 2) for t in times['libreoffice']]}  {lo_pages} pages  peak "
                  f"{peaks['libreoffice'] / 1024:.0f} MiB")
            print(f"ratio ours / LibreOffice: {mine / theirs:.2f}× (goal ≤ {RATIO_GOAL}×)")
        print(f"load average: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
