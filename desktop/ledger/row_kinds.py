"""Rows under the header that are not records: blanks, totals, notes, signatures, section titles,
a header repeated on a new page. They are skipped and reported, never imported."""

from __future__ import annotations

import re

from desktop.ledger.cellvalues import cell_text
from desktop.ledger.grid import Grid
from desktop.ledger.layout import Layout
from desktop.ledger.vocabulary import header_key

_TOTAL = re.compile(r"^(合\s*计|总\s*计|小\s*计|共\s*计)")
_NOTE = re.compile(r"^(注|备注|说明|附注|填表说明)\s*[:：1１一]")
_SIGNATURE = re.compile(r"(填报人|审核人|联系电话|制表人|负责人|审核|签字|盖章|填报日期|制表日期)\s*[:：]")
_SECTION = re.compile(r"^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[部类章])")


def row_texts(grid: Grid, r: int) -> list[str]:
    """The row's own cells as text (merged continuations from other rows read as empty)."""
    return ["" if grid.merged_from(r, c) else cell_text(grid.raw(r, c))
            for c in range(grid.width)]


def classify(grid: Grid, r: int, layout: Layout) -> tuple[str, str]:
    """("record", "") or (kind, reason) for a row that is skipped; kind "section" carries its text."""
    texts = row_texts(grid, r)
    filled = [t for t in texts if t]
    if not filled and not any(grid.merged_from(r, c) for c in range(grid.width)):
        return "blank", "空行"
    if not filled:
        return "record", ""
    first = filled[0]
    if any(_TOTAL.match(t) for t in filled[:3]):
        return "total", f"合计行（{first[:20]}）"
    if _NOTE.match(first):
        return "note", f"注释行（{first[:20]}）"
    if any(_SIGNATURE.search(t) for t in filled) and len(filled) <= 4 and len(first) < 60:
        return "signature", f"签字行（{first[:20]}）"
    same_as_header = sum(1 for col in layout.columns
                         if texts[col.index] and header_key(texts[col.index]) ==
                         header_key(col.header.split("/")[-1]))
    if same_as_header >= 2:
        return "header", "重复的表头行"
    leading = next(i for i, t in enumerate(texts) if t) <= 1
    if len(set(filled)) == 1 and ((_SECTION.match(first) and leading) or _spans_row(grid, r)):
        return "section", first
    return "record", ""


def _spans_row(grid: Grid, r: int) -> bool:
    return any(m[0] == r and m[3] - m[1] + 1 >= max(3, grid.width // 2) for m in grid.merges)
