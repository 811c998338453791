"""The supervision part of `dump` (CONTRACT.md): each problem's closure, flag and evidence;
the register's accountability records and chronicle, in DOMAIN.md's field names."""

from __future__ import annotations

from sqlite_utils import Database

from db.records import rows
from desktop.core.closure import closure_public, closure_state


def _grouped(db: Database, sql: str) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for r in rows(db, sql):
        out.setdefault(r["problem_id"], []).append(r)
    return out


def _flag_public(flag: dict | None) -> dict | None:
    if flag is None:
        return None
    return {k: flag[k] for k in ("level", "leader", "reason", "since", "until")}


def _evidence_public(item: dict) -> dict:
    return {"title": item["title"], "file": item["file_name"], "sha256": item["sha256"],
            "added": item["added_at"], "dated": item["dated"], "pages": item["pages"],
            "measure": item["measure_seq"]}


def add_supervision(db: Database, problems: list[dict], items: list[dict]) -> dict:
    """Give every dumped problem item its closure, flag and evidence; return the register's
    {"accountability": [...], "chronicle": [...]}."""
    steps = _grouped(db, "SELECT * FROM closure_steps ORDER BY happened_on, id")
    flags = {f["problem_id"]: f for f in rows(db, "SELECT * FROM flags WHERE lifted_on IS NULL"
                                                  " ORDER BY since, id")}
    evidence = _grouped(db, "SELECT e.*, m.seq AS measure_seq FROM evidence e LEFT JOIN"
                            " measures m ON m.id = e.measure_id ORDER BY e.id")
    for problem, item in zip(problems, items):
        pid = problem["id"]
        state = closure_state(steps.get(pid, []), problem["status"])
        item["closure"] = closure_public(state) | {"steps": [
            {k: s[k] for k in ("kind", "happened_on", "person", "finding", "passed", "doc",
                               "reason")} for s in steps.get(pid, [])]}
        item["flag"] = _flag_public(flags.get(pid))
        item["evidence"] = [_evidence_public(e) for e in evidence.get(pid, [])]
    accountability = [
        {"unit": a["unit"], "person": a["person"], "action": a["action"],
         "decided_on": a["decided_on"], "note": a["note"], "problem": a["problem_code"],
         "petition": a["petition_code"]}
        for a in rows(db, "SELECT a.*, p.code AS problem_code, t.code AS petition_code"
                          " FROM accountability a LEFT JOIN problems p ON p.id = a.problem_id"
                          " LEFT JOIN petitions t ON t.id = a.petition_id"
                          " ORDER BY coalesce(a.decided_on, ''), a.id")]
    chronicle = [{k: c[k] for k in ("happened_on", "kind", "title", "content", "source")}
                 for c in rows(db, "SELECT * FROM chronicle ORDER BY happened_on, id")]
    return {"accountability": accountability, "chronicle": chronicle}
