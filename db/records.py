"""Reading the register as plain dicts in DOMAIN.md's field names (for dump, export, the window)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlite_utils import Database

from db.decoding import decoded_rows

JSON_FIELDS = {"lead_units", "responsible_units", "pollution_types", "extra", "aliases"}
PROBLEM_FIELDS = ("code", "title", "description", "category", "round", "target", "lead_units",
                  "responsible_units", "supervisor", "responsible_person", "deadline",
                  "deadline_kind", "deadline_text", "status", "status_text", "progress",
                  "completed_on")
MEASURE_FIELDS = ("seq", "content", "deadline", "deadline_kind", "deadline_text", "lead_units",
                  "responsible_units", "status")
PETITION_FIELDS = ("code", "received_on", "content", "district", "pollution_types", "verified",
                   "result", "status", "responsible_units")


def decode(row: dict) -> dict:
    return {k: (json.loads(v) if k in JSON_FIELDS and isinstance(v, str) else v)
            for k, v in row.items()}


def rows(db: Database, sql: str, params: Iterable = ()) -> list[dict]:
    cur = db.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return decoded_rows(names, cur.fetchall(), JSON_FIELDS)


def measures_by_problem(db: Database, problem_ids: list[int] | None = None) -> dict[int, list]:
    sql = "SELECT * FROM measures"
    params: list = []
    if problem_ids is not None:
        sql += f" WHERE problem_id IN ({', '.join('?' for _ in problem_ids)})"
        params = problem_ids
    grouped: dict[int, list] = {}
    for m in rows(db, sql + " ORDER BY problem_id, seq", params):
        grouped.setdefault(m["problem_id"], []).append(m)
    return grouped


def problem_rows(db: Database, where: str = "", params: Iterable = ()) -> list[dict]:
    """Problems with their round's name, ordered by round then code as numbers where they are."""
    sql = ("SELECT p.*, r.name AS round FROM problems p JOIN rounds r ON r.id = p.round_id"
           + (f" WHERE {where}" if where else "")
           + " ORDER BY p.round_id, coalesce(p.seq, 1e9), length(p.code), p.code")
    return rows(db, sql, params)


def problem_public(problem: dict, measures: list[dict]) -> dict:
    out = {k: problem.get(k) for k in PROBLEM_FIELDS}
    out["measures"] = [{k: m.get(k) for k in MEASURE_FIELDS} for m in measures]
    out["extra"] = problem.get("extra") or {}
    out["source"] = {"file": problem.get("source_file"), "sheet": problem.get("source_sheet"),
                     "row": problem.get("source_row")}
    return out


def petition_public(petition: dict) -> dict:
    out = {k: petition.get(k) for k in PETITION_FIELDS}
    out["extra"] = petition.get("extra") or {}
    return out


def progress_history(db: Database, problem_id: int) -> list[dict]:
    return rows(db, "SELECT * FROM progress_reports WHERE problem_id = ? ORDER BY period, id",
                [problem_id])


def dump_register(db: Database, *, with_history: bool = True) -> dict:
    """The whole register as {"problems", "petitions", "accountability", "chronicle"}
    (CONTRACT.md `dump`); each problem with its closure, flag and evidence."""
    problems = problem_rows(db)
    measures = measures_by_problem(db)
    history: dict[int, list] = {}
    if with_history:
        for r in rows(db, "SELECT * FROM progress_reports ORDER BY problem_id, period, id"):
            history.setdefault(r["problem_id"], []).append(
                {k: r[k] for k in ("period", "text", "status", "percent", "unit", "reporter",
                                   "reported_on", "source", "status_text", "difficulties",
                                   "next_steps", "phone")})
    out_problems = []
    for p in problems:
        item = problem_public(p, measures.get(p["id"], []))
        if with_history:
            item["progress_history"] = history.get(p["id"], [])
        out_problems.append(item)
    petitions = [petition_public(p) for p in rows(db, "SELECT * FROM petitions ORDER BY "
                                                  "coalesce(seq, 1e9), received_on, code")]
    from db.supervision_dump import add_supervision

    return {"problems": out_problems, "petitions": petitions,
            **add_supervision(db, problems, out_problems)}
