"""Every write goes through a recorded step: the audit trail and undo/redo live here.

    with recorded_step(db, "导入 县台账.xlsx") as step:
        pid = step.insert("problems", {...})
        step.update("problems", pid, {"status": "completed"})

A step is one transaction. Undo reverts the newest done step; redo re-applies the newest undone
one; a new step drops whatever could still be redone. Only the last UNDO_LIMIT steps can be
undone, but the audit rows of every step are kept.
"""

from __future__ import annotations

import datetime as dt
import functools
import getpass
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlite_utils import Database

from db.transaction import write_transaction

UNDO_LIMIT = 100
# Rows that depend on a row: deleting through a step deletes (and records) these first.
CHILDREN = {
    "problems": [("progress_reports", "problem_id"), ("evidence", "problem_id"),
                 ("measures", "problem_id")],
    "measures": [("progress_reports", "measure_id")],
}


def now_iso() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _json_writer():
    """Text as json.dumps(value, ensure_ascii=False) writes it, from one encoder made once: the
    standard one builds its C encoder anew on every call, and an import writes tens of
    thousands of values (lists of units, rows of the audit trail)."""
    standard = json.JSONEncoder(ensure_ascii=False, check_circular=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return standard.encode
    encode = make(None, standard.default, json.encoder.encode_basestring, None, ": ", ", ",
                  False, False, True)
    return lambda value: "".join(encode(value, 0))


_to_json = _json_writer()


def encode(record: dict) -> dict:
    """Lists and dicts are stored as JSON text (Chinese kept readable)."""
    return {k: _to_json(v) if isinstance(v, (list, dict)) else v for k, v in record.items()}


@dataclass(frozen=True)
class StepInfo:
    id: int
    name: str
    created_at: str
    changes: int


class Step:
    """Audit rows are written in batches (flush); nothing reads them before the step ends."""

    BATCH = 1000

    def __init__(self, db: Database, step_id: int):
        self.db, self.id, self.count = db, step_id, 0
        self._pending: list[list] = []
        self._at = now_iso()

    def _log(self, table: str, row_id: int, action: str, before: dict | None,
             after: dict | None, fields: list[str] | None = None) -> None:
        self._pending.append(
            [self.id, table, row_id, action,
             _to_json(before) if before is not None else None,
             _to_json(after) if after is not None else None,
             _to_json(fields) if fields else None, self._at])
        self.count += 1
        if len(self._pending) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            self.db.conn.executemany(
                "INSERT INTO audit (step_id, table_name, row_id, action, before, after, fields, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", self._pending)
            self._pending = []

    def insert(self, table: str, record: dict) -> int:
        row = encode(record)
        cur = self.db.execute(_insert_sql(table, tuple(row)), list(row.values()))
        row_id = cur.lastrowid
        # The row as given is the row as stored (the schema has no computed defaults), so redo
        # re-inserts it exactly without reading it back.
        self._log(table, row_id, "insert", None, {"id": row_id, **row})
        return row_id

    def insert_many(self, table: str, records: list[dict]) -> list[int]:
        """Insert rows in one statement per set of columns; returns their ids, in order.

        The ids are those SQLite would give one insert at a time (the largest id plus one,
        onwards: the tables have no AUTOINCREMENT), set explicitly because executemany reports
        no row ids; a step runs under the write lock, so nobody takes them meanwhile."""
        if not records:
            return []
        (top,) = self.db.execute(f"SELECT coalesce(max(id), 0) FROM [{table}]").fetchone()
        rows = [{"id": row_id, **encode(record)}
                for row_id, record in enumerate(records, start=top + 1)]
        alike: dict[tuple[str, ...], list[list]] = {}
        for row in rows:
            alike.setdefault(tuple(row), []).append(list(row.values()))
        for cols, values in alike.items():
            self.db.conn.executemany(_insert_sql(table, cols), values)
        for row in rows:
            self._log(table, row["id"], "insert", None, row)
        return [row["id"] for row in rows]

    def update(self, table: str, row_id: int, changes: dict) -> dict[str, tuple]:
        """Apply the changes that differ; returns {field: (old, new)} of what really changed."""
        before = _fetch(self.db, table, row_id)
        if before is None:
            raise KeyError(f"{table} {row_id}")
        new = encode(changes)
        diff = {k: (before.get(k), v) for k, v in new.items() if before.get(k) != v}
        if not diff:
            return {}
        sets = ", ".join(f"[{k}] = ?" for k in diff)
        self.db.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?",
                        [v for _, v in diff.values()] + [row_id])
        self._log(table, row_id, "update", {k: o for k, (o, _) in diff.items()},
                  {k: n for k, (_, n) in diff.items()}, sorted(diff))
        return diff

    def delete(self, table: str, row_id: int) -> None:
        for child, column in CHILDREN.get(table, []):
            for (child_id,) in self.db.execute(
                    f"SELECT id FROM [{child}] WHERE [{column}] = ?", [row_id]).fetchall():
                self.delete(child, child_id)
        before = _fetch(self.db, table, row_id)
        if before is None:
            return
        self.db.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
        self._log(table, row_id, "delete", before, None)


