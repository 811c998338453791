"""An audit row said in the office's words: what was changed, and old → new.

    describe_change({"table": "problems", "action": "update",
                     "before": {"status": "pending"}, "after": {"status": "completed"}})
    -> ("问题", ["状态：尚未启动 → 已完成"])
"""

from __future__ import annotations

import json

from desktop.core.status import STATUS_LABELS

FIELD_LABELS = {
    "code": "编号", "seq": "序号", "title": "问题名称", "description": "问题描述", "category": "类别",
    "round_id": "督察批次", "target": "整改目标", "lead_units": "牵头单位",
    "responsible_units": "责任单位", "supervisor": "督办领导", "responsible_person": "责任人",
    "deadline": "时限日期", "deadline_kind": "时限类型", "deadline_text": "整改时限",
    "status": "状态", "status_text": "状态原文", "progress": "最新进展", "percent": "完成进度",
    "closed_on": "销号日期", "closure_doc": "销号文号", "flagged": "挂牌督办",
    "flag_leader": "挂牌领导", "content": "内容", "text": "进展情况", "period": "期次",
    "difficulties": "存在困难", "next_steps": "下步计划", "reporter": "填报人", "unit": "填报单位",
    "path": "文件", "note": "备注",
}
QUIET = {"updated_at", "created_at", "status_text", "deadline", "deadline_kind", "id",
         "problem_id", "batch_id", "source", "source_file", "source_row", "source_sheet",
         "measure_id", "reported_on", "extra"}
TABLE_NAMES = {"problems": "问题", "measures": "措施", "progress_reports": "进展", "evidence": "佐证材料"}
ACTIONS = {"insert": "新增", "delete": "删除"}
LIMIT = 80


def _value(field: str, value) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, str) and value[:1] in "[{":
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            pass
    if isinstance(value, list):
        return "、".join(map(str, value)) or "（空）"
    if field == "status":
        return STATUS_LABELS.get(value, str(value))
    if field == "percent":
        return f"{float(value):.0f}%"
    if field == "flagged":
        return "是" if value else "否"
    text = " ".join(str(value).split())
    return text if len(text) <= LIMIT else text[:LIMIT] + "……"


def _what(table: str, row: dict) -> str:
    if table == "measures":
        return f"第{row.get('seq')}条：{_value('content', row.get('content'))}"
    if table == "progress_reports":
        return f"{row.get('period', '')}：{_value('text', row.get('text'))}"
    if table == "evidence":
        return _value("title", row.get("title") or row.get("path"))
    return _value("description", row.get("title") or row.get("description"))


def describe_change(entry: dict) -> tuple[str, list[str]]:
    """(what was changed, the lines saying how)."""
    table, action = entry["table"], entry["action"]
    thing = TABLE_NAMES.get(table, table)
    if action in ACTIONS:
        row = entry["after"] if action == "insert" else entry["before"]
        return thing, [f"{ACTIONS[action]}{thing}　{_what(table, row)}"]
    before, after = entry["before"], entry["after"]
    lines = [f"{FIELD_LABELS.get(k, k)}：{_value(k, before.get(k))} → {_value(k, after.get(k))}"
             for k in after if k not in QUIET and not (k == "seq" and (after[k] or 0) < 0)]
    return thing, lines
