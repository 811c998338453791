"""`collect`: record the progress units sent back on their forms, as one undoable step.

Every filled row becomes that unit's report for the problem and the form's period (who, when,
from which file), and each problem's progress for the period becomes the merge of its units'
reports (db/merged_progress.py). Forms from another register, of another period, with changed
locked content, of a unit renamed or merged since, or naming a problem deleted since are refused
with a message; a refused form never holds up the others. A conflict is only one unit sending two
different versions (collect_plan.py); the same form twice records nothing new.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from db.changes import now_iso, recorded_step
from db.identity import form_key, register_id
from db.progress import UNIT_FORM, add_progress_report
from db.remerge import remerge
from db.transaction import require_writable, write_transaction
from db.unit_registry import UnitResolver
from desktop.core.periods import period_key
from desktop.ledger.forms.collect_plan import Plan, make_plan
from desktop.ledger.forms.form_layout import check_period, period_label
from desktop.ledger.forms.form_reader import FormReading, FormRefused, read_form
from desktop.ledger.forms.unit_forms import issued_periods
from desktop.ledger.long_work import Cancel, Progress, checkpoint


@dataclass
class FileResult:
    file: str
    unit: str = ""
    period: str = ""
    recorded: list[dict] = field(default_factory=list)
    unchanged: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    empty_rows: int = 0
    errors: list[dict] = field(default_factory=list)
    refused: str = ""


@dataclass
class CollectResult:
    period: str
    files: list[FileResult]
    conflicts: list[dict]
    committed: bool
    step_name: str = ""
    merged: list[dict] = field(default_factory=list)   # each problem's merged progress recorded

    @property
    def refused(self) -> list[FileResult]:
        return [f for f in self.files if f.refused]

    @property
    def edits_kept(self) -> list[dict]:
        """Problems whose merged words the clerk edited by hand and whose units sent new words."""
        return [m for m in self.merged if m["edited_at"]]


def edit_kept_message(merged: dict) -> str:
    return (f"问题{merged['code']}（{merged['round']}）{merged['period']} 的汇总进展曾手工修改，"
            f"已保留；其单位（{'、'.join(merged['new_from'])}）又报来新的进展，请在问题的"
            "“各单位填报”中决定是否按各单位填报重新汇总。")


def step_name(count: int) -> str:
    return f"收集填报表 {count} 份"


def collect_forms(db: Database, paths: list[str | Path], *, period: str | None = None,
                  dry_run: bool = False, newer_wins: bool = False,
                  progress: Progress | None = None, cancel: Cancel | None = None) -> CollectResult:
    """Read, check and (unless dry_run) record the forms that are not refused. newer_wins: when a
    unit sent two versions, record the newer file's. Cancelling (Cancelled) before the writing
    starts changes nothing."""
    expected = check_period(period) if period else None
    reg_id, key = register_id(db), form_key(db)
    results, readings = [], []
    for done, path in enumerate(paths):
        checkpoint(done, len(paths), Path(path).name, progress=progress, cancel=cancel,
                   cancelled="已取消收集，台账未改变。")
        result = FileResult(file=str(Path(path)))
        results.append(result)
        try:
            reading = read_form(path, key, reg_id)
        except FormRefused as exc:
            result.refused = str(exc)
            continue
        result.unit, result.period, result.empty_rows = (
            reading.unit, reading.period, reading.empty_rows)
        if reading.errors:
            result.errors = reading.errors
            result.refused = f"填报表有 {len(reading.errors)} 处填写错误，已拒收，请改正后重新收集。"
            continue
        readings.append((result, reading))
    expected = expected or _current_period(db, [r for _, r in readings])
    _refuse_other_periods(readings, expected)
    valid = [(res, rd) for res, rd in readings if not res.refused]
    plan = _planned(db, valid, newer_wins)
    if dry_run or not plan.to_record:
        return CollectResult(expected or "", results, plan.conflicts, False)
    checkpoint(len(paths), len(paths), "写入台账", progress=progress, cancel=cancel,
               cancelled="已取消收集，台账未改变。")
    require_writable(db)
    with write_transaction(db):        # the write lock, then the plan made again: another
        plan = _planned(db, valid, newer_wins)    # collection may have recorded these meanwhile
        name = step_name(len({id(rd) for rd, _ in plan.to_record}))
        merged = _record(db, plan, name) if plan.to_record else []
    committed = bool(plan.to_record)
    return CollectResult(expected or "", results, plan.conflicts, committed,
                         name if committed else "", merged)


def _planned(db: Database, valid: list[tuple[FileResult, FormReading]], newer_wins: bool) -> Plan:
    """The plan for the register as it is now, told in each file's result."""
    plan = make_plan(db, [rd for _, rd in valid], newer_wins=newer_wins)
    for res, rd in valid:
        res.refused = plan.refused.get(id(rd), "")
        res.recorded, res.unchanged, res.conflicts = [], [], []
    _report_plan(plan, {id(rd): res for res, rd in valid})
    return plan