@functools.lru_cache(maxsize=256)
def _insert_sql(table: str, cols: tuple[str, ...]) -> str:
    """One statement text per table and set of columns (an import inserts thousands alike)."""
    return (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)})"
            f" VALUES ({', '.join('?' for _ in cols)})")


def _fetch(db: Database, table: str, row_id: int) -> dict | None:
    cur = db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], row))


@contextmanager
def recorded_step(db: Database, name: str) -> Iterator[Step]:
    """One transaction, one undo step. A step that changed nothing leaves no trace."""
    with write_transaction(db):
        db.execute("UPDATE undo_steps SET state = 'dropped' WHERE state = 'undone'")
        cur = db.execute("INSERT INTO undo_steps (name, created_at, state, author)"
                         " VALUES (?, ?, 'done', ?)", [name, now_iso(), step_author(db)])
        step = Step(db, cur.lastrowid)
        yield step
        step.flush()
        if step.count == 0:
            db.execute("DELETE FROM undo_steps WHERE id = ?", [step.id])
        else:
            db.execute(
                "UPDATE undo_steps SET state = 'sealed' WHERE state = 'done' AND id NOT IN "
                "(SELECT id FROM undo_steps WHERE state = 'done' ORDER BY id DESC LIMIT ?)",
                [UNDO_LIMIT])


def step_author(db: Database) -> str:
    """Who is making a change: the clerk's name from 设置 (填报人), else the computer's login."""
    row = db.execute("SELECT value FROM settings WHERE key = 'report.reporter'").fetchone()
    try:
        named = json.loads(row[0]) if row and row[0] else ""
    except json.JSONDecodeError:
        named = row[0]
    if named:
        return str(named)
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def _step_info(db: Database, step_id: int) -> StepInfo:
    name, created = db.execute("SELECT name, created_at FROM undo_steps WHERE id = ?",
                               [step_id]).fetchone()
    (count,) = db.execute("SELECT count(*) FROM audit WHERE step_id = ?", [step_id]).fetchone()
    return StepInfo(step_id, name, created, count)


def last_step(db: Database, state: str = "done") -> StepInfo | None:
    """The step undo would revert (state done) or redo would re-apply (state undone)."""
    order = "DESC" if state == "done" else "ASC"
    row = db.execute(f"SELECT id FROM undo_steps WHERE state = ? ORDER BY id {order} LIMIT 1",
                     [state]).fetchone()
    return _step_info(db, row[0]) if row else None


def _apply(db: Database, table: str, row_id: int, values: dict | None, action: str) -> None:
    if action == "delete":
        db.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
    elif action == "insert":
        cols = list(values)
        db.execute(f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)})"
                   f" VALUES ({', '.join('?' for _ in cols)})", [values[c] for c in cols])
    else:
        sets = ", ".join(f"[{k}] = ?" for k in values)
        db.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?", [*values.values(), row_id])


_INVERSE = {"insert": "delete", "delete": "insert", "update": "update"}


def undo(db: Database) -> StepInfo | None:
    """Revert the newest undoable step; None when there is nothing to undo."""
    with write_transaction(db):
        info = last_step(db, "done")
        if info is None:
            return None
        rows = db.execute("SELECT table_name, row_id, action, before FROM audit WHERE step_id = ?"
                          " ORDER BY id DESC", [info.id]).fetchall()
        for table, row_id, action, before in rows:
            _apply(db, table, row_id, json.loads(before) if before else None, _INVERSE[action])
        db.execute("UPDATE undo_steps SET state = 'undone' WHERE id = ?", [info.id])
    return info


def redo(db: Database) -> StepInfo | None:
    """Re-apply the step undone most recently; None when there is nothing to redo."""
    with write_transaction(db):
        info = last_step(db, "undone")  # undone steps are a tail: the oldest goes first
        if info is None:
            return None
        rows = db.execute("SELECT table_name, row_id, action, after FROM audit WHERE step_id = ?"
                          " ORDER BY id ASC", [info.id]).fetchall()
        for table, row_id, action, after in rows:
            _apply(db, table, row_id, json.loads(after) if after else None, action)
        db.execute("UPDATE undo_steps SET state = 'done' WHERE id = ?", [info.id])
    return info
