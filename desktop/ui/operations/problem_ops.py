"""Editing a problem and its measures, and recording a period's progress report."""

from __future__ import annotations

from sqlite_utils import Database

from db.changes import recorded_step
from db.progress import add_progress_report, update_problem
from desktop.ui.changes import Changes

MEASURE_EDITABLE = ("seq", "content", "deadline", "deadline_kind", "deadline_text", "lead_units",
                    "responsible_units", "status", "status_text")


def save_problem(problem_id: int, code: str, changes: dict,
                 measures: tuple[list[dict], list[dict]] | None = None, *,
                 report: dict | None = None):
    """An op: apply field changes, the edited measures and this period's report (period, text,
    status, percent, difficulties, next_steps, reporter) as one undo step. `measures` is
    (original, edited): edited rows with an 'id' update that measure, rows without are added,
    original measures missing from the edited list are deleted."""
    def work(db: Database, _progress=None) -> Changes:
        only_report = report is not None and not changes and measures is None
        name = (f"填报进展 {code}（{report['period']}）" if only_report else f"编辑问题 {code}")
        with recorded_step(db, name) as step:
            update_problem(step, problem_id, changes)
            if measures is not None:
                _save_measures(step, problem_id, *measures)
            if report is not None:
                add_progress_report(step, problem_id, source="manual", **report)
        message = (f"已记录问题 {code} 的 {report['period']} 进展" if only_report
                   else f"已保存问题 {code}")
        return Changes(problem_ids=frozenset({problem_id}), progress=report is not None,
                       message=message)
    return work


def _save_measures(step, problem_id: int, original: list[dict], edited: list[dict]) -> None:
    before = {m["id"]: m for m in original}
    kept = {m["id"] for m in edited if m.get("id")}
    for measure_id in set(before) - kept:
        step.delete("measures", measure_id)
    # Sequence numbers are unique per problem: park renumbered rows before numbering them.
    for m in edited:
        if m.get("id") and m["seq"] != before[m["id"]]["seq"]:
            step.update("measures", m["id"], {"seq": -m["id"]})
    for m in edited:
        values = {k: m[k] for k in MEASURE_EDITABLE if k in m}
        if m.get("id"):
            step.update("measures", m["id"], values)
        else:
            step.insert("measures", {"problem_id": problem_id, **values})


def add_report(problem_id: int, code: str, *, period: str, text: str, status: str,
               percent: float | None, **more):
    """An op: record one period's progress report for a problem (its own undo step)."""
    report = {"period": period, "text": text, "status": status, "percent": percent, **more}
    return save_problem(problem_id, code, {}, None, report=report)
