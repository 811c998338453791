"""What an undo step touched, so the window refreshes only that (and names it in the menu)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from db.changes import StepInfo, last_step


@dataclass(frozen=True)
class StepTouch:
    tables: frozenset[str]
    problem_ids: frozenset[int]     # problems whose own row, measures or reports changed
    problems_came_or_went: bool     # a problem inserted or deleted


def step_touch(db: Database, step_id: int) -> StepTouch:
    found = db.execute("""
        SELECT table_name, action,
               CASE WHEN table_name = 'problems' THEN row_id
                    ELSE json_extract(coalesce(before, after), '$.problem_id') END
        FROM audit WHERE step_id = ?""", [step_id]).fetchall()
    tables = frozenset(t for t, _, _ in found)
    ids = frozenset(int(pid) for _, _, pid in found if pid is not None)
    came_or_went = any(t == "problems" and a in ("insert", "delete") for t, a, _ in found)
    return StepTouch(tables, ids, came_or_went)


def undo_redo_state(db: Database) -> tuple[StepInfo | None, StepInfo | None]:
    """(the step undo would revert, the step redo would re-apply)."""
    return last_step(db, "done"), last_step(db, "undone")
