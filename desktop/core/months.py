"""The months the report's month chooser offers: every month, not only those with reports.

    month_choices(["2024-03", "2024-W10"], date(2024, 6, 5)) -> ["2024-07", "2024-06", …, "2023-06"]

From the month after today back two years, and further back to the earliest month with reports;
newest first. A month can also be typed (desktop.reports.monthly.parse_month reads it)."""

from __future__ import annotations

import datetime as dt


def _index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def _month(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_choices(periods: list[str], today: dt.date, years_back: int = 2) -> list[str]:
    newest = today.year * 12 + today.month  # the month after today's (index is 0-based)
    months = [p for p in periods if len(p) == 7 and p[4] == "-"]
    oldest = min([_index(p) for p in months] + [newest - 12 * years_back])
    return [_month(i) for i in range(newest, oldest - 1, -1)]
