"""The schedule assessment (desktop.core.schedule.assess: 序时进度, deadline bucket, days left)
of every problem, kept in a TEMP table of the reading connection so that the register view can
filter and sort by it in SQL, and agrees with the dashboard and the monthly sheet.

    refresh_assessments(db, as_of=None, ids=None)   # all problems, or only those that changed
    ensure_assessed(db, as_of)                       # computed for this date, once

The table lives only in this connection (nothing is written to the register file).
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from sqlite_utils import Database

from db.settings import load_report_settings, round_starts
from desktop.core.schedule import OVERDUE, Assessment, assess
from desktop.core.status import BEHIND, DONE_CODES
from desktop.core.workdays import WorkCalendar

_CREATE = """CREATE TEMP TABLE IF NOT EXISTS assessed (
    problem_id INTEGER PRIMARY KEY, code TEXT NOT NULL, bucket TEXT NOT NULL,
    days_left INTEGER, explanation TEXT NOT NULL, warning TEXT NOT NULL)"""
_CREATE_META = "CREATE TEMP TABLE IF NOT EXISTS assessed_as_of (as_of TEXT NOT NULL)"
_PROBLEM_FIELDS = "id, round_id, status, percent, deadline, deadline_kind, closed_on"
_MEASURE_FIELDS = "problem_id, status, deadline, deadline_kind"


def warning_of(a: Assessment) -> str:
    """The register view's mark: done, overdue, behind (序时), due soon (20 days), or none."""
    if a.code in DONE_CODES:
        return "done"
    if a.code == OVERDUE:
        return "overdue"
    if a.code == BEHIND:
        return "behind"
    return "due_soon" if a.bucket in ("d10", "d20") else ""


def _in(ids: list[int] | None, column: str) -> tuple[str, list]:
    if ids is None:
        return "", []
    return f" WHERE {column} IN ({', '.join('?' for _ in ids)})", list(ids)


def refresh_assessments(db: Database, *, as_of: dt.date | None = None,
                        ids: list[int] | None = None) -> int:
    """Assess all problems (ids None) or the given ones as of the date; returns how many."""
    as_of = as_of or dt.date.today()
    settings, starts = load_report_settings(db), round_starts(db)
    calendar = WorkCalendar(settings.extra_holidays, settings.extra_workdays)
    where, params = _in(ids, "id")
    cur = db.execute(f"SELECT {_PROBLEM_FIELDS} FROM problems{where}", params)
    names = [d[0] for d in cur.description]
    problems = [dict(zip(names, r)) for r in cur.fetchall()]
    where, params = _in(ids, "problem_id")
    measures: dict[int, list[dict]] = {}
    for pid, status, deadline, kind in db.execute(
            f"SELECT {_MEASURE_FIELDS} FROM measures{where}", params).fetchall():
        measures.setdefault(pid, []).append(
            {"status": status, "deadline": deadline, "deadline_kind": kind})
    out = []
    for p in problems:
        a = assess(p, measures.get(p["id"], []), as_of, starts.get(p["round_id"]), settings,
                   calendar)
        out.append((p["id"], a.code, a.bucket, a.days_left, a.explanation, warning_of(a)))
    with db.atomic():
        db.execute(_CREATE)
        db.execute(_CREATE_META)
        where, params = _in(ids, "problem_id")
        db.execute(f"DELETE FROM temp.assessed{where}", params)
        db.conn.executemany("INSERT INTO temp.assessed VALUES (?, ?, ?, ?, ?, ?)", out)
        if ids is None:
            db.execute("DELETE FROM temp.assessed_as_of")
            db.execute("INSERT INTO temp.assessed_as_of VALUES (?)", [as_of.isoformat()])
    return len(out)


def ensure_assessed(db: Database, as_of: dt.date) -> None:
    """Assess every problem unless this connection already holds assessments as of the date."""
    try:
        found = db.execute("SELECT as_of FROM temp.assessed_as_of").fetchone()
    except sqlite3.OperationalError:  # no such table yet in this connection
        found = None
    if not found or found[0] != as_of.isoformat():
        refresh_assessments(db, as_of=as_of)
