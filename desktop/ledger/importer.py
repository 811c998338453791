"""Import: read a ledger, compare it with the register, then commit it as one undoable step.

    reading = read_ledger(path)                    # the preview; nothing written
    result = commit_reading(db, reading)           # backup, one transaction, one undo step
    result = import_file(db, path, dry_run=True)   # both, for the command line

A newer version of a ledger updates the problems it matches by code (field by field, in the audit
trail), adds new ones and deletes nothing; the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from db.backup import backup_register
from db.changes import Step, now_iso, recorded_step
from db.connection import register_path
from db.progress import add_progress_report
from db.templates import load_template, save_template
from db.units import UnitBook
from desktop.ledger.errors import Issue
from desktop.ledger.plan import Change, plan_petitions, plan_problems
from desktop.ledger.reading import LedgerReading, Progress, read_ledger
from desktop.ledger.result import Cancelled, ImportResult

__all__ = ["Cancelled", "ImportResult", "LedgerReading", "commit_reading", "import_file",
           "read_ledger", "remembered_reading"]

PROBLEM_COLUMNS = ("code", "seq", "title", "description", "category", "target", "lead_units",
                   "responsible_units", "supervisor", "responsible_person", "deadline",
                   "deadline_kind", "deadline_text", "status", "status_text", "progress",
                   "percent", "extra")
MEASURE_COLUMNS = ("seq", "content", "deadline", "deadline_kind", "deadline_text", "lead_units",
                   "responsible_units", "status", "source_row")


def default_round(reading: LedgerReading) -> str:
    title = reading.layout.title.strip()
    return title[:60] if title else reading.file.stem


def remembered_reading(db: Database, path: str | Path, *, sheet: str | None = None,
                       progress: Progress | None = None) -> tuple[LedgerReading, dict]:
    """Read the ledger and apply the choices remembered for its template, if any."""
    reading = read_ledger(path, sheet=sheet, progress=progress)
    saved = load_template(db, reading.template_key) or {}
    if saved.get("mapping") and saved["mapping"] != reading.layout.mapping():
        reading.apply_mapping(saved["mapping"])
    return reading, saved


def import_file(db: Database, path: str | Path, *, sheet: str | None = None,
                round_name: str | None = None, dry_run: bool = False,
                progress: Progress | None = None,
                cancel: Callable[[], bool] | None = None) -> ImportResult:
    reading, saved = remembered_reading(db, path, sheet=sheet, progress=progress)
    return commit_reading(db, reading, round_name=round_name or saved.get("round"),
                          dry_run=dry_run, progress=progress, cancel=cancel)


def _unify_units(reading: LedgerReading, units: UnitBook) -> None:
    for record in reading.records:
        for holder in [record, *record.get("measures", [])]:
            for key in ("lead_units", "responsible_units"):
                if key in holder:
                    holder[key] = units.canonical_list(holder[key])
    for variant, known in units.variants.items():
        reading.warnings.append(Issue(reading.sheet, 0, "", f"单位“{variant}”与台账中已有的“{known}”"
                                      f"是同一单位的不同写法，已统一写作“{known}”。"))


def _period(reading: LedgerReading) -> tuple[str, str]:
    day = reading.as_of or dt.date.today()
    return f"{day.year:04d}-{day.month:02d}", day.isoformat()


def commit_reading(db: Database, reading: LedgerReading, *, round_name: str | None = None,
                   dry_run: bool = False, progress: Progress | None = None,
                   cancel: Callable[[], bool] | None = None) -> ImportResult:
    result = ImportResult(reading.file.name, reading.sheet, reading.kind, reading.header_rows,
                          dry_run=dry_run)
    result.skipped_rows, result.errors = reading.skipped_rows, reading.errors
    if reading.errors:
        result.warnings = reading.warnings
        return result
    units = UnitBook(db)
    _unify_units(reading, units)
    result.warnings = reading.warnings
    if reading.kind == "problems":
        changes, rounds = _plan_problems(db, reading, round_name, result)
    else:
        changes, rounds = plan_petitions(db, reading.records), {}
        _count(result, changes, "petitions")
    writes = [c for c in changes if c.action != "unchanged"]
    if dry_run:
        return result
    if writes or units.by_key.keys() - {k for (k,) in db.execute("SELECT key FROM units")}:
        if register_path(db) is not None:
            result.backup = str(backup_register(db, reason="导入前"))
        _write(db, reading, writes, rounds, units, progress, cancel)
    save_template(db, reading.template_key, {"mapping": reading.layout.mapping(),
                                             "round": round_name, "sheet": reading.sheet})
    result.committed = True
    return result


def _plan_problems(db: Database, reading: LedgerReading, round_name: str | None,
                   result: ImportResult) -> tuple[list[Change], dict[str, int | None]]:
    fallback = round_name or default_round(reading)
    for record in reading.records:
        record["round"] = round_name or record.get("round") or fallback
    names = list(dict.fromkeys(r["round"] for r in reading.records))
    known = dict(db.execute("SELECT name, id FROM rounds").fetchall())
    rounds = {n: known.get(n) for n in names}
    result.round = "、".join(names)
    changes, missing = plan_problems(db, reading.records, rounds, _period(reading)[0])
    _count(result, changes, "problems")
    result.measures = sum(len(r["measures"]) for r in reading.records)
    result.missing_codes = missing
    if missing:
        result.warnings.append(Issue(reading.sheet, 0, "", f"台账中有{len(missing)}个问题不在此文件中："
                                     f"{'、'.join(missing[:20])}。它们没有被删除，请核对。"))
    for change in changes:
        if change.surplus_measures:
            result.warnings.append(Issue(reading.sheet, change.record["source_row"], "",
                                         f"问题“{change.record['code']}”在台账中原有的"
                                         f"{change.surplus_measures}条措施不在此文件中，未删除。"))
    return changes, rounds


def _count(result: ImportResult, changes: list[Change], what: str) -> None:
    for change in changes:
        name = f"{what}_{change.action}d" if change.action != "unchanged" else f"{what}_unchanged"
        setattr(result, name, getattr(result, name) + 1)


def _write(db: Database, reading: LedgerReading, writes: list[Change],
           rounds: dict[str, int | None], units: UnitBook, progress: Progress | None,
           cancel: Callable[[], bool] | None) -> None:
    report = progress or (lambda done, total, what: None)
    with recorded_step(db, f"导入 {reading.file.name}") as step:
        batch = step.insert("import_batches", {
            "kind": reading.kind, "file": str(reading.file), "sheet": reading.sheet,
            "header_rows": reading.header_rows, "template_key": reading.template_key,
            "imported_at": now_iso(), "summary": f"{len(writes)} 条记录"})
        for name, rid in rounds.items():
            if rid is None:
                rounds[name] = step.insert("rounds", {"name": name})
        context = _Context(step, reading, batch, rounds)
        for i, change in enumerate(writes):
            if cancel and i % 50 == 0 and cancel():
                raise Cancelled("已取消导入，台账未改变。")
            if i % 100 == 0:
                report(i, len(writes), "写入台账")
            (context.problem if reading.kind == "problems" else context.petition)(change)
        units.save_new(step, db)
        report(len(writes), len(writes), "完成")


class _Context:
    def __init__(self, step: Step, reading: LedgerReading, batch: int, rounds: dict):
        self.step, self.reading, self.batch, self.rounds = step, reading, batch, rounds
        self.period, self.reported_on = _period(reading)
        self.provenance = {"source_file": reading.file.name, "source_sheet": reading.sheet,
                           "batch_id": batch}

    def problem(self, change: Change) -> None:
        record, now = change.record, now_iso()
        if change.existing_id is None:
            pid = self.step.insert("problems", {
                **{k: record.get(k) for k in PROBLEM_COLUMNS}, **self.provenance,
                "round_id": self.rounds[record["round"]], "source_row": record["source_row"],
                "created_at": now, "updated_at": now})
            for m in record["measures"]:
                self.step.insert("measures", {"problem_id": pid,
                                              **{k: m.get(k) for k in MEASURE_COLUMNS}})
            if record["progress"] or record["status_text"]:
                self.add_report(pid, record)
            return
        pid = change.existing_id
        if change.fields:
            self.step.update("problems", pid, {**change.fields, **self.provenance,
                                               "source_row": record["source_row"],
                                               "updated_at": now})
        for mid, m, fields in change.measures:
            if mid is None:
                self.step.insert("measures", {"problem_id": pid,
                                              **{k: m.get(k) for k in MEASURE_COLUMNS}})
            elif fields:
                self.step.update("measures", mid, fields)
        if change.report:
            self.add_report(pid, record)

    def add_report(self, pid: int, record: dict) -> None:
        add_progress_report(self.step, pid, period=self.period, text=record["progress"],
                            status=record["status"], status_text=record["status_text"],
                            percent=record.get("percent"), source="import",
                            source_file=self.reading.file.name, batch_id=self.batch,
                            unit=self.reading.layout.reporting_unit,
                            reported_on=self.reported_on)

    def petition(self, change: Change) -> None:
        record, now = change.record, now_iso()
        fields = {k: v for k, v in record.items() if k != "source_row"}
        if change.existing_id is None:
            self.step.insert("petitions", {**fields, **self.provenance,
                                           "source_row": record["source_row"],
                                           "created_at": now, "updated_at": now})
        else:
            self.step.update("petitions", change.existing_id,
                             {**change.fields, **self.provenance,
                              "source_row": record["source_row"], "updated_at": now})
