"""Finding the ledger inside a sheet: its kind, its header rows, and the columns' fields.

The header is the row among the first rows that names the most known fields, grown into a block
of up to six rows by header_block (group rows above, sub-header rows below). Each column's
header words are read top to bottom and its field chosen from them (vocabulary). Rows above the
header carry the title and the "填报单位 / 截至" line (preamble).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from desktop.ledger.errors import column_letter
from desktop.ledger.reading.grid import Grid
from desktop.ledger.reading.header_block import header_block, own_text
from desktop.ledger.reading.ledger_shape import ledger_doubt, planned_and_actual
from desktop.ledger.reading.preamble import read_preamble
from desktop.ledger.reading.vocabulary import (
    MULTI_COLUMN_FIELDS,
    PETITION_MARKERS,
    column_candidates,
    header_key,
    match_field,
    weak_match,
)

HEADER_SEARCH_ROWS = 50
_CORE = {"problems": {"description", "title", "measure"}, "petitions": {"code", "content"}}


@dataclass
class Column:
    index: int
    header: str
    field: str | None
    parts: tuple[str, ...] = ()     # the header words from the top header row down

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
    header_words: dict[int, set[str]] = field(default_factory=dict)   # column index → its words
    longest_word: int = 0
    doubt: str = ""                   # why the header does not look like a ledger ("" when it does)
    by_hand: bool = False             # the clerk mapped the columns (their word is taken)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        self.by_field = {}
        for col in self.columns:
            if col.field:
                self.by_field.setdefault(col.field, []).append(col)
        self.header_words = {c.index: {header_key(p) for p in (c.parts or (c.header,))} - {""}
                             for c in self.columns}
        self.longest_word = max((len(p) for c in self.columns for p in (c.parts or (c.header,))),
                                default=0)

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
        self.by_hand, self.doubt = True, ""
        self.reindex()


def _row_texts(grid: Grid, r: int) -> list:
    return [grid.value(r, c) for c in range(grid.width)]


def _score(kind: str, cells: list, said: bool = False) -> int:
    """How many fields of this kind the row names; a petition header must also say a word only
    petitions have, unless the clerk said the kind (said)."""
    fields = {match_field(kind, v) for v in cells if isinstance(v, str)}
    fields.discard(None)
    if not fields & _CORE[kind]:
        return 0
    if kind == "petitions" and not said and not any(isinstance(v, str) and PETITION_MARKERS.search(
            header_key(v)) for v in cells):
        return 0
    return len(fields - {"seq"})


# A column of this field written for several periods (1月进展, 2月进展): the latest, rightmost,
# is the field; the earlier ones are kept as they are.
_LATEST_WINS = {"progress", "status_text", "percent"}
_PERIOD = re.compile(r"\d+月|\d{4}年|第.+[周期]|本[月周期]|上[月周期]|季度")


def _takes_over(kind: str, held: Column, col: Column, name: str) -> bool:
    """A later column takes a field from an earlier one: the newer of two period columns, or a
    column naming the field better than the earlier one's weak words."""
    if name in _LATEST_WINS and _PERIOD.search(col.header) and _PERIOD.search(held.header):
        return True
    return weak_match(kind, held.header) and not weak_match(kind, col.header)


def _choose(kind: str, columns: list[Column], col: Column, candidates: list[str]) -> None:
    holders = {c.field: c for c in columns if c.field}
    for name in candidates:
        held = holders.get(name)
        if held is None or name in MULTI_COLUMN_FIELDS:
            col.field = name
            return
        if _takes_over(kind, held, col, name):
            held.field, col.field = None, name
            return


def _columns(grid: Grid, top: int, bottom: int, kind: str) -> list[Column]:
    columns: list[Column] = []
    for c in range(grid.width):
        parts: list[str] = []
        for r in range(top, bottom + 1):
            word = own_text(grid, r, c)
            if word and (not parts or header_key(parts[-1]) != header_key(word)):
                parts.append(word)
        candidates = column_candidates(kind, parts)
        if not parts and not candidates:
            continue
        col = Column(c, "/".join(parts), None, tuple(parts))
        _choose(kind, columns, col, candidates)
        columns.append(col)
    planned_and_actual(kind, columns)
    return columns


def _best_rows(grid: Grid, kind: str | None) -> dict[str, tuple[int, int]]:
    """For each kind, the (score, row) of the first row naming the most of its fields."""
    best: dict[str, tuple[int, int]] = {}
    for r in range(min(HEADER_SEARCH_ROWS, grid.height)):
        cells = _row_texts(grid, r)
        for k in ([kind] if kind else ["problems", "petitions"]):
            score = _score(k, cells, said=kind is not None)
            if score >= 2 and (k not in best or score > best[k][0]):
                best[k] = (score, r)
    return best


def _searched_block(grid: Grid, kind: str | None) -> tuple[int, int, str] | None:
    """The header block of the kind whose header reads as a ledger, else the best-scored one."""
    found = []
    for k, (score, r) in _best_rows(grid, kind).items():
        top, bottom = header_block(grid, r, k)
        doubt = ledger_doubt(grid.name, [], k, _columns(grid, top, bottom, k))
        found.append(((not doubt, score, k == "problems"), (top, bottom, k)))
    return max(found)[1] if found else None


def _given_block(grid: Grid, header: tuple[int, int], kind: str | None) -> tuple[int, int, str]:
    """The header rows the clerk named (first row 1-based, how many), and the kind they read as."""
    top = max(header[0] - 1, 0)
    bottom = min(top + max(header[1], 1) - 1, grid.height - 1)
    kinds = [kind] if kind else ["problems", "petitions"]
    scores = {k: max(_score(k, _row_texts(grid, r)) for r in range(top, bottom + 1)) for k in kinds}
    return top, bottom, max(kinds, key=lambda k: (scores[k], k == "problems"))


def find_layout(grid: Grid, kind: str | None = None,
                header: tuple[int, int] | None = None) -> Layout | None:
    """The ledger's layout in this sheet, or None when no header row names enough fields.
    `header` (first row, 1-based, and the number of rows) overrides the search."""
    if header is not None:
        if header[0] > grid.height:
            return None
        top, bottom, k = _given_block(grid, header, kind)
    else:
        block = _searched_block(grid, kind)
        if block is None:
            return None
        top, bottom, k = block
    columns = _columns(grid, top, bottom, k)
    score = len({c.field for c in columns if c.field} - {"seq"})
    if header is not None and score == 0 and sum(bool(c.header) for c in columns) < 2:
        return None      # header rows named by the clerk: kept if they hold words to map by hand
    title, as_of, unit = read_preamble(grid, top)
    rows = list(range(top + 1, bottom + 2))
    return Layout(k, rows, columns, title, as_of, unit, score,
                  doubt=ledger_doubt(grid.name, rows, k, columns))
