"""Dates as clerks type them: 2021年5月10日, 2021.5.10, 2021/5/10, 2021-05-10, 20210510.

    parse_typed_date("2021年5月10日") -> date(2021, 5, 10)
    parse_typed_date("") -> None
    parse_typed_date("5月10日") -> raises ValueError with a Chinese message saying what to write

One parser for every place a single day is typed: the feedback date (反馈日期) in the import
dialog, 设置 and the command line, a closure date, an as-of date. Deadline texts (整改时限) are
another matter: desktop.core.deadlines reads those, with their kinds.
"""

from __future__ import annotations

import datetime as dt
import re

from desktop.core.text import to_halfwidth_ascii

DATE_HINT = "请写成 2021年5月10日、2021.5.10、2021/5/10 或 2021-05-10"
_SEPARATED = re.compile(r"^(\d{4})\s*[年./\-－—]\s*(\d{1,2})\s*[月./\-－—]\s*(\d{1,2})\s*[日号]?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_typed_date(text: str | None) -> dt.date | None:
    """The day a clerk typed; None for an empty entry; ValueError (in Chinese) otherwise."""
    cleaned = to_halfwidth_ascii(str(text or "")).strip().replace("\u3000", "")
    if not cleaned:
        return None
    found = _SEPARATED.match(cleaned) or _COMPACT.match(cleaned)
    if found is None:
        raise ValueError(f"“{text}”不是日期，{DATE_HINT}。")
    year, month, day = (int(part) for part in found.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"“{text}”不是存在的日期（{year}年没有{month}月{day}日），"
                         "请核对。") from None


def chinese_date(day: dt.date | None) -> str:
    """2021年5月10日 (no leading zeros), as the office writes dates; empty for None."""
    return f"{day.year}年{day.month}月{day.day}日" if day else ""
