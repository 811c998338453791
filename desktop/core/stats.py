"""Statistics over plain data: problems by reported and assessed status, per unit, category and
round; petitions by status, pollution type, district and verification; 办结率.

    problem_stats(problems, measures_by_id, assessments) -> ProblemStats
    petition_stats(petitions, rule="done") -> PetitionStats
    completion_rate(done, staged, total, rule) -> float | None    # percent
    format_rate(95.66) -> "95.7%"   (one decimal, ".0" dropped: 99.04 -> "99%")
    summary_group(code) -> "completed" | "on_schedule" | "behind" | "other"  (by_group)
    chart_group(code) -> the same with "overdue" apart (per_unit, per_category, per_round)

`problems` are dicts with status, category, round, lead_units, responsible_units and id;
`assessments` is a list in the same order (desktop.core.schedule.Assessment).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.core.report_settings import DONE_AND_STAGED
from desktop.core.schedule import OVERDUE, Assessment
from desktop.core.status import AHEAD, BEHIND, CLOSED, COMPLETED, DONE_CODES, ON_SCHEDULE

GROUPS = ("completed", "on_schedule", "behind", "other")
GROUP_LABELS = {"completed": "完成整改", "on_schedule": "达到序时进度",
                "behind": "未达序时进度", "other": "时限不明"}
_GROUP_OF = {COMPLETED: "completed", CLOSED: "completed", ON_SCHEDULE: "on_schedule",
             AHEAD: "on_schedule", BEHIND: "behind", OVERDUE: "behind"}
PETITION_STATUS_LABELS = {"done": "已办结", "staged": "阶段性办结", "in_progress": "正在办理"}
VERIFIED_LABELS = {"true": "属实", "partial": "部分属实", "false": "不属实", None: "未核实"}


# Finer groups for breakdowns and charts: overdue shown apart from behind.
CHART_GROUPS = ("completed", "on_schedule", "behind", "overdue", "other")
CHART_GROUP_LABELS = {"completed": "完成整改", "on_schedule": "达到序时进度",
                      "behind": "未达序时进度", "overdue": "逾期未完成", "other": "时限不明"}


def chart_group(code: str) -> str:
    return "overdue" if code == OVERDUE else summary_group(code)


def summary_group(code: str) -> str:
    """The published three-way split: overdue counts as 未达序时进度."""
    return _GROUP_OF.get(code, "other")


@dataclass
class ProblemStats:
    total: int = 0
    with_deadline: int = 0
    measures: int = 0
    measures_done: int = 0
    by_reported: Counter = field(default_factory=Counter)
    by_assessed: Counter = field(default_factory=Counter)
    by_group: Counter = field(default_factory=Counter)
    by_bucket: Counter = field(default_factory=Counter)
    per_unit: dict[str, Counter] = field(default_factory=dict)
    per_category: dict[str, Counter] = field(default_factory=dict)
    per_round: dict[str, Counter] = field(default_factory=dict)

    def group(self, name: str) -> int:
        return self.by_group.get(name, 0)


def _units_of(problem: dict) -> list[str]:
    return list(problem.get("lead_units") or problem.get("responsible_units") or ["（未明确）"])


def _bump(table: dict[str, Counter], key: str, group: str) -> None:
    table.setdefault(key or "（未分类）", Counter())[group] += 1


def problem_stats(problems: Sequence[dict], measures_by_id: dict[int, list[dict]],
                  assessments: Sequence[Assessment]) -> ProblemStats:
    stats = ProblemStats()
    for problem, assessment in zip(problems, assessments, strict=True):
        group, fine = summary_group(assessment.code), chart_group(assessment.code)
        stats.total += 1
        stats.with_deadline += assessment.due is not None or problem.get("deadline") is not None
        measures = measures_by_id.get(problem.get("id"), [])
        stats.measures += len(measures)
        done = problem.get("status") in DONE_CODES
        stats.measures_done += sum(1 for m in measures if done or m.get("status") in DONE_CODES)
        stats.by_reported[problem.get("status") or "pending"] += 1
        stats.by_assessed[assessment.code] += 1
        stats.by_group[group] += 1
        stats.by_bucket[assessment.bucket] += 1
        for unit in _units_of(problem):
            _bump(stats.per_unit, unit, fine)
        _bump(stats.per_category, problem.get("category") or "", fine)
        _bump(stats.per_round, problem.get("round") or "", fine)
    return stats


@dataclass
class PetitionStats:
    total: int = 0
    by_status: Counter = field(default_factory=Counter)
    by_type: Counter = field(default_factory=Counter)
    by_district: Counter = field(default_factory=Counter)
    by_verification: Counter = field(default_factory=Counter)
    by_type_status: dict[str, Counter] = field(default_factory=dict)
    rule: str = "done"

    @property
    def done(self) -> int:
        return self.by_status.get("done", 0)

    @property
    def staged(self) -> int:
        return self.by_status.get("staged", 0)

    @property
    def in_progress(self) -> int:
        return self.total - self.done - self.staged

    @property
    def rate(self) -> float | None:
        return completion_rate(self.done, self.staged, self.total, self.rule)


def petition_stats(petitions: Sequence[dict], rule: str = "done") -> PetitionStats:
    stats = PetitionStats(rule=rule)
    for p in petitions:
        status = p.get("status") or "in_progress"
        stats.total += 1
        stats.by_status[status] += 1
        stats.by_district[p.get("district") or "（未填）"] += 1
        stats.by_verification[p.get("verified")] += 1
        for kind in p.get("pollution_types") or ["其他"]:
            stats.by_type[kind] += 1
            stats.by_type_status.setdefault(kind, Counter())[status] += 1
    return stats


def completion_rate(done: int, staged: int, total: int, rule: str = "done") -> float | None:
    if total <= 0:
        return None
    counted = done + staged if rule == DONE_AND_STAGED else done
    return 100.0 * counted / total


def format_rate(rate: float | None) -> str:
    if rate is None:
        return "—"
    text = f"{round(rate + 1e-9, 1):.1f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"
