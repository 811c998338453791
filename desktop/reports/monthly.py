"""月度整改进展情况表: the monthly sheet as plain data, built from the register.

    build_monthly(db, month, *, as_of=None, settings=None, unit=None) -> MonthlySheet
        month: "YYYY-MM" or a date in the month; as_of defaults to the month's last day
        (today, when the month is still running)
    parse_month("2024-05") -> (2024, 5); raises ValueError with a Chinese message

MonthlySheet: title, unit (填报单位), as_of, month, paragraph, COLUMNS, rows [MonthlyRow],
snapshot (stats, assessments), trend [(period, completed, problems)], signature
{"unit", "reporter", "reviewer", "phone", "date"}; MonthlyRow.cells() gives the eight printed
cells in COLUMNS order. The xlsx (monthly_xlsx), the PDF and the printout (desktop.ui.printing)
all draw this same object.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from db.records import rows
from db.settings import signature_defaults
from desktop.core.report_settings import WORKING_DAYS, ReportSettings
from desktop.core.schedule import Assessment
from desktop.core.status import DONE_CODES, status_label
from desktop.core.summary import as_of_phrase
from desktop.core.units import merge_unit_lists
from desktop.reports.sheet_cells import assessment_cell, assessment_notes, deadline_cell
from desktop.reports.snapshot import Snapshot, completion_trend_data, take_snapshot

COLUMNS = ("序号", "问题", "措施数", "责任单位", "整改时限", "本月进展", "整改状态", "序时评估")
# Relative widths of the columns when printed (sum 100).
COLUMN_WEIGHTS = (3.5, 31, 3.5, 13, 11.5, 19, 7.5, 11)
SIGNATURE_LABELS = (("unit", "填报单位（盖章）"), ("reporter", "填报人"), ("reviewer", "审核人"),
                    ("phone", "联系电话"), ("date", "填报日期"))


@dataclass(frozen=True)
class MonthlyRow:
    seq: int
    code: str
    problem: str
    measures: int
    units: str
    deadline: str
    progress: str
    status: str
    assessment: Assessment
    day_unit: str = "天"

    def cells(self) -> tuple[str, ...]:
        return (str(self.seq), self.problem, str(self.measures) if self.measures else "—",
                self.units, self.deadline, self.progress, self.status,
                assessment_cell(self.assessment, self.day_unit))


@dataclass
class MonthlySheet:
    month: str
    title: str
    unit: str
    as_of: dt.date
    paragraph: str
    rows: list[MonthlyRow]
    snapshot: Snapshot
    trend: list[tuple[str, int, int]]
    signature: dict[str, str] = field(default_factory=dict)
    columns: tuple[str, ...] = COLUMNS
    notes: list[str] = field(default_factory=list)  # said once under the table

    @property
    def as_of_text(self) -> str:
        return f"截至{as_of_phrase(self.as_of)}"


def parse_month(value: str | dt.date) -> tuple[int, int]:
    if isinstance(value, dt.date):
        return value.year, value.month
    m = re.fullmatch(r"\s*(\d{4})[-/.年](\d{1,2})月?\s*", str(value))
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValueError(f"月份“{value}”格式不对，请写成 YYYY-MM，例如 2024-05。")
    return int(m.group(1)), int(m.group(2))


def _month_reports(db, period: str) -> dict[int, str]:
    found = rows(db, "SELECT problem_id, text FROM progress_reports WHERE period = ? AND"
                     " measure_id IS NULL ORDER BY id", [period])
    return {r["problem_id"]: r["text"] for r in found if r["text"]}


def units_text(problem: dict, shown: int = 3) -> str:
    """Lead units first; a long list is cut the way documents do: "甲、乙、丙等12个单位"."""
    units = merge_unit_lists(problem.get("lead_units") or [],
                             problem.get("responsible_units") or [])
    if len(units) <= shown + 1:
        return "、".join(units)
    return "、".join(units[:shown]) + f"等{len(units)}个单位"


def _day_unit(snap: Snapshot) -> str:
    return "工作日" if snap.settings.day_mode == WORKING_DAYS else "天"


def _row(n: int, problem: dict, measures: list, assessment: Assessment,
         progress: str | None, day_unit: str = "天") -> MonthlyRow:
    units = units_text(problem)
    if progress is None:
        progress = "已完成整改" if problem.get("status") in DONE_CODES else "本月未报送进展"
    return MonthlyRow(
        seq=n, code=str(problem.get("code") or ""),
        problem=problem.get("title") or problem.get("description") or "",
        measures=len(measures), units=units,
        deadline=deadline_cell(problem, measures),
        progress=progress, status=status_label(problem.get("status")) or "—",
        assessment=assessment, day_unit=day_unit)


def build_monthly(db, month: str | dt.date, *, as_of: dt.date | None = None,
                  settings: ReportSettings | None = None, unit: str | None = None) -> MonthlySheet:
    year, mon = parse_month(month)
    period = f"{year:04d}-{mon:02d}"
    if as_of is None:
        as_of = min(dt.date(year, mon, calendar.monthrange(year, mon)[1]), dt.date.today())
        as_of = max(as_of, dt.date(year, mon, 1))
    snap = take_snapshot(db, as_of, settings)
    reports = _month_reports(db, period)
    table = [_row(n, p, snap.measures.get(p["id"], []), a, reports.get(p["id"]), _day_unit(snap))
             for n, (p, a) in enumerate(zip(snap.problems, snap.assessments), start=1)]
    signature = signature_defaults(db)
    if unit:
        signature["unit"] = unit
    signature.setdefault("date", "")
    signature["date"] = signature["date"] or f"{as_of.year}年{as_of.month}月{as_of.day}日"
    return MonthlySheet(
        month=period, title=f"{year}年{mon}月整改进展情况表", unit=signature["unit"],
        as_of=as_of, paragraph=snap.paragraph(with_measures=True), rows=table, snapshot=snap,
        trend=completion_trend_data(db, period), signature=signature,
        notes=assessment_notes(snap.assessments, _day_unit(snap)))
