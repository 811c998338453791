"""Deciding what a collection records. Every unit's filled row is that unit's report for the
problem and period; units writing differently is the normal case. A conflict is only one unit
returning two different versions for one period (two files, or a file against what was already
recorded): the newer file wins when the caller says so, else that unit's row waits.

A form is refused whole (with file and row) when its unit was renamed or merged since, or a row's
problem was deleted since; a refused form never holds up the others."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from db.progress import UNIT_FORM
from db.records import rows
from db.unit_registry import UnitResolver
from desktop.core.status import status_label
from desktop.core.units import unit_key
from desktop.ledger.forms import form_layout as fl
from desktop.ledger.forms.form_layout import period_label
from desktop.ledger.forms.form_reader import FilledRow, FormReading

UNIT_INFO_ROW = list(fl.INFO_LABELS).index("unit") + 1


@dataclass
class Plan:
    to_record: list[tuple[FormReading, FilledRow]] = field(default_factory=list)
    unchanged: list[tuple[FormReading, FilledRow]] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    refused: dict[int, str] = field(default_factory=dict)   # id(reading) → why


def _full(row: FilledRow) -> tuple:
    return (*row.content, row.difficulties, row.next_steps)


def _stored(report: dict) -> tuple:
    percent = report["percent"]
    return (report["text"], report["status"], None if percent is None else round(percent, 2),
            report["difficulties"], report["next_steps"])


def _resolve(problems: dict[int, tuple[str, str]], by_code: dict[tuple[str, str], int],
             row: FilledRow) -> int | None:
    """The row's problem: by id when it still has the form's code and round, else by them."""
    if problems.get(row.problem_id) == (row.code, row.round):
        return row.problem_id
    return by_code.get((row.round, row.code))


def _refusal(reading: FormReading, resolver: UnitResolver, problems, by_code) -> str:
    name = Path(reading.file).name
    now = resolver.canonical(reading.unit)
    if unit_key(now) != unit_key(reading.unit):
        return (f"《{name}》“{fl.INFO_SHEET}”第{UNIT_INFO_ROW}行：填报单位“{reading.unit}”已改名或"
                f"并入“{now}”，该表未收集。请为“{now}”重新分发填报表，或把该表内容录入新表后收集。")
    for row in reading.rows:
        pid = _resolve(problems, by_code, row)
        if pid is None:
            return (f"《{name}》“{fl.FORM_SHEET}”第{row.row}行：问题“{row.code}”（{row.round}）"
                    "已从台账中删除，该表未收集。请重新分发填报表后再收集。")
        row.problem_id = pid
    return ""


def make_plan(db: Database, readings: list[FormReading], *, newer_wins: bool = False) -> Plan:
    plan = Plan()
    problems = {r["id"]: (r["code"], r["name"]) for r in rows(
        db, "SELECT p.id, p.code, r.name FROM problems p JOIN rounds r ON r.id = p.round_id")}
    by_code = {(name, code): pid for pid, (code, name) in problems.items()}
    resolver = UnitResolver(db)
    groups: dict[tuple[int, str, str], list[tuple[FormReading, FilledRow]]] = {}
    for reading in readings:
        why = _refusal(reading, resolver, problems, by_code)
        if why:
            plan.refused[id(reading)] = why
            continue
        for row in reading.rows:
            key = (row.problem_id, reading.period, unit_key(reading.unit))
            groups.setdefault(key, []).append((reading, row))
    existing = _existing_reports(db, {period for _, period, _ in groups})
    for key, candidates in groups.items():
        _plan_unit(plan, candidates, existing.get(key), key[1], newer_wins)
    return plan


def _existing_reports(db: Database, periods: set[str]) -> dict[tuple[int, str, str], dict]:
    """Each unit's newest report per problem and period."""
    found: dict[tuple[int, str, str], dict] = {}
    if not periods:
        return found
    marks = ", ".join("?" for _ in periods)
    for r in rows(db, "SELECT * FROM progress_reports WHERE source = ? AND measure_id IS NULL"
                      f" AND period IN ({marks}) ORDER BY id", [UNIT_FORM, *sorted(periods)]):
        found[(r["problem_id"], r["period"], unit_key(r["unit"]))] = r
    return found


def _age(reading: FormReading) -> float:
    try:
        return Path(reading.file).stat().st_mtime
    except OSError:
        return 0.0


def _plan_unit(plan: Plan, candidates: list, existing: dict | None, period: str,
               newer_wins: bool) -> None:
    versions: dict[tuple, tuple[FormReading, FilledRow]] = {}
    for reading, row in candidates:
        versions.setdefault(_full(row), (reading, row))
    if existing is not None and _stored(existing) in versions and len(versions) == 1:
        plan.unchanged += candidates
        return
    if len(versions) == 1 and existing is None:
        plan.to_record.append(next(iter(versions.values())))
        return
    newest = max(versions.values(), key=lambda v: (_age(v[0]), candidates.index(v)))
    conflict = _conflict(list(versions.values()), existing, period, newest if newer_wins else None)
    plan.conflicts.append(conflict)
    if newer_wins:
        plan.to_record.append(newest)


def _version_text(where: str, text: str, status: str | None, percent: float | None) -> str:
    parts = [f"“{text[:40]}{'…' if len(text) > 40 else ''}”" if text else "未填进展",
             status_label(status) or "未填状态"]
    if percent is not None:
        parts.append(f"{percent:g}%")
    return f"{where}填报" + "，".join(parts)


def _conflict(candidates: list, existing: dict | None, period: str, chosen) -> dict:
    reading0, row0 = candidates[0]
    versions = [{"file": existing["source_file"] or "", "row": None, "text": existing["text"],
                 "status": existing["status"], "percent": existing["percent"],
                 "already_recorded": True}] if existing else []
    versions += [{"file": str(reading.file), "row": row.row, "text": row.text,
                  "status": row.status, "percent": row.percent, "already_recorded": False}
                 for reading, row in candidates]
    described = "；".join(_version_text(
        "已收集的" if v["already_recorded"] else f"《{Path(v['file']).name}》第{v['row']}行",
        v["text"], v["status"], v["percent"]) for v in versions)
    head = (f"问题{row0.code}（{row0.round}，{period_label(period)}）：{reading0.unit}交回了"
            f"两个不同的版本：{described}。")
    if chosen is not None:
        tail = f"已按较新的《{Path(chosen[0].file).name}》记录。"
    else:
        tail = "本次未记录该单位的这一条，请确认哪个版本为准后再收集。"
    return {"code": row0.code, "round": row0.round, "period": period, "unit": reading0.unit,
            "versions": versions, "resolved": chosen is not None,
            "chosen_file": str(chosen[0].file) if chosen else "", "message": head + tail}
