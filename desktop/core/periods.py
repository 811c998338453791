"""Reporting periods: a month ("2022-06", 进展月调度) or an ISO week ("2022-W23", 信息周报告).

Periods are stored as that text beside each other; they are compared by the days they cover,
never as text ("2022-W23" sorts after "2022-12" as text, but lies in June).

    parse_period("2022-W23") -> Period(text="2022-W23", kind="week", start=2022-06-06, end=2022-06-12)
    period_containing(day, "week") -> Period
    period_key(text) -> sort key; reported_by(text, as_of) -> whether a report for it counts then
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

_MONTH = re.compile(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*")
_WEEK = re.compile(r"\s*(\d{4})\s*(?:-?\s*[Ww]\s*|年\s*第\s*)(\d{1,2})\s*周?\s*")
FORMAT_HINT = "月份写成 YYYY-MM（如 2022-06），周写成 YYYY-Www（如 2022-W23）"


@dataclass(frozen=True)
class Period:
    text: str
    kind: str            # "month" or "week"
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        """2022年6月 / 2022年第23周（6月6日—6月12日）."""
        if self.kind == "month":
            return f"{self.start.year}年{self.start.month}月"
        year, week, _ = self.start.isocalendar()
        return (f"{year}年第{week}周（{self.start.month}月{self.start.day}日—"
                f"{self.end.month}月{self.end.day}日）")

    @property
    def short_label(self) -> str:
        if self.kind == "month":
            return self.label
        year, week, _ = self.start.isocalendar()
        return f"{year}年第{week}周"

    @property
    def this(self) -> str:
        """本月 / 本周."""
        return "本月" if self.kind == "month" else "本周"

    @property
    def month(self) -> str:
        """The month the period ends in, "YYYY-MM" (a week's trend is drawn by months)."""
        return f"{self.end:%Y-%m}"


def _month(year: int, month: int, text: str) -> Period:
    if not 1 <= month <= 12:
        raise ValueError(f"期间“{text}”中的月份不对，{FORMAT_HINT}。")
    last = calendar.monthrange(year, month)[1]
    return Period(f"{year:04d}-{month:02d}", "month", dt.date(year, month, 1),
                  dt.date(year, month, last))


def _week(year: int, week: int, text: str) -> Period:
    try:
        start = dt.date.fromisocalendar(year, week, 1)
    except ValueError as exc:
        raise ValueError(f"期间“{text}”中的周次不对：{year}年没有第{week}周。{FORMAT_HINT}。") from exc
    return Period(f"{year:04d}-W{week:02d}", "week", start, start + dt.timedelta(days=6))


def parse_period(value: str | dt.date | Period, kind: str = "month") -> Period:
    """A period from its text; a date gives the month (or week, kind="week") it lies in.
    ValueError with a Chinese message for anything else."""
    if isinstance(value, Period):
        return value
    if isinstance(value, dt.date):
        return period_containing(value, kind)
    return _parsed(str(value or ""))


@functools.lru_cache(maxsize=4096)
def _parsed(text: str) -> Period:
    """A period's text read once: reports and sorting ask about the same few months thousands
    of times."""
    week = _WEEK.fullmatch(text)
    if week:
        return _week(int(week.group(1)), int(week.group(2)), text)
    month = _MONTH.fullmatch(text)
    if month:
        return _month(int(month.group(1)), int(month.group(2)), text)
    raise ValueError(f"期间“{text}”格式不对，{FORMAT_HINT}。")


def period_containing(day: dt.date, kind: str = "month") -> Period:
    if kind == "week":
        year, week, _ = day.isocalendar()
        return _week(year, week, str(day))
    return _month(day.year, day.month, str(day))


def period_key(text: str) -> tuple:
    """Sort key: by the period's first day, a month before the weeks starting on its first day;
    text that is no period sorts as text, after the periods."""
    try:
        period = parse_period(text)
    except ValueError:
        return (dt.date.max, 2, str(text))
    return (period.start, 0 if period.kind == "month" else 1, period.text)


def reported_by(text: str, as_of: dt.date) -> bool:
    """A report for this period counts on as_of when the period has begun by then (a month's
    report counts from the month's first day on, as the monthly sheet always did)."""
    try:
        return parse_period(text).start <= as_of
    except ValueError:
        return str(text) <= f"{as_of:%Y-%m}"
