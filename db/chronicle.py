"""大事记 in the register: entries by hand, entries proposed from the register's own events.

    save_entry(db, entry, entry_id=None, today=None) -> id    # raises ChangeRefused
    remove_entry(db, entry_id)
    chronicle_list(db) -> [dict] in date order
    proposed_entries(db) -> [dict]     # imports, flags and closures not yet in the chronicle
    accept_proposals(db, proposals) -> count   # one recorded change
"""

from __future__ import annotations

import datetime as dt
import re

from sqlite_utils import Database

from db.changes import recorded_step
from db.records import rows
from db.refused import ChangeRefused
from desktop.core.chronicle import check_entry, propose_entries

FIELDS = ("happened_on", "kind", "title", "content", "source", "ref")


def chronicle_list(db: Database) -> list[dict]:
    return rows(db, "SELECT * FROM chronicle ORDER BY happened_on, id")


def _clean(entry: dict) -> dict:
    clean = {k: str(entry.get(k) or "").strip() for k in FIELDS}
    clean["source"] = clean["source"] or "manual"
    return clean


def save_entry(db: Database, entry: dict, entry_id: int | None = None,
               today: dt.date | None = None) -> int:
    clean = _clean(entry)
    errors = check_entry(clean, today or dt.date.today())
    if errors:
        raise ChangeRefused(errors)
    with recorded_step(db, f"大事记 {clean['title'][:20]}") as step:
        if entry_id is None:
            return step.insert("chronicle", clean)
        step.update("chronicle", entry_id, {k: clean[k] for k in FIELDS[:4]})
        return entry_id


def remove_entry(db: Database, entry_id: int) -> None:
    found = rows(db, "SELECT title FROM chronicle WHERE id = ?", [entry_id])
    if not found:
        raise ChangeRefused({"": "该大事记已不在台账中。"})
    with recorded_step(db, f"删除大事记 {found[0]['title'][:20]}") as step:
        step.delete("chronicle", entry_id)


def _events(db: Database) -> list[dict]:
    events = []
    for b in rows(db, "SELECT id, file, imported_at, summary FROM import_batches"):
        events.append({"ref": f"import:{b['id']}", "event": "import",
                       "happened_on": b["imported_at"][:10],
                       "file": re.split(r"[\\/]", b["file"])[-1], "summary": b["summary"] or ""})
    for f in rows(db, "SELECT f.*, p.code, p.title FROM flags f JOIN problems p"
                      " ON p.id = f.problem_id"):
        events.append({"ref": f"flag:{f['id']}", "event": "flag", "happened_on": f["since"],
                       **{k: f[k] for k in ("code", "title", "level", "leader", "reason")}})
    for s in rows(db, "SELECT s.*, p.code, p.title FROM closure_steps s JOIN problems p"
                      " ON p.id = s.problem_id WHERE s.kind = 'close'"):
        events.append({"ref": f"closure:{s['id']}", "event": "closure",
                       "happened_on": s["happened_on"], "code": s["code"], "title": s["title"],
                       "doc": s["doc"]})
    return events


def proposed_entries(db: Database) -> list[dict]:
    taken = {r[0] for r in db.execute("SELECT ref FROM chronicle WHERE ref != ''").fetchall()}
    return propose_entries(_events(db), taken)


def accept_proposals(db: Database, proposals: list[dict]) -> int:
    with recorded_step(db, f"采纳大事记建议 {len(proposals)} 条") as step:
        for entry in proposals:
            step.insert("chronicle", _clean(entry))
    return len(proposals)
