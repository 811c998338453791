"""Cell values as the register keeps them: text, codes, dates, percents, unit lists."""

from __future__ import annotations

import datetime as dt
import re

from desktop.core.deadlines import date_from_serial, first_date
from desktop.core.text import clean_cell_text


def cell_text(value) -> str:
    """Text as the clerk sees it: 3.0 → "3", a date → 2022-06-30, text trimmed."""
    if type(value) is str:  # most cells: straight to the trimming
        return clean_cell_text(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return clean_cell_text(value)


_CODE_WIDTHS = {**{code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)
                    if chr(code) not in "（）：；，、。"}, 0x2014: ord("-"), 0x2013: ord("-"),
                0x2212: ord("-")}
_SPACES = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")


def code_text(value) -> str:
    """A code as compared: "3", "3.0", "３", "3." all read as "3"; full-width letters, digits and
    dashes folded, spaces and line breaks dropped ("ＨＪ２０２１－０４ " → "HJ2021-04");
    Chinese brackets and numerals kept as written ("（一）1")."""
    text = _SPACES.sub("", cell_text(value).translate(_CODE_WIDTHS))
    return re.sub(r"^(\d+)[.、]$", r"\1", text)


def whole_number(value, digits: int = 9) -> int | None:
    """A running number ("3", 3.0, "３", "3.") as an int; None when it is not one."""
    text = code_text(value)
    return int(text) if re.fullmatch(rf"[0-9]{{1,{digits}}}", text) else None


def date_value(value) -> dt.date | None:
    """A date cell, an Excel serial number, or the first date written in text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return date_from_serial(float(value))
    return first_date(cell_text(value))[0] if value is not None else None


def percent_value(value) -> float | None:
    """60, "60%", 0.6 (a percent-formatted cell) → 60.0; None when blank; ValueError when not a number
    or outside 0–100."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        if 0 < number < 1:
            number *= 100
    else:
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*[%％]?\s*", str(value))
        if not match:
            raise ValueError(str(value))
        number = float(match.group(1))
    if not 0 <= number <= 100:
        raise ValueError(str(value))
    return round(number, 1)
