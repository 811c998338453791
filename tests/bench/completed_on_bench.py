"""By hand: how long the register view's 实际完成时间 check takes on a large register.

    python tests/bench/completed_on_bench.py [PROBLEMS]
"""

from __future__ import annotations

import pathlib
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))

from db.connection import open_register  # noqa: E402
from db.queries.problems import any_completed_on  # noqa: E402


def main(count: int = 20000) -> None:
    db = open_register(pathlib.Path(tempfile.mkdtemp()) / "bench.db")
    db.execute("INSERT INTO rounds (name) VALUES ('基准批次')")
    db.conn.executemany("INSERT INTO problems (round_id, code, description, created_at,"
                        " updated_at) VALUES (1, ?, ?, 'x', 'x')",
                        [(str(i), "问题" * 40) for i in range(count)])
    db.conn.commit()
    start = time.perf_counter()
    for _ in range(100):
        any_completed_on(db)
    per_call = (time.perf_counter() - start) * 10
    print(f"any_completed_on, {count} problems, none completed: {per_call:.3f} ms per call")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
