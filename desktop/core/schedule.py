"""序时进度: the schedule assessment of a problem or a measure as of a date.

    assess(problem, measures, as_of, round_start, settings=None, calendar=None) -> Assessment
    assess_measure(measure, as_of, round_start, settings=None, calendar=None,
                   parent_status=None) -> Assessment

Rules (DOMAIN.md):
- completed and closed stay so; a problem whose measures are all completed counts as completed;
- the date judged against (`due`): the problem's own deadline; without one, the latest dated
  deadline of its measures; 立行立改 is due `immediate_months` (1) after the round's start;
  long-term and periodic tasks are judged by their milestone date (a date in their text, else the
  earliest dated deadline of an unfinished measure) and, without one, by their reported status;
- past the due date and not completed: overdue;
- otherwise expected = elapsed share of (round start → due); reported percent (the problem's
  percent, else the share of completed measures) below it is behind, at least `ahead_margin`
  above it is ahead, else on schedule; with no percent the reported status decides (尚未启动 with
  time elapsed is behind).
Each judgement carries a short Chinese explanation ("应完成62%，已报完成40%，剩余18天").
Buckets: overdue / d10 / d20 / later (dated), long_term, immediate (no start date), none
(deadline not understood), done. Colours: red / yellow / blue for overdue / d10 / d20, orange
for behind schedule otherwise (see desktop.core.alerts).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.core.deadlines import IMMEDIATE, LONG_TERM, PERIODIC
from desktop.core.report_settings import DEFAULT_SETTINGS, WORKING_DAYS, ReportSettings
from desktop.core.schedule_due import Due, as_date, cn_date, due_of, months_after
from desktop.core.status import (
    AHEAD,
    BEHIND,
    CLOSED,
    COMPLETED,
    DONE_CODES,
    ON_SCHEDULE,
    PENDING,
    status_label,
)
from desktop.core.workdays import WorkCalendar, days_left

OVERDUE, NO_DEADLINE = "overdue", "no_deadline"
ASSESSMENT_LABELS = {
    COMPLETED: "已完成", CLOSED: "已销号", ON_SCHEDULE: "达到序时进度", AHEAD: "超过序时进度",
    BEHIND: "未达序时进度", OVERDUE: "逾期未完成", NO_DEADLINE: "时限不明",
}
BUCKETS = ("overdue", "d10", "d20", "later", "long_term", "immediate", "none", "done")
BUCKET_COLOURS = {"overdue": "red", "d10": "yellow", "d20": "blue"}

__all__ = ["ASSESSMENT_LABELS", "Assessment", "assess", "assess_measure", "months_after"]


@dataclass(frozen=True)
class Assessment:
    code: str
    expected_percent: float | None
    reported_percent: float | None
    days_left: int | None
    bucket: str
    colour: str
    explanation: str
    due: dt.date | None = None

    @property
    def label(self) -> str:
        return ASSESSMENT_LABELS[self.code]

    @property
    def text(self) -> str:
        """The label with its explanation, as printed in 序时评估."""
        return f"{self.label}（{self.explanation}）" if self.explanation else self.label


def reported_percent(problem: dict, measures: list[dict]) -> float | None:
    """The problem's own percent, else the share of its completed measures when any is done."""
    pct = problem.get("percent")
    if isinstance(pct, (int, float)) and not isinstance(pct, bool):
        return max(0.0, min(100.0, float(pct)))
    done = sum(1 for m in measures if m.get("status") in DONE_CODES)
    return 100.0 * done / len(measures) if done else None


def _done(problem: dict) -> Assessment:
    code = problem.get("status")
    closed_on = as_date(problem.get("closed_on"))
    note = f"{cn_date(closed_on)}销号" if code == CLOSED and closed_on else ""
    return Assessment(code, None, 100.0, None, "done", "", note)


