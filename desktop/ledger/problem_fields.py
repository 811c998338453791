"""A problem's fields read from its rows: status, measures with their deadlines and units, the
columns the program does not map (kept verbatim). Mixed into ProblemReader (problem_rows)."""

from __future__ import annotations

from desktop.core.deadlines import parse_deadline
from desktop.core.numbered import split_numbered
from desktop.core.status import (
    CLOSED,
    COMPLETED,
    DONE_CODES,
    derive_status,
    status_from_text,
    yes_no,
)
from desktop.core.units import merge_unit_lists, split_units
from desktop.ledger.cellvalues import cell_text, percent_value
from desktop.ledger.errors import Issue
from desktop.ledger.grid import Grid
from desktop.ledger.layout import Layout


def said_yes(value, done: frozenset[str]) -> bool:
    """是/√ in a yes/no column; a status word written there counts when it means one of `done`."""
    answer = yes_no(value)
    if answer is None and isinstance(value, str):
        return status_from_text(value) in done
    return bool(answer)


class ProblemFields:
    grid: Grid
    layout: Layout
    rows_of_current: list[int]

    def warn(self, r: int, field_name: str, message: str) -> None:
        col = self.layout.col(field_name) or (self.layout.columns[0] if self.layout.columns else None)
        self.out.warnings.append(Issue(self.grid.name, r + 1, col.letter if col else "A", message))

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

    def read_status(self, r: int, problem: dict) -> None:
        status_text = problem["status_text"]
        if status_text and status_from_text(status_text) is None:
            self.warn(r, "status_text", f"整改状态“{status_text}”不是常用的状态词，已按进展推断状态，原文保留。")
        if not status_text and self.layout.col("status_text") is None:
            progress = problem["progress"]
            if progress and len(progress) <= 10 and status_from_text(progress):
                status_text = progress     # a short status word written in the progress column
        status = derive_status(status_text, problem["progress"])
        if said_yes(self.value(r, "completed_yes_no"), DONE_CODES) and status != CLOSED:
            status = COMPLETED
        if said_yes(self.value(r, "closed_yes_no"), frozenset({CLOSED})):
            status = CLOSED
        problem["status"], problem["status_text"] = status, status_text
        try:
            problem["percent"] = percent_value(self.value(r, "percent"))
        except ValueError:
            problem["percent"] = None
            self.warn(r, "percent", f"完成进度“{self.text(r, 'percent')}”应为0到100之间的数字，已忽略。")

    def add_measures(self, r: int) -> None:
        problem, first = self.current, r == self.rows_of_current[0]
        lead, resp = self.units(r, "lead_units"), self.units(r, "responsible_units")
        if first:     # a problem's own cell is kept as written
            problem["lead_units"], problem["responsible_units"] = list(lead), list(resp)
        else:
            problem["lead_units"] = merge_unit_lists(problem["lead_units"], lead)
            problem["responsible_units"] = merge_unit_lists(problem["responsible_units"], resp)
        self.keep_extra(r, problem)
        items = split_numbered(self.own_text(r, "measure")) if self.layout.col("measure") else []
        if not items and first:    # a problem without measures
            self.set_deadline(problem, r, self.value(r, "deadline"))
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


def problem_deadline(problem: dict) -> None:
    """A problem is due when its last dated measure is; its text lists its measures' deadlines."""
    measures = problem["measures"]
    texts = list(dict.fromkeys(m["deadline_text"] for m in measures if m["deadline_text"]))
    dated = [m for m in measures if m["deadline"]]
    problem["deadline_text"] = "；".join(texts)
    if dated:
        last = max(dated, key=lambda m: m["deadline"])
        problem["deadline"], problem["deadline_kind"] = last["deadline"], last["deadline_kind"]
    else:
        problem["deadline"] = None
        kinds = [m["deadline_kind"] for m in measures]
        problem["deadline_kind"] = kinds[0] if kinds else "unknown"
