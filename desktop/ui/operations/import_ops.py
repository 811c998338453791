"""Import as operations: read a ledger for the preview, re-read with other choices, commit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from desktop.ledger.importing.importer import (
    ImportResult,
    LedgerReading,
    commit_reading,
    default_round,
    read_ledger,
    remembered_reading,
)
from desktop.ledger.long_work import lasting_objects
from desktop.ledger.writing.failed_rows import write_failed_rows
from desktop.ui.changes import Changes
from desktop.ui.tasks import Progress


@dataclass
class Preview:
    reading: LedgerReading
    round_name: str        # the round remembered for this template, else the sheet's title


@dataclass
class Imported:
    result: ImportResult
    changes: Changes


def read_for_preview(path: str | Path, sheet: str | None = None,
                     header: tuple[int, int] | None = None, kind: str | None = None):
    """An op: read the ledger with the choices remembered for its template (and the header rows
    or the kind the clerk named, if any)."""
    def work(db: Database, progress: Progress) -> Preview:
        with lasting_objects():
            reading, saved = remembered_reading(db, path, sheet=sheet, header=header, kind=kind,
                                                progress=progress.update)
        return Preview(reading, saved.get("round") or _round(reading))
    return work


def reread(reading: LedgerReading, mapping: dict[str, str]):
    """An op: read the same sheet again with the clerk's column mapping."""
    def work(_db: Database, progress: Progress) -> LedgerReading:
        header = (reading.header_rows[0], len(reading.header_rows))
        with lasting_objects():
            fresh = read_ledger(reading.file, sheet=reading.sheet, mapping=mapping,
                                kind=reading.kind, header=header, progress=progress.update)
        fresh.header_chosen = reading.header_chosen    # the same rows: named only if they were
        return fresh
    return work


def commit(reading: LedgerReading, round_name: str, *, feedback_date: dt.date | None = None):
    """An op: write the reading into the register as one undoable step (backup first); a new
    round gets the feedback date (反馈日期) the clerk gave."""
    def work(db: Database, progress: Progress) -> Imported:
        with lasting_objects():
            result = commit_reading(db, reading, round_name=round_name or None,
                                    progress=progress.update, cancel=progress.cancelled,
                                    feedback_date=feedback_date)
        wrote = result.committed and (result.problems_created or result.problems_updated
                                      or result.petitions_created or result.petitions_updated)
        changes = Changes(problems=bool(wrote), progress=bool(wrote),
                          petitions=reading.kind == "petitions" and bool(wrote),
                          message=f"已导入 {reading.file.name}" if wrote else "")
        return Imported(result, changes)
    return work


def save_failed_rows(reading: LedgerReading, out: str | Path):
    def work(_db: Database, _progress: Progress) -> Path:
        return write_failed_rows(reading, out)
    return work


def _round(reading: LedgerReading) -> str:
    return default_round(reading) if reading.kind == "problems" else ""
