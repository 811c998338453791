"""Run by hand: how long exchange packages take on a county-sized register.

    python tests/bench/exchange_bench.py [PROBLEMS]

Builds a register of PROBLEMS problems (3 measures and 12 monthly reports each), makes a
package, merges it into an empty register, changes 50 problems on each side (10 of them the
same field), and merges both ways. Prints the seconds of each stage and the package's size.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from db.changes import now_iso, recorded_step
from db.connection import open_register
from db.progress import add_progress_report
from desktop.exchange.merge import merge_package
from desktop.exchange.package_out import export_package


def build(path: Path, count: int):
    db = open_register(path)
    now = now_iso()
    with recorded_step(db, "导入") as step:
        rid = step.insert("rounds", {"name": "第二轮中央督察"})
        for n in range(1, count + 1):
            pid = step.insert("problems", {"round_id": rid, "code": str(n), "seq": n,
                                           "title": f"问题{n}", "description": "描述" * 40,
                                           "lead_units": ["县住建局"], "created_at": now,
                                           "updated_at": now})
            for seq in (1, 2, 3):
                step.insert("measures", {"problem_id": pid, "seq": seq, "content": f"措施{seq}"})
            for month in range(1, 13):
                add_progress_report(step, pid, period=f"2024-{month:02d}", text=f"{month}月进展",
                                    status_text="正在推进", unit="县住建局")
    return db


def edit(db, codes, target: str) -> None:
    with recorded_step(db, "修改") as step:
        for code in codes:
            (pid,) = db.execute("SELECT id FROM problems WHERE code = ?", [str(code)]).fetchone()
            step.update("problems", pid, {"target": f"{target}{code}"})


def timed(label: str, work):
    start = time.perf_counter()
    result = work()
    print(f"{label}: {time.perf_counter() - start:.2f} s")
    return result


def main(count: int) -> None:
    folder = Path(tempfile.mkdtemp())
    a = timed(f"build {count} problems", lambda: build(folder / "a.db", count))
    p0 = timed("export package", lambda: export_package(a, folder / "p0.zip"))
    print(f"package size: {p0.path.stat().st_size / 1e6:.1f} MB")
    b = open_register(folder / "b.db")
    timed("merge into an empty register", lambda: merge_package(b, p0.path))
    edit(a, range(1, 51), "甲")
    edit(b, range(41, 91), "乙")
    timed("export again", lambda: export_package(a, folder / "pa.zip"))
    export_package(b, folder / "pb.zip")
    r = timed("merge A's into B", lambda: merge_package(b, folder / "pa.zip"))
    print(f"conflicts: {len(r.conflicts)}")
    timed("merge B's into A", lambda: merge_package(a, folder / "pb.zip"))
    timed("same package again", lambda: merge_package(a, folder / "pb.zip"))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
