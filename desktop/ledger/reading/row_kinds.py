"""Rows under the header that are not records: blanks, totals, notes, signatures, section titles,
a header repeated on a new page, the row of column numbers (栏次) under a header. They are
skipped and reported, never imported."""

from __future__ import annotations

import re

from desktop.ledger.reading.column_codes import is_column_code_row
from desktop.ledger.reading.grid import Grid
from desktop.ledger.reading.layout import Layout
from desktop.ledger.reading.vocabulary import header_key, match_field

_TOTAL = re.compile(r"^(合\s*计|总\s*计|小\s*计|共\s*计)")
_NOTE = re.compile(r"^(注|备注|说明|附注|填表说明|附件|附表)\s*[:：1１一]")
_SIGNATURE = re.compile(r"(填报人|填表人|审核人|联系电话|制表人|负责人|经办人|统计人|审核|签字|签发|盖章|"
                        r"填报日期|制表日期|分管领导|主要领导|"
                        r"填报单位)\s*[（(]?[^：:]{0,4}[)）]?\s*[:：]")
_SECTION = re.compile(r"^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[部类章项])")
_NUMERAL = re.compile(r"[（(]?第?[一二三四五六七八九十]+[部分类章项]*[、.．）)]?")
_KEEP_JOINED = ("、", ".", "．", "）", ")", "部分", "类", "章", "项")
_HEADING = re.compile(r"[\u4e00-\u9fff]{2}")     # words, not a code, alone in the number column
_NOT_SECTION_FIELDS = {"measure", "deadline", "lead_units", "responsible_units", "supervisor",
                       "progress", "status_text", "received_on"}


def classify(grid: Grid, r: int, layout: Layout) -> tuple[str, str]:
    """("record", "") or (kind, reason) for a row that is skipped; kind "section" carries its text."""
    texts = grid.row_texts(r)
    filled = [t for t in texts if t]
    if not filled:
        merged = any(grid.merged_from(r, c) for c in range(grid.width))
        return ("record", "") if merged else ("blank", "空行")
    first = filled[0]
    if any(_TOTAL.match(t) for t in filled[:3]):
        return "total", f"合计行（{first[:20]}）"
    if _NOTE.match(first):
        return "note", f"注释行（{first[:20]}）"
    if any(_SIGNATURE.search(t) for t in filled) and len(filled) <= 4 and len(first) < 60:
        return "signature", f"签字行（{first[:20]}）"
    if _repeats_header(texts, layout):
        return "header", "重复的表头行"
    if _leftover_header(r, filled, layout):
        return "header", "表头行（表头下面多出的一行表头文字）"
    if _other_header(filled):
        return "other_table", f"另一张表的表头（{'、'.join(filled[:4])[:30]}）"
    if _numbers_columns(filled, layout):
        return "numbering", "栏次行（表头下的列序号）"
    section = _section(grid, r, layout, texts, filled)
    if section:
        return "section", section
    return "record", ""


def _repeats_header(texts: list[str], layout: Layout) -> bool:
    words, longest = layout.header_words, 2 * layout.longest_word + 4
    filled = hits = 0
    for c, text in enumerate(texts):
        if text:
            filled += 1
            hits += len(text) <= longest and c in words and header_key(text) in words[c]
    return hits >= 2 or hits == filled


def _leftover_header(r: int, filled: list[str], layout: Layout) -> bool:
    """A row of header words just under the header (a form's header deeper than six rows):
    every cell a short word naming a field."""
    if r >= layout.first_data_row + 3 or len(filled) < 2:
        return False
    return all(len(t) <= 12 and match_field(layout.kind, t) for t in filled)


def _other_header(filled: list[str]) -> bool:
    """The header of another table below this one: short cells, a 序号 among them, naming three
    or more fields."""
    if len(filled) < 3 or any(len(t) > 20 for t in filled):
        return False
    for kind in ("problems", "petitions"):
        names = {match_field(kind, t) for t in filled}
        if "seq" in names and len(names - {None}) >= 3:
            return True
    return False


def _numbers_columns(filled: list[str], layout: Layout) -> bool:
    return is_column_code_row(filled, len(layout.columns))


def _section(grid: Grid, r: int, layout: Layout, texts: list[str], filled: list[str]) -> str:
    """A section title ("一、水污染防治（12项）"): alone in its row (merged across, or in the first
    columns), or a numeral in the number column with its words beside it."""
    leftmost = layout.columns[0].index if layout.columns else 0
    start = next(i for i, t in enumerate(texts) if t)
    alone = len(set(filled)) == 1
    if alone and ((_SECTION.match(filled[0]) and start <= leftmost + 1) or _spans_row(grid, r)):
        return filled[0]
    fields = {c.index: c.field for c in layout.columns}
    if alone and fields.get(start) in ("seq", "code") and _HEADING.search(filled[0]):
        return filled[0]     # a member's name over its rows in a roll-up ("甲能源公司")
    if len(filled) > 2 or not _NUMERAL.fullmatch(texts[start]):
        return ""
    if fields.get(start) not in ("seq", "code"):
        return ""
    if any(t and fields.get(c) in _NOT_SECTION_FIELDS for c, t in enumerate(texts)):
        return ""
    mark, words = texts[start], "".join(filled[1:])
    return mark + words if not words or mark.endswith(_KEEP_JOINED) else f"{mark}、{words}"


def _spans_row(grid: Grid, r: int) -> bool:
    return any(m[3] - m[1] + 1 >= max(3, grid.width // 2) for m in grid.merges_starting(r))
