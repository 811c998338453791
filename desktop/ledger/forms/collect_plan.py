"""Deciding what a collection records: each filled row is new, already recorded, in conflict
with another form for the same problem and period, or skipped (problem no longer in the register)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from db.records import rows
from desktop.core.status import status_label
from desktop.core.units import unit_key
from desktop.ledger.forms.form_layout import period_label
from desktop.ledger.forms.form_reader import FilledRow, FormReading


@dataclass
class Plan:
    to_record: list[tuple[FormReading, FilledRow]] = field(default_factory=list)
    unchanged: list[tuple[FormReading, FilledRow]] = field(default_factory=list)
    skipped: list[tuple[FormReading, FilledRow, str]] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)


def _full(content: tuple, difficulties: str, next_steps: str) -> tuple:
    return (*content, difficulties, next_steps)


def _report_content(report: dict) -> tuple:
    percent = report["percent"]
    return (report["text"], report["status"], None if percent is None else round(percent, 2))


def _resolve(problems: dict[int, tuple[str, str]], by_code: dict[tuple[str, str], int],
             row: FilledRow) -> int | None:
    """The row's problem: by id when it still has the form's code and round, else by them."""
    if problems.get(row.problem_id) == (row.code, row.round):
        return row.problem_id
    return by_code.get((row.round, row.code))


def make_plan(db: Database, readings: list[FormReading]) -> Plan:
    plan = Plan()
    problems = {r["id"]: (r["code"], r["name"]) for r in rows(
        db, "SELECT p.id, p.code, r.name FROM problems p JOIN rounds r ON r.id = p.round_id")}
    by_code = {(name, code): pid for pid, (code, name) in problems.items()}
    groups: dict[tuple[int, str], list[tuple[FormReading, FilledRow]]] = {}
    for reading in readings:
        for row in reading.rows:
            pid = _resolve(problems, by_code, row)
            if pid is None:
                plan.skipped.append((reading, row, f"问题编号“{row.code}”已不在台账中，未记录。"))
                continue
            row.problem_id = pid
            groups.setdefault((pid, reading.period), []).append((reading, row))
    existing = _existing_reports(db, {period for _, period in groups})
    for (pid, period), candidates in groups.items():
        _plan_group(plan, candidates, existing.get((pid, period), []), period)
    return plan


def _existing_reports(db: Database, periods: set[str]) -> dict[tuple[int, str], list[dict]]:
    found: dict[tuple[int, str], list[dict]] = {}
    if not periods:
        return found
    marks = ", ".join("?" for _ in periods)
    for r in rows(db, "SELECT * FROM progress_reports WHERE source = 'unit_form' AND measure_id "
                      f"IS NULL AND period IN ({marks}) ORDER BY id", sorted(periods)):
        found.setdefault((r["problem_id"], r["period"]), []).append(r)
    return found


def _plan_group(plan: Plan, candidates: list, existing: list[dict], period: str) -> None:
    contents = {_report_content(e) for e in existing} | {row.content for _, row in candidates}
    if len(contents) > 1:
        plan.conflicts.append(_conflict(candidates, existing, period))
        return
    seen = {(unit_key(e["unit"]), _full(_report_content(e), e["difficulties"], e["next_steps"]))
            for e in existing}
    for reading, row in candidates:
        key = (unit_key(reading.unit), _full(row.content, row.difficulties, row.next_steps))
        if key in seen:
            plan.unchanged.append((reading, row))
        else:
            seen.add(key)
            plan.to_record.append((reading, row))


def _version_text(unit: str, where: str, text: str, status: str | None,
                  percent: float | None) -> str:
    parts = [f"“{text[:40]}{'…' if len(text) > 40 else ''}”" if text else "未填进展",
             status_label(status) or "未填状态"]
    if percent is not None:
        parts.append(f"{percent:g}%")
    return f"{unit}（{where}）填报" + "，".join(parts)


def _conflict(candidates: list, existing: list[dict], period: str) -> dict:
    code, round_name = candidates[0][1].code, candidates[0][1].round
    versions = [{"file": e["source_file"] or "", "unit": e["unit"], "row": None,
                 "text": e["text"], "status": e["status"], "percent": e["percent"],
                 "already_recorded": True} for e in existing]
    versions += [{"file": str(reading.file), "unit": reading.unit, "row": row.row,
                  "text": row.text, "status": row.status, "percent": row.percent,
                  "already_recorded": False} for reading, row in candidates]
    described = "；".join(_version_text(
        v["unit"], "已收集" if v["already_recorded"] else f"{Path(v['file']).name} 第{v['row']}行",
        v["text"], v["status"], v["percent"]) for v in versions)
    message = (f"问题{code}（{round_name}，{period_label(period)}）各填报表不一致：{described}。"
               "本次未记录该问题，请核实后修改填报表重新收集。")
    return {"code": code, "round": round_name, "period": period, "versions": versions,
            "message": message}
