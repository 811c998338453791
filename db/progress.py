"""Progress reports: history per problem and period, never overwritten; the problem keeps the latest."""

from __future__ import annotations

from db.changes import Step, now_iso
from desktop.core.periods import period_key
from desktop.core.status import derive_status, status_from_text, status_label

UNIT_FORM = "unit_form"
# The reports that are the problem's progress for a period: the unit forms' reports are not (their
# merge, source 'merged', is).
COUNTY_REPORT = f"source != '{UNIT_FORM}'"


def latest_report(db, problem_id: int) -> dict | None:
    """The problem's newest own (or merged) report — a unit's report is one voice of a merge — by the days its period covers (weeks and months alike)."""
    cur = db.execute("SELECT * FROM progress_reports WHERE problem_id = ? AND measure_id IS NULL"
                     f" AND {COUNTY_REPORT}",
                     [problem_id])
    names = [d[0] for d in cur.description]
    found = [dict(zip(names, row)) for row in cur.fetchall()]
    return max(found, key=lambda r: (period_key(r["period"]), r["id"])) if found else None


def report_record(problem_id: int | None, *, period: str, text: str = "",
                  status: str | None = None, status_text: str = "", percent: float | None = None,
                  measure_id: int | None = None, source: str = "manual", **fields) -> dict:
    """A progress report's row as stored: its status code derived from the words when not
    given, its label from the code when no words were given, dated today when not dated."""
    code = status or status_from_text(status_text) or derive_status(status_text, text)
    return {"problem_id": problem_id, "measure_id": measure_id, "period": period,
            "text": text, "status": code, "status_text": status_text or status_label(code),
            "percent": percent, "source": source, "created_at": now_iso(),
            "reported_on": fields.pop("reported_on", None) or now_iso()[:10], **fields}


def brought_up(report: dict) -> dict:
    """What a problem takes from its newest report: progress, status and (when given) percent."""
    changes = {"progress": report["text"], "status": report["status"],
               "status_text": report["status_text"]}
    if report["percent"] is not None:
        changes["percent"] = report["percent"]
    return changes


def add_progress_report(step: Step, problem_id: int, *, period: str, text: str = "",
                        status: str | None = None, status_text: str = "",
                        percent: float | None = None, measure_id: int | None = None,
                        source: str = "manual", **fields) -> int:
    """Record one report (fields: difficulties, next_steps, reporter, phone, unit, reported_on,
    source_file, batch_id) and, when it is the newest for the problem, bring the problem's
    progress, status and percent up to it. Returns the report id."""
    record = report_record(problem_id, period=period, text=text, status=status,
                           status_text=status_text, percent=percent, measure_id=measure_id,
                           source=source, **fields)
    report_id = step.insert("progress_reports", record)
    newest = latest_report(step.db, problem_id)
    if measure_id is None and newest and newest["id"] == report_id:
        step.update("problems", problem_id, {**brought_up(record), "updated_at": now_iso()})
    return report_id


def update_problem(step: Step, problem_id: int, changes: dict) -> dict:
    """Edit a problem's fields (one audit row per change); updated_at moves only if something did."""
    diff = step.update("problems", problem_id, changes)
    if diff:
        step.update("problems", problem_id, {"updated_at": now_iso()})
    return diff
