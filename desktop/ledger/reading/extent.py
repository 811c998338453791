"""How much a workbook really holds, measured before any reader builds anything from it.

Readers trust a workbook: calamine allocates one slot per cell between the first and the last
value of a sheet (A1 and XFD1048576 ask for half a terabyte), openpyxl makes an object for every
cell, styled or not, and for every cell under a merge. So the parts are first streamed here, in
bounded chunks and without building anything: per sheet the span of its value cells (the dense
area calamine will allocate), the number of cells and merged cells openpyxl would make, and the
unpacked size of each part. A legacy .xls is walked record by record the same way.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from desktop.ledger.errors import LedgerRefused

CHUNK = 1 << 20
MAX_PART_BYTES = 200 * 1024 * 1024       # one sheet's XML, unpacked
MAX_STRINGS_BYTES = 128 * 1024 * 1024    # the shared strings, unpacked
MAX_STYLES_BYTES = 32 * 1024 * 1024      # styles: openpyxl makes objects of every entry
MAX_OTHER_BYTES = 64 * 1024 * 1024       # drawings, comments, relationships, …
MAX_AREA = 4_000_000                     # first to last value cell, rows × columns
MAX_VALUES = 2_000_000                   # value cells in one sheet
_VALUE_CELL = re.compile(rb"<(?:\w+:)?c((?:\s[^>]*)?)(?<!/)>")    # <c …/> holds no value: skipped in C
_ROW_MARKS = (b"<row", b":row")
# <row … r="123" …> read backwards, so the first match in the reversed text is the last row tag
# with a number: a search in C, never a backtracking scan.
_NUMBERED_ROW_REVERSED = re.compile(rb'"(\d{1,8})"=r\s[^<>]*?wor(?::\w+)?<')
_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]{1,3})(\d{1,8}):'
                        rb'([A-Za-z]{1,3})(\d{1,8})"')
_CELL_MARKS = (b"<c", b":c ")          # <cols>, <cfRule> … counted too: a little over
_REF = re.compile(rb'\br="([A-Za-z]{1,3})?(\d{1,8})?"')
_PLAIN_VALUE_CELL = re.compile(rb'<c r="([A-Za-z]{1,3})(\d{1,8})"[^>]*(?<!/)>')   # the usual one


@dataclass
class SheetExtent:
    """One sheet part: its value cells' span (0-based, inclusive), all its cell elements, its
    merges and their area."""
    values: int = 0
    cells: int = 0
    first_row: int = -1
    last_row: int = -1
    first_col: int = -1
    last_col: int = -1
    merges: int = 0
    merged_cells: int = 0
    unpacked: int = 0

    @property
    def area(self) -> int:
        if self.values == 0:
            return 0
        return (self.last_row - self.first_row + 1) * (self.last_col - self.first_col + 1)

    def add_value(self, row: int, col: int) -> None:
        self.values += 1
        if self.values == 1:
            self.first_row = self.last_row = row
            self.first_col = self.last_col = col
            return
        self.first_row, self.last_row = min(self.first_row, row), max(self.last_row, row)
        self.first_col, self.last_col = min(self.first_col, col), max(self.last_col, col)


def column_number(letters: bytes) -> int:
    """b"A" → 0, b"XFD" → 16383."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n - 1


class TooLarge(Exception):
    """A sheet is past the bounds; the message says which bound, in Chinese."""


def check_bounds(extent: SheetExtent) -> None:
    if extent.area > MAX_AREA:
        raise TooLarge(
            f"有内容的单元格从第{extent.first_row + 1}行到第{extent.last_row + 1}行、"
            f"第{extent.first_col + 1}列到第{extent.last_col + 1}列，范围过大"
            f"（超过 {MAX_AREA // 10000} 万个单元格，可能有远处的零散内容）")
    if extent.values > MAX_VALUES:
        raise TooLarge(f"有内容的单元格超过 {MAX_VALUES // 10000} 万个")


