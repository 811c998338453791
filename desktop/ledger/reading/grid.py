"""Opening a workbook safely and reading a sheet as a grid of values with its merged ranges.

python-calamine reads both .xlsx/.xlsm and legacy .xls, returns merged ranges for both, and reads
a ledger some twenty times faster than openpyxl (tests/bench/import_bench.py); openpyxl stays the
writer. Every file passes guard.py first (damage, disguise, passwords, and sheets whose extent
would make calamine allocate far more than they hold), and every calamine call runs inside its
error guard, so a damaged file is a Chinese refusal, never a traceback or an abort.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from desktop.ledger.errors import LedgerRefused
from desktop.ledger.reading.cellvalues import cell_text
from desktop.ledger.reading.guard import check_workbook, reader_errors

MAX_ROWS, MAX_COLUMNS = 200_000, 400


class Grid:
    """One sheet: cell values (None, str, int, float, bool, date, datetime) held sparsely, by the
    rows that have any, and merges as 0-based inclusive (first_row, first_col, last_row,
    last_col), clipped to the sheet's cells. A merged cell is found through an index of merges by
    blocks of rows, never by filling every cell of a range, so one merge over the whole sheet
    costs what one small merge costs."""

    def __init__(self, name: str, rows: list[list] | dict[int, list],
                 merges: list[tuple[int, int, int, int]] | None = None):
        self.name = name
        items = rows.items() if isinstance(rows, dict) else enumerate(rows)
        self._rows: dict[int, list] = {r: list(row) for r, row in items if any(
            v is not None for v in row)}
        self.height = (max(self._rows) + 1) if self._rows else 0
        if not isinstance(rows, dict):
            self.height = max(self.height, len(rows))
        self.width = max((len(r) for r in (self._rows.values() if isinstance(rows, dict)
                                           else rows)), default=0)
        self.merges = _clipped(merges or [], self.height, self.width)
        self._starting: dict[int, list] = {}
        self._blocks: dict[int, list] = {}
        self._places: dict[tuple[int, int], _Place] = {}
        self._block_columns: dict[int, list[int]] = {}     # block of rows → columns with merges
        self._origins_row, self._origins = -1, {}
        self._texts_row, self._texts = -1, []
        self._index_merges()
        for block, c in sorted(self._blocks):
            self._block_columns.setdefault(block, []).append(c)
        self._row_keys = sorted(self._rows)
        for r0, c0, r1, c1 in self.merges:
            if self.raw(r0, c0) is None:
                self._lift(r0, c0, r1, c1)

    def _index_merges(self) -> None:
        """Each merge listed under the (block of 64 rows, column) places it covers: a lookup reads
        at most 64 merges. Overlapping merges (which no spreadsheet program writes) crowd a place
        past that and are refused, and so are more places than the sheet could fill."""
        entries = 0
        for merge in self.merges:
            r0, c0, r1, c1 = merge
            self._starting.setdefault(r0, []).append(merge)
            entries += (r1 // _BLOCK - r0 // _BLOCK + 1) * (c1 - c0 + 1)
            if entries > MAX_MERGE_ENTRIES:
                self._crowded()
            for block in range(r0 // _BLOCK, r1 // _BLOCK + 1):
                for c in range(c0, c1 + 1):
                    crowd = self._blocks.setdefault((block, c), [])
                    crowd.append(merge)
                    if len(crowd) > _BLOCK:
                        self._crowded()

    def _crowded(self) -> None:
        raise LedgerRefused(f"工作表“{self.name}”的合并单元格过多或相互重叠，不像是台账。"
                            "请在 Excel 中取消多余的合并后再导入。")

    def _lift(self, r0: int, c0: int, r1: int, c1: int) -> None:
        """A merged range whose text sits in another of its cells (as some programs save it)
        shows that text: it is moved to the range's first cell (looked for in the range's first
        rows that hold anything)."""
        start = bisect.bisect_left(self._row_keys, r0)
        for r in self._row_keys[start:start + _LIFT_ROWS]:
            if r > r1:
                return
            row = self._rows[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                if row[c] is not None:
                    self._set(r0, c0, row[c])
                    row[c] = None
                    return

    def _set(self, r: int, c: int, value) -> None:
        if r not in self._rows:
            bisect.insort(self._row_keys, r)
        row = self._rows.setdefault(r, [])
        if len(row) <= c:
            row.extend([None] * (c + 1 - len(row)))
        row[c] = value

    @property
    def rows(self) -> list[list]:
        """The sheet as dense rows (bounded by the reader's extent checks)."""
        return [list(self._rows.get(r, ())) + [None] * (self.width - len(self._rows.get(r, ())))
                for r in range(self.height)]

    def cells(self) -> Iterator[tuple[int, int, object]]:
        """(row, column, value) of every cell holding a value."""
        for r in sorted(self._rows):
            for c, value in enumerate(self._rows[r]):
                if value is not None:
                    yield r, c, value

    def raw_row(self, r: int) -> list | tuple:
        """Row r's own values as held (short rows end early; do not change them)."""
        return self._rows.get(r, ())

    def raw(self, r: int, c: int):
        row = self._rows.get(r, ())
        return row[c] if 0 <= c < len(row) else None

    def value(self, r: int, c: int):
        """The cell's value, a merged cell reading the value of its range's first cell."""
        origin = self.merged_from(r, c)
        return self.raw(*origin) if origin else self.raw(r, c)

    def merged_from(self, r: int, c: int) -> tuple[int, int] | None:
        """The first cell of the merged range this cell lies inside (None for a range's first cell)."""
        if r != self._origins_row:          # readers ask about one row's cells in a run
            self._origins_row, self._origins = r, self._row_origins(r)
        return self._origins.get(c) if self._origins else None

    def text(self, r: int, c: int) -> str:
        """The cell's value as text (cellvalues.cell_text), a merged cell reading its range's."""
        origin = self.merged_from(r, c)
        if origin is None:
            return self.row_texts(r)[c] if c < self.width else ""
        return cell_text(self.raw(*origin))

    def row_texts(self, r: int) -> list[str]:
        """Row r's own cells as text, as wide as the sheet; a merged range's other cells read
        as empty. Kept for the row last asked about (readers ask a row's texts several times):
        the list is shared, not to be changed."""
        if r != self._texts_row:
            row = self._rows.get(r, ())
            texts = [cell_text(v) for v in row]
            texts.extend([""] * (self.width - len(texts)))
            self.merged_from(r, 0)
            for c in self._origins:
                texts[c] = ""
            self._texts_row, self._texts = r, texts
        return self._texts

    def _row_origins(self, r: int) -> dict[int, tuple[int, int]]:
        """{column: first cell of its merged range} for the cells of row r inside a merge."""
        origins = {}
        block = r // _BLOCK
        for c in self._block_columns.get(block, ()):
            key = (block, c)
            place = self._places.get(key)
            if place is None:
                place = self._places[key] = _Place(self._blocks[key])
            merge = place.covering(r)
            if merge is not None and (r, c) != (merge[0], merge[1]):
                origins[c] = (merge[0], merge[1])
        return origins

    def merges_starting(self, r: int) -> list[tuple[int, int, int, int]]:
        """The merged ranges whose first row is r."""
        return self._starting.get(r, [])


_BLOCK, _LIFT_ROWS = 64, 64


class _Place:
    """The merges over one column of one block of rows, arranged for lookup on first use: by
    first row, found by bisection, when none of them overlap (as every spreadsheet program
    writes them); otherwise in their order, the first that covers the row."""

    __slots__ = ("merges", "starts")

    def __init__(self, merges) -> None:
        ordered = sorted(merges)
        apart = all(a[2] < b[0] for a, b in zip(ordered, ordered[1:]))
        self.merges = ordered if apart else list(merges)
        self.starts = [m[0] for m in ordered] if apart else None

    def covering(self, r: int) -> tuple[int, int, int, int] | None:
        if self.starts is None:
            return next((m for m in self.merges if m[0] <= r <= m[2]), None)
        at = bisect.bisect_right(self.starts, r) - 1
        if at >= 0 and r <= self.merges[at][2]:
            return self.merges[at]
        return None


MAX_MERGE_ENTRIES = 2_000_000


def _clipped(merges, height: int, width: int) -> list[tuple[int, int, int, int]]:
    """Merges inside the sheet's cells (a merge reaching past them is cut at its edge); a
    one-cell or reversed range is no merge."""
    kept = []
    for r0, c0, r1, c1 in merges:
        r0, r1, c0, c1 = min(r0, r1), max(r0, r1), min(c0, c1), max(c0, c1)
        if r0 < 0 or c0 < 0 or r0 >= height or c0 >= width:
            continue
        r1, c1 = min(r1, height - 1), min(c1, width - 1)
        if (r0, c0) != (r1, c1):
            kept.append((r0, c0, r1, c1))
    return kept


def _plain(value):
    if value == "" or value is None:
        return None
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


class Book:
    """An opened workbook; sheets are read when asked for, after their extent was checked."""

    def __init__(self, path: Path):
        self.path = path
        self._extents = check_workbook(path)
        from python_calamine import CalamineWorkbook

        with reader_errors(path), path.open("rb") as fh:  # by content, not by extension
            self._wb = CalamineWorkbook.from_filelike(fh)
            self.sheet_names: list[str] = list(self._wb.sheet_names)
            self.hidden: set[str] = {m.name for m in self._wb.sheets_metadata  # Hidden, VeryHidden
                                     if not str(m.visible).endswith(".Visible")}

    def grid(self, name: str) -> Grid:
        with reader_errors(self.path):
            sheet = self._wb.get_sheet_by_name(name)
            if sheet.height > MAX_ROWS or sheet.width > MAX_COLUMNS:
                raise LedgerRefused(
                    f"工作表“{name}”有 {sheet.height} 行 {sheet.width} 列，超出台账的合理大小"
                    f"（最多 {MAX_ROWS} 行、{MAX_COLUMNS} 列）。请删除多余的空行空列或拆分文件后再导入。")
            rows = _sparse_rows(sheet)
            merges = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
            return Grid(name, rows, merges)

    def close(self) -> None:
        with reader_errors(self.path):
            self._wb.close()


def _sparse_rows(sheet) -> dict[int, list]:
    """Only the rows holding a value, each cut after its last value; calamine's range starts at
    its first value cell, so rows and columns are shifted back to the sheet's own."""
    top, left = sheet.start if sheet.start else (0, 0)
    rows: dict[int, list] = {}
    for r, row in enumerate(sheet.iter_rows()):
        values = [_plain(v) for v in row]
        while values and values[-1] is None:
            values.pop()
        if values:
            rows[top + r] = [None] * left + values
    return rows


def open_book(path: str | Path) -> Book:
    return Book(Path(path))
