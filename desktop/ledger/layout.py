"""Finding the ledger inside a sheet: its kind, its one- or two-row header, and the columns' fields.

The header is the row among the first rows that names the most known fields; the row below it is
a second header row when the first has group cells (merged across, like 责任单位 over 牵头单位 /
配合单位) and the row below holds only header words. Rows above the header carry the title and the
"填报单位 / 截至" line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from desktop.core.deadlines import first_date
from desktop.core.text import clean_cell_text
from desktop.ledger.errors import column_letter
from desktop.ledger.grid import Grid
from desktop.ledger.vocabulary import (
    MULTI_COLUMN_FIELDS,
    PETITION_MARKERS,
    header_key,
    match_field,
    match_sub_field,
)

HEADER_SEARCH_ROWS = 30
_CORE = {"problems": {"description", "title", "measure"}, "petitions": {"code", "content"}}


@dataclass
class Column:
    index: int
    header: str
    field: str | None

    @property
    def letter(self) -> str:
        return column_letter(self.index)


@dataclass
class Layout:
    kind: str
    header_rows: list[int]            # 1-based, as the clerk sees them
    columns: list[Column]
    title: str = ""
    as_of: dt.date | None = None
    reporting_unit: str = ""
    score: int = 0
    by_field: dict[str, list[Column]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        self.by_field = {}
        for col in self.columns:
            if col.field:
                self.by_field.setdefault(col.field, []).append(col)

    @property
    def first_data_row(self) -> int:   # 0-based
        return self.header_rows[-1]

    def col(self, name: str) -> Column | None:
        cols = self.by_field.get(name)
        return cols[0] if cols else None

    @property
    def template_key(self) -> str:
        words = "|".join(header_key(c.header) for c in self.columns)
        return hashlib.sha1(f"{self.kind}|{words}".encode()).hexdigest()[:16]

    def mapping(self) -> dict[str, str]:
        return {c.letter: c.field or "" for c in self.columns}

    def apply_mapping(self, mapping: dict[str, str]) -> None:
        """Choices the clerk made (column letter → field, "" for not imported) override ours."""
        for col in self.columns:
            if col.letter in mapping:
                col.field = mapping[col.letter] or None
        self.reindex()


def _row_texts(grid: Grid, r: int) -> list:
    return [grid.value(r, c) for c in range(grid.width)]


def _score(kind: str, cells: list) -> tuple[int, set[str]]:
    fields = {match_field(kind, v) for v in cells if isinstance(v, str)}
    fields.discard(None)
    if not fields & _CORE[kind]:
        return 0, fields
    if kind == "petitions" and not any(isinstance(v, str) and PETITION_MARKERS.search(
            header_key(v)) for v in cells):
        return 0, fields
    return len(fields - {"seq"}), fields


def _is_sub_header(grid: Grid, r: int, kind: str) -> bool:
    """The row below the header is its second row when every word in it sits under a group cell
    (merged across) or under an empty header cell, and at least one of them names a field."""
    if r + 1 >= grid.height:
        return False
    groups = {c for m in grid.merges if m[0] == r and m[3] > m[1] for c in range(m[1], m[3] + 1)}
    below = [(c, grid.raw(r + 1, c)) for c in range(grid.width)
             if grid.merged_from(r + 1, c) is None and grid.raw(r + 1, c) is not None]
    if not below or not all(isinstance(v, str) and len(header_key(v)) <= 20 for _, v in below):
        return False
    if not all(c in groups or grid.value(r, c) is None for c, _ in below):
        return False
    return any(match_field(kind, v) for _, v in below)


def _columns(grid: Grid, r: int, kind: str, two_rows: bool) -> list[Column]:
    columns: list[Column] = []
    taken: set[str] = set()
    for c in range(grid.width):
        top = clean_cell_text(grid.value(r, c))
        sub = clean_cell_text(grid.raw(r + 1, c)) if two_rows else ""
        if sub and grid.merged_from(r + 1, c) is None and sub != top:
            header = f"{top}/{sub}" if top else sub
            name = match_sub_field(kind, top, sub)
        else:
            header, name = top, match_field(kind, top)
        if name in taken and name not in MULTI_COLUMN_FIELDS:
            name = None
        if name:
            taken.add(name)
        if header or name:
            columns.append(Column(c, header.replace("\n", ""), name))
    return columns


def _preamble(grid: Grid, header_row: int) -> tuple[str, dt.date | None, str]:
    title, as_of, unit = "", None, ""
    for r in range(header_row):
        for c in range(grid.width):
            if grid.merged_from(r, c):
                continue
            text = clean_cell_text(grid.raw(r, c))
            if not text:
                continue
            if "截至" in text or "截止" in text or "填报时间" in text or "填报日期" in text:
                as_of = as_of or first_date(text.split("截至")[-1].split("截止")[-1])[0]
            if text.startswith("填报单位"):
                unit = text.split("：", 1)[-1].split(":", 1)[-1].strip()
                unit = "" if unit.startswith("（盖章）") or unit in {"", "（盖章）"} else unit
            elif not title and len(text) >= 6 and ("截至" not in text):
                title = text
    return title, as_of, unit


def find_layout(grid: Grid, kind: str | None = None) -> Layout | None:
    """The ledger's layout in this sheet, or None when no header row names enough fields."""
    best: tuple[int, int, str] | None = None
    for r in range(min(HEADER_SEARCH_ROWS, grid.height)):
        cells = _row_texts(grid, r)
        for k in ([kind] if kind else ["problems", "petitions"]):
            score, _ = _score(k, cells)
            if score >= 2 and (best is None or score > best[0]):
                best = (score, r, k)
    if best is None:
        return None
    score, r, k = best
    if r > 0 and _score(k, _row_texts(grid, r - 1))[0] >= 2 and _is_sub_header(grid, r - 1, k):
        r -= 1      # the best row was the second row of a two-row header
    two_rows = _is_sub_header(grid, r, k)
    title, as_of, unit = _preamble(grid, r)
    rows = [r + 1, r + 2] if two_rows else [r + 1]
    return Layout(k, rows, _columns(grid, r, k, two_rows), title, as_of, unit, score)
