"""Import: read a ledger, compare it with the register, then commit it as one undoable step.

    reading = read_ledger(path)                    # the preview; nothing written
    result = commit_reading(db, reading)           # backup, one transaction, one undo step
    result = import_file(db, path, dry_run=True)   # both, for the command line

The plan is made once to see whether anything would change (and to back up first if so), then
again inside the write transaction, which holds the register's write lock (BEGIN IMMEDIATE,
waiting patiently for another writer): what was planned is what is written even when another
import added the same round or unit meanwhile, and the remembered mapping is saved in that same
transaction. The second plan is made only when another connection committed in between (SQLite's
data_version moved); otherwise the first plan still holds and is written as it is.

A newer version of a ledger updates the problems it matches by code (field by field, in the audit
trail), adds new ones and deletes nothing; the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from db.backup import backup_register
from db.connection import register_path
from db.settings import round_starts
from db.transaction import require_writable, write_transaction
from db.units import UnitBook
from desktop.ledger.importing.plan import Change, plan_petitions, plan_problems
from desktop.ledger.importing.remembered import remember, remembered_reading
from desktop.ledger.importing.result import ImportResult
from desktop.ledger.importing.write import import_period, write_changes
from desktop.ledger.long_work import Cancelled
from desktop.ledger.reading.ledger import LedgerReading, Progress, read_ledger
from desktop.ledger.reading.preamble import round_from_title

__all__ = ["Cancelled", "ImportResult", "LedgerReading", "commit_reading", "import_file",
           "read_ledger", "remembered_reading"]


def default_round(reading: LedgerReading) -> str:
    """The round a ledger's problems go in when none is named: its title without its period."""
    title = round_from_title(reading.layout.title)
    return title[:60] if title else reading.file.stem


def import_file(db: Database, path: str | Path, *, sheet: str | None = None,
                round_name: str | None = None, dry_run: bool = False, kind: str | None = None,
                column_map: str | None = None, feedback_date: dt.date | None = None,
                progress: Progress | None = None,
                cancel: Callable[[], bool] | None = None) -> ImportResult:
    reading, saved = remembered_reading(db, path, sheet=sheet, kind=kind, column_map=column_map,
                                        progress=progress)
    return commit_reading(db, reading, round_name=round_name or saved.get("round"),
                          dry_run=dry_run, feedback_date=feedback_date, progress=progress,
                          cancel=cancel)


def _letter(reading: LedgerReading, field_name: str) -> str:
    col = reading.layout.col(field_name)
    return col.letter if col else ""


def _unify_units(reading: LedgerReading, units: UnitBook, warnings: list) -> None:
    """One spelling per unit; each unit written another way is warned where it was first met."""
    told = set(units.variants)
    for record in reading.records:
        for holder in [record, *record.get("measures", [])]:
            for key in ("lead_units", "responsible_units"):
                if key not in holder:
                    continue
                holder[key] = units.canonical_list(holder[key])
                for variant in [v for v in units.variants if v not in told]:
                    told.add(variant)
                    known = units.variants[variant]
                    warnings.append(reading.issue(
                        holder.get("source_row") or record["source_row"],
                        f"单位“{variant}”与台账中已有的“{known}”是同一单位的不同写法，已统一写作“{known}”。",
                        _letter(reading, key)))


def commit_reading(db: Database, reading: LedgerReading, *, round_name: str | None = None,
                   dry_run: bool = False, progress: Progress | None = None,
                   cancel: Callable[[], bool] | None = None,
                   feedback_date: dt.date | None = None) -> ImportResult:
    """Check, then write the reading as one undo step. `feedback_date` (反馈日期) is given to
    the rounds this import creates and to those that have none yet. The plan is made again
    under the write lock: another writer may have added rounds or units meanwhile."""
    seen = _register_version(db)
    result, plan = _planned(db, reading, round_name, dry_run, feedback_date)
    if reading.errors or dry_run:
        return result
    require_writable(db)
    backup = ""
    if plan.changes_anything and register_path(db) is not None:
        backup = str(backup_register(db, reason="导入前"))
    told = [w for w in result.warnings if w not in reading.warnings]
    with write_transaction(db):                  # the write lock, then the plan made again
        if _register_version(db) != seen:        # only when another writer committed meanwhile
            result, plan = _planned(db, reading, round_name, dry_run, feedback_date)
            result.warnings += [w for w in told if w not in result.warnings]
        if plan.changes_anything:
            write_changes(db, reading, plan.writes, plan.rounds, plan.units, progress, cancel,
                          feedback_date=feedback_date)
        remember(db, reading, round_name)        # the remembered choices in the same transaction
    result.backup = backup if plan.changes_anything else None
    result.committed = True
    return result


