"""The clerk's own column mapping, written as text ("表头=字段,表头=字段"): the command line's
--map, saying what the window's mapping says. Fields are named as in DOMAIN.md (description,
deadline, responsible_units, …) or by their Chinese labels (问题描述, 整改时限, 责任单位);
"不导入" (or nothing after "=") leaves a column out. A column is named by its header words (any
of its header rows) or by its letter."""

from __future__ import annotations

import re

from desktop.ledger.errors import LedgerRefused
from desktop.ledger.reading.grid import open_book
from desktop.ledger.reading.layout import Column
from desktop.ledger.reading.vocabulary import (
    FIELD_LABELS,
    PETITION_RULES,
    PROBLEM_RULES,
    header_key,
)

_ALIASES = {
    "problems": {"status": "status_text", "measures": "measure", "deadline_text": "deadline",
                 "units": "responsible_units"},
    "petitions": {"status_text": "status", "verified_text": "verified", "units": "responsible_units"},
}
_LEFT_OUT = {"", "-", "none", "不导入", "（不导入）", "忽略"}


def parse_map(text: str) -> list[tuple[str, str]]:
    """"表头=字段,表头=字段" → [(header, field)], in the order written."""
    pairs = []
    for item in re.split(r"[,，;；\n]+", text or ""):
        if not item.strip():
            continue
        header, sep, name = item.partition("=")
        if not sep:
            header, sep, name = item.partition("＝")
        if not sep or not header.strip():
            raise LedgerRefused(f"--map 中的“{item.strip()}”应写成“表头=字段”，如“被督察单位=responsible_units”。")
        pairs.append((header.strip(), name.strip()))
    return pairs


def field_names(kind: str) -> list[str]:
    rules = PROBLEM_RULES if kind == "problems" else PETITION_RULES
    return list(dict.fromkeys(name for _, name in rules))


def _field(kind: str, name: str) -> str:
    if name.lower() in _LEFT_OUT:
        return ""
    names = field_names(kind)
    by_label = {FIELD_LABELS.get(n, n): n for n in names}
    found = _ALIASES[kind].get(name, name) if name not in by_label else by_label[name]
    if found not in names:
        listed = "、".join(f"{n}（{FIELD_LABELS.get(n, n)}）" for n in names)
        raise LedgerRefused(f"--map 中的字段“{name}”不是{'问题' if kind == 'problems' else '信访件'}"
                            f"台账的字段。可用的字段：{listed}；不导入写“不导入”。")
    return found


def _columns_named(columns: list[Column], header: str) -> list[Column]:
    if re.fullmatch(r"[A-Za-z]{1,3}", header):
        by_letter = [c for c in columns if c.letter == header.upper()]
        if by_letter:
            return by_letter
    key = header_key(header.replace("/", "").replace("／", ""))
    whole = [c for c in columns if header_key(c.header.replace("/", "")) == key]
    return whole or [c for c in columns if key in {header_key(p) for p in c.parts}]


def header_named(path, sheet: str | None, text: str) -> tuple[str, int] | None:
    """(sheet, row 1-based) of the row holding most of the headers the clerk's map names, for a
    sheet whose header the search did not find; None when no row holds two of them."""
    wanted = {header_key(h) for h, _ in parse_map(text)}
    best: tuple[int, str, int] | None = None
    try:
        book = open_book(path)
    except LedgerRefused:
        return None
    try:
        for name in [sheet] if sheet else [n for n in book.sheet_names if n not in book.hidden]:
            grid = book.grid(name)
            for r in range(min(50, grid.height)):
                hits = len(wanted & {header_key(grid.value(r, c)) for c in range(grid.width)})
                if hits >= min(2, len(wanted)) and (best is None or hits > best[0]):
                    best = (hits, name, r + 1)
    finally:
        book.close()
    return (best[1], best[2]) if best else None


def resolve_map(text: str, kind: str, columns: list[Column], sheet: str) -> dict[str, str]:
    """Column letter → field for the clerk's "表头=字段" pairs; refused when a header or a field
    is not found, naming those there are."""
    mapping: dict[str, str] = {}
    for header, name in parse_map(text):
        named = _columns_named(columns, header)
        if not named:
            headers = "、".join(c.header for c in columns if c.header)
            raise LedgerRefused(f"--map 中的表头“{header}”在工作表“{sheet}”的表头中没有找到。"
                                f"表头有：{headers}。")
        for col in named:
            mapping[col.letter] = _field(kind, name)
    return mapping
