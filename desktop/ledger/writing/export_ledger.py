"""`export ledger`: the whole register as a clean, printable ledger workbook.

Title and as-of rows, a two-row header, one row per measure with the problem's cells merged down,
widths, wrapping, borders, frozen header, print titles, landscape fit to width, and a drop-down of
the status words. Our own importer reads it back into the same register.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from itertools import takewhile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from sqlite_utils import Database

from db.records import measures_by_problem, problem_rows
from db.settings import get_setting  # JSON values, decoded (never the raw text)
from desktop.core.status import STATUS_CODES, STATUS_LABELS
from desktop.ledger.long_work import Cancel, Progress, checkpoint
from desktop.ledger.writing import sheet_style as st
from desktop.ledger.writing.cells import write_text, write_value
from desktop.ledger.writing.ledger_layout import (
    STATUS_HEADER,
    Column,
    ProblemBlock,
    ledger_columns,
    problem_blocks,
)

SHEET_TITLE = "整改落实情况台账"
TITLE_ROW, INFO_ROW, HEADER_TOP, HEADER_SUB, FIRST_DATA_ROW = 1, 2, 3, 4, 5
STATUS_CHOICES = '"' + ",".join(STATUS_LABELS[c] for c in STATUS_CODES) + '"'


@dataclass(frozen=True)
class LedgerExport:
    path: Path
    problems: int
    measures: int
    rows: int


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def ledger_title(db: Database, problems: list[dict], office: str) -> str:
    rounds = list(dict.fromkeys(p["round"] for p in problems))
    if office:
        return f"{office}整改落实情况台账"
    if len(rounds) == 1:
        return f"{rounds[0]}整改落实情况台账"
    return "督察整改落实情况台账"


def export_ledger(db: Database, out: str | Path, *, as_of: dt.date | None = None,
                  title: str | None = None, office: str | None = None,
                  progress: Progress | None = None, cancel: Cancel | None = None) -> LedgerExport:
    """Write the register to `out` (.xlsx) and say how much was written. Cancelling (Cancelled)
    leaves no file behind."""
    problems = problem_rows(db)
    blocks = problem_blocks(problems, measures_by_problem(db))
    columns = ledger_columns(problems, with_measures=any(b.measures for b in blocks))
    office = office if office is not None else (get_setting(db, "office_name") or "")
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_TITLE
    _write_top(ws, columns, title or ledger_title(db, problems, office), office,
               as_of or dt.date.today())
    last = _write_blocks(ws, columns, blocks, lambda done: checkpoint(
        done, len(blocks), "写入台账", progress=progress, cancel=cancel,
        cancelled="已取消导出，未生成文件。"))
    _finish_sheet(ws, columns, last)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return LedgerExport(path, len(blocks), sum(len(b.measures) for b in blocks),
                        last - FIRST_DATA_ROW + 1)


def _write_top(ws, columns: tuple[Column, ...], title: str, office: str, as_of: dt.date) -> None:
    width = len(columns)
    cell = write_text(ws.cell(TITLE_ROW, 1), title)
    cell.font, cell.alignment = st.TITLE_FONT, st.CENTER
    ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=width)
    ws.row_dimensions[TITLE_ROW].height = 36
    split = max(2, width - 4)
    cell = write_text(ws.cell(INFO_ROW, 1), f"填报单位：{office}")
    cell.font, cell.alignment = st.NOTE_FONT, st.LEFT
    ws.merge_cells(start_row=INFO_ROW, start_column=1, end_row=INFO_ROW, end_column=split - 1)
    cell = write_text(ws.cell(INFO_ROW, split), f"截至：{cn_date(as_of)}")
    cell.font, cell.alignment = st.NOTE_FONT, st.RIGHT
    ws.merge_cells(start_row=INFO_ROW, start_column=split, end_row=INFO_ROW, end_column=width)
    ws.row_dimensions[INFO_ROW].height = 22
    _write_header(ws, columns)


def _header_cell(ws, row: int, col: int, text: str) -> None:
    cell = write_text(ws.cell(row, col), text)
    cell.font, cell.alignment, cell.border, cell.fill = (
        st.HEADER_FONT, st.CENTER, st.BORDER, st.HEADER_FILL)


def _write_header(ws, columns: tuple[Column, ...]) -> None:
    col = 1
    while col <= len(columns):
        column = columns[col - 1]
        ws.column_dimensions[get_column_letter(col)].width = column.width
        if not column.group:
            _header_cell(ws, HEADER_TOP, col, column.header)
            _header_cell(ws, HEADER_SUB, col, "")
            ws.merge_cells(start_row=HEADER_TOP, start_column=col, end_row=HEADER_SUB,
                           end_column=col)
            col += 1
            continue
        span = list(takewhile(lambda c, g=column.group: c.group == g, columns[col - 1:]))
        for offset, sub in enumerate(span):
            ws.column_dimensions[get_column_letter(col + offset)].width = sub.width
            _header_cell(ws, HEADER_TOP, col + offset, column.group if offset == 0 else "")
            _header_cell(ws, HEADER_SUB, col + offset, sub.header)
        ws.merge_cells(start_row=HEADER_TOP, start_column=col, end_row=HEADER_TOP,
                       end_column=col + len(span) - 1)
        col += len(span)
    ws.row_dimensions[HEADER_TOP].height = 24
    ws.row_dimensions[HEADER_SUB].height = 24


def _write_blocks(ws, columns: tuple[Column, ...], blocks: list[ProblemBlock],
                  step: Callable[[int], None]) -> int:
    """Write every problem's rows; returns the last row written."""
    looks = {center: st.Look(ws, font=st.BODY_FONT, border=st.BORDER,
                             alignment=st.CENTER if center else st.WRAP) for center in (True, False)}
    row = FIRST_DATA_ROW - 1
    for number, block in enumerate(blocks):
        if number % 100 == 0:
            step(number)
        first = row + 1
        needs = [1] * block.height
        problem_need = 1
        for offset, measure in enumerate(block.rows()):
            row = first + offset
            for col, column in enumerate(columns, start=1):
                value = column.value(block.problem, measure) if (
                    offset == 0 or not column.problem_level) else None
                cell = ws.cell(row, col)
                looks[column.center].stamp(cell)  # before the value: it may add a quote prefix
                write_value(cell, value)
                lines = st.lines_needed(value, column.width)
                if column.problem_level:
                    problem_need = max(problem_need, lines)
                else:
                    needs[offset] = max(needs[offset], lines)
        _merge_problem_cells(ws, columns, first, row)
        _set_heights(ws, first, needs, problem_need)
    return max(row, FIRST_DATA_ROW - 1)


