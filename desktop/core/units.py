"""Unit lists (责任单位, 牵头单位 …): split on 、，,；; and line breaks, outside brackets."""

from __future__ import annotations

from functools import lru_cache

from desktop.core.text import fold_key, to_halfwidth_ascii

SEPARATORS = set("、，,；;\n")
_OPEN, _CLOSE = set("(（[【《"), set(")）]】》")
_EMPTY_MARKS = {"", "/", "-", "—", "无", "暂无"}


def normalize_unit(name: str) -> str:
    """Trim and drop inner spaces; widths of digits and letters folded. Brackets are kept as typed."""
    name = to_halfwidth_ascii(name)
    name = "".join(name.split())
    return name.strip("。.:：")


def split_units(value: object) -> list[str]:
    """Split a cell of units into a list of names, keeping order and dropping repeats of nothing."""
    if value is None:
        return []
    return list(_split(str(value)))


@lru_cache(maxsize=8192)
def _split(text: str) -> tuple[str, ...]:
    parts = _parts(text, brackets=True)
    if parts is None:          # a bracket left open would swallow the rest: split everywhere
        parts = _parts(text, brackets=False)
    names = [normalize_unit(p) for p in parts]
    return tuple(n for n in names if n not in _EMPTY_MARKS)


def _parts(text: str, *, brackets: bool) -> list[str] | None:
    parts: list[str] = []
    depth, current = 0, []
    for ch in text:
        if brackets and ch in _OPEN:
            depth += 1
        elif brackets and ch in _CLOSE:
            depth = max(0, depth - 1)
        if ch in SEPARATORS and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return None if depth else parts


@lru_cache(maxsize=8192)
def unit_key(name: str) -> str:
    """The key under which two spellings of one unit compare equal."""
    return fold_key(name)


def merge_unit_lists(*lists: list[str]) -> list[str]:
    """Union of unit lists in first-seen order, spellings that fold together counted once."""
    seen: set[str] = set()
    out: list[str] = []
    for names in lists:
        for name in names:
            key = unit_key(name)
            if key not in seen:
                seen.add(key)
                out.append(name)
    return out
