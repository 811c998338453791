"""A problem's fields read from its rows: status, measures with their deadlines and units, the
columns the program does not map (kept verbatim). Mixed into ProblemReader (problem_rows)."""

from __future__ import annotations

import re

from desktop.core.deadlines import parse_deadline
from desktop.core.numbered import split_numbered
from desktop.core.status import (
    CLOSED,
    COMPLETED,
    DONE_CODES,
    combined_status,
    derive_status,
    status_from_text,
    yes_no,
)
from desktop.core.unit_roles import read_units
from desktop.core.units import merge_unit_lists
from desktop.ledger.errors import Issue
from desktop.ledger.reading.cellvalues import date_value, percent_value
from desktop.ledger.reading.grid import Grid
from desktop.ledger.reading.layout import Column, Layout


def said_yes(value, done: frozenset[str]) -> bool:
    """是/√ in a yes/no column; a status word written there counts when it means one of `done`."""
    answer = yes_no(value)
    if answer is None and isinstance(value, str):
        return status_from_text(value) in done
    return bool(answer)


class ProblemFields:
    grid: Grid
    layout: Layout
    cols: dict[str, Column]        # each field's (first) column
    rows_of_current: list[int]

    def warn(self, r: int, field_name: str, message: str) -> None:
        col = self.cols.get(field_name) or (self.layout.columns[0] if self.layout.columns else None)
        self.out.warnings.append(Issue(self.grid.name, r + 1, col.letter if col else "A", message))

    def value(self, r: int, field_name: str):
        col = self.cols.get(field_name)
        return self.grid.value(r, col.index) if col else None

    def text(self, r: int, field_name: str) -> str:
        col = self.cols.get(field_name)
        return self.grid.text(r, col.index) if col else ""

    def own_text(self, r: int, field_name: str) -> str:
        """The cell's text only where the cell is not a merged continuation of an earlier row."""
        col = self.cols.get(field_name)
        if col is None:
            return ""
        origin = self.grid.merged_from(r, col.index)
        return "" if origin and origin[0] < r else self.grid.text(r, col.index)

    def unit_lists(self, r: int) -> tuple[list[str], list[str]]:
        """(lead units, responsible units) of a row; a unit marked 牵头 in any unit cell leads."""
        lead: list[list[str]] = []
        responsible: list[list[str]] = []
        for name in ("lead_units", "responsible_units"):
            for col in self.layout.by_field.get(name, []):
                marked, others = read_units(self.grid.text(r, col.index))
                lead.append(marked)
                (lead if name == "lead_units" else responsible).append(others)
        return _joined(lead), _joined(responsible)

    def row_status(self, r: int, status_text: str, progress: str) -> tuple[str, str]:
        """(status code, status words) of one row: its status word, else a short status word in
        its progress column, else whether it reports progress; yes/no columns have the last say."""
        if status_text and status_from_text(status_text) is None:
            self.warn(r, "status_text", f"整改状态“{status_text}”不是常用的状态词，已按进展推断状态，原文保留。")
        if (not status_text and self.cols.get("status_text") is None and progress
                and len(progress) <= 10 and status_from_text(progress)):
            status_text = progress     # a short status word written in the progress column
        status = derive_status(status_text, progress)
        if said_yes(self.value(r, "completed_yes_no"), DONE_CODES) and status != CLOSED:
            status = COMPLETED
        if said_yes(self.value(r, "closed_yes_no"), frozenset({CLOSED})):
            status = CLOSED
        return status, status_text

    def read_status(self, r: int, problem: dict) -> None:
        problem["status"], problem["status_text"] = self.row_status(
            r, problem["status_text"], problem["progress"])
        self.row_reports = [(problem["status"], problem["status_text"], problem["progress"])]
        try:
            problem["percent"] = percent_value(self.value(r, "percent"))
        except ValueError:
            problem["percent"] = None
            self.warn(r, "percent", f"完成进度“{self.text(r, 'percent')}”应为0到100之间的数字，已忽略。")

    def measure_row_status(self, r: int) -> str:
        """The status of a measure's own row: its own progress or status cells when it has them
        (kept for the problem's combined status), else the problem's."""
        own = [self.own_text(r, f) for f in ("status_text", "progress", "completed_yes_no",
                                             "closed_yes_no")]
        if r == self.rows_of_current[0] or not any(own):
            return self.current["status"]
        status, words = self.row_status(r, self.text(r, "status_text"), own[1])
        self.row_reports.append((status, words, own[1]))
        return status

    def add_measures(self, r: int) -> None:
        problem, first = self.current, r == self.rows_of_current[0]
        lead, resp = self.unit_lists(r)
        if first:     # a problem's own cell is kept as written
            problem["lead_units"], problem["responsible_units"] = list(lead), list(resp)
        else:
            problem["lead_units"] = merge_unit_lists(problem["lead_units"], lead)
            problem["responsible_units"] = merge_unit_lists(problem["responsible_units"], resp)
        self.keep_extra(r, problem)
        if "completed_on" in self.cols:
            self.read_completed_on(r, problem)
        status = self.measure_row_status(r)
        items = split_numbered(self.own_text(r, "measure")) if self.cols.get("measure") else []
        if not items and first:    # a problem without measures
            self.set_deadline(problem, r, self.value(r, "deadline"))
        deadlines = paired_deadlines(self.own_text(r, "deadline"), len(items))
        for i, content in enumerate(items):
            measure = {"seq": len(problem["measures"]) + 1, "content": content,
                       "lead_units": lead, "responsible_units": resp,
                       "status": status, "source_row": r + 1}
            self.set_deadline(measure, r, deadlines[i] if deadlines else self.value(r, "deadline"))
            problem["measures"].append(measure)

    def read_completed_on(self, r: int, problem: dict) -> None:
        """The actual completion date (实际完成时间, 销号时间): the latest on the problem's rows; a
        cell that is no date is warned and kept among the original columns."""
        text = self.own_text(r, "completed_on")
        if not text:
            return
        day = date_value(self.value(r, "completed_on"))
        if day is None:
            self.warn(r, "completed_on", f"实际完成时间“{text}”不是日期，已留空，原文保留在其他列中。")
            problem["extra"].setdefault(self.cols["completed_on"].header or "实际完成时间", text)
            return
        if not problem.get("completed_on") or day.isoformat() > problem["completed_on"]:
            problem["completed_on"] = day.isoformat()

    def set_deadline(self, record: dict, r: int, value) -> None:
        deadline = parse_deadline(value)
        record["deadline"], record["deadline_kind"] = deadline.iso, deadline.kind
        record["deadline_text"] = deadline.text
        if deadline.text and deadline.kind == "unknown":
            note = f"（{deadline.note}）" if deadline.note else ""
            self.warn(r, "deadline", f"整改时限“{deadline.text}”无法识别{note}，已保留原文，请核对。")
        elif deadline.note:
            self.warn(r, "deadline", f"整改时限：{deadline.note}，请核对。")

    def keep_extra(self, r: int, problem: dict) -> None:
        for col in self.layout.columns:
            if col.field:
                continue
            value = self.grid.text(r, col.index)
            name = col.header or f"{col.letter}列"
            if not value:
                continue
            old = problem["extra"].get(name)
            if old is None:
                problem["extra"][name] = value
            elif value not in (old if isinstance(old, list) else [old]):
                problem["extra"][name] = (old if isinstance(old, list) else [old]) + [value]


def _joined(lists: list[list[str]]) -> list[str]:
    """One cell's list kept as written; several cells' lists merged, each unit once."""
    filled = [names for names in lists if names]
    return list(filled[0]) if len(filled) == 1 else merge_unit_lists(*filled)


def paired_deadlines(text: str, count: int) -> list[str]:
    """One deadline per numbered measure when the deadline cell lists as many, numbered or one
    per line ("1.2022年6月；2.2022年底" or "2022年6月\n2022年底"); else none."""
    if count < 2:
        return []
    for items in (split_numbered(text), [t for t in re.split(r"[\n；;]+", text) if t.strip()]):
        if len(items) == count:
            return items
    return []


def combine_row_reports(problem: dict, reports: list[tuple[str, str, str]]) -> None:
    """A problem whose measures' rows report their own progress and status: its status is
    their combined status, its progress and status words theirs joined, nothing dropped."""
    if len(reports) < 2:
        return
    problem["status"] = combined_status([code for code, _, _ in reports])
    problem["status_text"] = "；".join(dict.fromkeys(w for _, w, _ in reports if w))
    problem["progress"] = "\n".join(dict.fromkeys(p for _, _, p in reports if p))


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