def _current_period(db: Database, readings: list[FormReading]) -> str | None:
    """The period being collected: the newest one forms were issued for, else the forms' newest."""
    issued = issued_periods(db)
    if issued:
        return max(issued, key=period_key)      # weeks and months by the days they cover
    return max((r.period for r in readings), key=period_key, default=None)


def _refuse_other_periods(readings: list[tuple[FileResult, FormReading]], expected: str) -> None:
    for result, reading in readings:
        if reading.period != expected:
            result.refused = (
                f"该填报表是{period_label(reading.period)}的，本次收集的是{period_label(expected)}，"
                f"已拒收。如确需收集{period_label(reading.period)}的填报表，"
                f"请单独收集并指定期间 --period {reading.period}。")


def _report_plan(plan: Plan, results: dict[int, FileResult]) -> None:
    for reading, row in plan.to_record:
        results[id(reading)].recorded.append({"row": row.row, "code": row.code,
                                              "status": row.status})
    for reading, row in plan.unchanged:
        results[id(reading)].unchanged.append({"row": row.row, "code": row.code})
    by_file: dict[str, list[FileResult]] = {}
    for result in results.values():
        by_file.setdefault(result.file, []).append(result)
    for conflict in plan.conflicts:
        files = {v["file"] for v in conflict["versions"] if not v["already_recorded"]}
        for file in files:
            for result in by_file.get(file, []):
                result.conflicts.append(conflict)


def _record(db: Database, plan: Plan, name: str) -> list[dict]:
    today = dt.date.today().isoformat()
    with recorded_step(db, name) as step:
        batches: dict[int, int] = {}
        for reading, row in plan.to_record:
            if id(reading) not in batches:
                batches[id(reading)] = step.insert("import_batches", {
                    "kind": "unit_form", "file": str(Path(reading.file).resolve()),
                    "sheet": "填报表", "imported_at": now_iso(),
                    "summary": f"{reading.unit} {reading.period}"})
            add_progress_report(
                step, row.problem_id, period=reading.period, text=row.text, status=row.status,
                status_text=row.status_text, percent=row.percent, source=UNIT_FORM,
                difficulties=row.difficulties, next_steps=row.next_steps, reporter=row.reporter,
                phone=row.phone, unit=reading.unit, reported_on=today,
                source_file=str(Path(reading.file).resolve()), batch_id=batches[id(reading)])
        return _merge(step, plan)


def _merge(step, plan: Plan) -> list[dict]:
    resolver, out = UnitResolver(step.db), []
    codes = {row.problem_id: (row.code, row.round) for _, row in plan.to_record}
    senders: dict[tuple[int, str], list[str]] = {}
    for reading, row in plan.to_record:
        senders.setdefault((row.problem_id, reading.period), []).append(reading.unit)
    for (problem_id, period), units in senders.items():
        done = remerge(step, problem_id, period, resolver)
        kept = done.kept_edit or {}
        out.append({"code": codes[problem_id][0], "round": codes[problem_id][1],
                    "period": period, "text": kept.get("text", done.merged.text),
                    "status": kept.get("status", done.merged.status),
                    "percent": kept.get("percent", done.merged.percent),
                    "units": list(done.merged.units), "edited_at": kept.get("edited_at"),
                    "units_text": done.merged.text, "new_from": list(dict.fromkeys(units))})
    return out
