"""The words of a petition ledger's cells: whether it was verified (是否属实), how far it is
handled (办结情况), its pollution types (污染类型), as the register keeps them (DOMAIN.md)."""

from __future__ import annotations

import re

from desktop.core.status import yes_no
from desktop.core.units import split_units

_VERIFIED = [(re.compile(r"不属实|不实|失实"), "false"), (re.compile(r"部分属实"), "partial"),
             (re.compile(r"属实"), "true")]
_STATUS = [(re.compile(r"阶段"), "staged"), (re.compile(r"未办结|正在|办理中|整改中|未完成"), "in_progress"),
           (re.compile(r"办结|已完成|完成"), "done")]


_KIND_SEPARATORS = re.compile(r"[/／|｜\\\s及和与]+")


def pollution_types(text: str) -> list[str]:
    """"水、大气" and "噪声/大气" → ["水", "大气"], ["噪声", "大气"]; "大气污染" → "大气"."""
    kinds = (k for unit in split_units(text) for k in _KIND_SEPARATORS.split(unit))
    kinds = (k[:-2] if k.endswith("污染") and len(k) > 2 else k for k in kinds)
    return list(dict.fromkeys(k for k in kinds if k))


def _word(text: str, rules: list, yes: str, no: str) -> str | None:
    for pattern, code in rules:
        if pattern.search(text):
            return code
    answer = yes_no(text)          # 是否属实 / 是否办结 answered 是 or 否
    return None if answer is None else (yes if answer else no)


def verified_code(text: str) -> str | None:
    """属实 and 基本属实 → true, 部分属实 → partial, 不属实 → false (DOMAIN.md); 是/否 too."""
    return _word(text, _VERIFIED, "true", "false")


def petition_status(text: str) -> str | None:
    """已办结 → done, 阶段性办结 → staged, 正在办理 / 正在整改 → in_progress; 是/否 too."""
    return _word(text, _STATUS, "done", "in_progress")