def _register_version(db: Database) -> int:
    """SQLite's counter of commits made by other connections to the register file: the same
    number before and under the write lock means nobody wrote in between."""
    return db.execute("PRAGMA data_version").fetchone()[0]


@dataclass
class _Plan:
    writes: list[Change] = field(default_factory=list)
    rounds: dict[str, int | None] = field(default_factory=dict)
    units: UnitBook | None = None

    @property
    def changes_anything(self) -> bool:
        return bool(self.writes or (self.units and self.units.new))


def _planned(db: Database, reading: LedgerReading, round_name: str | None, dry_run: bool,
             feedback_date: dt.date | None = None) -> tuple[ImportResult, _Plan]:
    """What the reading would change in the register as it is now."""
    result = ImportResult(reading.file.name, reading.sheet, reading.kind, reading.header_rows,
                          dry_run=dry_run)
    result.skipped_rows, result.errors = reading.skipped_rows, reading.errors
    result.warnings = list(reading.warnings)
    plan = _Plan()
    if reading.errors:
        return result, plan
    plan.units = UnitBook(db)
    _unify_units(reading, plan.units, result.warnings)
    if reading.kind == "problems":
        changes, plan.rounds = _plan_problems(db, reading, round_name, result)
        _feedback_date_note(db, reading, result, plan.rounds, feedback_date)
    else:
        changes = plan_petitions(db, reading.records)
        _count(result, changes, "petitions")
    plan.writes = [c for c in changes if c.action != "unchanged"]
    return result, plan


def _plan_problems(db: Database, reading: LedgerReading, round_name: str | None,
                   result: ImportResult) -> tuple[list[Change], dict[str, int | None]]:
    fallback = round_name or default_round(reading)
    for record in reading.records:      # a row's own source (问题来源, 督察批次) is its round
        record["round"] = (record.get("round") or fallback)[:80]
    names = list(dict.fromkeys(r["round"] for r in reading.records))
    known = dict(db.execute("SELECT name, id FROM rounds").fetchall())
    rounds = {n: known.get(n) for n in names}
    result.round = names[0] if len(names) == 1 else fallback
    result.rounds = names
    changes, missing = plan_problems(db, reading.records, rounds, import_period(reading)[0])
    _count(result, changes, "problems")
    _say_undated_progress(reading, changes, result)
    result.measures = sum(len(r["measures"]) for r in reading.records)
    result.missing_codes = missing
    if missing:
        result.warnings.append(reading.issue(
            reading.header_rows[-1], f"台账中有{len(missing)}个问题不在此文件中："
            f"{'、'.join(missing[:20])}。它们没有被删除，请核对。", _letter(reading, "code")))
    for change in changes:
        if change.surplus_measures:
            result.warnings.append(reading.issue(
                change.record["source_row"], f"问题“{change.record['code']}”在台账中原有的"
                f"{change.surplus_measures}条措施不在此文件中，未删除。", _letter(reading, "measure")))
    return changes, rounds


def _say_undated_progress(reading: LedgerReading, changes: list[Change],
                          result: ImportResult) -> None:
    """Progress without the ledger's own 截至 date is dated by the import's month: never silently."""
    if reading.as_of is None and any(
            c.report or (c.existing_id is None and (c.record["progress"] or c.record["status_text"]))
            for c in changes):
        period = import_period(reading)[0]
        result.warnings.append(reading.issue(
            reading.header_rows[0], f"表头上方没有“截至”日期，表中的整改进展记为{period}（导入当月）的进展。"
            "如果这些进展不是本月的，请在表头上方写明“截至××××年××月××日”后重新导入，"
            "或在导入窗口中确认进展日期。", ""))


def _feedback_date_note(db: Database, reading: LedgerReading, result: ImportResult,
                        rounds: dict, feedback_date: dt.date | None) -> None:
    """The feedback date is the start of the rounds this import creates or that have none yet;
    rounds that have one keep theirs (it is changed in the window's round settings)."""
    dated = {rid for rid, day in round_starts(db).items() if day}
    kept = [name for name, rid in rounds.items() if rid in dated]
    if feedback_date and kept:
        result.warnings.append(reading.issue(
            reading.header_rows[0], f"批次“{'、'.join(kept[:5])}”已在台账中，反馈日期"
            f"{feedback_date.isoformat()}只用于新建的批次，已有批次的反馈日期未改变。"))


def _count(result: ImportResult, changes: list[Change], what: str) -> None:
    for change in changes:
        name = f"{what}_{change.action}d" if change.action != "unchanged" else f"{what}_unchanged"
        setattr(result, name, getattr(result, name) + 1)
