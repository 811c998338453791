"""Counts for the dashboard: by status, by warning, and completion per lead unit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from db.queries.problems import _BUCKET, _DAYS, _DONE, _WARNING, named_rows
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


def _assessed(as_of: dt.date | None) -> tuple[str, dict]:
    params = {"as_of": (as_of or dt.date.today()).isoformat()}
    inner = f"SELECT p.*, {_DAYS} AS days_left, {_BUCKET} AS bucket FROM problems p"
    return f"SELECT p.*, {_WARNING} AS warning FROM ({inner}) p", params


def status_counts(db: Database) -> list[StatusCount]:
    """How many problems have each status, in the statuses' usual order (zeros included)."""
    found = {r["status"]: r["n"] for r in rows(
        db, "SELECT status, count(*) AS n FROM problems GROUP BY status")}
    return [StatusCount(code, STATUS_LABELS[code], found.get(code, 0)) for code in STATUS_CODES]


def warning_counts(db: Database, *, as_of: dt.date | None = None) -> dict[str, int]:
    """{'total', 'done', 'overdue', 'behind', 'due_soon', 'due_10'}: the dashboard's headline."""
    assessed, params = _assessed(as_of)
    row = named_rows(db, f"""SELECT count(*) AS total, sum(warning = 'done') AS done,
        sum(warning = 'overdue') AS overdue, sum(warning = 'behind') AS behind,
        sum(warning = 'due_soon') AS due_soon,
        sum(bucket = 'within_10' AND status NOT IN {_DONE}) AS due_10 FROM ({assessed})""", params)[0]
    return {k: int(v or 0) for k, v in row.items()}


def unit_completion(db: Database, *, as_of: dt.date | None = None) -> list[UnitCompletion]:
    """Per lead unit: problems led, completed or closed, overdue; most problems first."""
    assessed, params = _assessed(as_of)
    found = named_rows(db, f"""SELECT j.value AS unit, count(*) AS total,
        sum(p.status IN {_DONE}) AS done, sum(p.warning = 'overdue') AS overdue
        FROM ({assessed}) p, json_each(p.lead_units) j
        GROUP BY j.value ORDER BY total DESC, j.value""", params)
    return [UnitCompletion(r["unit"], r["total"], r["done"] or 0, r["overdue"] or 0)
            for r in found]
