"""Benchmark: `export ledger` of a 3,000-problem register against pandas DataFrame.to_excel.

    python tests/bench/export_bench.py [--problems 3000] [--runs 5]

Builds the demo register and copies its problems (with measures) until there are PROBLEMS. Then,
alternately and each in a process of its own, timed the same way: ours, `export_ledger` (reads the
register, writes the styled, merged, validated ledger); pandas, reading the same rows from the
register, building the DataFrame and `to_excel` (openpyxl engine, no styles, no merges). Both
sides count from the register to the saved file: "work" is timed inside the child after its
imports, "process" from starting the child to its exit; peak memory is the child's own VmHWM.
Prints medians and the ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from db.connection import open_register  # noqa: E402
from db.demo import build_demo  # noqa: E402
from tests.bench.installed import compile_program  # noqa: E402

AS_OF = dt.date(2024, 5, 20)
SIDES = {
    "ours: export ledger": """
from desktop.ledger.writing.export_ledger import export_ledger
START = time.perf_counter()
export_ledger(open_register(DB), OUT, as_of=AS_OF)
""",
    "pandas: DataFrame + to_excel": """
import pandas as pd
from db.records import measures_by_problem, problem_rows
from desktop.ledger.writing.ledger_layout import ledger_columns, problem_blocks
START = time.perf_counter()
db = open_register(DB)
problems = problem_rows(db)
blocks = problem_blocks(problems, measures_by_problem(db))
columns = ledger_columns(problems, with_measures=True)
data = [[c.value(b.problem, m) for c in columns] for b in blocks for m in b.rows()]
pd.DataFrame(data, columns=[c.header for c in columns]).to_excel(OUT, index=False,
                                                                 engine="openpyxl")
""",
}
RUNNER = """
import datetime as dt, os, sys, time
sys.path.insert(0, {root!r})
os.environ["RECTIFICATION_LEDGER_HOME"] = {home!r}
from db.connection import open_register
DB, OUT, AS_OF = {db!r}, {out!r}, dt.date(2024, 5, 20)
{body}
work = time.perf_counter() - START
status = open("/proc/self/status").read()
peak = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
print("RESULT", work, peak)
"""


def multiply(db, target: int) -> None:
    """Copy the demo's problems and measures (plain SQL: this is a benchmark fixture)."""
    problems = db.execute("SELECT * FROM problems").fetchall()
    names = [d[0] for d in db.execute("SELECT * FROM problems LIMIT 0").description]
    measures = db.execute("SELECT * FROM measures").fetchall()
    mnames = [d[0] for d in db.execute("SELECT * FROM measures LIMIT 0").description]
    copy, count = 1, len(problems)
    with db.atomic():
        while count < target:
            for p in problems[: target - count]:
                row = dict(zip(names, p))
                old = row.pop("id")
                row["code"], row["seq"] = f"{row['code']}-{copy}", row["seq"] + 100 * copy
                cur = db.execute(f"INSERT INTO problems ({', '.join(row)}) VALUES "
                                 f"({', '.join('?' for _ in row)})", list(row.values()))
                for m in measures:
                    mrow = dict(zip(mnames, m))
                    if mrow.pop("id") is not None and mrow["problem_id"] == old:
                        mrow["problem_id"] = cur.lastrowid
                        db.execute(f"INSERT INTO measures ({', '.join(mrow)}) VALUES "
                                   f"({', '.join('?' for _ in mrow)})", list(mrow.values()))
                count += 1
            copy += 1


def run_side(side: str, db: Path, out: Path, home: Path) -> tuple[float, float, int]:
    code = RUNNER.format(root=str(ROOT), home=str(home), db=str(db), out=str(out),
                         body=SIDES[side])
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    process = time.perf_counter() - start
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    _, work, peak = next(x for x in done.stdout.splitlines() if x.startswith("RESULT")).split()
    return float(work), process, int(peak)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--problems", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(compile_program())
    with tempfile.TemporaryDirectory(prefix="export_bench_") as tmp:
        folder = Path(tmp)
        db = open_register(folder / "bench.db")
        build_demo(db, as_of=AS_OF)
        multiply(db, args.problems)
        counts = [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("problems", "measures")]
        db.close()
        print(f"register: {counts[0]} problems, {counts[1]} measures")
        results: dict[str, list[tuple[float, float, int]]] = {side: [] for side in SIDES}
        names = list(SIDES)
        for run in range(args.runs):
            for side in names if run % 2 == 0 else names[::-1]:  # alternated
                results[side].append(run_side(side, folder / "bench.db",
                                              folder / f"{run}-{names.index(side)}.xlsx",
                                              folder / "home"))
        medians = {}
        for side, rows in results.items():
            work = statistics.median(r[0] for r in rows)
            process = statistics.median(r[1] for r in rows)
            peak = max(r[2] for r in rows) / 1024
            medians[side] = (work, process)
            print(f"{side:30s} work {work:6.2f} s   process {process:6.2f} s   peak {peak:6.0f} MiB"
                  f"   runs {[round(r[0], 2) for r in rows]}")
        ours, theirs = (medians[side] for side in names)
        print(f"ratio ours / pandas: work {ours[0] / theirs[0]:.2f}×, "
              f"process {ours[1] / theirs[1]:.2f}×; load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
