"""The row of column codes official forms put under their header (栏次): 1 2 3 …, 一 二 三 …,
a1 a2 …, A B C …, 甲 乙 丙 …, (1) (2) …, ① ② …, often mixed (甲 乙 1 2 3). Such a row is no record."""

from __future__ import annotations

import re

_DIGITS = "一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_LABEL = re.compile(r"^(栏次|栏号|列次|列号|行次|序列|代码|编码)$")
_CHINESE = re.compile(r"[一二三四五六七八九]?十?[一二三四五六七八九]?")
_NUMBER = re.compile(r"\d{1,2}")
_BRACKETED = re.compile(r"[（(](\d{1,2})[）)]")
_LETTERED = re.compile(r"([a-zA-Z])(\d{1,2})")
_LETTER = re.compile(r"[A-Za-z]")


def _chinese_number(text: str) -> int | None:
    """一 … 九十九."""
    if not text or not _CHINESE.fullmatch(text):
        return None
    if "十" not in text:
        return _DIGITS.index(text) + 1 if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (_DIGITS.index(tens) + 1 if tens else 1) * 10 + (_DIGITS.index(ones) + 1 if ones else 0)


def _code(text: str) -> tuple[str, int] | None:
    """(style, number) of one column code, or None when the text is no column code."""
    if _NUMBER.fullmatch(text):
        return "digit", int(text)
    if match := _BRACKETED.fullmatch(text):
        return "bracket", int(match.group(1))
    if match := _LETTERED.fullmatch(text):
        return match.group(1).lower(), int(match.group(2))
    if _LETTER.fullmatch(text):
        return "letter", ord(text.upper())
    if len(text) == 1 and text in _STEMS:
        return "stem", _STEMS.index(text)
    if len(text) == 1 and text in _CIRCLED:
        return "circled", _CIRCLED.index(text)
    number = _chinese_number(text)
    return ("chinese", number) if number else None


def is_column_code_row(filled: list[str], column_count: int) -> bool:
    """Every filled cell a column code, at least three of them over half the columns, each
    style counting upward (a label like 栏次 may stand first)."""
    cells = filled[1:] if filled and _LABEL.match(filled[0]) else filled
    if len(cells) < 3 or len(cells) < column_count // 2 or any(len(t) > 6 for t in cells):
        return False
    last: dict[str, int] = {}
    for text in cells:
        code = _code(text.strip())
        if code is None or code[1] <= last.get(code[0], -1):
            return False
        last[code[0]] = code[1]
    return True
