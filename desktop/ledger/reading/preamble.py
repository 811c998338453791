"""The lines above a ledger's header: its title, the "填报单位" and the "截至" date.

Above the header sit, in any order: "附件2", the title (often merged across), a subtitle in
brackets, notes (说明：…/注：…), the reporting unit and the date the figures stand at. The title
is the first line that reads like one (…台账/清单/情况表), else the first long line that is not a
note.
"""

from __future__ import annotations

import datetime as dt
import re

from desktop.core.deadlines import first_date
from desktop.core.text import clean_cell_text
from desktop.ledger.reading.grid import Grid

_AS_OF = ("截至", "截止", "填报时间", "填报日期", "统计时间", "数据时间")
_TITLE_WORDS = re.compile(r"台账|清单|情况表|一览表|统计表|明细|汇总表|进展表|调度表|方案|表$")
_NOT_TITLE = re.compile(r"^(附件|附表)\s*[\d一二三四五六七八九十]*\s*[:：]?$|"
                        r"^(注|说明|备注|填表说明|附注)\s*[:：\d一]|^[（(].*[）)]$")
_UNIT_END = re.compile(r"\s{2,}|\u3000|(填报|统计)?(时间|日期)\s*[:：]|截至|截止")


def _as_of(text: str) -> dt.date | None:
    for word in _AS_OF:
        if word in text:
            return first_date(text.split(word, 1)[-1])[0]
    return None


def _unit(text: str) -> str:
    rest = re.split(r"[:：]", text, maxsplit=1)[-1].strip()
    rest = _UNIT_END.split(rest, maxsplit=1)[0].strip()
    return "" if not rest or rest.startswith("（盖章）") or rest.startswith("(盖章)") else rest


def _lines(grid: Grid, header_top: int) -> list[str]:
    out = []
    for r in range(header_top):
        for c in range(grid.width):
            if not grid.merged_from(r, c):
                text = clean_cell_text(grid.raw(r, c))
                if text:
                    out.append(text)
    return out


def read_preamble(grid: Grid, header_top: int) -> tuple[str, dt.date | None, str]:
    """(title, as-of date, reporting unit) from the rows above the header."""
    titles: list[str] = []
    as_of, unit = None, ""
    for text in _lines(grid, header_top):
        as_of = as_of or _as_of(text)
        if re.match(r"^(填报|报送|责任)?单位\s*[（(]?[^：:]{0,4}[)）]?\s*[:：]", text):
            unit = unit or _unit(text)
        elif len(text) >= 6 and not _NOT_TITLE.search(text) and (
                _TITLE_WORDS.search(text) or not _as_of(text)):
            titles.append(text)
    title = next((t for t in titles if _TITLE_WORDS.search(t)), titles[0] if titles else "")
    return title, as_of, unit


_PERIOD_PARTS = [
    re.compile(r"[（(\[【][^（()）\]【】]*\d[^（()）\]【】]*[）)\]】]"),       # （2022年6月）, (截至6月底)
    re.compile(r"(截至|截止|截到)[\s\d年月日号底末前止.\-/]+"),
    re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(份|底|末)?|(?<!\d)\d{1,2}\s*月份?(?=[^日号\d])"),
    re.compile(r"第\s*\d+\s*(期|周)|\d{4}\s*[.\-/]\s*\d{1,2}(\s*[.\-/]\s*\d{1,2})?"),
]


def round_from_title(title: str) -> str:
    """The ledger's title without the period it stands at, so that each month's copy of the same
    ledger falls in the same round: "XX县整改台账（2022年6月）" → "XX县整改台账"."""
    name = title
    for pattern in _PERIOD_PARTS:
        name = pattern.sub("", name)
    return re.sub(r"\s+", "", name).strip("，,、：:（）() ")
