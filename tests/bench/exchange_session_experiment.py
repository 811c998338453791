"""Run by hand: why the exchange does not ship SQLite session changesets between registers.

    python -m venv /tmp/apsw && /tmp/apsw/bin/pip install apsw
    /tmp/apsw/bin/python tests/bench/exchange_session_experiment.py

Two registers keep the same three problems of one round, created independently (two laptops
importing the same ledger, the second one in another order), so their integer ids differ. Laptop A
records a session while it marks problem 3 completed and adds a progress report; the changeset is
applied to laptop B. SQLite matches rows by primary key only, so the update lands on whatever
problem has A's id on B (silently, because the old value of the changed column matches), and the
new report is inserted under A's problem id, i.e. under another problem on B. No conflict handler
is called. Prints what happened on B.
"""

from __future__ import annotations

import apsw

SCHEMA = """
CREATE TABLE problems (id INTEGER PRIMARY KEY, round TEXT, code TEXT, title TEXT,
                       status TEXT, UNIQUE (round, code));
CREATE TABLE progress_reports (id INTEGER PRIMARY KEY, problem_id INTEGER, period TEXT, text TEXT);
"""
PROBLEMS = [("中央第二轮督察", "1", "城区黑臭水体"), ("中央第二轮督察", "2", "垃圾填埋场渗滤液"),
            ("中央第二轮督察", "3", "砂石码头扬尘")]


def register(order: list[int]) -> apsw.Connection:
    db = apsw.Connection(":memory:")
    db.execute(SCHEMA)
    for i in order:
        db.execute("INSERT INTO problems (round, code, title, status) VALUES (?, ?, ?, 'pending')",
                   PROBLEMS[i])
    db.execute("INSERT INTO progress_reports (problem_id, period, text) VALUES (1, '2024-05', '本地')")
    return db


def main() -> None:
    a, b = register([0, 1, 2]), register([2, 0, 1])
    session = apsw.Session(a, "main")
    session.attach()
    (pid,) = a.execute("SELECT id FROM problems WHERE code = '3'").fetchone()
    a.execute("UPDATE problems SET status = 'completed' WHERE id = ?", (pid,))
    a.execute("INSERT INTO progress_reports (problem_id, period, text) VALUES (?, '2024-06', '完成')",
              (pid,))
    changeset = session.changeset()
    conflicts: list[str] = []

    def on_conflict(reason: int, change: apsw.TableChange) -> int:
        conflicts.append(f"{apsw.mapping_session_conflict[reason]} on {change.name} {change.op}")
        return apsw.SQLITE_CHANGESET_OMIT

    apsw.Changeset.apply(changeset, b, conflict=on_conflict)
    print(f"changeset: {len(changeset)} bytes; conflicts reported on B: {conflicts or 'none'}")
    for code, status in b.execute("SELECT code, status FROM problems ORDER BY code"):
        print(f"  B problem {code}: {status}")
    for period, title in b.execute("SELECT r.period, p.title FROM progress_reports r "
                                   "JOIN problems p ON p.id = r.problem_id ORDER BY r.id"):
        print(f"  B report {period}: under 《{title}》")
    print("  A marked problem 3 completed; on B the same change landed on the problem with A's id.")


if __name__ == "__main__":
    main()