def _merge_problem_cells(ws, columns: tuple[Column, ...], first: int, last: int) -> None:
    if last <= first:
        return
    for col, column in enumerate(columns, start=1):
        if column.problem_level:
            st.merge(ws, first, col, last, col)


def _set_heights(ws, first: int, needs: list[int], problem_need: int) -> None:
    """Rows tall enough for their own text, and together tall enough for the merged cells."""
    shortfall = max(0, problem_need - sum(needs))
    for offset, lines in enumerate(needs):
        extra = shortfall // len(needs) + (1 if offset < shortfall % len(needs) else 0)
        ws.row_dimensions[first + offset].height = st.row_height(lines + extra)


def _finish_sheet(ws, columns: tuple[Column, ...], last: int) -> None:
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 1).coordinate
    st.set_print_setup(ws, header_rows=f"{HEADER_TOP}:{HEADER_SUB}", columns=len(columns))
    ws.print_area = f"A1:{get_column_letter(len(columns))}{max(last, HEADER_SUB)}"
    if last >= FIRST_DATA_ROW:
        status_col = get_column_letter([c.header for c in columns].index(STATUS_HEADER) + 1)
        rule = DataValidation(type="list", formula1=STATUS_CHOICES, allow_blank=True,
                              showErrorMessage=True, errorTitle="整改状态",
                              error="请从下拉列表中选择整改状态。")
        rule.add(f"{status_col}{FIRST_DATA_ROW}:{status_col}{last}")
        ws.add_data_validation(rule)
