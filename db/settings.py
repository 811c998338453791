"""The clerk's settings (the `settings` table, JSON values) and each round's start date.

    get_setting(db, key, default=None) / set_setting(db, key, value)
    load_report_settings(db) -> ReportSettings      # 剩余天数计法, 办结率口径, the holiday table
    save_report_settings(db, settings)
    round_starts(db) -> {round_id: date | None}      # rounds.started_on = the feedback date
    set_round_start(db, round_id, date | None)       # an undoable step
    signature_defaults(db) -> {"unit", "reporter", "reviewer", "phone"}  (report.* keys)

Settings are preferences, written directly (the table has no id for the undo log); a round's
start date is register data and goes through a recorded step.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlite_utils import Database

from db.changes import recorded_step
from db.transaction import write_transaction
from desktop.core.report_settings import ReportSettings

DAY_MODE, COMPLETION_RULE = "schedule.day_mode", "stats.completion_rule"
EXTRA_HOLIDAYS, EXTRA_WORKDAYS = "workdays.extra_holidays", "workdays.extra_workdays"
AHEAD_MARGIN = "schedule.ahead_margin"
SIGNATURE_KEYS = ("unit", "reporter", "reviewer", "phone")


def get_setting(db: Database, key: str, default=None):
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is None or row[0] is None:
        return default
    try:
        return json.loads(row[0])
    except json.JSONDecodeError:
        return row[0]


def set_setting(db: Database, key: str, value) -> None:
    with write_transaction(db):
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                   " SET value = excluded.value", [key, json.dumps(value, ensure_ascii=False)])


def _dates(values) -> frozenset[dt.date]:
    out = set()
    for text in values or []:
        try:
            out.add(dt.date.fromisoformat(str(text)))
        except ValueError:
            continue  # a bad entry in the table is ignored, not fatal
    return frozenset(out)


def load_report_settings(db: Database) -> ReportSettings:
    """The stored settings; an unknown stored value falls back to the default."""
    defaults = ReportSettings()
    day_mode = get_setting(db, DAY_MODE, defaults.day_mode)
    rule = get_setting(db, COMPLETION_RULE, defaults.completion_rule)
    margin = get_setting(db, AHEAD_MARGIN, defaults.ahead_margin)
    try:
        return ReportSettings(day_mode=day_mode, completion_rule=rule,
                              extra_holidays=_dates(get_setting(db, EXTRA_HOLIDAYS)),
                              extra_workdays=_dates(get_setting(db, EXTRA_WORKDAYS)),
                              ahead_margin=float(margin))
    except (ValueError, TypeError):
        return defaults


def save_report_settings(db: Database, settings: ReportSettings) -> None:
    set_setting(db, DAY_MODE, settings.day_mode)
    set_setting(db, COMPLETION_RULE, settings.completion_rule)
    set_setting(db, AHEAD_MARGIN, settings.ahead_margin)
    set_setting(db, EXTRA_HOLIDAYS, sorted(d.isoformat() for d in settings.extra_holidays))
    set_setting(db, EXTRA_WORKDAYS, sorted(d.isoformat() for d in settings.extra_workdays))


def round_starts(db: Database) -> dict[int, dt.date | None]:
    out: dict[int, dt.date | None] = {}
    for round_id, started in db.execute("SELECT id, started_on FROM rounds").fetchall():
        try:
            out[round_id] = dt.date.fromisoformat(started[:10]) if started else None
        except ValueError:
            out[round_id] = None
    return out


def set_round_start(db: Database, round_id: int, day: dt.date | None) -> None:
    with recorded_step(db, "设置反馈日期") as step:
        step.update("rounds", round_id, {"started_on": day.isoformat() if day else None})


def signature_defaults(db: Database) -> dict[str, str]:
    return {k: str(get_setting(db, f"report.{k}", "") or "") for k in SIGNATURE_KEYS}


def set_signature_defaults(db: Database, values: dict[str, str]) -> None:
    for key in SIGNATURE_KEYS:
        if key in values:
            set_setting(db, f"report.{key}", values[key])
