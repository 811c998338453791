"""Petition (信访件) lists and counts for the petitions view."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from db.queries.problems import named_rows, search_clauses
from db.records import rows

PETITION_STATUS_LABELS = {"done": "已办结", "staged": "阶段性办结", "in_progress": "正在办理"}
VERIFIED_LABELS = {"true": "属实", "partial": "部分属实", "false": "不属实"}
_SEARCHED = ("code", "content", "district", "result", "responsible_units", "pollution_types")


@dataclass(frozen=True)
class PetitionFilter:
    status: str = ""          # "" or a key of PETITION_STATUS_LABELS
    district: str = ""
    pollution_type: str = ""  # one of the types listed on the petition
    verified: str = ""        # "" or a key of VERIFIED_LABELS
    search: str = ""


def _where(flt: PetitionFilter, params: dict) -> str:
    clauses = []
    for name in ("status", "district", "verified"):
        value = getattr(flt, name)
        if value:
            clauses.append(f"{name} = :{name}")
            params[name] = value
    if flt.pollution_type:
        clauses.append("EXISTS (SELECT 1 FROM json_each(pollution_types) WHERE value = :ptype)")
        params["ptype"] = flt.pollution_type
    clauses += search_clauses(flt.search, _SEARCHED, params)
    return " AND ".join(clauses)


def petition_list(db: Database, flt: PetitionFilter | None = None) -> list[dict]:
    """Petitions matching the filter, in the order they were handed over."""
    params: dict = {}
    where = _where(flt or PetitionFilter(), params)
    sql = ("SELECT id, code, received_on, content, district, pollution_types, verified,"
           " verified_text, result, status, status_text, responsible_units FROM petitions"
           + (f" WHERE {where}" if where else "")
           + " ORDER BY coalesce(seq, 1e9), received_on, code")
    return named_rows(db, sql, params)


def petition_counts(db: Database, flt: PetitionFilter | None = None) -> dict[str, int]:
    """{'total', 'done', 'staged', 'in_progress'} over the petitions matching the filter."""
    params: dict = {}
    where = _where(flt or PetitionFilter(), params)
    row = named_rows(db, "SELECT count(*) AS total, sum(status = 'done') AS done,"
                   " sum(status = 'staged') AS staged, sum(status = 'in_progress') AS in_progress"
                   " FROM petitions" + (f" WHERE {where}" if where else ""), params)[0]
    return {k: int(v or 0) for k, v in row.items()}


def petition_choices(db: Database) -> dict[str, list[str]]:
    """Districts and pollution types in use, for the filters."""
    districts = [r["district"] for r in rows(
        db, "SELECT DISTINCT district FROM petitions WHERE district != '' ORDER BY district")]
    types = [r["value"] for r in rows(
        db, "SELECT DISTINCT value FROM petitions, json_each(petitions.pollution_types)"
            " ORDER BY value")]
    return {"districts": districts, "pollution_types": types}
