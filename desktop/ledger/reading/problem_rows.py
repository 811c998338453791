"""Problem ledgers: rows → problems with their measures.

A problem starts on a row whose key cell (its code, or its running number when the sheet gives no
codes) or description is its own; the rows below belong to it while those cells are merged down
over them, left blank, or repeat the same key. Measures come one per row, and a numbered cell
("1.…；2.…") gives one measure per item. A code met a second time in the same section and unit
is skipped with all its rows, each listed with its reason. Codes that start again in each section
("一、…" 1, 2; "二、…" 1) are prefixed with their section's numeral ("二-1"), and codes that start
again under each unit of a roll-up with the unit ("甲公司-1", rollup.py), so that no problem is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.ledger.errors import Issue, SkippedRow
from desktop.ledger.reading.cellvalues import code_text, whole_number
from desktop.ledger.reading.grid import Grid
from desktop.ledger.reading.layout import Layout
from desktop.ledger.reading.problem_fields import (
    ProblemFields,
    combine_row_reports,
    problem_deadline,
)
from desktop.ledger.reading.rollup import (
    is_rollup,
    owner_column,
    owner_unit,
    rollup_note,
    unit_code,
)
from desktop.ledger.reading.row_kinds import classify

PROBLEM_TEXT_FIELDS = ("title", "description", "category", "round", "target", "supervisor",
                       "responsible_person", "progress", "status_text")
_SECTION_MARK = re.compile(r"^[（(]?第?([一二三四五六七八九十]+)")
_ENDS_PROBLEM = {"section", "total", "note", "signature", "other_table"}


@dataclass
class Reading:
    """What was read from a sheet, before anything is written."""
    records: list[dict] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)


class ProblemReader(ProblemFields):
    def __init__(self, grid: Grid, layout: Layout, reading: Reading, section_codes: bool = False,
                 unit_codes: bool = False):
        self.grid, self.layout, self.out = grid, layout, reading
        self.cols = {name: cols[0] for name, cols in layout.by_field.items()}
        self.section_codes, self.restarts = section_codes, False
        self.unit_codes, self.unit_repeats = unit_codes, 0     # a roll-up of units' ledgers
        self.owner, self.owner_named = owner_column(layout)
        self.section, self.section_no = "", 0
        self.head: dict | None = None          # the group of rows being read (problem or repeat)
        self.current: dict | None = None       # None while the rows of a repeated code are skipped
        self.rows_of_current: list[int] = []
        self.seen: dict[str, tuple[int, int]] = {}     # code → (row, section number)
        self.key_field = self._key_field()
        key_fields = (self.key_field, "description", "title")
        self.key_cols = [c.index for f in key_fields for c in self.layout.by_field.get(f or "", [])]

    def _key_field(self) -> str | None:
        code = self.layout.col("code")
        if code and any(self.grid.raw(r, code.index) is not None
                        for r in range(self.layout.first_data_row, self.grid.height)):
            return "code"
        return "seq" if self.layout.col("seq") else None

    def read(self) -> None:
        last, other = 0, 0
        for r in range(self.layout.first_data_row, self.grid.height):
            kind, reason = classify(self.grid, r, self.layout)
            other = other or (r + 1 if kind == "other_table" else 0)
            if other:
                kind, reason = in_other_table(kind, other)
            if kind == "record":
                self.read_row(r)
                last = r + 1
                continue
            if kind in _ENDS_PROBLEM:
                self.finish()
            if kind == "section":
                self.section, self.section_no = reason, self.section_no + 1
                reason = f"分类标题行（{reason[:20]}）"
            self.skip(r, reason)
        self.finish()
        drop_trailing_blanks(self.out.skipped, last)

    def skip(self, r: int, reason: str) -> None:
        self.out.skipped.append(SkippedRow(r + 1, reason, tuple(self.grid.row_texts(r))))

    def key(self, r: int) -> str:
        return code_text(self.own_text(r, self.key_field)) if self.key_field else ""

    def continues(self, r: int) -> bool:
        head = self.head
        if head is None:
            return False
        for c in self.key_cols:
            origin = self.grid.merged_from(r, c)
            if origin and origin[0] in self.rows_of_current:
                return True
        key = self.key(r)
        desc = self.own_text(r, "description") or self.own_text(r, "title")
        same_desc = not desc or desc in (head["description"], head["title"])
        return same_desc and (not key or key == head["key"])

    def read_row(self, r: int) -> None:
        if self.continues(r):
            self.rows_of_current.append(r)
            if self.current is not None:
                self.add_measures(r)
            else:
                first = self.rows_of_current[0] + 1
                self.skip(r, f"属于第{first}行重复的问题“{self.head['code']}”，未导入")
            return
        self.finish()
        self.start(r)

    def code_of(self, r: int) -> str:
        code = code_text(self.value(r, "code")) or code_text(self.value(r, "seq"))
        if code and self.section_codes and self.section:
            mark = _SECTION_MARK.match(self.section)
            code = f"{mark.group(1) if mark else self.section[:30] or self.section_no}-{code}"
        if code and self.unit_codes:
            code = unit_code(owner_unit(self.grid, self.owner, r), code)
        return code or f"第{r + 1}行"

    def start(self, r: int) -> None:
        code = self.code_of(r)
        self.head = {"key": self.key(r), "code": code, "description": self.text(r, "description"),
                     "title": self.text(r, "title")}
        self.rows_of_current = [r]
        if code in self.seen:
            row, section_no = self.seen[code]
            self.restarts |= section_no != self.section_no
            self.unit_repeats += section_no == self.section_no and \
                owner_unit(self.grid, self.owner, r) != owner_unit(self.grid, self.owner, row - 1)
            self.skip(r, f"问题编号“{code}”与第{row}行重复，未导入")
            return
        self.seen[code] = (r + 1, self.section_no)
        problem = {"code": code, "seq": whole_number(self.value(r, "seq")), "source_row": r + 1,
                   "lead_units": [], "responsible_units": [], "measures": [], "extra": {},
                   "deadline": None, "deadline_kind": "unknown", "deadline_text": "",
                   "completed_on": None}
        for name in PROBLEM_TEXT_FIELDS:
            problem[name] = self.text(r, name)
        if not problem["category"] and self.section:
            problem["category"] = self.section
        self.current = problem
        self.read_status(r, problem)
        self.add_measures(r)

    def finish(self) -> None:
        problem, self.current, self.head = self.current, None, None
        if problem is None:
            return
        if problem["measures"] and self.layout.col("deadline"):
            problem_deadline(problem)
        combine_row_reports(problem, self.row_reports)
        row = problem["source_row"]
        if not (problem["description"] or problem["title"] or problem["measures"]):
            self.out.skipped.append(SkippedRow(row, "没有问题内容，未导入", tuple(self.grid.row_texts(row - 1))))
            return
        if problem["code"] == f"第{row}行":
            self.warn(row - 1, "code", f"该行没有序号或问题编号，以“{problem['code']}”作为编号，"
                                       "请在台账中补上编号。")
        self.out.records.append(problem)


def in_other_table(kind: str, first_row: int) -> tuple[str, str]:
    """Rows from another table's header on are not read with this table's columns."""
    return ("blank", "空行") if kind == "blank" else \
        ("other_table", f"第{first_row}行起是另一张表，未导入")


def drop_trailing_blanks(skipped: list[SkippedRow], last_record_row: int) -> None:
    """Blank rows after the last record (the sheet's used area) are not worth a mention."""
    while skipped and skipped[-1].reason == "空行" and skipped[-1].row > last_record_row:
        skipped.pop()


def read_problems(grid: Grid, layout: Layout) -> Reading:
    reading = Reading()
    reader = ProblemReader(grid, layout, reading)
    reader.read()
    if reader.restarts:      # numbers start again in each section: read again with their numerals
        reading = Reading()
        ProblemReader(grid, layout, reading, section_codes=True).read()
    elif is_rollup(reader.unit_repeats, reader.owner_named):   # members number from 1 each
        reading = Reading()
        ProblemReader(grid, layout, reading, unit_codes=True).read()
        example = next((p["code"] for p in reading.records if "-" in p["code"]), "")
        reading.warnings.insert(0, Issue(grid.name, layout.header_rows[-1],
                                         _key_letter(layout), rollup_note(example)))
    return reading


def _key_letter(layout: Layout) -> str:
    col = layout.col("code") or layout.col("seq") or (layout.columns[0] if layout.columns else None)
    return col.letter if col else "A"
