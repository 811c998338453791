"""月度整改进展情况表: the monthly sheet as plain data, built from the register; the weekly sheet
(信息周报告) is the same sheet for an ISO week.

    build_monthly(db, month, *, as_of=None, settings=None, unit=None) -> MonthlySheet
        month: "YYYY-MM" or a date in the month; as_of defaults to the month's last day
        (today, when the month is still running)
    build_weekly(db, week, ...) -> MonthlySheet     week: "YYYY-Www" (ISO week, 2022-W23)
    build_period_sheet(db, period, ...)             either, from desktop.core.periods
    parse_month("2024-05") -> (2024, 5); raises ValueError with a Chinese message

MonthlySheet: title, unit (填报单位), as_of, month, paragraph, COLUMNS, rows [MonthlyRow],
snapshot (stats, assessments), trend [(period, completed, problems)], signature
{"unit", "reporter", "reviewer", "phone", "date"}; MonthlyRow.cells() gives the eight printed
cells in COLUMNS order. The xlsx (monthly_xlsx), the PDF and the printout (desktop.ui.printing)
all draw this same object.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from db.progress import COUNTY_REPORT
from db.records import rows
from db.settings import signature_defaults
from desktop.core.periods import Period, parse_period
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
    problem_id: int = 0
    round: str = ""        # the round's name: the sheet numbers problems within each round
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
    kind: str = "month"               # or "week"

    @property
    def sheet_name(self) -> str:
        return "月度进展" if self.kind == "month" else "周进展"
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
                     f" measure_id IS NULL AND {COUNTY_REPORT} ORDER BY id", [period])
    return {r["problem_id"]: r["text"] for r in found if r["text"]}


def units_text(problem: dict, shown: int = 3) -> str:
    """Lead units first; a long list is cut the way documents do: "甲、乙、丙等12个单位"."""
    units = merge_unit_lists(problem.get("lead_units") or [],
                             problem.get("responsible_units") or [])
    if len(units) <= shown + 1:
        return "、".join(units)
    return "、".join(units[:shown]) + f"等{len(units)}个单位"


def _numbered_in_rounds(problems: list[dict]) -> list[int]:
    """1, 2, 3… restarting with each round (problems come ordered by round)."""
    out, last, n = [], None, 0
    for p in problems:
        n = 1 if p.get("round_id") != last else n + 1
        last = p.get("round_id")
        out.append(n)
    return out


def _day_unit(snap: Snapshot) -> str:
    return "工作日" if snap.settings.day_mode == WORKING_DAYS else "天"


def _row(n: int, problem: dict, measures: list, assessment: Assessment,
         progress: str | None, this: str = "本月", day_unit: str = "天") -> MonthlyRow:
    units = units_text(problem)
    if progress is None:
        progress = "已完成整改" if problem.get("status") in DONE_CODES else f"{this}未报送进展"
    return MonthlyRow(
        seq=n, code=str(problem.get("code") or ""),
        problem=problem.get("title") or problem.get("description") or "",
        measures=len(measures), units=units,
        deadline=deadline_cell(problem, measures),
        progress=progress, status=status_label(problem.get("status")) or "—",
        assessment=assessment, problem_id=problem.get("id") or 0,
        round=problem.get("round") or "", day_unit=day_unit)


def build_monthly(db, month: str | dt.date, *, as_of: dt.date | None = None,
                  settings: ReportSettings | None = None, unit: str | None = None,
                  round_id: int | None = None) -> MonthlySheet:
    """The month's sheet for every round (numbered within each) or for one round."""
    year, mon = parse_month(month)
    return build_period_sheet(db, parse_period(f"{year:04d}-{mon:02d}"), as_of=as_of,
                              settings=settings, unit=unit, round_id=round_id)


def build_weekly(db, week: str | dt.date, *, as_of: dt.date | None = None,
                 settings: ReportSettings | None = None, unit: str | None = None,
                 round_id: int | None = None) -> MonthlySheet:
    """信息周报告: the monthly sheet's table, counts and paragraph for one ISO week."""
    return build_period_sheet(db, parse_week(week), as_of=as_of, settings=settings, unit=unit,
                              round_id=round_id)


def parse_week(week: str | dt.date) -> Period:
    """An ISO week ("2022-W23", or the week a date lies in); ValueError in Chinese otherwise."""
    period = parse_period(week, kind="week")
    if period.kind != "week":
        raise ValueError(f"周次“{week}”格式不对，请写成 YYYY-Www，例如 2022-W23。")
    return period


def build_period_sheet(db, period: Period, *, as_of: dt.date | None = None,
                       settings: ReportSettings | None = None,
                       unit: str | None = None, round_id: int | None = None) -> MonthlySheet:
    """The period's sheet (a month or an ISO week) for every round, numbered within each, or
    for one round."""
    if as_of is None:
        as_of = max(min(period.end, dt.date.today()), period.start)
    snap = take_snapshot(db, as_of, settings, round_id=round_id)
    reports = _month_reports(db, period.text)
    numbers = _numbered_in_rounds(snap.problems)
    table = [_row(n, p, snap.measures.get(p["id"], []), a, reports.get(p["id"]), period.this,
                  _day_unit(snap))
             for n, p, a in zip(numbers, snap.problems, snap.assessments)]
    rounds = list(dict.fromkeys(r.round for r in table))
    named = f"（{rounds[0]}）" if round_id and rounds else ""
    signature = signature_defaults(db)
    if unit:
        signature["unit"] = unit
    signature.setdefault("date", "")
    signature["date"] = signature["date"] or f"{as_of.year}年{as_of.month}月{as_of.day}日"
    columns = tuple(c.replace("本月", period.this) for c in COLUMNS)
    return MonthlySheet(
        month=period.text, title=f"{period.label}整改进展情况表{named}", unit=signature["unit"],
        as_of=as_of, paragraph=snap.paragraph(with_measures=True), rows=table, snapshot=snap,
        trend=completion_trend_data(db, period.month), signature=signature, columns=columns,
        kind=period.kind, notes=assessment_notes(snap.assessments, _day_unit(snap)))
