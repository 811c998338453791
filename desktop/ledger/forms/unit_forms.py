"""`export unit-forms`: one fill-in workbook per responsible unit for a period.

Forms go to real units only: a spelling merged into a unit goes to that unit, a group (各乡镇人民政府,
相关乡镇 …) to its members; a group whose members are not listed yet is 未分发 with the reason. By
default only problems not yet completed or closed are asked about; rounds and units may be chosen.
Each lists the unit's problems (where it leads or is responsible, for the problem or any of its
measures) with their measures, locked, and the cells the unit fills: progress this period, status
(drop-down), percent (0–100, validated), difficulties, next steps, reporter and phone. The sheet is
protected with only those cells open; a hidden sheet identifies register, period, unit and carries
the fingerprint that `collect` checks.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from db.identity import form_key, get_setting, register_id, set_setting
from db.progress import COUNTY_REPORT
from db.records import measures_by_problem, problem_rows, rows
from db.unit_registry import UnitResolver
from desktop.core.periods import period_key
from desktop.core.status import DONE_CODES
from desktop.core.units import merge_unit_lists, unit_key
from desktop.ledger.forms.form_layout import check_period, period_label
from desktop.ledger.forms.form_writer import FormContent, write_form
from desktop.ledger.long_work import Cancel, Progress, checkpoint

ISSUED_PERIODS = "unit_forms_periods"
_BAD_FILE_CHARS = re.compile(r'[\\/:*?"<>|\s]+')


@dataclass(frozen=True)
class UnitForm:
    unit: str
    period: str
    path: Path
    problems: int


def _problem_units(problem: dict, measures: list[dict]) -> tuple[list[str], list[str]]:
    lead = merge_unit_lists(problem.get("lead_units") or [],
                            *[m.get("lead_units") or [] for m in measures])
    resp = merge_unit_lists(problem.get("responsible_units") or [],
                            *[m.get("responsible_units") or [] for m in measures])
    return lead, resp


@dataclass
class Distribution:
    """Who gets a form: unit key → (name, problems); and the groups that cannot be sent to."""
    units: dict[str, tuple[str, list[dict]]] = field(default_factory=dict)
    undistributed: dict[str, dict] = field(default_factory=dict)   # group name → codes, reason


class IssuedForms(list):
    """The forms written (a list of UnitForm) and the groups left 未分发 with the reason."""

    def __init__(self, forms=(), undistributed: list[dict] | None = None):
        super().__init__(forms)
        self.undistributed = undistributed or []


def units_with_problems(db: Database, *, rounds: list[str] | None = None,
                        include_completed: bool = False) -> Distribution:
    """Each real unit's problems in register order (each with `_measures`), groups expanded to
    their members; completed and closed problems only when asked for."""
    resolver, measures, out = UnitResolver(db), measures_by_problem(db), Distribution()
    for problem in problem_rows(db):
        if rounds and problem["round"] not in rounds:
            continue
        if not include_completed and problem["status"] in DONE_CODES:
            continue
        problem["_measures"] = measures.get(problem["id"], [])
        lead, resp = _problem_units(problem, problem["_measures"])
        problem["_lead"], problem["_resp"] = lead, resp
        real, empty = resolver.expand(merge_unit_lists(lead, resp))
        for name in real:
            out.units.setdefault(unit_key(name), (name, []))[1].append(problem)
        for group in empty:
            entry = out.undistributed.setdefault(group, {"unit": group, "codes": [], "reason": (
                f"“{group}”是单位组，尚未列出成员，未分发。请在“单位”中列出它的成员后重新分发。")})
            entry["codes"].append(problem["code"])
    return out


def last_progress(db: Database, period: str) -> dict[int, str]:
    """Each problem's newest report before the period, as "2024年4月：…"."""
    out: dict[int, tuple[tuple, str]] = {}
    before = period_key(period)        # weeks and months by the days they cover
    for r in rows(db, "SELECT problem_id, period, text FROM progress_reports WHERE measure_id IS "
                      f"NULL AND text != '' AND {COUNTY_REPORT} ORDER BY id"):
        key = period_key(r["period"])
        if key < before and (r["problem_id"] not in out or key >= out[r["problem_id"]][0]):
            out[r["problem_id"]] = (key, f"{period_label(r['period'])}：{r['text']}")
    return {pid: text for pid, (_, text) in out.items()}


def file_name(unit: str, period: str) -> str:
    return f"{_BAD_FILE_CHARS.sub('_', unit).strip('_.') or '单位'}_{period}_整改进展填报表.xlsx"


def export_unit_forms(db: Database, out_dir: str | Path, *, period: str | None = None,
                      units: list[str] | None = None, rounds: list[str] | None = None,
                      include_completed: bool = False, progress: Progress | None = None,
                      cancel: Cancel | None = None) -> IssuedForms:
    """Write one form per unit (or per named unit) into out_dir; returns what was written.
    ValueError (Chinese) for a bad period or a unit the register does not know."""
    period = check_period(period)
    found = units_with_problems(db, rounds=rounds, include_completed=include_completed)
    wanted = _select_units(found.units, units, UnitResolver(db))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    reg_id, key = register_id(db), form_key(db)
    previous = last_progress(db, period)
    issued_at = dt.datetime.now().isoformat(timespec="seconds")
    written, used = [], set()
    for unit_name, problems in wanted:
        checkpoint(len(written), len(wanted), unit_name, progress=progress, cancel=cancel,
                   cancelled=f"已取消，已生成的 {len(written)} 份填报表保留在文件夹中。")
        name = file_name(unit_name, period)
        while name.lower() in used:
            name = name.replace(".xlsx", "_2.xlsx")
        used.add(name.lower())
        content = FormContent(register_id=reg_id, period=period, unit=unit_name,
                              problems=problems, last_progress=previous, issued_at=issued_at)
        write_form(out / name, content, key)
        written.append(UnitForm(unit_name, period, out / name, len(problems)))
    _remember_period(db, period)
    return IssuedForms(written, [] if units else list(found.undistributed.values()))


def _select_units(found: dict, units: list[str] | None,
                  resolver: UnitResolver) -> list[tuple[str, list[dict]]]:
    if not units:
        return sorted(found.values(), key=lambda e: e[0])
    chosen = []
    for name in units:
        entry = found.get(unit_key(resolver.canonical(name)))
        if entry is None:
            raise ValueError(f"台账中没有单位“{name}”负责的、尚未完成的问题，未生成填报表"
                             "（单位组请写它的成员；已完成的问题可加 --include-completed）。")
        chosen.append(entry)
    return chosen


def issued_periods(db: Database) -> list[str]:
    return json.loads(get_setting(db, ISSUED_PERIODS) or "[]")


def _remember_period(db: Database, period: str) -> None:
    periods = sorted(set(issued_periods(db)) | {period}, key=period_key)
    set_setting(db, ISSUED_PERIODS, json.dumps(periods))
