"""Problem ledgers: rows → problems with their measures.

A problem starts on a row whose code (or description) cell is its own; the rows below belong to it
while that cell is merged down over them, left blank, or repeats the same code. Measures come one
per row, and a numbered cell ("1.…；2.…") gives one measure per item.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.deadlines import parse_deadline
from desktop.core.numbered import split_numbered
from desktop.core.status import CLOSED, COMPLETED, derive_status, status_from_text, yes_no
from desktop.core.units import merge_unit_lists, split_units
from desktop.ledger.cellvalues import cell_text, code_text, percent_value
from desktop.ledger.errors import Issue, SkippedRow
from desktop.ledger.grid import Grid
from desktop.ledger.layout import Layout
from desktop.ledger.row_kinds import classify, row_texts

PROBLEM_TEXT_FIELDS = ("title", "description", "category", "round", "target", "supervisor",
                       "responsible_person", "progress", "status_text")


@dataclass
class Reading:
    """What was read from a sheet, before anything is written."""
    records: list[dict] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)


class ProblemReader:
    def __init__(self, grid: Grid, layout: Layout, reading: Reading):
        self.grid, self.layout, self.out = grid, layout, reading
        self.section = ""
        self.current: dict | None = None
        self.rows_of_current: list[int] = []
        self.seen_codes: dict[str, int] = {}
        key_fields = ("code", "seq", "description", "title")
        self.key_cols = [c.index for f in key_fields for c in self.layout.by_field.get(f, [])]

    def warn(self, r: int, field_name: str, message: str) -> None:
        col = self.layout.col(field_name)
        self.out.warnings.append(Issue(self.grid.name, r + 1, col.letter if col else "", message))

    def value(self, r: int, field_name: str):
        col = self.layout.col(field_name)
        return self.grid.value(r, col.index) if col else None

    def text(self, r: int, field_name: str) -> str:
        return cell_text(self.value(r, field_name))

    def own_text(self, r: int, field_name: str) -> str:
        """The cell's text only where the cell is not a merged continuation of an earlier row."""
        col = self.layout.col(field_name)
        if col is None:
            return ""
        origin = self.grid.merged_from(r, col.index)
        if origin and origin[0] < r:
            return ""
        return cell_text(self.grid.value(r, col.index))

    def units(self, r: int, field_name: str) -> list[str]:
        lists = [split_units(cell_text(self.grid.value(r, c.index)))
                 for c in self.layout.by_field.get(field_name, [])]
        return lists[0] if len(lists) == 1 else merge_unit_lists(*lists)

    def read(self) -> None:
        for r in range(self.layout.first_data_row, self.grid.height):
            kind, reason = classify(self.grid, r, self.layout)
            if kind == "record":
                self.read_row(r)
                continue
            if kind == "section":
                self.section = reason
                reason = f"分类标题行（{reason[:20]}）"
            self.out.skipped.append(SkippedRow(r + 1, reason, tuple(row_texts(self.grid, r))))
        self.finish()
        while self.out.skipped and self.out.skipped[-1].reason == "空行":
            self.out.skipped.pop()   # blank rows at the end of a sheet are not worth a mention

    def continues(self, r: int) -> bool:
        if self.current is None:
            return False
        for c in self.key_cols:
            origin = self.grid.merged_from(r, c)
            if origin and origin[0] in self.rows_of_current:
                return True
        code = code_text(self.value(r, "code") or self.value(r, "seq"))
        desc = self.own_text(r, "description") or self.own_text(r, "title")
        if not code and not desc:
            return True
        same_desc = not desc or desc in (self.current["description"], self.current["title"])
        return bool(code) and code == self.current["code"] and same_desc

    def read_row(self, r: int) -> None:
        if self.continues(r):
            self.rows_of_current.append(r)
            self.add_measures(r)
            return
        self.finish()
        self.start(r)

    def start(self, r: int) -> None:
        code = code_text(self.value(r, "code")) or code_text(self.value(r, "seq"))
        if not code:
            code = f"第{r + 1}行"
            self.warn(r, "code", f"该行没有序号或问题编号，以“{code}”作为编号，请在台账中补上编号。")
        if code in self.seen_codes:
            self.out.skipped.append(SkippedRow(
                r + 1, f"问题编号“{code}”与第{self.seen_codes[code]}行重复，未导入",
                tuple(row_texts(self.grid, r))))
            self.current = None
            return
        self.seen_codes[code] = r + 1
        problem = {"code": code, "seq": _seq(self.value(r, "seq")), "source_row": r + 1,
                   "lead_units": [], "responsible_units": [], "measures": [], "extra": {}}
        for name in PROBLEM_TEXT_FIELDS:
            problem[name] = self.text(r, name)
        if not problem["category"] and self.section:
            problem["category"] = self.section
        self.current, self.rows_of_current = problem, [r]
        self.read_status(r, problem)
        self.add_measures(r)

    def read_status(self, r: int, problem: dict) -> None:
        status_text = problem["status_text"]
        if status_text and status_from_text(status_text) is None:
            self.warn(r, "status_text", f"整改状态“{status_text}”不是常用的状态词，已按进展推断状态，原文保留。")
        if not status_text and self.layout.col("status_text") is None:
            progress = problem["progress"]
            if progress and len(progress) <= 10 and status_from_text(progress):
                status_text = progress     # a short status word written in the progress column
        status = derive_status(status_text, problem["progress"])
        if yes_no(self.value(r, "completed_yes_no")) and status != CLOSED:
            status = COMPLETED
        if yes_no(self.value(r, "closed_yes_no")):
            status = CLOSED
        problem["status"], problem["status_text"] = status, status_text
        try:
            problem["percent"] = percent_value(self.value(r, "percent"))
        except ValueError:
            problem["percent"] = None
            self.warn(r, "percent", f"完成进度“{self.text(r, 'percent')}”应为0到100之间的数字，已忽略。")

    def add_measures(self, r: int) -> None:
        problem = self.current
        if problem is None:
            return
        lead, resp = self.units(r, "lead_units"), self.units(r, "responsible_units")
        if r == self.rows_of_current[0]:     # a problem's own cell is kept as written
            problem["lead_units"], problem["responsible_units"] = list(lead), list(resp)
        else:
            problem["lead_units"] = merge_unit_lists(problem["lead_units"], lead)
            problem["responsible_units"] = merge_unit_lists(problem["responsible_units"], resp)
        self.keep_extra(r, problem)
        if self.layout.col("measure") is None:
            if r == self.rows_of_current[0]:
                self.set_deadline(problem, r, self.value(r, "deadline"))
            return
        items = split_numbered(self.own_text(r, "measure"))
        deadlines = split_numbered(self.own_text(r, "deadline"))
        paired = len(deadlines) == len(items) > 1
        for i, content in enumerate(items):
            measure = {"seq": len(problem["measures"]) + 1, "content": content,
                       "lead_units": lead, "responsible_units": resp,
                       "status": problem["status"], "source_row": r + 1}
            self.set_deadline(measure, r, deadlines[i] if paired else self.value(r, "deadline"))
            problem["measures"].append(measure)

    def set_deadline(self, record: dict, r: int, value) -> None:
        deadline = parse_deadline(value)
        record["deadline"], record["deadline_kind"] = deadline.iso, deadline.kind
        record["deadline_text"] = deadline.text
        if deadline.text and deadline.kind == "unknown":
            note = f"（{deadline.note}）" if deadline.note else ""
            self.warn(r, "deadline", f"整改时限“{deadline.text}”无法识别{note}，已保留原文，请核对。")

    def keep_extra(self, r: int, problem: dict) -> None:
        for col in self.layout.columns:
            if col.field:
                continue
            value = cell_text(self.grid.value(r, col.index))
            name = col.header or f"{col.letter}列"
            if not value:
                continue
            old = problem["extra"].get(name)
            if old is None:
                problem["extra"][name] = value
            elif value not in (old if isinstance(old, list) else [old]):
                problem["extra"][name] = (old if isinstance(old, list) else [old]) + [value]

    def finish(self) -> None:
        problem, self.current = self.current, None
        if problem is None:
            return
        if problem["measures"] and self.layout.col("deadline"):
            _problem_deadline(problem)
        if not (problem["description"] or problem["title"] or problem["measures"]):
            self.out.skipped.append(SkippedRow(problem["source_row"], "没有问题内容，未导入"))
            return
        self.out.records.append(problem)


def _seq(value) -> int | None:
    text = code_text(value)
    return int(text) if text.isdigit() else None


def _problem_deadline(problem: dict) -> None:
    """A problem is due when its last dated measure is; its text lists its measures' deadlines."""
    measures = problem["measures"]
    texts = list(dict.fromkeys(m["deadline_text"] for m in measures if m["deadline_text"]))
    dated = [m for m in measures if m["deadline"]]
    problem["deadline_text"] = "；".join(texts)
    if dated:
        problem["deadline"] = max(m["deadline"] for m in dated)
        problem["deadline_kind"] = "fixed"
    else:
        problem["deadline"] = None
        kinds = [m["deadline_kind"] for m in measures]
        problem["deadline_kind"] = kinds[0] if kinds else "unknown"


def read_problems(grid: Grid, layout: Layout) -> Reading:
    reading = Reading()
    ProblemReader(grid, layout, reading).read()
    return reading
