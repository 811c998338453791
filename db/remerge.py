"""Building the county's merged progress again from the units' reports while keeping the clerk's
own wording.

A merged version the clerk edited by hand (progress_reports.edited_at) is never overwritten by a
machine: when its units send new words, collect keeps the edit and says so, and the clerk decides
in the problem dialog (各单位填报: 按各单位填报重新汇总, then 保存). Changing the merge rule in 设置
re-merges every period already collected that was not edited by hand, as one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from db.changes import Step, recorded_step
from db.merged_progress import merge_for, merged_report, write_merged
from db.progress import UNIT_FORM
from db.unit_registry import UnitResolver
from desktop.core.unit_reports import MergedProgress

REMERGE_STEP = "按新的汇总规则重新汇总"


@dataclass(frozen=True)
class Remerge:
    problem_id: int
    period: str
    merged: MergedProgress          # the units' merge
    kept_edit: dict | None          # the clerk's hand-edited version, kept instead of the merge
    changed: bool                   # the merged version written differs from the one before


def remerge(step: Step, problem_id: int, period: str,
            resolver: UnitResolver | None = None) -> Remerge | None:
    """The units' merge written for the problem and period unless the clerk edited it by hand."""
    merged = merge_for(step.db, problem_id, period, resolver)
    if merged is None:
        return None
    current = merged_report(step.db, problem_id, period)
    if current is not None and current.get("edited_at"):
        return Remerge(problem_id, period, merged, current, False)
    same = current is not None and (current["text"], current["status"], current["percent"]) == (
        merged.text, merged.status, merged.percent)
    if not same:
        write_merged(step, problem_id, period, merged.text, merged.status, merged.percent)
    return Remerge(problem_id, period, merged, None, not same)


def collected_periods(db: Database) -> list[tuple[int, str]]:
    """Every (problem, period) some unit reported on, in the order first reported."""
    return [(r[0], r[1]) for r in db.execute(
        "SELECT problem_id, period FROM progress_reports WHERE source = ? AND measure_id IS NULL"
        " GROUP BY problem_id, period ORDER BY MIN(id)", [UNIT_FORM]).fetchall()]


def remerge_unedited(db: Database) -> int:
    """Re-merge every collected period not edited by hand (after the merge rule changed), as
    one undo step; the number of problems whose merged progress changed."""
    resolver, changed = UnitResolver(db), set()
    with recorded_step(db, REMERGE_STEP) as step:
        for problem_id, period in collected_periods(db):
            result = remerge(step, problem_id, period, resolver)
            if result is not None and result.changed:
                changed.add(problem_id)
    return len(changed)
