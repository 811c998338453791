"""Fill-back: the superior's own workbook with each problem's progress and status written into its
own progress and status columns, only into rows that are the register's problems (same round and
code, and a problem text that agrees: fill_match.py); a template of other problems is refused, and
its "截至" line is brought up to the as-of date. Every other cell, merge, width, hidden column,
print setting and sheet is left as it was; filled cells keep their style. The template itself is
never written.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from desktop.ledger.errors import LedgerRefused
from desktop.ledger.reading.grid import Grid
from desktop.ledger.reading.guard import check_for_editing, load_for_editing
from desktop.ledger.reading.ledger import LedgerReading, read_ledger
from desktop.ledger.writing.cells import write_value
from desktop.ledger.writing.fill_as_of import bring_as_of_up
from desktop.ledger.writing.fill_match import best_round, has_text, match_round, refusal
from desktop.ledger.writing.fill_petitions import FILLED as PETITION_FILLED
from desktop.ledger.writing.fill_petitions import fill_petitions
from desktop.ledger.writing.fill_round import template_round, unchecked_warning
from desktop.ledger.writing.fill_words import StatusWords, is_done, progress_as_of, yes_no_word
from desktop.ledger.writing.legacy_copy import LOST, xls_as_workbook
from desktop.ledger.writing.workbook_features import features_lost_on_save

FILLED_FIELDS = ("progress", "status_text", "completed_yes_no", "closed_yes_no", "percent")


@dataclass
class FillBackResult:
    path: Path
    sheet: str
    filled: list[dict] = field(default_factory=list)            # {"code", "row"}
    not_in_register: list[str] = field(default_factory=list)    # codes in the template only
    not_in_template: list[str] = field(default_factory=list)    # codes in the register only
    no_progress: list[str] = field(default_factory=list)        # matched, nothing reported yet
    lost_on_save: list[str] = field(default_factory=list)
    disagree: list[dict] = field(default_factory=list)          # same code, another problem: untouched
    as_of_cells: list[str] = field(default_factory=list)        # the 截至 line(s) rewritten
    warnings: list[str] = field(default_factory=list)           # e.g. no problem text to compare

    def as_json(self) -> dict:
        return {"file": str(self.path), "sheet": self.sheet, "filled": self.filled,
                "not_in_register": self.not_in_register, "not_in_template": self.not_in_template,
                "no_progress": self.no_progress, "lost_on_save": self.lost_on_save,
                "disagree": self.disagree, "as_of_cells": self.as_of_cells,
                "warnings": self.warnings}


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.samefile(b))
    except OSError:
        return False


def _template_words(ws, col_letter: str, rows: range) -> list[str]:
    words = [str(ws[f"{col_letter}{r}"].value).strip() for r in rows
             if ws[f"{col_letter}{r}"].value not in (None, "")]
    for dv in ws.data_validations.dataValidation:
        if dv.type == "list" and dv.formula1 and col_letter in str(dv.sqref):
            words += [w.strip() for w in dv.formula1.strip('"').split(",")]
    return words


def _cell_finder(ws, grid: Grid):
    """cell(row, col) → the cell to write (1-based): a merged range's first cell when the cell lies
    inside one, found through the grid the template was read into (same file, same merges)."""
    def cell(row: int, col: int):
        origin = grid.merged_from(row - 1, col - 1)
        return ws.cell(origin[0] + 1, origin[1] + 1) if origin else ws.cell(row, col)
    return cell


def fill_back(db: Database, template: str | Path, out: str | Path, *,
              as_of: dt.date | None = None) -> FillBackResult:
    template, out = Path(template), Path(out)
    if _same_file(template, out):
        raise LedgerRefused("输出文件不能与上级表格是同一个文件。请另选一个文件名，上级表格保持原样。")
    legacy = template.suffix.lower() == ".xls"
    if legacy and out.suffix.lower() != ".xlsx":
        out = out.with_suffix(".xlsx")
    check_for_editing(template)          # every sheet's size, before any sheet is read
    reading = read_ledger(template)
    wanted = FILLED_FIELDS if reading.kind == "problems" else PETITION_FILLED
    columns = {f: reading.layout.col(f) for f in wanted if reading.layout.col(f)}
    if not columns:
        raise LedgerRefused(f"在“{template.name}”的表头中没有找到进展或状态列（如“整改进展”“目前进展"
                            "情况”“进展情况”“整改状态”“完成情况”“是否完成整改”，信访件的“办结情况”"
                            "“调查核实及处理整改情况”），无法回填。")
    keep_vba = template.suffix.lower() == ".xlsm"
    lost = [] if legacy else features_lost_on_save(template, keep_vba=keep_vba)
    result = FillBackResult(out, reading.sheet, lost_on_save=lost)
    if legacy:
        wb = xls_as_workbook(template, reading.sheet, reading.layout.first_data_row + 1)
        result.lost_on_save.append(LOST)
    else:
        wb = load_for_editing(template, checked=True, keep_vba=keep_vba, keep_links=True)
    ws = wb[reading.sheet]
    data_rows = range(reading.layout.first_data_row + 1, ws.max_row + 1)
    words = {f: _template_words(ws, c.letter, data_rows) for f, c in columns.items()}
    target = _cell_finder(ws, reading.grid)
    if reading.kind == "problems":
        _fill_problems(db, reading, columns, words, result, as_of, target)
    else:
        fill_petitions(db, reading, columns, words, result, target)
    result.as_of_cells = bring_as_of_up(ws, reading.header_rows[0], as_of or dt.date.today())
    _save(wb, template, out)
    return result


def _fill_problems(db: Database, reading: LedgerReading, columns: dict, words: dict,
                   result: FillBackResult, as_of: dt.date | None, target) -> None:
    if has_text(reading):
        match = best_round(db, reading)
        refused = refusal(match, reading.file.name)
    else:                   # codes alone agree by chance: the template's own round and codes
        found = template_round(db, reading, reading.file.name)
        refused = found.refused
        if not refused:
            match = match_round(db, reading, found.round_id)
            refused = refusal(match, reading.file.name)
            result.warnings.append(unchecked_warning(found))
    if refused:
        raise LedgerRefused(refused)
    result.not_in_register, result.disagree = match.not_in_register, match.disagree
    statuses = StatusWords(words.get("status_text", []))
    for problem in reading.problems:
        pid = match.rows.get(problem["source_row"])
        if pid is None:
            continue
        report = progress_as_of(db, pid, as_of)
        if report is None or not (report["text"] or report["status_text"]):
            result.no_progress.append(problem["code"])
            continue
        values = {"progress": report["text"], "status_text": statuses.word(report["status"]),
                  "completed_yes_no": yes_no_word(is_done(report["status"]),
                                                  words.get("completed_yes_no", [])),
                  "closed_yes_no": yes_no_word(report["status"] == "closed",
                                               words.get("closed_yes_no", [])),
                  "percent": report["percent"]}
        for name, col in columns.items():
            if name == "percent" and values[name] is None:
                continue
            write_value(target(problem["source_row"], col.index + 1), values[name])
        result.filled.append({"code": problem["code"], "row": problem["source_row"]})
    listed = {p["code"] for p in reading.problems}
    result.not_in_template = [c for c in match.known if c not in listed]


def _save(wb, template: Path, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    wb.save(partial)
    shutil.move(str(partial), str(out))
