"""Comparing what was read with the register: what to create, what to update field by field,
what is unchanged. Nothing is written here, so a dry run and a commit report the same counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from db.changes import encode
from desktop.core.status import status_label

PROBLEM_COMPARED = ("seq", "title", "description", "category", "target", "lead_units",
                    "responsible_units", "supervisor", "responsible_person", "deadline",
                    "deadline_kind", "deadline_text", "completed_on", "extra")
MEASURE_COMPARED = ("content", "deadline", "deadline_kind", "deadline_text", "lead_units",
                    "responsible_units")
PETITION_COMPARED = ("seq", "received_on", "content", "district", "pollution_types", "verified",
                     "verified_text", "result", "status", "status_text", "responsible_units",
                     "extra")


@dataclass
class Change:
    record: dict
    existing_id: int | None = None
    fields: dict = field(default_factory=dict)
    measures: list[tuple[int | None, dict, dict]] = field(default_factory=list)  # (id, record, diff)
    surplus_measures: int = 0
    report: bool = False

    @property
    def action(self) -> str:
        if self.existing_id is None:
            return "create"
        changed = self.fields or self.report or any(i is None or d for i, _, d in self.measures)
        return "update" if changed else "unchanged"


def diff(record: dict, existing: dict, names: tuple[str, ...]) -> dict:
    encoded = encode({n: record.get(n) for n in names})
    return {n: record.get(n) for n in names if encoded[n] != existing.get(n)}


def _existing(db: Database, sql: str, params: list) -> dict[str, dict]:
    cur = db.execute(sql, params)
    names = [d[0] for d in cur.description]
    return {row[names.index("code")]: dict(zip(names, row)) for row in cur.fetchall()}


def has_report(reports: set, pid: int, period: str, record: dict) -> bool:
    """Whether this period's report is already in; a report without status words was stored
    with its status's label."""
    shown = record["status_text"] or status_label(record["status"])
    return (pid, period, record["progress"], shown) in reports


def plan_problems(db: Database, records: list[dict], round_ids: dict[str, int | None],
                  period: str) -> tuple[list[Change], list[str]]:
    """Changes per record (grouped under record["round"]) and the codes no longer in the file."""
    changes: list[Change] = []
    missing: list[str] = []
    reports = set(db.execute("SELECT problem_id, period, text, status_text FROM progress_reports"
                             " WHERE source = 'import' AND period = ?", [period]).fetchall())
    for round_name, round_id in round_ids.items():
        mine = [r for r in records if r["round"] == round_name]
        existing = _existing(db, "SELECT * FROM problems WHERE round_id = ?", [round_id]) \
            if round_id else {}
        seen = {r["code"] for r in mine}
        missing += [code for code in existing if code not in seen]
        measures = _measures_of(round_id, db) if existing else {}
        for record in mine:
            old = existing.get(record["code"])
            change = Change(record)
            if old is not None:
                change.existing_id = old["id"]
                change.fields = diff(record, old, PROBLEM_COMPARED)
                _plan_measures(change, measures.get(old["id"], {}))
                wants = bool(record["progress"] or record["status_text"])
                change.report = wants and not has_report(reports, old["id"], period, record)
            changes.append(change)
    return changes, missing


def _measures_of(round_id: int, db: Database) -> dict[int, dict[int, dict]]:
    """The round's measures by problem id and seq."""
    cur = db.execute("SELECT m.* FROM measures m JOIN problems p ON p.id = m.problem_id"
                     " WHERE p.round_id = ?", [round_id])
    names = [d[0] for d in cur.description]
    out: dict[int, dict[int, dict]] = {}
    for row in cur.fetchall():
        m = dict(zip(names, row))
        out.setdefault(m["problem_id"], {})[m["seq"]] = m
    return out


def _plan_measures(change: Change, old: dict[int, dict]) -> None:
    for m in change.record["measures"]:
        before = old.get(m["seq"])
        if before is None:
            change.measures.append((None, m, {}))
        else:
            change.measures.append((before["id"], m, diff(m, before, MEASURE_COMPARED)))
    change.surplus_measures = len(set(old) - {m["seq"] for m in change.record["measures"]})


def plan_petitions(db: Database, records: list[dict]) -> list[Change]:
    existing = _existing(db, "SELECT * FROM petitions", [])
    changes = []
    for record in records:
        old = existing.get(record["code"])
        change = Change(record)
        if old is not None:
            change.existing_id = old["id"]
            change.fields = diff(record, old, PETITION_COMPARED)
        changes.append(change)
    return changes
