"""Problems completed, period by period, by the dates the register knows.

    completion_counts(problems, history, periods) -> Trend
        problems: dicts with id, status, closed_on (and completed_on, when the register keeps it)
        history:  {problem_id: [{"period", "status"}, ...]} in period order (the progress reports:
                  a unit's monthly report, or an imported ledger's row as of its 截至 date)
        periods:  "YYYY-MM" (or "YYYY-Www") in order
    Trend: list of (period, completed or None, problems); .undated = completed problems the
    register holds no date for (counted in the last period only); .first_known = the first period
    with any record.

What a problem was in a period is its last dated record up to the period's end: a report's status,
a completion date (done), a closure date (done). A period before any record of any problem is
unknown (None), not zero: a register imported today does not know last year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from desktop.core.status import DONE_CODES


class Trend(list):
    undated: int = 0


def period_end(period: str) -> dt.date | None:
    """The last day of "YYYY-MM", "YYYY-Www" or a date "YYYY-MM-DD"."""
    return _end(str(period or ""))


@functools.lru_cache(maxsize=4096)
def _end(text: str) -> dt.date | None:
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", text):
        return dt.date.fromisocalendar(int(m[1]), int(m[2]), 7)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _events(problem: dict, reports: list[dict]) -> list[tuple[dt.date, bool]]:
    events = [(period_end(r["period"]), r["status"] in DONE_CODES) for r in reports]
    for key in ("completed_on", "closed_on"):
        events.append((period_end(problem.get(key) or ""), True))
    return sorted((day, done) for day, done in events if day)


def completion_counts(problems: list[dict], history: dict[int, list[dict]],
                      periods: list[str]) -> Trend:
    ends = [period_end(p) for p in periods]
    counts = [0] * len(periods)
    known = [False] * len(periods)
    undated = 0
    for problem in problems:
        events = _events(problem, history.get(problem["id"], []))
        if not events:
            undated += problem.get("status") in DONE_CODES
            continue
        i, done = 0, None
        for n, end in enumerate(ends):
            while i < len(events) and events[i][0] <= end:
                done, i = events[i][1], i + 1
            if done is not None:
                known[n] = True
                counts[n] += done
    if periods:
        counts[-1] += undated
        known[-1] = known[-1] or bool(undated)
    trend = Trend((p, c if k else None, len(problems)) for p, c, k in zip(periods, counts, known))
    trend.undated = undated
    return trend
