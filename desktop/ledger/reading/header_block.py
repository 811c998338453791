"""Finding the rows of a ledger's header: one row, or a block of up to six (a group row like
整改落实情况 over 责任单位 over 牵头单位 / 配合单位), wherever it sits among the first rows.

The row naming the most fields is found first; the block then grows upward while the row above
is tied to it by merged cells (a cell merged down into it, or a group merged across over it), and
downward while the row below holds only header words sitting under groups or empty header cells.
Titles, "填报单位 / 截至" lines and notes above the block are short of those ties.
"""

from __future__ import annotations

import re

from desktop.core.text import clean_cell_text
from desktop.ledger.reading.grid import Grid
from desktop.ledger.reading.vocabulary import header_key, match_field

MAX_HEADER_ROWS = 6      # deep official forms nest five or six rows of headers
_NOT_HEADER = re.compile(r"截至|截止|填报|附件|盖章|[:：]\s*\S")    # "填报单位：XX县", "注：…"


def own_text(grid: Grid, r: int, c: int) -> str:
    """The header word a cell adds at row r: its own text, or a group's text when the group is
    merged across from this same row; empty under a cell merged down from a row above."""
    origin = grid.merged_from(r, c)
    if origin is None:
        return clean_cell_text(grid.raw(r, c)).replace("\n", "")
    if origin[0] == r:
        return clean_cell_text(grid.raw(*origin)).replace("\n", "")
    return ""


def _own_cells(grid: Grid, r: int) -> list[tuple[int, object]]:
    return [(c, grid.raw(r, c)) for c in range(grid.width)
            if grid.merged_from(r, c) is None and grid.raw(r, c) is not None]


def _header_words_only(grid: Grid, r: int) -> bool:
    cells = _own_cells(grid, r)
    if not cells:
        return False
    for _, value in cells:
        if not isinstance(value, str):
            return False
        key = header_key(value)
        if not key or len(key) > 40 or key.isdigit() or _NOT_HEADER.search(value):
            return False
    return True


def _first_used(grid: Grid, r: int) -> int:
    return next((c for c in range(grid.width) if grid.value(r, c) is not None), 0)


def _is_group(grid: Grid, r: int, merge: tuple[int, int, int, int], top: int) -> bool:
    """A merged-across cell over some of the columns of row `top`: not a title over the whole
    table (one cell from its left edge) nor a dated subtitle."""
    r0, c0, r1, c1 = merge
    if c1 == c0 or any(ch.isdigit() for ch in header_key(grid.raw(r0, c0))):
        return False
    used = [c for c in range(grid.width) if grid.value(top, c) is not None]
    if not used or c1 - c0 + 1 >= len(used) * 0.8:
        return False
    return c0 > _first_used(grid, top) or len(_own_cells(grid, r)) > 1


def _joins_above(grid: Grid, r: int, top: int) -> bool:
    """Row r is the block's row above `top`: header words only, tied to `top` by a cell merged
    down into it or by a group merged across over some of its columns."""
    if not _header_words_only(grid, r):
        return False
    return any(m[2] >= top or _is_group(grid, r, m, top) for m in grid.merges_starting(r))


def _under_group(grid: Grid, top: int, bottom: int, c: int) -> bool:
    """Column c sits under a group: a cell merged across, or a word left unmerged over empty
    header cells to its right (责任单位 written in one cell over 牵头单位 / 配合单位)."""
    for r in range(top, bottom + 1):
        start = grid.merged_from(r, c) or (r, c)
        if any(m[1] < m[3] and (m[0], m[1]) == start for m in grid.merges_starting(start[0])):
            return True
    right = c + 1
    return right < grid.width and not any(own_text(grid, r, right) for r in range(top, bottom + 1)) \
        and grid.raw(bottom + 1, right) is not None


def _merged_from_block(grid: Grid, r: int, top: int, bottom: int) -> bool:
    """Every filled cell of row r belongs to a header cell merged down from the block."""
    origins = [grid.merged_from(r, c) for c in range(grid.width)]
    own = [c for c in range(grid.width) if origins[c] is None and grid.raw(r, c) is not None]
    return not own and any(o and top <= o[0] <= bottom for o in origins)


def _joins_below(grid: Grid, top: int, bottom: int, kind: str) -> bool:
    """Row bottom + 1 is a lower header row: the header's merged cells reaching down into it,
    or header words only, each under a group or an empty header cell, at least one naming a
    field with its group, and not a repeat of the row above."""
    r = bottom + 1
    if r >= grid.height:
        return False
    if _merged_from_block(grid, r, top, bottom):
        return True
    if not _header_words_only(grid, r):
        return False
    cells = _own_cells(grid, r)
    for c, _ in cells:
        above = [own_text(grid, row, c) for row in range(top, bottom + 1)]
        if any(above) and not _under_group(grid, top, bottom, c):
            return False
    return any(match_field(kind, f"{own_text(grid, bottom, c)}{v}") or match_field(kind, v)
               for c, v in cells)


def header_block(grid: Grid, best: int, kind: str) -> tuple[int, int]:
    """First and last row (0-based) of the header around the row that named the most fields."""
    top = bottom = best
    while top > 0 and best - top + 1 < MAX_HEADER_ROWS and _joins_above(grid, top - 1, top):
        top -= 1
    while bottom - top + 1 < MAX_HEADER_ROWS and _joins_below(grid, top, bottom, kind):
        bottom += 1
    return top, bottom
