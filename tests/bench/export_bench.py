"""Benchmark: `export ledger` of a 3,000-problem register against pandas DataFrame.to_excel.

    python tests/bench/export_bench.py [PROBLEMS]

Builds the demo register, copies its problems (with measures) until there are PROBLEMS of them,
exports the styled, merged ledger, then writes the same rows with pandas (openpyxl engine, no
styles, no merges) and prints both times and their ratio.
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
from db.demo import build_demo  # noqa: E402
from db.records import measures_by_problem, problem_rows  # noqa: E402
from desktop.ledger.writing.export_ledger import export_ledger  # noqa: E402
from desktop.ledger.writing.ledger_layout import ledger_columns, problem_blocks  # noqa: E402


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


def same_rows(db) -> pd.DataFrame:
    problems = problem_rows(db)
    blocks = problem_blocks(problems, measures_by_problem(db))
    columns = ledger_columns(problems, with_measures=True)
    data = [[c.value(b.problem, m) for c in columns] for b in blocks for m in b.rows()]
    return pd.DataFrame(data, columns=[c.header for c in columns])


def main() -> None:
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    folder = Path(tempfile.mkdtemp(prefix="export_bench_"))
    db = open_register(folder / "bench.db")
    build_demo(db, as_of=dt.date(2024, 5, 20))
    multiply(db, target)
    start = time.perf_counter()
    result = export_ledger(db, folder / "ledger.xlsx", as_of=dt.date(2024, 5, 20))
    ours = time.perf_counter() - start
    frame = same_rows(db)
    start = time.perf_counter()
    frame.to_excel(folder / "pandas.xlsx", index=False, engine="openpyxl")
    theirs = time.perf_counter() - start
    print(f"problems {result.problems}, measures {result.measures}, rows {result.rows}")
    print(f"export ledger (styled, merged, validated): {ours:.2f} s")
    print(f"pandas DataFrame.to_excel (plain):          {theirs:.2f} s")
    print(f"ratio: {ours / theirs:.2f}x")


if __name__ == "__main__":
    main()
