"""Which units of a cell lead and which take part, when the cell says so itself.

Plans often write roles inside one 责任单位 cell instead of in separate columns:
"县住建局（牵头），县财政局、各乡镇" or "牵头单位：县住建局；配合单位：县财政局". The unit marked
牵头 (or listed after 牵头单位：/主办单位：) leads; the others are responsible units.
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.core.units import split_units

_LABEL = re.compile(r"(牵头|主办|主责|配合|协办|参与|协同|责任)(单位|部门)?\s*[:：]")
_LEADING_LABELS = ("牵头", "主办", "主责")
_LEAD_MARK = re.compile(r"[（(]\s*牵头\s*(单位|部门)?\s*[)）]$|(?<=[^\s（(])牵头$")
_PART_MARK = re.compile(r"[（(]\s*(配合|协办|参与)\s*(单位|部门)?\s*[)）]$|(?<=[^\s（(])(配合|协办)$")


def read_units(text: str) -> tuple[list[str], list[str]]:
    """(lead units, other units) named in one cell."""
    lead, others = _read(text or "")
    return list(lead), list(others)


@lru_cache(maxsize=8192)
def _read(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    labels = list(_LABEL.finditer(text))
    if not labels:
        return _marked(split_units(text))
    lead: list[str] = []
    others = list(split_units(text[:labels[0].start()]))
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        names = split_units(text[label.end():end])
        (lead if label.group(1) in _LEADING_LABELS else others).extend(names)
    return tuple(lead), tuple(others)


def _marked(names: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    lead, others = [], []
    for name in names:
        mark = _LEAD_MARK.search(name)
        part = _PART_MARK.search(name)
        if mark and mark.start() > 0:
            lead.append(name[:mark.start()])
        else:
            others.append(name[:part.start()] if part and part.start() > 0 else name)
    return tuple(lead), tuple(others)
