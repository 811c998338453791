"""Demo examples of the supervision mechanisms: closures at every stage with evidence files,
flagged problems, accountability records and chronicle entries (all inside the demo's step)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from db.changes import Step, now_iso
from db.closure import reopen_measures
from db.evidence_files import store_file
from desktop.core.closure import closure_state, stage_after

_EVIDENCE = ("整改完成情况报告", "现场核查照片说明", "验收意见")


def _days(day: dt.date, n: int) -> str:
    return (day + dt.timedelta(days=n)).isoformat()


def _write_evidence(step: Step, problem: dict, folder: Path, on: str) -> None:
    for n, title in enumerate(_EVIDENCE[:2]):
        source = folder / f"{problem['code']}-{title}.txt"
        source.write_text(f"问题{problem['code']}：{problem['title']}\n{title}（演示材料）\n"
                          f"日期：{on}\n", encoding="utf-8")
        stored = store_file(step.db, source)
        step.insert("evidence", {
            "problem_id": problem["id"], "path": stored.relative, "title": title,
            "file_name": source.name, "sha256": stored.sha256, "size": stored.size,
            "pages": stored.pages, "dated": on, "added_at": f"{on}T10:00:00", "note": "",
            "measure_id": None if n == 0 else _first_measure(step, problem["id"])})


def _first_measure(step: Step, problem_id: int) -> int | None:
    found = step.db.execute("SELECT id FROM measures WHERE problem_id = ? ORDER BY seq LIMIT 1",
                            [problem_id]).fetchone()
    return found[0] if found else None


def _steps(plan: str, start: dt.date) -> list[dict]:
    apply = {"kind": "apply", "happened_on": _days(start, 0), "reason": ""}
    verify = {"kind": "verify", "happened_on": _days(start, 5), "person": "县整改办核查组",
              "finding": "现场核查，整改措施落实到位，佐证材料齐全", "passed": 1}
    close = {"kind": "close", "happened_on": _days(start, 9), "doc": "县整改办〔演示〕3号"}
    revisit = {"kind": "revisit", "happened_on": _days(start, 40), "person": "县整改办",
               "finding": "回头看：未发现反弹"}
    rebound = {"kind": "revisit", "happened_on": _days(start, 40), "person": "县整改办",
               "finding": "回头看：发现局部反弹"}
    reopen = {"kind": "reopen", "happened_on": _days(start, 41),
              "reason": "回头看发现问题反弹，重新整改"}
    return {"applied": [apply], "verified": [apply, verify],
            "closed": [apply, verify, close, revisit],
            "reopened": [apply, verify, close, rebound, reopen]}[plan]


def _close(step: Step, problem: dict, plan: str, start: dt.date) -> None:
    state = closure_state([], problem["status"])
    changes: dict = {}
    for item in _steps(plan, start):
        stage = stage_after(state, item)
        step.insert("closure_steps", {"problem_id": problem["id"], "person": "", "finding": "",
                                      "passed": None, "doc": "", "reason": "", **item,
                                      "recorded_at": now_iso()})
        state.stage = stage
        changes["closure_stage"] = stage
        if item["kind"] == "close":
            changes |= {"status": "closed", "status_text": "已销号",
                        "closed_on": item["happened_on"], "closure_doc": item["doc"]}
        if item["kind"] == "reopen":
            changes |= {"status": "in_progress", "status_text": "正在推进", "closed_on": None,
                        "closure_doc": "", "percent": None}
            reopen_measures(step, problem["id"], item["happened_on"], item["reason"])
    step.update("problems", problem["id"], changes)


def add_demo_supervision(step: Step, start: dt.date, as_of: dt.date) -> None:
    db = step.db
    done = [dict(zip(("id", "code", "title", "status"), r)) for r in db.execute(
        "SELECT id, code, title, status FROM problems WHERE status = 'completed'"
        " ORDER BY seq").fetchall()]
    base = min(as_of - dt.timedelta(days=60), max(start, as_of - dt.timedelta(days=60)))
    with tempfile.TemporaryDirectory() as folder:
        for problem, plan in zip(done, ("closed", "closed", "verified", "applied", "reopened")):
            _write_evidence(step, problem, Path(folder), base.isoformat())
            _close(step, problem, plan, base)
    _flag_demo(step, as_of)
    _accountability_demo(step, as_of, done)


def _flag_demo(step: Step, as_of: dt.date) -> None:
    behind = step.db.execute("SELECT id, lead_units FROM problems WHERE status = "
                             "'behind_schedule' ORDER BY seq LIMIT 2").fetchall()
    for (pid, _units), level in zip(behind, ("市", "县")):
        step.insert("flags", {"problem_id": pid, "level": level, "leader": "演示督办领导",
                              "reason": "连续两期未达序时进度", "since": _days(as_of, -20),
                              "until": _days(as_of, 40), "recorded_at": now_iso()})
        step.update("problems", pid, {"flagged": 1, "flag_leader": "演示督办领导"})


def _accountability_demo(step: Step, as_of: dt.date, done: list[dict]) -> None:
    link = done[0]["id"] if done else None
    for unit, person, action in (("演示县某乡人民政府", "", "约谈"),
                                 ("演示县某局", "", "通报批评"),
                                 ("演示县某局", "张某（化名）", "诫勉"),
                                 ("演示县某乡人民政府", "李某（化名）", "政务处分")):
        step.insert("accountability", {"unit": unit, "person": person, "action": action,
                                       "decided_on": _days(as_of, -30), "problem_id": link,
                                       "note": "演示数据", "recorded_at": now_iso()})
