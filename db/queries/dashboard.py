"""Counts for the dashboard: by status, by warning, and completion per lead unit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from db.queries.assessed import ensure_assessed
from db.queries.problems import _ASSESSED, _DONE, named_rows
from db.records import rows
from desktop.core.status import STATUS_CODES, STATUS_LABELS


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


@dataclass(frozen=True)
class UnitCompletion:
    unit: str
    total: int
    done: int
    overdue: int

    @property
    def rate(self) -> float:
        return self.done / self.total if self.total else 0.0


def status_counts(db: Database) -> list[StatusCount]:
    """How many problems have each reported status, in the usual order (zeros included)."""
    found = {r["status"]: r["n"] for r in rows(
        db, "SELECT status, count(*) AS n FROM problems GROUP BY status")}
    return [StatusCount(code, STATUS_LABELS[code], found.get(code, 0)) for code in STATUS_CODES]


def warning_counts(db: Database, *, as_of: dt.date | None = None) -> dict[str, int]:
    """{'total', 'done', 'overdue', 'behind', 'due_soon', 'due_10'} by the schedule assessment."""
    ensure_assessed(db, as_of or dt.date.today())
    row = named_rows(db, f"""SELECT count(*) AS total, sum(warning = 'done') AS done,
        sum(warning = 'overdue') AS overdue, sum(warning = 'behind') AS behind,
        sum(warning = 'due_soon') AS due_soon,
        sum(bucket = 'd10' AND warning != 'done') AS due_10 FROM ({_ASSESSED})""", {})[0]
    return {k: int(v or 0) for k, v in row.items()}


def unit_completion(db: Database, *, as_of: dt.date | None = None) -> list[UnitCompletion]:
    """Per lead unit: problems led, completed or closed, overdue; most problems first."""
    ensure_assessed(db, as_of or dt.date.today())
    found = named_rows(db, f"""SELECT j.value AS unit, count(*) AS total,
        sum(p.status IN {_DONE}) AS done, sum(p.warning = 'overdue') AS overdue
        FROM ({_ASSESSED}) p, json_each(p.lead_units) j
        GROUP BY j.value ORDER BY total DESC, j.value""", {})
    return [UnitCompletion(r["unit"], r["total"], r["done"] or 0, r["overdue"] or 0)
            for r in found]
