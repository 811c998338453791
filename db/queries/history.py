"""A problem's audit trail: every recorded change to it, its measures, reports and evidence.

    problem_history(db, problem_id) -> [{"at", "author", "step", "state", "table", "row_id",
                                         "action", "before", "after"}]   newest first

Child rows are found through the audit itself (an insert or delete records the problem_id), so
a measure deleted long ago still shows in its problem's history.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

CHILD_TABLES = ("measures", "progress_reports", "evidence")


def _child_ids(db: Database, table: str, problem_id: int) -> list[int]:
    rows = db.execute(
        f"SELECT id FROM [{table}] WHERE problem_id = ? UNION "
        "SELECT row_id FROM audit WHERE table_name = ? AND action IN ('insert', 'delete') AND "
        "(json_extract(after, '$.problem_id') = ? OR json_extract(before, '$.problem_id') = ?)",
        [problem_id, table, problem_id, problem_id]).fetchall()
    return [r[0] for r in rows]


def problem_history(db: Database, problem_id: int, limit: int = 500) -> list[dict]:
    clauses, params = ["(a.table_name = 'problems' AND a.row_id = ?)"], [problem_id]
    for table in CHILD_TABLES:
        ids = _child_ids(db, table, problem_id)
        if ids:
            clauses.append(f"(a.table_name = ? AND a.row_id IN ({', '.join('?' for _ in ids)}))")
            params += [table, *ids]
    sql = ("SELECT a.at, s.author, s.name, s.state, a.table_name, a.row_id, a.action, a.before,"
           " a.after FROM audit a JOIN undo_steps s ON s.id = a.step_id"
           f" WHERE {' OR '.join(clauses)} ORDER BY a.id DESC LIMIT ?")
    out = []
    for at, author, step, state, table, row_id, action, before, after in db.execute(
            sql, [*params, limit]).fetchall():
        out.append({"at": at, "author": author or "", "step": step, "state": state,
                    "table": table, "row_id": row_id, "action": action,
                    "before": json.loads(before) if before else {},
                    "after": json.loads(after) if after else {}})
    return out
