"""追责问责 records in the register: add, edit, remove, each one recorded change.

    save_accountability(db, record, record_id=None, today=None) -> id    # raises ChangeRefused
    remove_accountability(db, record_id)
    accountability_list(db) -> [dict with problem_code, petition_code]

A record may name the problem (by id) or the petition it came from.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from db.changes import now_iso, recorded_step
from db.records import rows
from db.refused import ChangeRefused
from desktop.core.accountability import check_record

FIELDS = ("unit", "person", "action", "decided_on", "note", "problem_id", "petition_id")


def accountability_list(db: Database) -> list[dict]:
    return rows(db, "SELECT a.*, p.code AS problem_code, p.title AS problem_title,"
                    " t.code AS petition_code FROM accountability a"
                    " LEFT JOIN problems p ON p.id = a.problem_id"
                    " LEFT JOIN petitions t ON t.id = a.petition_id"
                    " ORDER BY coalesce(a.decided_on, ''), a.id")


def find_link(db: Database, code: str) -> dict:
    """{"problem_id": …} or {"petition_id": …} for a problem or petition code the clerk typed."""
    code = code.strip()
    if not code:
        return {"problem_id": None, "petition_id": None}
    problem = db.execute("SELECT id FROM problems WHERE code = ? ORDER BY id", [code]).fetchone()
    if problem:
        return {"problem_id": problem[0], "petition_id": None}
    petition = db.execute("SELECT id FROM petitions WHERE code = ?", [code]).fetchone()
    if petition:
        return {"problem_id": None, "petition_id": petition[0]}
    raise ChangeRefused({"link": f"台账中没有编号为“{code}”的问题或信访件，请核对。"})


def save_accountability(db: Database, record: dict, record_id: int | None = None,
                        today: dt.date | None = None) -> int:
    clean = {k: record.get(k) for k in FIELDS}
    for key in ("unit", "person", "action", "note", "decided_on"):
        clean[key] = str(clean[key] or "").strip()
    errors = check_record(clean, today or dt.date.today())
    if errors:
        raise ChangeRefused(errors)
    who = clean["person"] or clean["unit"]
    with recorded_step(db, f"追责问责 {who}（{clean['action']}）") as step:
        if record_id is None:
            return step.insert("accountability", {**clean, "recorded_at": now_iso()})
        step.update("accountability", record_id, clean)
        return record_id


def remove_accountability(db: Database, record_id: int) -> None:
    found = rows(db, "SELECT * FROM accountability WHERE id = ?", [record_id])
    if not found:
        raise ChangeRefused({"": "该问责记录已不在台账中。"})
    with recorded_step(db, f"删除问责记录 {found[0]['person'] or found[0]['unit']}") as step:
        step.delete("accountability", record_id)