def assess(problem: dict, measures: list[dict], as_of: dt.date,
           round_start: dt.date | None = None, settings: ReportSettings | None = None,
           calendar: WorkCalendar | None = None) -> Assessment:
    settings = settings or DEFAULT_SETTINGS
    if problem.get("status") in DONE_CODES:
        return _done(problem)
    if measures and all(m.get("status") in DONE_CODES for m in measures):
        return Assessment(COMPLETED, None, 100.0, None, "done", "", "整改措施已全部完成")
    status = problem.get("status") or PENDING
    reported = reported_percent(problem, measures)
    due = due_of(problem, measures, as_of, round_start, settings.immediate_months)
    if due.date is None:
        return _undated(due, status, reported)
    if calendar is None:
        calendar = WorkCalendar(settings.extra_holidays, settings.extra_workdays)
    left = days_left(as_of, due.date, settings.day_mode, calendar)
    unit = "个工作日" if settings.day_mode == WORKING_DAYS else "天"
    if due.date < as_of:
        late = max(1, -left)
        said = f"，已报完成{reported:.0f}%" if reported is not None else ""
        return Assessment(OVERDUE, 100.0, reported, -late, "overdue", "red",
                          f"{due.what}{cn_date(due.date)}，已逾期{late}{unit}{said}",
                          due.date)
    bucket = "d10" if left <= 10 else "d20" if left <= 20 else "later"
    tail = f"剩余{left}{unit}"
    return _dated(due, round_start, as_of, status, reported, settings.ahead_margin, bucket, left,
                  tail)


def _expected(start: dt.date, due: dt.date, as_of: dt.date) -> float:
    if due <= start:
        return 100.0
    share = (as_of - start).days / (due - start).days
    return 100.0 * max(0.0, min(1.0, share))


def _dated(due: Due, start: dt.date | None, as_of: dt.date, status: str,
           reported: float | None, margin: float, bucket: str, left: int,
           tail: str) -> Assessment:
    colour = BUCKET_COLOURS.get(bucket, "")
    if start is None:
        code = _by_status(status)
        note = f"未设置反馈日期，无法计算序时进度，按上报状态计；{tail}"
        return Assessment(code, None, reported, left, bucket, _colour(code, colour), note, due.date)
    expected = round(_expected(start, due.date, as_of))
    said = _said(status, reported)
    if reported is not None:
        code = BEHIND if reported < expected else AHEAD if reported >= expected + margin \
            else ON_SCHEDULE
    elif status == PENDING:
        code = BEHIND if expected > 0 else ON_SCHEDULE
    else:
        code = _by_status(status)
    note = f"应完成{expected}%，{said}，{tail}"
    return Assessment(code, float(expected), reported, left, bucket, _colour(code, colour), note,
                      due.date)


def _said(status: str, reported: float | None) -> str:
    if reported is not None:
        return f"已报完成{reported:.0f}%"
    if status == PENDING:
        return "尚未启动"
    return f"上报“{status_label(status)}”（未报完成比例）"


def _by_status(status: str) -> str:
    """Without a percent or a schedule: what the unit reported (推进中 counts as on schedule)."""
    return status if status in (AHEAD, BEHIND) else ON_SCHEDULE


def _colour(code: str, bucket_colour: str) -> str:
    return bucket_colour or ("orange" if code == BEHIND else "")


def _undated(due: Due, status: str, reported: float | None) -> Assessment:
    if due.kind in (LONG_TERM, PERIODIC):
        code, bucket = _by_status(status), "long_term"
        note = f"{'长期坚持' if due.kind == LONG_TERM else '定期任务'}，无阶段时限，按上报状态计"
    elif due.kind == IMMEDIATE:
        code, bucket = _by_status(status), "immediate"
        note = "立行立改，未设置反馈日期，按上报状态计"
    else:
        code, bucket = NO_DEADLINE, "none"
        note = "整改时限无法识别，未作序时评估"
    return Assessment(code, None, reported, None, bucket, _colour(code, ""), note)


def assess_measure(measure: dict, as_of: dt.date, round_start: dt.date | None = None,
                   settings: ReportSettings | None = None, calendar: WorkCalendar | None = None,
                   parent_status: str | None = None) -> Assessment:
    """A measure judged like a problem of its own; a measure still marked 尚未启动 under a
    problem that is under way takes the problem's status."""
    item = dict(measure)
    if item.get("status") in (None, "", PENDING) and parent_status and \
            parent_status not in DONE_CODES:
        item["status"] = parent_status
    item.setdefault("percent", None)
    return assess(item, [], as_of, round_start, settings, calendar)
