"""挂图作战: every problem and its measures against time, as plain data for the chart.

    build_timeline(db, as_of=None, group_by="unit"|"round", measures=True) -> Timeline

Each bar runs from its round's feedback date (rounds.started_on, 反馈日期) to the date it is
judged against (the schedule assessment's due date: its deadline, a 立行立改 item's month after
feedback, a long-term item's next milestone), is filled to the reported progress and coloured
by its warning (red / yellow / blue / orange, green when done). Long-term items without a
milestone run on to the chart's edge; immediate ones are marked 立行立改. Rows are grouped by
lead unit (each problem under its first lead unit) or by round. A round without a feedback date
has bars without a start: they are drawn from the chart's left edge and say 未设反馈日期.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from db.records import rows
from db.settings import round_starts
from desktop.core.deadlines import IMMEDIATE, LONG_TERM, PERIODIC
from desktop.core.schedule import Assessment, assess_measure, months_after
from desktop.core.status import DONE_CODES, status_label
from desktop.core.workdays import WorkCalendar
from desktop.reports.snapshot import take_snapshot

GROUPINGS = {"unit": "按牵头单位", "round": "按督察批次"}
NO_LEAD = "未明确牵头单位"
MARKS = {LONG_TERM: "长期坚持", PERIODIC: "定期开展", IMMEDIATE: "立行立改"}


@dataclass(frozen=True)
class TimelineBar:
    code: str
    label: str
    is_measure: bool
    start: dt.date | None
    end: dt.date | None            # None: open-ended (long-term) or not understood
    kind: str                      # the deadline kind: fixed, long_term, immediate, periodic, unknown
    percent: float                 # 0–100, the reported progress
    done: bool
    colour: str                    # red, yellow, blue, orange, green (done) or "" (on track)
    status: str
    deadline_text: str
    problem_id: int = 0

    @property
    def mark(self) -> str:
        """长期坚持 / 立行立改 / 定期开展 written beside the bar ("" for fixed deadlines)."""
        return MARKS.get(self.kind, "时限不明" if self.end is None and not self.done else "")


@dataclass
class TimelineGroup:
    name: str
    bars: list[TimelineBar] = field(default_factory=list)

    @property
    def problems(self) -> int:
        return sum(not b.is_measure for b in self.bars)


@dataclass
class Timeline:
    as_of: dt.date
    group_by: str
    groups: list[TimelineGroup]

    def rows(self, measures: bool = True) -> list[tuple[str, object]]:
        """The chart's rows top to bottom: ("group", its title) then ("bar", TimelineBar)."""
        out: list[tuple[str, object]] = []
        for group in self.groups:
            out.append(("group", f"{group.name}（{group.problems}个问题）"))
            out += [("bar", b) for b in group.bars if measures or not b.is_measure]
        return out

    @property
    def bars(self) -> list[TimelineBar]:
        return [b for g in self.groups for b in g.bars]

    @property
    def span(self) -> tuple[dt.date, dt.date]:
        """The dates the chart shows: first start to last dated end, today always inside."""
        starts = [b.start for b in self.bars if b.start]
        ends = [b.end for b in self.bars if b.end]
        first = min([*starts, *ends, self.as_of])
        last = max([*ends, self.as_of])
        return first, last

    @property
    def title(self) -> str:
        day = self.as_of
        return (f"整改任务挂图作战图（截至{day.year}年{day.month}月{day.day}日，"
                f"{GROUPINGS.get(self.group_by, '')}）")


def _colour(assessment: Assessment, done: bool) -> str:
    return "green" if done else assessment.colour


def _end(record: dict, assessment: Assessment, start: dt.date | None,
         immediate_months: int) -> dt.date | None:
    """The date judged against; for a finished item (judged no more) its own deadline, and for a
    立行立改 one the month after feedback."""
    if assessment.due:
        return assessment.due
    if record.get("deadline_kind") == IMMEDIATE and start:
        return months_after(start, immediate_months)
    try:
        return dt.date.fromisoformat(str(record.get("deadline") or "")[:10])
    except ValueError:
        return None


def _problem_bar(problem: dict, assessment: Assessment, start: dt.date | None,
                 months: int) -> TimelineBar:
    done = problem.get("status") in DONE_CODES or assessment.bucket == "done"
    percent = 100.0 if done else float(assessment.reported_percent or 0.0)
    title = problem.get("title") or problem.get("description") or ""
    return TimelineBar(
        str(problem.get("code") or ""), title, False, start, _end(problem, assessment, start, months),
        problem.get("deadline_kind") or "unknown", percent, done, _colour(assessment, done),
        status_label(problem.get("status")) or "", problem.get("deadline_text") or "",
        problem["id"])


def _measure_bar(measure: dict, assessment: Assessment, start: dt.date | None,
                 problem: dict, months: int) -> TimelineBar:
    done = measure.get("status") in DONE_CODES or assessment.bucket == "done"
    return TimelineBar(
        f"{problem.get('code') or ''}.{measure.get('seq') or ''}", measure.get("content") or "",
        True, start, _end(measure, assessment, start, months), measure.get("deadline_kind") or "unknown",
        100.0 if done else 0.0, done, _colour(assessment, done),
        status_label(measure.get("status")) or "", measure.get("deadline_text") or "",
        problem["id"])


def _start(problem: dict, starts: dict[int, dt.date | None]) -> dt.date | None:
    """The round's feedback date; None when the round has none (set it in 设置 → 反馈日期)."""
    return starts.get(problem.get("round_id"))


def _group_name(problem: dict, group_by: str, round_names: dict[int, str]) -> str:
    if group_by == "round":
        return round_names.get(problem.get("round_id"), "未分批次")
    leads = problem.get("lead_units") or problem.get("responsible_units") or []
    return leads[0] if leads else NO_LEAD


def build_timeline(db, as_of: dt.date | None = None, *, group_by: str = "unit",
                   measures: bool = True) -> Timeline:
    if group_by not in GROUPINGS:
        raise ValueError(f"分组方式“{group_by}”不对，可选：unit（按牵头单位）、round（按督察批次）。")
    as_of = as_of or dt.date.today()
    snap = take_snapshot(db, as_of)
    starts = round_starts(db)
    round_names = {r["id"]: r["name"] for r in rows(db, "SELECT id, name FROM rounds")}
    calendar = WorkCalendar(snap.settings.extra_holidays, snap.settings.extra_workdays)
    groups: dict[str, TimelineGroup] = {}
    for problem, assessment in zip(snap.problems, snap.assessments):
        start = _start(problem, starts)
        group = groups.setdefault(_group_name(problem, group_by, round_names),
                                  TimelineGroup(_group_name(problem, group_by, round_names)))
        months = snap.settings.immediate_months
        group.bars.append(_problem_bar(problem, assessment, start, months))
        if not measures:
            continue
        for measure in snap.measures.get(problem["id"], []):
            judged = assess_measure(measure, as_of, starts.get(problem.get("round_id")),
                                    snap.settings, calendar, problem.get("status"))
            group.bars.append(_measure_bar(measure, judged, start, problem, months))
    ordered = sorted(groups.values(), key=lambda g: g.name == NO_LEAD)
    return Timeline(as_of, group_by, ordered)
