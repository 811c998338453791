"""The county's merged progress per problem and period, built from its units' newest reports and
kept as a report of its own (source 'merged'); the clerk may edit it before it goes up."""

from __future__ import annotations

from sqlite_utils import Database

from db.changes import Step, now_iso, recorded_step
from db.progress import UNIT_FORM, latest_report
from db.records import rows
from db.settings import get_setting
from db.unit_registry import UnitResolver
from desktop.core.status import status_label
from desktop.core.unit_reports import (
    ALL_DONE,
    MERGE_RULES,
    MergedProgress,
    UnitReport,
    merge_reports,
)

MERGED = "merged"
MERGE_RULE = "progress.merge_rule"


def merge_rule(db: Database) -> str:
    rule = get_setting(db, MERGE_RULE, ALL_DONE)
    return rule if rule in MERGE_RULES else ALL_DONE


def unit_reports(db: Database, problem_id: int, period: str) -> list[dict]:
    """Each unit's newest report on the problem for the period, in the order they came."""
    newest: dict[str, dict] = {}
    for r in rows(db, "SELECT * FROM progress_reports WHERE problem_id = ? AND period = ? AND"
                      " source = ? AND measure_id IS NULL ORDER BY id",
                  [problem_id, period, UNIT_FORM]):
        newest.pop(r["unit"], None)
        newest[r["unit"]] = r
    return list(newest.values())


def merged_report(db: Database, problem_id: int, period: str) -> dict | None:
    found = rows(db, "SELECT * FROM progress_reports WHERE problem_id = ? AND period = ? AND"
                     " source = ? AND measure_id IS NULL ORDER BY id DESC LIMIT 1",
                 [problem_id, period, MERGED])
    return found[0] if found else None


def merge_for(db: Database, problem_id: int, period: str,
              resolver: UnitResolver | None = None) -> MergedProgress | None:
    reports = unit_reports(db, problem_id, period)
    if not reports:
        return None
    resolver = resolver or UnitResolver(db)
    lead_names, resp_names = rows(db, "SELECT lead_units, responsible_units FROM problems"
                                      " WHERE id = ?", [problem_id])[0].values()
    lead, lead_groups = resolver.expand(lead_names)
    others, groups = resolver.expand(resp_names)
    others += lead_groups + groups      # a group not yet listed still counts as a unit of it
    return merge_reports([UnitReport(r["unit"], r["text"], r["status"], r["percent"])
                          for r in reports], lead=lead, others=others, rule=merge_rule(db))


def write_merged(step: Step, problem_id: int, period: str, text: str, status: str,
                 percent: float | None, *, reported_on: str | None = None,
                 edited_at: str | None = None) -> int:
    """Insert or update the merged report; the problem follows it when it is the newest.
    edited_at: when the clerk reworded it by hand (None: it is the units' merge)."""
    record = {"text": text, "status": status, "status_text": status_label(status),
              "percent": percent, "edited_at": edited_at}
    current = merged_report(step.db, problem_id, period)
    if current is None:
        rid = step.insert("progress_reports", {
            "problem_id": problem_id, "period": period, "source": MERGED, "unit": "",
            "reported_on": reported_on or now_iso()[:10], "created_at": now_iso(), **record})
    else:
        rid = current["id"]
        step.update("progress_reports", rid, record)
    newest = latest_report(step.db, problem_id)
    if newest and newest["id"] == rid:
        changes = {"progress": text, "status": status, "status_text": record["status_text"]}
        if percent is not None:
            changes["percent"] = percent
        if step.update("problems", problem_id, changes):
            step.update("problems", problem_id, {"updated_at": now_iso()})
    return rid


def edit_merged(db: Database, problem_id: int, period: str, text: str, status: str) -> None:
    """The clerk's own wording of the merged progress, as one undo step. Kept by later
    collections and merge-rule changes unless it is word for word the units' merge."""
    with recorded_step(db, f"修改汇总进展 {period}") as step:
        current = merged_report(db, problem_id, period)
        percent = current["percent"] if current else None
        merged = merge_for(db, problem_id, period)
        by_units = merged is not None and (merged.text, merged.status) == (text.strip(), status)
        write_merged(step, problem_id, period, text.strip(), status, percent,
                     edited_at=None if by_units else now_iso())


def unit_report_periods(db: Database, problem_id: int) -> list[str]:
    """Periods with units' reports or a merged version for the problem, newest first."""
    return [r[0] for r in db.execute(
        "SELECT DISTINCT period FROM progress_reports WHERE problem_id = ? AND source IN (?, ?)"
        " ORDER BY period DESC", [problem_id, UNIT_FORM, MERGED]).fetchall()]


def unit_report_history(db: Database, problem_id: int, period: str) -> list[dict]:
    """Every unit's every report on the problem for the period, oldest first."""
    return rows(db, "SELECT * FROM progress_reports WHERE problem_id = ? AND period = ? AND"
                    " source = ? ORDER BY id", [problem_id, period, UNIT_FORM])