class _SheetScanner:
    """Fed chunks of one sheet's XML; keeps only counters. Empty cells and rows are counted at
    C speed (bytes.count, regex misses); Python runs once per value cell and per merge only."""

    def __init__(self) -> None:
        self.extent = SheetExtent()
        self.row, self.col, self.tail = -1, -1, b""

    def feed(self, chunk: bytes) -> None:
        data = self.tail + chunk
        cut = data.rfind(b"<")
        if cut == -1 or data.find(b">", cut) != -1:
            cut = len(data)
        self.tail = data[cut:]
        if len(self.tail) > CHUNK:   # one tag longer than a chunk: not a sheet anyone wrote
            raise TooLarge("含有异常超长的 XML 标记")
        body = data[:cut]
        self.extent.cells += sum(body.count(mark) for mark in _CELL_MARKS)
        if b"mergeCell" in body:
            self._merges(body)
        start = _first_possible_value(body)
        if self.extent.values >= 4096 and self._plain_cells(body, start):
            return
        last, tried = 0, self.extent.values >= 4096
        for match in _VALUE_CELL.finditer(body, start):
            self._value(body, last, match)
            last = match.end()
            if not tried and self.extent.values >= 4096:   # the first checks done: the rest in bulk
                tried = True
                if self._plain_cells(body, last):
                    return
        self._rows_between(body, last, len(body))

    def _plain_cells(self, body: bytes, start: int) -> bool:
        """When every value cell in the body is the usual <c r="B7" …>: their span taken a
        bounds check's worth (4096 cells) at a time at C speed, with the bounds checked at the
        same counts as one by one. False, with nothing counted, when some cell is not usual."""
        cells = _PLAIN_VALUE_CELL.findall(body, start)
        if not cells or len(cells) != len(_VALUE_CELL.findall(body, start)):
            return False
        letters, digits = cells[-1]
        last = _PLAIN_VALUE_CELL.match(body, body.rfind(b'<c r="' + letters + digits + b'"'))
        if last is None:
            return False
        extent, done = self.extent, 0
        while done < len(cells):
            piece = cells[done:done + 4096 - extent.values % 4096]
            rows = [int(r) for _, r in piece]
            cols = [column_number(c) for c in {c for c, _ in piece}]
            extent.first_row = min(extent.first_row, max(min(rows) - 1, 0))
            extent.last_row = max(extent.last_row, max(rows) - 1)
            extent.first_col = min(extent.first_col, min(cols))
            extent.last_col = max(extent.last_col, max(cols))
            extent.values += len(piece)
            done += len(piece)
            if extent.values % 4096 == 0:
                check_bounds(extent)
        self.row, self.col = int(digits) - 1, column_number(letters)
        self._rows_between(body, last.end(), len(body))
        return True

    def _rows_between(self, body: bytes, start: int, end: int) -> None:
        """Move past the <row> tags in body[start:end] at C speed: the row is the last one
        numbered there plus the unnumbered ones after it."""
        count = sum(body.count(mark, start, end) for mark in _ROW_MARKS)
        if not count:
            return
        self.col = -1
        last_tag = max(body.rfind(mark, start, end) for mark in _ROW_MARKS)
        ref = _REF.search(body, last_tag, body.find(b">", last_tag, end) % (end + 1))
        if ref and ref.group(2) and not ref.group(1):    # the last row is numbered: the usual case
            self.row = int(ref.group(2)) - 1
            return
        numbered = _NUMBERED_ROW_REVERSED.search(body[start:end][::-1])
        if numbered:
            at = end - numbered.end()
            after = sum(body.count(mark, at + 1, end) for mark in _ROW_MARKS)
            self.row = int(numbered.group(1)[::-1]) - 1 + after
        else:
            self.row += count

    def _value(self, body: bytes, last: int, match: re.Match) -> None:
        ref = _REF.search(match.group(1))
        if ref and ref.group(1) and ref.group(2):
            self.row, self.col = int(ref.group(2)) - 1, column_number(ref.group(1))
        else:
            self._rows_between(body, last, match.start())
            self.col = column_number(ref.group(1)) if ref and ref.group(1) else self.col + 1
        extent = self.extent
        extent.add_value(max(self.row, 0), max(self.col, 0))
        if extent.values < 4096 or extent.values % 4096 == 0:
            check_bounds(extent)

    def _merges(self, body: bytes) -> None:
        """Every <mergeCell ref="A1:C3"/> counted with its area, the tags found at C speed."""
        columns: dict[bytes, int] = {}
        merged = 0
        refs = _MERGE_REF.findall(body)
        for first_col, first_row, last_col, last_row in refs:
            for letters in (first_col, last_col):
                if letters not in columns:
                    columns[letters] = column_number(letters)
            merged += (abs(int(last_row) - int(first_row)) + 1) * \
                (abs(columns[last_col] - columns[first_col]) + 1)
        self.extent.merges += len(refs)
        self.extent.merged_cells += merged


def _first_possible_value(body: bytes) -> int:
    """Where value cells may start. Every value cell is closed by </c> (or </x:c>); a body with
    no closing holds at most one, still open at its end: the last <c there. A body of empty
    styled cells — the common zip bomb — is then passed over at the speed of bytes.find."""
    if b"</c>" in body or b":c>" in body:
        return 0
    return max(0, body.rfind(b"<c"), body.rfind(b":c ") - 64)


def scan_zip_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> SheetExtent:
    """Stream one part, refusing it once its unpacked bytes pass `limit`."""
    scanner = _SheetScanner()
    with zf.open(info) as fh:
        while chunk := fh.read(CHUNK):
            scanner.extent.unpacked += len(chunk)
            if scanner.extent.unpacked > limit:
                raise TooLarge(f"部件 {info.filename} 解压后超过 {limit // (1024 * 1024)} MB")
            scanner.feed(chunk)
    scanner.feed(b">")
    check_bounds(scanner.extent)
    return scanner.extent


def scan_xlsx(zf: zipfile.ZipFile) -> dict[str, SheetExtent]:
    """Every XML part of the package, by name; sheets are the parts that hold cells."""
    parts: dict[str, SheetExtent] = {}
    for info in zf.infolist():
        name = info.filename
        if not name.lower().endswith((".xml", ".rels", ".vml")) or info.is_dir():
            continue
        parts[name] = scan_zip_part(zf, info, _limit(name.lower()))
    return parts


def _limit(name: str) -> int:
    if name.startswith("xl/worksheets/"):
        return MAX_PART_BYTES
    if name.endswith("sharedstrings.xml"):
        return MAX_STRINGS_BYTES
    if name.endswith("styles.xml"):
        return MAX_STYLES_BYTES
    return MAX_OTHER_BYTES


def refuse_large(name: str, exc: TooLarge) -> LedgerRefused:
    return LedgerRefused(f"文件“{name}”{exc}，超出台账的合理大小，已拒绝读取。"
                         "请删除多余的内容（远处的零散单元格、整表合并、大量空行空列）或拆分文件后再导入。")
