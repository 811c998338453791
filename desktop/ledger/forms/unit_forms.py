"""`export unit-forms`: one fill-in workbook per responsible unit for a period.

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
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from db.identity import form_key, get_setting, register_id, set_setting
from db.records import measures_by_problem, problem_rows, rows
from desktop.core.periods import period_key
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


def units_with_problems(db: Database) -> dict[str, tuple[str, list[dict]]]:
    """unit key → (the unit's name, its problems in register order, each with `_measures`)."""
    names = {r["key"]: r["name"] for r in rows(db, "SELECT name, key FROM units")}
    measures = measures_by_problem(db)
    found: dict[str, tuple[str, list[dict]]] = {}
    for problem in problem_rows(db):
        problem["_measures"] = measures.get(problem["id"], [])
        lead, resp = _problem_units(problem, problem["_measures"])
        problem["_lead"], problem["_resp"] = lead, resp
        for name in merge_unit_lists(lead, resp):
            key = unit_key(name)
            entry = found.setdefault(key, (names.get(key, name), []))
            entry[1].append(problem)
    return found


def last_progress(db: Database, period: str) -> dict[int, str]:
    """Each problem's newest report before the period, as "2024年4月：…"."""
    out: dict[int, tuple[tuple, str]] = {}
    before = period_key(period)        # weeks and months by the days they cover
    for r in rows(db, "SELECT problem_id, period, text FROM progress_reports WHERE measure_id IS "
                      "NULL AND text != '' ORDER BY id"):
        key = period_key(r["period"])
        if key < before and (r["problem_id"] not in out or key >= out[r["problem_id"]][0]):
            out[r["problem_id"]] = (key, f"{period_label(r['period'])}：{r['text']}")
    return {pid: text for pid, (_, text) in out.items()}


def file_name(unit: str, period: str) -> str:
    return f"{_BAD_FILE_CHARS.sub('_', unit).strip('_.') or '单位'}_{period}_整改进展填报表.xlsx"


def export_unit_forms(db: Database, out_dir: str | Path, *, period: str | None = None,
                      units: list[str] | None = None, progress: Progress | None = None,
                      cancel: Cancel | None = None) -> list[UnitForm]:
    """Write one form per unit (or per named unit) into out_dir; returns what was written.
    ValueError (Chinese) for a bad period or a unit the register does not know."""
    period = check_period(period)
    found = units_with_problems(db)
    wanted = _select_units(found, units)
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
    return written


def _select_units(found: dict, units: list[str] | None) -> list[tuple[str, list[dict]]]:
    if not units:
        return sorted(found.values(), key=lambda e: e[0])
    chosen = []
    for name in units:
        entry = found.get(unit_key(name))
        if entry is None:
            raise ValueError(f"台账中没有单位“{name}”负责的问题，未生成填报表。")
        chosen.append(entry)
    return chosen


def issued_periods(db: Database) -> list[str]:
    return json.loads(get_setting(db, ISSUED_PERIODS) or "[]")


def _remember_period(db: Database, period: str) -> None:
    periods = sorted(set(issued_periods(db)) | {period}, key=period_key)
    set_setting(db, ISSUED_PERIODS, json.dumps(periods))
