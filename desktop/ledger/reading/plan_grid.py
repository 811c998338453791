"""A plan's numbered text (desktop.core.plan_text) laid out as a ledger sheet, so that it is read,
checked, mapped, committed and undone exactly like a superior's workbook.

The sheet has the plan's title on its first row, a header row of the usual words, then one row
per problem and one per measure below it. A measure without units or deadline of its own takes
its problem's, as a merged cell does in a workbook.
"""

from __future__ import annotations

from desktop.core.plan_text import PlanProblem, PlanText
from desktop.ledger.reading.grid import Grid

TEXT_SHEET = "方案正文"
HEADER = ("编号", "问题名称", "问题描述", "类别", "整改目标", "整改措施", "整改时限", "牵头单位",
          "责任单位", "督办领导", "责任人")
_PROBLEM_ONLY = (0, 1, 2, 3, 4, 9, 10)       # merged down over the problem's measure rows
_CARRIED = {6: "deadline", 7: "lead", 8: "responsible"}


def _problem_row(problem: PlanProblem) -> list:
    a = problem.attrs
    return [problem.code, problem.title, problem.description, problem.category,
            a.get("target", ""), "", a.get("deadline", ""), a.get("lead", ""),
            a.get("responsible", ""), a.get("supervisor", ""), a.get("person", "")]


def _rows_of(problem: PlanProblem, top: int) -> tuple[list[list], list[tuple[int, int, int, int]]]:
    first = _problem_row(problem)
    rows = [first]
    for measure in problem.measures:
        row = [None] * len(HEADER)
        row[5] = measure.content
        for c, key in _CARRIED.items():
            row[c] = measure.attrs.get(key) or first[c]
        rows.append(row)
    merges = [(top, c, top + len(rows) - 1, c) for c in _PROBLEM_ONLY] if len(rows) > 1 else []
    return [[v or None for v in row] for row in rows], merges


def plan_grid(plan: PlanText, name: str = TEXT_SHEET) -> Grid:
    rows: list[list] = [[plan.title or "整改方案", *[None] * (len(HEADER) - 1)], list(HEADER)]
    merges: list[tuple[int, int, int, int]] = [(0, 0, 0, len(HEADER) - 1)]
    for problem in plan.problems:
        more, spans = _rows_of(problem, len(rows))
        rows += more
        merges += spans
    return Grid(name, rows, merges)
