"""The date a problem is judged against (its due date or milestone), for desktop.core.schedule.

    due_of(problem, measures, as_of, round_start, immediate_months=1) -> Due(date, kind, what)
    as_date(value) -> date | None; cn_date(date) -> "2022年6月30日"; months_after(date, n) -> date
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from desktop.core.deadlines import FIXED, IMMEDIATE, LONG_TERM, PERIODIC, UNKNOWN
from desktop.core.status import DONE_CODES


@dataclass(frozen=True)
class Due:
    date: dt.date | None
    kind: str
    what: str = "整改时限"  # how the explanation names the date


def cn_date(day: dt.date) -> str:
    """2022年6月30日 (portable: strftime's %-m does not exist on Windows)."""
    return f"{day.year}年{day.month}月{day.day}日"


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _measure_dates(measures: list[dict], undone_only: bool) -> list[dt.date]:
    dates = []
    for m in measures:
        if undone_only and m.get("status") in DONE_CODES:
            continue
        day = as_date(m.get("deadline"))
        if day:
            dates.append(day)
    return sorted(dates)


def _undated_kind(measures: list[dict]) -> str:
    kinds = {m.get("deadline_kind") for m in measures}
    for kind in (IMMEDIATE, LONG_TERM, PERIODIC):
        if kind in kinds:
            return kind
    return UNKNOWN


def due_of(problem: dict, measures: list[dict], as_of: dt.date,
           round_start: dt.date | None, immediate_months: int = 1) -> Due:
    kind = problem.get("deadline_kind") or UNKNOWN
    own = as_date(problem.get("deadline"))
    if own:
        what = "阶段时限" if kind in (LONG_TERM, PERIODIC) else "整改时限"
        return Due(own, kind, what)
    if kind in (FIXED, UNKNOWN):
        dates = _measure_dates(measures, undone_only=False)
        if dates:
            return Due(dates[-1], FIXED, "措施最晚时限")
        kind = _undated_kind(measures) if kind == UNKNOWN else kind
    if kind == IMMEDIATE:
        if round_start is None:
            return Due(None, IMMEDIATE)
        return Due(months_after(round_start, immediate_months), IMMEDIATE, "立行立改应完成于")
    if kind in (LONG_TERM, PERIODIC):
        pending = _measure_dates(measures, undone_only=True)
        late = [d for d in pending if d < as_of]
        upcoming = [d for d in pending if d >= as_of]
        milestone = late[0] if late else upcoming[0] if upcoming else None
        return Due(milestone, kind, "阶段时限")
    return Due(None, kind)
