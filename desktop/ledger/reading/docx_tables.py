"""A Word table as the same Grid a workbook sheet gives: cell text by grid column, horizontally
spanned cells (gridSpan) and vertically merged cells (vMerge) as merged ranges.

A problem list that runs over several pages is sometimes several tables, each with the header
repeated (typed again, or a table split at a page break): a table that follows another with only
blank lines, a page break or a "续表" line between them, has as many columns, and either repeats
the first one's header or has no header of its own, is joined to it, its repeated header rows
dropped.
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from desktop.ledger.reading.document_guard import (
    MAX_TABLE_CELLS,
    MAX_TABLE_COLUMNS,
    MAX_TABLES,
    TableTooLarge,
)
from desktop.ledger.reading.grid import Grid
from desktop.ledger.reading.layout import find_layout

_BETWEEN = re.compile(r"^(续表|续上表|（续）|\(续\)|接上表|第?\s*\d+\s*页|-\s*\d+\s*-|—\s*\d+\s*—)?$")


def cell_text(tc) -> str:
    """The cell's paragraphs, one per line (nested tables left out)."""
    lines = [Paragraph(p, None).text.strip() for p in tc.iterchildren(qn("w:p"))]
    return "\n".join(line for line in lines if line)


class _CellBudget:
    """The cells all tables of one document may make (spanned cells counted)."""

    def __init__(self) -> None:
        self.left, self.tables = MAX_TABLE_CELLS, 0

    def table(self) -> None:
        self.tables += 1
        if self.tables > MAX_TABLES:
            raise TableTooLarge(f"有超过 {MAX_TABLES} 张表格")

    def spend(self, name: str, cells: int) -> None:
        self.left -= cells
        if self.left < 0:
            raise TableTooLarge(f"的表格共有超过 {MAX_TABLE_CELLS // 10000} 万个单元格（到{name}为止）")


def _width(name: str, columns: int) -> int:
    if columns > MAX_TABLE_COLUMNS:
        raise TableTooLarge(f"的{name}有一行跨越 {columns} 列（超过 {MAX_TABLE_COLUMNS} 列）")
    return columns


def table_grid(tbl, name: str, budget: _CellBudget | None = None) -> Grid:
    budget = budget or _CellBudget()
    rows: list[list] = []
    spans: dict[tuple[int, int], list[int]] = {}      # origin → [last row, last col]
    origin_of: dict[tuple[int, int], tuple[int, int]] = {}
    for r, tr in enumerate(tbl.tr_lst):
        row: list = []
        c = _width(name, max(tr.grid_before, 0))
        for tc in tr.tc_lst:
            span = max(tc.grid_span, 1)
            _width(name, c + span)
            budget.spend(name, span)
            row += [None] * (c + span - len(row))
            above = origin_of.get((r - 1, c))
            if tc.vMerge == "continue" and above is not None:
                spans[above][0] = r
                origin = above
            else:
                origin = (r, c)
                spans[origin] = [r, c + span - 1]
                row[c] = cell_text(tc) or None
            for k in range(c, c + span):
                origin_of[(r, k)] = origin
            c += span
        rows.append(row)
    merges = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in spans.items() if (r1, c1) != (r0, c0)]
    return Grid(name, rows, merges)


def _texts(grid: Grid, r: int) -> tuple:
    return tuple(grid.raw(r, c) for c in range(grid.width))


def _repeated_rows(first: Grid, header_rows: list[int], nxt: Grid) -> int:
    """How many of the next table's first rows repeat the first table's rows down to its header."""
    top = header_rows[-1] if header_rows else 0
    wanted = {_texts(first, r) for r in range(top)}
    count = 0
    while count < nxt.height and _texts(nxt, count) in wanted:
        count += 1
    return count


def _joined(first: Grid, nxt: Grid) -> Grid | None:
    if first.width != nxt.width:
        return None
    layout = find_layout(first)
    if layout is None:
        return None
    repeated = _repeated_rows(first, layout.header_rows, nxt)
    if not repeated and find_layout(nxt) is not None:
        return None          # a table of its own, with another header
    offset = first.height - repeated
    merges = _carried_over(first, layout, nxt, repeated)
    merges += [(r0 + offset, c0, r1 + offset, c1) for r0, c0, r1, c1 in nxt.merges if r0 >= repeated]
    return Grid(first.name, first.rows + nxt.rows[repeated:], merges)


def _carried_over(first: Grid, layout, nxt: Grid, top: int) -> list[tuple[int, int, int, int]]:
    """The first table's merges; a problem's cells merged down to the page's foot reach on over
    the next page's first rows while those rows carry no problem of their own (blank key cells)."""
    keys = [c.index for f in ("code", "seq", "description", "title") for c in layout.by_field.get(f, [])]
    leading = 0
    while top + leading < nxt.height and not any(nxt.raw(top + leading, c) for c in keys) \
            and any(v is not None for v in nxt.rows[top + leading]):
        leading += 1
    last, out = first.height - 1, []
    for r0, c0, r1, c1 in first.merges:
        if r1 == last and r1 > r0 and c0 == c1 and leading:
            blank = 0
            while blank < leading and nxt.raw(top + blank, c0) is None:
                blank += 1
            r1 += blank
        out.append((r0, c0, r1, c1))
    return out


def document_tables(body, numbering=None) -> tuple[list[Grid], list[str]]:
    """The body's tables (continued ones joined) and its paragraphs' text, in document order,
    each with the number Word shows before it (`numbering`, docx_numbering.Numbering)."""
    tables: list[Grid] = []
    lines: list[str] = []
    adjoining = False        # only blank or "续表" lines since the last table
    budget = _CellBudget()
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            text = Paragraph(child, None).text.strip()
            lines.append((numbering.marker(child) if numbering and text else "") + text)
            adjoining = adjoining and bool(_BETWEEN.match(text))
        elif child.tag == qn("w:tbl"):
            budget.table()
            grid = table_grid(child, f"表格{len(tables) + 1}", budget)
            joined = _joined(tables[-1], grid) if adjoining and tables else None
            if joined is not None:
                tables[-1] = joined
            elif grid.height:
                tables.append(grid)
            adjoining = True
    return tables, lines
