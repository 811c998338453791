"""The template's own "截至 …" / "填报日期：…" line brought up to the as-of date, in its own style
(2024年5月31日, 2024-05-31, 2024.5.31), or the date written into its blanks (截至   年  月  日)."""

from __future__ import annotations

import datetime as dt
import re

from desktop.ledger.writing.cells import write_value

_WORDS = re.compile(r"(截至|截止|填报日期|填报时间|统计时间|数据时间)\s*[:：]?")
_CN = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*[日号])?(底|末)?")
_DASHED = re.compile(r"\d{4}\s*([-./])\s*\d{1,2}(\s*[-./]\s*\d{1,2})?")
_BLANK = re.compile(r"_*\s*年\s*_*\s*月\s*_*\s*日")


def _cn(day: dt.date, month_only: bool) -> str:
    return f"{day.year}年{day.month}月" + ("" if month_only else f"{day.day}日")


def dated(text: str, day: dt.date) -> str | None:
    """The text with its as-of date replaced; None when it holds no as-of line."""
    found = _WORDS.search(text)
    if not found:
        return None
    head, tail = text[:found.end()], text[found.end():]
    m = _CN.search(tail)
    if m:
        month_only = not m.group(1)
        word = _cn(day, month_only) + ("底" if month_only and m.group(2) else "")
        return head + tail[:m.start()] + word + tail[m.end():]
    m = _DASHED.search(tail)
    if m:
        sep = m.group(1)
        word = sep.join([str(day.year), f"{day.month:02d}" if sep == "-" else str(day.month)]
                        + ([f"{day.day:02d}" if sep == "-" else str(day.day)] if m.group(2) else []))
        return head + tail[:m.start()] + word + tail[m.end():]
    m = _BLANK.search(tail)
    if m:
        return head + tail[:m.start()] + _cn(day, False) + tail[m.end():]
    if not tail.strip():
        return head + _cn(day, False)
    return None


def bring_as_of_up(ws, header_top: int, day: dt.date) -> list[str]:
    """Rewrite the as-of lines in the rows above the header (1-based header_top); the cells
    written, as coordinates."""
    written = []
    for row in ws.iter_rows(min_row=1, max_row=max(header_top - 1, 0)):
        for cell in row:
            if isinstance(cell.value, str):
                new = dated(cell.value, day)
                if new is not None and new != cell.value:
                    write_value(cell, new)
                    written.append(cell.coordinate)
    return written
