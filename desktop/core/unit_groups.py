"""Units written two ways and collective names (pure rules).

A collective name (各乡镇人民政府, 各有关单位, 相关乡镇, 各县区 …) is a group of units, not a unit:
forms go to its members, listed once by the clerk. Two spellings of one unit (相关乡镇 /
相关乡镇人民政府, 县生态环境分局 / 市生态环境局县分局) are suggested as a pair to merge by a fuzzy
match, never merged by themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from desktop.core.units import normalize_unit

_COLLECTIVE = re.compile(r"^(各|相关|有关|其他|其它|沿线|涉及|所属|属地)|各(有关|相关)?(单位|部门|乡镇|县|区|街道|镇|村)|"
                         r"^.{0,6}(等单位|等部门)$|有关单位$|相关单位$|相关部门$|有关部门$")
# Words that do not tell one unit from another; dropped before comparing spellings.
_FILLER = re.compile(r"^[省市县区]|人民政府|政府|办公室|办事处|委员会|管理局|分局|局|厅|委|办|中心|公司")
SUGGEST_AT = 75.0


def is_collective(name: str) -> bool:
    """Whether a name reads like a group of units rather than one unit."""
    return bool(_COLLECTIVE.search(normalize_unit(name)))


def _core(name: str) -> str:
    return _FILLER.sub("", normalize_unit(name)) or normalize_unit(name)


def similarity(a: str, b: str) -> float:
    """0–100: how likely two spellings name the same unit."""
    na, nb = normalize_unit(a), normalize_unit(b)
    if not na or not nb:
        return 0.0
    whole = fuzz.ratio(na, nb)
    inside = fuzz.partial_ratio(na, nb) if min(len(na), len(nb)) >= 3 else 0.0
    core = fuzz.ratio(_core(na), _core(nb))   # 省民政厅 / 省财政厅: 民政 against 财政
    chars = 100.0 * len(set(na) & set(nb)) / max(len(set(na)), len(set(nb)))
    return max(min(whole, core + 15), min(inside, core + 15), min(core, chars))


@dataclass(frozen=True)
class UnitPair:
    first: str
    second: str
    score: float


def suggest_pairs(names: list[str], *, at: float = SUGGEST_AT,
                  apart: set[frozenset[str]] | None = None) -> list[UnitPair]:
    """Pairs of names that probably name one unit, likeliest first. `apart` holds pairs the clerk
    said are different units."""
    apart = apart or set()
    pairs = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if frozenset((a, b)) in apart or is_collective(a) != is_collective(b):
                continue
            score = similarity(a, b)
            if score >= at:
                pairs.append(UnitPair(a, b, round(score, 1)))
    pairs.sort(key=lambda p: (-p.score, p.first, p.second))
    return pairs
