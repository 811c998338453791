"""What the exported ledger shows: its columns and one block of rows per problem.

The shape follows the ledgers superiors send (the county sample): problem-level cells merged down
over the rows of the problem's measures, 责任单位 split into 牵头单位 / 配合单位 in a two-row
header. Columns the register kept from an imported sheet (a problem's `extra`) follow at the end
under their original headers, so nothing imported is lost on the way out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.status import derive_status, status_label

UNIT_JOIN = "、"


def join_units(units: list[str] | None) -> str:
    return UNIT_JOIN.join(units or [])


def status_word(problem: dict) -> str:
    """The status as reported; blank when none was reported and the status is the one a blank
    cell means (so that our own ledger reads back the same), else the status's Chinese word."""
    if problem.get("status_text"):
        return problem["status_text"]
    if problem.get("status") == derive_status("", problem.get("progress")):
        return ""
    return status_label(problem.get("status"))


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    problem_level: bool  # merged down over the problem's measure rows
    value: Callable[[dict, dict | None], object]
    group: str = ""  # the upper header when the column sits under a two-row group
    center: bool = False


def _p(key: str) -> Callable[[dict, dict | None], object]:
    return lambda problem, measure: problem.get(key) or ""


def _m(key: str, *, units: bool = False) -> Callable[[dict, dict | None], object]:
    def value(problem: dict, measure: dict | None) -> object:
        source = measure if measure is not None else problem
        if key == "content" and measure is None:
            return ""
        return join_units(source.get(key)) if units else (source.get(key) or "")
    return value


STATUS_HEADER = "整改状态"
COMPLETED_HEADER = "实际完成时间"   # only when some problem has an actual completion date
COLUMNS: tuple[Column, ...] = (
    Column("序号", 6, True, lambda p, m: p["_number"], center=True),
    Column("问题编号", 9, True, _p("code"), center=True),
    Column("督察批次", 14, True, _p("round")),
    Column("类别", 10, True, _p("category"), center=True),
    Column("问题名称", 18, True, _p("title")),
    Column("问题描述", 36, True, _p("description")),
    Column("整改目标", 24, True, _p("target")),
    Column("整改措施", 36, False, _m("content")),
    Column("整改时限", 14, False, _m("deadline_text"), center=True),
    Column("牵头单位", 16, False, _m("lead_units", units=True), group="责任单位"),
    Column("配合单位", 18, False, _m("responsible_units", units=True), group="责任单位"),
    Column("督办领导", 12, True, _p("supervisor"), center=True),
    Column("责任人", 10, True, _p("responsible_person"), center=True),
    Column("整改进展", 32, True, _p("progress")),
    Column(STATUS_HEADER, 12, True, lambda p, m: status_word(p), center=True),
    Column(COMPLETED_HEADER, 14, True, _p("completed_on"), center=True),
)
STANDARD_HEADERS = frozenset(c.header for c in COLUMNS) | {"责任单位"}


def ledger_columns(problems: list[dict], *, with_measures: bool) -> tuple[Column, ...]:
    """The standard columns (without 整改措施 when no problem has measures, without 问题名称 when
    no problem has a name apart from its description, without 实际完成时间 when no problem has
    one), then the extras."""
    dropped = set() if with_measures else {"整改措施"}
    if not any(str(p.get("title") or "").strip() for p in problems):
        dropped.add("问题名称")  # never a column left blank from top to bottom
    if not any(p.get("completed_on") for p in problems):
        dropped.add(COMPLETED_HEADER)
    standard = tuple(c for c in COLUMNS if c.header not in dropped)
    return standard + extra_columns(problems)


def extra_columns(problems: list[dict]) -> tuple[Column, ...]:
    """One column per original header kept in problems' `extra`, in first-seen order. A column
    whose values differed between a problem's rows (kept as a list) goes row by row again."""
    names: dict[str, bool] = {}
    for problem in problems:
        for key, value in (problem.get("extra") or {}).items():
            if key and key not in STANDARD_HEADERS:
                names[key] = names.get(key, False) or isinstance(value, list)
    return tuple(Column(name, 16, not per_row, _extra(name)) for name, per_row in names.items())


def _extra(name: str) -> Callable[[dict, dict | None], object]:
    def value(problem: dict, measure: dict | None) -> object:
        kept = (problem.get("extra") or {}).get(name)
        row = measure["_row"] if measure is not None else 0
        if isinstance(kept, list):
            return kept[row] if row < len(kept) else None
        return kept if row == 0 else None
    return value


@dataclass
class ProblemBlock:
    """One problem's rows: one per measure, or a single row when it has none."""
    problem: dict
    measures: list[dict] = field(default_factory=list)

    @property
    def height(self) -> int:
        return max(1, len(self.measures))

    def rows(self) -> list[dict | None]:
        return list(self.measures) or [None]


def problem_blocks(problems: list[dict], measures: dict[int, list[dict]]) -> list[ProblemBlock]:
    blocks, number, last_round = [], 0, None
    for problem in problems:  # numbered within each round (problems come ordered by round)
        number = 1 if problem.get("round_id") != last_round else number + 1
        last_round = problem.get("round_id")
        problem = {**problem, "_number": number}
        rows = [{**m, "_row": i} for i, m in enumerate(measures.get(problem["id"], []))]
        blocks.append(ProblemBlock(problem, rows))
    return blocks
