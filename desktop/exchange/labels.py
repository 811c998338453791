"""Field names and values as the clerk reads them, for conflicts and summaries."""

import json

FIELD_LABELS = {
    "seq": "序号", "title": "问题名称", "description": "问题描述", "category": "类别",
    "target": "整改目标", "lead_units": "牵头单位", "responsible_units": "责任单位",
    "supervisor": "督办领导", "responsible_person": "责任人", "deadline": "整改时限（日期）",
    "deadline_kind": "时限类型", "deadline_text": "整改时限", "status": "整改状态",
    "status_text": "状态原文", "progress": "整改进展", "percent": "完成进度(%)",
    "closed_on": "销号日期", "closure_doc": "销号文号", "flagged": "挂牌督办",
    "flag_leader": "督办领导（挂牌）", "extra": "其他列", "content": "措施内容",
    "completed_on": "完成日期", "closure_stage": "销号阶段",
}
TABLE_LABELS = {"problems": "问题", "measures": "措施", "progress_reports": "进展",
                "evidence": "佐证材料", "accountability": "问责记录", "chronicle": "大事记",
                "closure_steps": "验收销号记录", "flags": "挂牌督办记录"}


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name)


def table_label(name: str) -> str:
    return TABLE_LABELS.get(name, name)


def _value_words() -> dict[str, dict]:
    from desktop.core.closure import STAGE_LABELS
    from desktop.core.status import STATUS_LABELS

    return {"closure_stage": STAGE_LABELS, "status": STATUS_LABELS, "flagged": {0: "否", 1: "是"}}


def as_text(value, field: str = "") -> str:
    """A stored value in words: a closure stage or status by its name, lists joined with 、,
    nothing as empty."""
    words = _value_words().get(field, {})
    if isinstance(value, (str, int)) and value in words:
        return words[value]
    if isinstance(value, str) and value[:1] in "[{":
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, list):
        return "、".join(map(str, value))
    if isinstance(value, dict):
        return "；".join(f"{k}：{v}" for k, v in value.items())
    return "" if value is None else str(value)
