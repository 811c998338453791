"""Reading a workbook as a ledger, before anything is written: which sheet, which layout, which
records, which rows are skipped and why. The window's import dialog shows this as the preview."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.ledger.errors import Issue, LedgerRefused, SkippedRow
from desktop.ledger.reading.documents import open_book
from desktop.ledger.reading.grid import Grid
from desktop.ledger.reading.layout import HEADER_SEARCH_ROWS, Column, Layout, find_layout
from desktop.ledger.reading.ledger_shape import likely_header
from desktop.ledger.reading.petition_rows import read_petitions
from desktop.ledger.reading.problem_rows import Reading, read_problems

Progress = Callable[[int, int, str], None]
_NOT_LEDGER_SHEETS = re.compile(r"说明|目录|封面|填表|示例|字典|下拉|参数")


@dataclass
class LedgerReading:
    file: Path
    sheet: str
    sheet_names: list[str]
    grid: Grid
    layout: Layout
    records: list[dict] = field(default_factory=list)
    skipped_rows: list[SkippedRow] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    kind_chosen: bool = False         # the kind was said (--kind, the dialog), not found
    header_map: str = ""              # the clerk's "表头=字段" map that found the header row
    header_chosen: bool = False       # the header rows were said (the dialog, --header), not found

    @property
    def kind(self) -> str:
        return self.layout.kind

    @property
    def header_rows(self) -> list[int]:
        return self.layout.header_rows

    @property
    def columns(self) -> list[Column]:
        return self.layout.columns

    @property
    def template_key(self) -> str:
        return self.layout.template_key

    @property
    def as_of(self) -> dt.date | None:
        return self.layout.as_of

    @property
    def problems(self) -> list[dict]:
        return self.records if self.kind == "problems" else []

    @property
    def petitions(self) -> list[dict]:
        return self.records if self.kind == "petitions" else []

    def parse(self) -> None:
        reader = read_problems if self.kind == "problems" else read_petitions
        out: Reading = reader(self.grid, self.layout)
        self.records, self.skipped_rows = out.records, out.skipped
        self.warnings, self.errors = out.warnings, out.errors
        if self.layout.doubt:
            self.errors.insert(0, self.issue(self.layout.header_rows[0], self.layout.doubt))
        elif not self.records:
            self.errors.append(self.issue(self.layout.header_rows[-1] + 1,
                                          "表头下面没有读到任何记录，请检查工作表。"))

    def issue(self, row: int, message: str, column: str = "") -> Issue:
        """An issue about the sheet as a whole, placed at a row and (by default) its first column."""
        first = self.layout.columns[0].letter if self.layout.columns else "A"
        return Issue(self.sheet, row, column or first, message)

    def apply_mapping(self, mapping: dict[str, str]) -> None:
        """Re-read with the clerk's column choices (letter → field, "" = not imported)."""
        self.layout.apply_mapping(mapping)
        self.parse()


def _candidates(book, sheet: str | None) -> list[list[str]]:
    """Sheets to look in, in rounds: the visible ones (instruction and cover sheets last), then
    the hidden ones, which are read only when no visible sheet holds a ledger."""
    if sheet is not None:
        if sheet not in book.sheet_names:
            names = "、".join(f"“{n}”" for n in book.sheet_names)
            raise LedgerRefused(f"文件“{book.path.name}”中没有名为“{sheet}”的工作表。现有工作表：{names}。")
        return [[sheet]]
    visible = [n for n in book.sheet_names if n not in book.hidden]
    preferred = [n for n in visible if not _NOT_LEDGER_SHEETS.search(n)]
    return [preferred + [n for n in visible if n not in preferred],
            [n for n in book.sheet_names if n in book.hidden]]


def _best_sheet(book, sheet: str | None, kind: str | None,
                header: tuple[int, int] | None = None) -> tuple[Grid, Layout] | None:
    """The sheet whose header names the most fields. A sheet that cannot be read (damaged, or
    absurdly large) is passed over when another holds the ledger, and refused when none does."""
    refused: list[LedgerRefused] = []
    for names in _candidates(book, sheet):
        best: tuple[tuple[bool, int], Grid, Layout] | None = None
        for name in names:
            try:
                grid = book.grid(name)
            except LedgerRefused as exc:
                refused.append(exc)
                continue
            layout = find_layout(grid, kind, header)
            rank = (not layout.doubt, layout.score) if layout else None
            if rank and (best is None or rank > best[0]):
                best = (rank, grid, layout)
        if best:
            return best[1], best[2]
    if refused:
        raise refused[0]
    return None


def _no_ledger(path: Path, sheet: str | None) -> LedgerRefused:
    where = f"工作表“{sheet}”" if sheet else "文件的各工作表"
    return LedgerRefused(
        f"在{where}前{HEADER_SEARCH_ROWS}行中没有找到台账的表头（例如“序号、问题描述、整改措施、"
        f"整改时限、责任单位”或信访件的“受理编号、举报内容”）。{_seen_header(path, sheet)}"
        f"请确认“{path.name}”是整改台账或信访件台账；如果表头写法特殊，请在导入对话框中指定表头"
        "所在的行（“按此表头重新读取”），再逐列指定各列的含义（命令行可用 --kind 和 --map \"表头=字段\" 指定）。")


def _seen_header(path: Path, sheet: str | None) -> str:
    """What the sheet's header seems to say, so the clerk sees which columns were found."""
    try:
        book = open_book(path)
        try:
            name = sheet or next((n for n in book.sheet_names if n not in book.hidden), None)
            found = likely_header(book.grid(name)) if name else None
        finally:
            book.close()
    except Exception:     # only a hint for the message: a book that cannot be read again gives none
        return ""
    if not found:
        return ""
    row, words = found
    return f"第{row}行看来是表头，列有：{'、'.join(words[:15])}，其中没有认得出的台账列。"


def read_ledger(path: str | Path, *, sheet: str | None = None, mapping: dict[str, str] | None = None,
                kind: str | None = None, header: tuple[int, int] | None = None,
                progress: Progress | None = None) -> LedgerReading:
    """Find the ledger in the workbook and read it. Raises LedgerRefused when there is none.
    `header` = (first header row, 1-based; number of header rows) when the clerk names them."""
    path = Path(path)
    report = progress or (lambda done, total, what: None)
    report(0, 3, "打开文件")
    book = open_book(path)
    try:
        found = _best_sheet(book, sheet, kind, header)
    finally:
        book.close()
    if found is None and header is not None:
        raise LedgerRefused(f"第{header[0]}行起的{header[1]}行中没有认得出的表头文字（如“问题描述”"
                            "“整改时限”“责任单位”）。请检查表头行号，或在列对应中逐列指定。")
    if found is None:
        raise _no_ledger(path, sheet)
    grid, layout = found
    report(1, 3, "识别表头")
    reading = LedgerReading(path, grid.name, list(book.sheet_names), grid, layout,
                            kind_chosen=kind is not None, header_chosen=header is not None)
    if mapping:
        layout.apply_mapping(mapping)
    reading.parse()
    if grid.name in book.hidden and sheet is None:
        reading.warnings.insert(0, reading.issue(
            layout.header_rows[0], f"台账在隐藏的工作表“{grid.name}”中（其他工作表都不是台账），"
            "已从该表读取，请确认这是要导入的表。"))
    report(2, 3, "读取记录")
    return reading
