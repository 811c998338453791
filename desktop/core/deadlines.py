"""整改时限: deadline text → (date, kind), following DOMAIN.md's table.

The text is always kept verbatim; the first concrete date in it is the deadline.
Kinds: fixed, immediate (立行立改), long_term (长期坚持), periodic (每年…), unknown.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.core.text import squash_spaces, to_halfwidth_ascii

FIXED, IMMEDIATE, LONG_TERM, PERIODIC, UNKNOWN = (
    "fixed", "immediate", "long_term", "periodic", "unknown")
KINDS = (FIXED, IMMEDIATE, LONG_TERM, PERIODIC, UNKNOWN)
KIND_LABELS = {FIXED: "限期", IMMEDIATE: "立行立改", LONG_TERM: "长期坚持",
               PERIODIC: "定期", UNKNOWN: "无法识别"}

EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL_MIN, _SERIAL_MAX = 18264, 73051  # 1950-01-01 .. 2099-12-31

_LONG_TERM = re.compile(r"长期|持续推进|持续开展|常态化")
_PERIODIC = re.compile(r"每年|每季度?|每月|每半年|每周|每旬|定期")
_IMMEDIATE = re.compile(r"立行立改|立即整改|即知即改")
_UNREADABLE = "无法识别整改时限，已保留原文"
_CN_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_Y = r"((?:19|20)\d{2})"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ymd", re.compile(_Y + r"\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})(?!\d)\s*[日号]?")),
    ("half", re.compile(_Y + r"年?(上|下)半年")),
    ("quarter", re.compile(_Y + r"年?第?([一二三四1-4])季度")),
    ("ym", re.compile(_Y + r"\s*(?:年|[\-/.])\s*(\d{1,2})(?!\d)\s*月?")),
    ("year_end", re.compile(_Y + r"年(?:年)?(?:底|末|年底|年末)")),
    ("year", re.compile(_Y + r"年(?![\d上下第一二三四])")),
]


@dataclass(frozen=True)
class Deadline:
    date: dt.date | None
    kind: str
    text: str
    note: str = ""  # why a date could not be read, in Chinese, when it could not

    @property
    def iso(self) -> str | None:
        return self.date.isoformat() if self.date else None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _date_from_match(name: str, m: re.Match[str]) -> dt.date:
    year = int(m.group(1))
    if name == "ymd":
        return dt.date(year, int(m.group(2)), int(m.group(3)))
    if name == "ym":
        return _month_end(year, int(m.group(2)))
    if name == "half":
        return dt.date(year, 6, 30) if m.group(2) == "上" else dt.date(year, 12, 31)
    if name == "quarter":
        return _month_end(year, _CN_QUARTER[m.group(2)] * 3)
    return dt.date(year, 12, 31)  # year_end, year


def first_date(text: str) -> tuple[dt.date | None, str]:
    """The first concrete date in the text, and a Chinese note if one looked wrong."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for order, (name, pattern) in enumerate(_PATTERNS):
        m = pattern.search(text)
        if m:
            found.append((m.start(), order, name, m))
    for _, _, name, m in sorted(found, key=lambda f: (f[0], f[1])):
        try:
            return _date_from_match(name, m), ""
        except ValueError:
            return None, f"“{m.group(0)}”不是有效日期"
    return None, ""


def date_from_serial(serial: float) -> dt.date | None:
    if _SERIAL_MIN <= serial <= _SERIAL_MAX:
        return EXCEL_EPOCH + dt.timedelta(days=int(serial))
    return None


def parse_deadline(value: object) -> Deadline:
    """Parse a deadline cell: text, an Excel date, or a date serial. Never raises."""
    if value is None:
        return Deadline(None, UNKNOWN, "")
    if isinstance(value, dt.datetime):
        return Deadline(value.date(), FIXED, value.date().isoformat())
    if isinstance(value, dt.date):
        return Deadline(value, FIXED, value.isoformat())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        day = date_from_serial(float(value))
        if day:
            return Deadline(day, FIXED, day.isoformat())
        return _number_as_text(value)
    text = str(value).strip()
    return parse_deadline_text(text)


def _number_as_text(value: float) -> Deadline:
    """A number that is no date serial, read as the clerk typed it: 2021.12 → 2021年12月,
    20220630 → 2022-06-30."""
    number = float(value)
    text = str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)
    deadline = parse_deadline_text(text)
    if re.fullmatch(r"(?:19|20)\d\d\.1", text) and deadline.iso:
        # Excel keeps 2021.10 as the number 2021.1: January or October cannot be told apart.
        return Deadline(deadline.date, deadline.kind, text,
                        f"数字“{text}”可能是{text[:4]}年1月，也可能是输入“{text}0”被 Excel 存成的"
                        f"{text[:4]}年10月，已按1月处理")
    if deadline.kind == UNKNOWN:
        return Deadline(None, UNKNOWN, text, deadline.note if deadline.note != _UNREADABLE
                        else "数字不是有效的日期")
    return deadline


@lru_cache(maxsize=4096)  # pure, and a ledger repeats its deadlines ("2022年底前") row after row
def parse_deadline_text(text: str) -> Deadline:
    norm = squash_spaces(to_halfwidth_ascii(text))
    if not norm:
        return Deadline(None, UNKNOWN, text)
    if re.fullmatch(r"\d{5}(\.0+)?", norm):
        day = date_from_serial(float(norm))
        if day:
            return Deadline(day, FIXED, text)
    compact = re.fullmatch(r"((?:19|20)\d\d)(\d\d)(\d\d)", norm)     # 20220630
    if compact:
        norm = "-".join(compact.groups())
    day, note = first_date(norm)
    if _LONG_TERM.search(norm):
        return Deadline(day, LONG_TERM, text, note)
    if _PERIODIC.search(norm):
        return Deadline(day, PERIODIC, text, note)
    if day:
        return Deadline(day, FIXED, text)
    if _IMMEDIATE.search(norm):
        return Deadline(None, IMMEDIATE, text, note)
    return Deadline(None, UNKNOWN, text, note or _UNREADABLE)
