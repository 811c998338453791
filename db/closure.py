"""验收销号 in the register: each closure step one recorded, undoable change.

    closure_steps(db, problem_id) -> [step dict]
    problem_closure(db, problem_id) -> ClosureState
    record_closure_step(db, problem_id, step, today=None) -> step id   # raises ChangeRefused

The steps are rows of closure_steps keyed to the problem (so exchange packages can carry them);
the problem row keeps the current stage, and on 销号 its status, closed_on and closure_doc.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from db.changes import now_iso, recorded_step
from db.records import rows
from db.refused import ChangeRefused
from desktop.core.closure import (
    CLOSED,
    KIND_LABELS,
    REOPENED,
    ClosureFacts,
    ClosureState,
    check_step,
    closure_state,
    stage_after,
)
from desktop.core.status import STATUS_LABELS

STEP_FIELDS = ("kind", "happened_on", "person", "finding", "passed", "doc", "reason")


def closure_steps(db: Database, problem_id: int) -> list[dict]:
    return rows(db, "SELECT * FROM closure_steps WHERE problem_id = ? ORDER BY happened_on, id",
                [problem_id])


def _problem(db: Database, problem_id: int) -> dict:
    found = rows(db, "SELECT id, code, status, created_at FROM problems WHERE id = ?",
                 [problem_id])
    if not found:
        raise ChangeRefused({"": "该问题已不在台账中（可能已被删除或撤销）。"})
    return found[0]


def problem_closure(db: Database, problem_id: int) -> ClosureState:
    problem = _problem(db, problem_id)
    return closure_state(closure_steps(db, problem_id), problem["status"])


def closure_facts(db: Database, problem: dict, today: dt.date) -> ClosureFacts:
    (evidence,) = db.execute("SELECT count(*) FROM evidence WHERE problem_id = ?",
                             [problem["id"]]).fetchone()
    return ClosureFacts(problem["status"], (problem["created_at"] or "")[:10] or None, evidence,
                        today)


def _problem_changes(kind: str, stage: str, step: dict) -> dict:
    changes: dict = {"closure_stage": stage, "updated_at": now_iso()}
    if kind == "close":
        changes |= {"status": CLOSED, "status_text": STATUS_LABELS[CLOSED],
                    "closed_on": step["happened_on"], "closure_doc": step.get("doc", "")}
    elif kind == "reopen":
        changes |= {"status": "in_progress", "status_text": STATUS_LABELS["in_progress"],
                    "closed_on": None, "closure_doc": "", "percent": None}
    return changes


def reopen_measures(change, problem_id: int, day: str, reason: str) -> None:
    """A rebound reopens the problem's finished measures too (rectification resumes), and the
    month's progress history says so, so that counts by month agree with the problem."""
    from db.progress import add_progress_report

    add_progress_report(change, problem_id, period=day[:7], text=f"重新打开：{reason}",
                        status="in_progress", reported_on=day, source="closure")
    for (measure_id,) in change.db.execute(
            "SELECT id FROM measures WHERE problem_id = ? AND status IN ('completed', 'closed')",
            [problem_id]).fetchall():
        change.update("measures", measure_id, {"status": "in_progress",
                                               "status_text": STATUS_LABELS["in_progress"]})


def record_closure_step(db: Database, problem_id: int, step: dict,
                        today: dt.date | None = None) -> int:
    """Check the step against the problem's stage and facts; write it as one undo step."""
    problem = _problem(db, problem_id)
    state = closure_state(closure_steps(db, problem_id), problem["status"])
    errors = check_step(state, step, closure_facts(db, problem, today or dt.date.today()))
    if errors:
        raise ChangeRefused(errors)
    stage = stage_after(state, step)
    record = {k: step.get(k) for k in STEP_FIELDS}
    record["passed"] = None if step.get("passed") is None else int(bool(step["passed"]))
    for key in ("person", "finding", "doc", "reason"):
        record[key] = str(record[key] or "").strip()
    name = f"{KIND_LABELS[step['kind']]} {problem['code']}"
    with recorded_step(db, name) as change:
        step_id = change.insert("closure_steps", {"problem_id": problem_id, **record,
                                                  "recorded_at": now_iso()})
        change.update("problems", problem_id, _problem_changes(step["kind"], stage, record))
        if step["kind"] == "reopen":
            reopen_measures(change, problem_id, record["happened_on"], record["reason"])
    return step_id


def stage_counts(db: Database) -> dict[str, int]:
    """Problems at each closure stage (a closed problem with no steps counts as closed)."""
    found = db.execute("SELECT CASE WHEN closure_stage = '' AND status = 'closed' THEN 'closed'"
                       " ELSE closure_stage END AS stage, count(*) FROM problems GROUP BY stage")
    counts = dict(found.fetchall())
    return {stage: counts.get(stage, 0) for stage in ("", "applied", "returned", "verified",
                                                      CLOSED, REOPENED)}
