"""大事记: entry kinds, checking an entry, and proposing entries from the register's own events.

    check_entry(entry, today) -> {field: message}
    propose_entries(events, taken_refs) -> [dict]   # events: imports, flags, closures

An event is a dict with ref ("import:3", "flag:5", "closure:9"), happened_on and the words of
it; a proposal is a chronicle entry the clerk may accept; refs already taken are not proposed.
"""

from __future__ import annotations

import datetime as dt

KINDS = ("会议", "督导", "调度", "验收", "其他")


def check_entry(entry: dict, today: dt.date) -> dict[str, str]:
    errors: dict[str, str] = {}
    try:
        day = dt.date.fromisoformat(entry.get("happened_on") or "")
    except ValueError:
        errors["happened_on"] = (f"日期“{entry.get('happened_on') or ''}”格式不对，"
                                 "请写成 YYYY-MM-DD。")
    else:
        if day > today + dt.timedelta(days=366):
            errors["happened_on"] = f"日期 {day} 太远，请核对。"
    if entry.get("kind") not in KINDS:
        errors["kind"] = "请选择类型：会议、督导、调度、验收或其他。"
    if not str(entry.get("title") or "").strip():
        errors["title"] = "请填写标题。"
    return errors


def _proposal(event: dict) -> dict:
    kind = event["event"]
    if kind == "import":
        return {"kind": "调度", "title": f"导入台账《{event['file']}》",
                "content": event.get("summary", "")}
    if kind == "flag":
        return {"kind": "督导", "title": f"对问题{event['code']}实行{event['level']}级挂牌督办",
                "content": f"{event['title']}。督办领导：{event['leader']}。{event['reason']}"}
    return {"kind": "验收", "title": f"问题{event['code']}验收销号",
            "content": f"{event['title']}。销号文号：{event['doc']}"}


def propose_entries(events: list[dict], taken_refs: set[str]) -> list[dict]:
    out = []
    for event in sorted(events, key=lambda e: (e["happened_on"], e["ref"])):
        if event["ref"] in taken_refs:
            continue
        out.append({"happened_on": event["happened_on"], "ref": event["ref"],
                    "source": "proposed", **_proposal(event)})
    return out
