"""Working days: the official Chinese holiday and make-up-day calendar where it covers the year,
weekdays elsewhere, and the clerk's own table (extra holidays, extra make-up workdays) on top.

    cal = WorkCalendar(extra_holidays={date(2027, 2, 8)}, extra_workdays=set())
    cal.is_workday(day) -> bool
    cal.official(year) -> bool            # the official calendar knows this year
    cal.workdays_between(a, b) -> int     # working days d with a < d <= b (negative if b < a)
    days_left(as_of, due, mode, cal) -> int

The official calendar comes from the `chinesecalendar` package (module chinese_calendar); when it
is missing or does not cover a year, that year falls back to Monday–Friday. Never raises for a date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from itertools import accumulate

from desktop.core.report_settings import CALENDAR_DAYS, WORKING_DAYS

try:
    import chinese_calendar as _official
except ImportError:  # the program still runs: weekdays plus the clerk's table
    _official = None


def _official_covers(year: int) -> bool:
    if _official is None:
        return False
    try:
        _official.is_workday(dt.date(year, 1, 1))
    except (NotImplementedError, ValueError, KeyError):
        return False
    return True


class WorkCalendar:
    def __init__(self, extra_holidays: Iterable[dt.date] = (),
                 extra_workdays: Iterable[dt.date] = ()):
        self.extra_holidays = frozenset(extra_holidays)
        self.extra_workdays = frozenset(extra_workdays)
        self._covers: dict[int, bool] = {}
        self._cumulative: dict[int, list[int]] = {}

    def official(self, year: int) -> bool:
        if year not in self._covers:
            self._covers[year] = _official_covers(year)
        return self._covers[year]

    def is_workday(self, day: dt.date) -> bool:
        if day in self.extra_holidays:
            return False
        if day in self.extra_workdays:
            return True
        if self.official(day.year):
            try:
                return bool(_official.is_workday(day))
            except (NotImplementedError, ValueError, KeyError):
                pass
        return day.weekday() < 5

    def _year(self, year: int) -> list[int]:
        """cum[i] = working days among the year's first i days."""
        if year not in self._cumulative:
            first = dt.date(year, 1, 1)
            size = (dt.date(year + 1, 1, 1) - first).days
            flags = (int(self.is_workday(first + dt.timedelta(days=i))) for i in range(size))
            self._cumulative[year] = [0, *accumulate(flags)]
        return self._cumulative[year]

    def _through(self, day: dt.date, base_year: int) -> int:
        """Working days from base_year-01-01 up to and including day."""
        total = sum(self._year(y)[-1] for y in range(base_year, day.year))
        return total + self._year(day.year)[day.timetuple().tm_yday]

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        if end < start:
            return -self.workdays_between(end, start)
        base = start.year
        return self._through(end, base) - self._through(start, base)


def days_left(as_of: dt.date, due: dt.date, mode: str = CALENDAR_DAYS,
              calendar: WorkCalendar | None = None) -> int:
    """Days from as_of to due (0 on the day itself, negative when past)."""
    if mode != WORKING_DAYS:
        return (due - as_of).days
    return (calendar or WorkCalendar()).workdays_between(as_of, due)
