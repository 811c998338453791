"""The demo register: the 63 work points of the 2020 provincial plan, with a year of progress.

Deterministic for a given as-of date: deadlines and reports are placed around it so that the
register looks lived-in (done, on schedule, behind, overdue, due soon, long-term).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

from sqlite_utils import Database

from db.changes import now_iso, recorded_step
from db.demo_petitions import add_demo_petitions
from db.demo_supervision import add_demo_supervision
from desktop.core.deadlines import parse_deadline
from desktop.core.status import STATUS_LABELS
from desktop.core.units import merge_unit_lists, split_units, unit_key
from desktop.paths import resource_path

ROUND_NAME = "2020年度生态文明建设重点任务（演示）"
_STEPS = ["制定工作方案并召开专题部署会", "完成现状调查和问题清单梳理", "项目立项和资金落实",
          "主体工程开工建设", "主体工程完成过半", "开展阶段性核查", "完成主要建设内容",
          "组织自查验收", "整理佐证材料申请销号"]
_DIFFICULTIES = ["", "", "资金缺口较大", "涉及多部门协调", "受天气影响工期"]


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


def _month_end(day: dt.date) -> dt.date:
    return _add_months(day, 1) - dt.timedelta(days=1)


def _plan(no: int, as_of: dt.date) -> tuple[str, str]:
    """(deadline text, profile) for work point number no; profiles shape its progress."""
    slot = no % 9
    if slot in (0, 1):
        end = _month_end(_add_months(as_of, -(2 + no % 5)))
        return f"{end.year}年{end.month}月底前", "done"
    if slot == 2:
        end = _month_end(_add_months(as_of, -1 - no % 3))
        return f"{end.year}年{end.month}月底前", "overdue" if no % 2 else "done"
    if slot == 3:
        end = as_of + dt.timedelta(days=4 + no % 6)
        return f"{end.year}年{end.month}月{end.day}日前", "behind"
    if slot == 4:
        end = as_of + dt.timedelta(days=12 + no % 7)
        return f"{end.year}年{end.month}月{end.day}日前", "on_schedule"
    if slot in (5, 6):
        end = _month_end(_add_months(as_of, 3 + no % 6))
        return f"{end.year}年{end.month}月底前", "behind" if no % 4 == 0 else "on_schedule"
    if slot == 7:
        end = _month_end(_add_months(as_of, 1 + no % 3))
        return f"{end.year}年底前，并长期坚持" if no % 2 else "长期坚持", "long_term"
    return "立行立改", "done"


def _percent(profile: str, month: int, months: int, rng: random.Random) -> int:
    share = (month + 1) / months
    if profile == "done":
        return min(100, round(100 * min(1.0, share * 1.6)))
    if profile == "behind":
        return round(100 * share * 0.55)
    if profile == "overdue":
        return min(90, round(100 * share * 0.8))
    if profile == "long_term":
        return min(80, round(100 * share * 0.9))
    return min(99, round(100 * share * (1.05 + rng.random() * 0.1)))


def _status_for(profile: str, pct: int) -> str:
    if pct >= 100:
        return "completed"
    if profile in ("behind", "overdue"):
        return "behind_schedule"
    if profile == "long_term":
        return "in_progress"
    return "on_schedule" if pct > 0 else "pending"


def _measures(content: str) -> list[str]:
    parts = [p.strip(" ，,。；;") for p in re.split(r"[。；;]", content)]
    parts = [p for p in parts if len(p) >= 8]
    return parts if len(parts) >= 2 else []


def build_demo(db: Database, *, as_of: dt.date | None = None, seed: Path | None = None) -> int:
    """Fill an empty register with the demo data; returns the number of problems."""
    as_of = as_of or dt.date.today()
    points = json.loads((seed or resource_path("demo", "seed_2020_work_points.json"))
                        .read_text(encoding="utf-8"))
    start = _add_months(as_of, -12)
    with recorded_step(db, "创建演示台账") as step:
        round_id = step.insert("rounds", {"name": ROUND_NAME, "started_on": start.isoformat(),
                                          "note": "演示数据，可随时删除"})
        units: dict[str, str] = {}
        for point in points:
            _add_point(step, round_id, point, as_of, start, units)
        for name in units.values():
            step.insert("units", {"name": name, "key": unit_key(name)})
        add_demo_supervision(step, start, as_of)
        _add_chronicle(step, start, as_of)
        add_demo_petitions(step, start)
    return len(points)


def _add_point(step, round_id: int, point: dict, as_of: dt.date, start: dt.date,
               units: dict[str, str]) -> None:
    no = int(point["no"])
    rng = random.Random(no)
    text, profile = _plan(no, as_of)
    deadline = parse_deadline(text)
    lead, resp = split_units(point["lead_units"]), split_units(point["responsible_units"])
    for name in merge_unit_lists(lead, resp):
        units.setdefault(unit_key(name), name)
    stamp = now_iso()
    problem_id = step.insert("problems", {
        "round_id": round_id, "code": str(no), "seq": no, "title": point["title"],
        "description": point["content"], "category": point["category"],
        "lead_units": lead, "responsible_units": resp, "deadline": deadline.iso,
        "deadline_kind": deadline.kind, "deadline_text": text,
        "supervisor": "", "responsible_person": "", "updated_at": stamp,
        "created_at": f"{start.isoformat()}T09:00:00",  # entered when the plan came down
        "source_file": "seed_2020_work_points.json", "source_row": no})
    for seq, content in enumerate(_measures(point["content"]), start=1):
        step.insert("measures", {"problem_id": problem_id, "seq": seq, "content": content,
                                 "deadline": deadline.iso, "deadline_kind": deadline.kind,
                                 "deadline_text": text, "lead_units": lead,
                                 "responsible_units": resp})
    _add_history(step, problem_id, profile, lead, start, as_of, rng)


def _add_history(step, problem_id: int, profile: str, lead: list[str], start: dt.date,
                 as_of: dt.date, rng: random.Random) -> None:
    months = 12
    status, pct, text = "pending", 0, ""
    for month in range(months):
        period_start = _add_months(start, month + 1)
        if period_start > as_of:
            break
        pct = _percent(profile, month, months, rng)
        status = _status_for(profile, pct)
        text = f"{_STEPS[min(len(_STEPS) - 1, pct * len(_STEPS) // 101)]}，累计完成{pct}%"
        if status == "completed":
            text = "已完成全部整改任务，佐证材料已归档"
        reported = min(as_of, period_start + dt.timedelta(days=rng.randint(0, 4)))
        step.insert("progress_reports", {
            "problem_id": problem_id, "period": f"{period_start:%Y-%m}", "text": text,
            "status": status, "status_text": STATUS_LABELS[status], "percent": pct,
            "difficulties": _DIFFICULTIES[rng.randrange(len(_DIFFICULTIES))],
            "unit": lead[0] if lead else "", "reporter": "演示填报人",
            "reported_on": reported.isoformat(), "source": "demo", "created_at": now_iso()})
        if status == "completed":
            break
    step.update("problems", problem_id, {"status": status, "status_text": STATUS_LABELS[status],
                                         "progress": text, "percent": pct})
    if status == "completed":
        for (measure_id,) in step.db.execute("SELECT id FROM measures WHERE problem_id = ?",
                                             [problem_id]).fetchall():
            step.update("measures", measure_id, {"status": status})


def _add_chronicle(step, start: dt.date, as_of: dt.date) -> None:
    events = [(start, "会议", "召开整改工作动员部署会", "部署整改任务，明确牵头单位和完成时限"),
              (_add_months(start, 1), "调度", "开展第一次月度调度", "各责任单位报送整改进展"),
              (_add_months(start, 3), "督导", "开展整改工作第一轮督导检查", "对滞后任务当场交办"),
              (_add_months(start, 6), "会议", "召开整改工作半年推进会", "通报整改进展，部署下半年工作"),
              (_add_months(start, 9), "督导", "开展整改“回头看”", "抽查已销号问题，未发现反弹"),
              (as_of - dt.timedelta(days=51), "验收", "组织已完成问题验收销号",
               "核查佐证材料，对验收合格的问题予以销号")]
    for day, kind, title, content in events:
        if day <= as_of:
            step.insert("chronicle", {"happened_on": day.isoformat(), "kind": kind,
                                      "title": title, "content": content})
