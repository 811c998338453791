"""The clerk's choices that change how progress is judged and counted (stored in `settings`).

    ReportSettings(day_mode="calendar" | "working",
                   completion_rule="done" | "done_staged",
                   extra_holidays=frozenset[date], extra_workdays=frozenset[date],
                   ahead_margin=10.0, immediate_months=1)

- day_mode: days left counted in calendar days (default) or working days (Chinese holidays and
  make-up days, see desktop.core.workdays).
- completion_rule: 办结率 counts only 已办结 (default, e.g. 湖南 3177/3321 = 95.7%) or
  已办结 + 阶段性办结 (e.g. 云南 (2970+7)/3069 = 97%).
- extra_holidays / extra_workdays: the clerk's own table, used on top of (and beyond the years of)
  the official calendar.
- ahead_margin: percentage points above 序时进度 that count as 超过序时进度.
- immediate_months: 立行立改 is due this many months after the round's start.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

CALENDAR_DAYS, WORKING_DAYS = "calendar", "working"
DAY_MODES = {CALENDAR_DAYS: "自然日", WORKING_DAYS: "工作日"}
DONE_ONLY, DONE_AND_STAGED = "done", "done_staged"
COMPLETION_RULES = {DONE_ONLY: "仅计已办结", DONE_AND_STAGED: "已办结＋阶段性办结"}


@dataclass(frozen=True)
class ReportSettings:
    day_mode: str = CALENDAR_DAYS
    completion_rule: str = DONE_ONLY
    extra_holidays: frozenset[dt.date] = field(default_factory=frozenset)
    extra_workdays: frozenset[dt.date] = field(default_factory=frozenset)
    ahead_margin: float = 10.0
    immediate_months: int = 1

    def __post_init__(self) -> None:
        if self.day_mode not in DAY_MODES:
            raise ValueError(f"剩余天数的计法“{self.day_mode}”无效，应为 calendar 或 working")
        if self.completion_rule not in COMPLETION_RULES:
            raise ValueError(f"办结率口径“{self.completion_rule}”无效，应为 done 或 done_staged")


DEFAULT_SETTINGS = ReportSettings()
