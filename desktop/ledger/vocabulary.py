"""How superiors write their column headers, mapped to the register's fields (DOMAIN.md).

Headers are compared after folding widths, dropping spaces and line breaks ("整 改 时 限",
"责任\\n单位"), so only the words matter. Rules are tried in order; the first that matches wins,
which lets "是否完成整改" win over "完成" and "配合单位" over "单位".
"""

from __future__ import annotations

import re

from desktop.core.text import fold_key

PROBLEM_RULES: list[tuple[str, str]] = [
    (r"^(问题|任务|序列)?编[号码]$|^问题序号$|^问题号$|^问题代码$", "code"),
    (r"^序号?$|^No\.?$|^顺序号$", "seq"),
    (r"是否.*销号", "closed_yes_no"),
    (r"是否.*(完成|到位|整改)", "completed_yes_no"),
    (r"牵头(单位|部门)|\(牵头\)|主责(单位|部门)|主体责任单位", "lead_units"),
    (r"配合(单位|部门)|协办|协同(单位|部门)|参与(单位|部门)|\(配合\)", "responsible_units"),
    (r"督办领导|责任领导|牵头领导|分管领导|包抓领导|县级领导|督导领导|挂牌领导|包保领导", "supervisor"),
    (r"^(具体)?责任人$|^责任人员?$|^具体负责人$", "responsible_person"),
    (r"责任(单位|部门|主体)|承办单位|实施单位|整改单位", "responsible_units"),
    (r"措施|举措|整改方案", "measure"),
    (r"时限|完成时间|期限|截止时间|整改时间|完成日期|计划完成", "deadline"),
    (r"%|百分比|比例", "percent"),
    (r"状态|^(整改)?完成情况$|销号情况|^整改结果$|是否完成$", "status_text"),
    (r"进展|整改情况|落实情况|推进情况|进度情况|工作进度|完成情况", "progress"),
    (r"目标|整改要求|工作要求|预期成效", "target"),
    (r"名称|标题|^重点任务$|^主要任务$|^任务$|^工作任务$", "title"),
    (r"类别|类型|分类|领域|方面|性质", "category"),
    (r"批次|来源|轮次", "round"),
    (r"问题|工作内容|具体内容|任务内容|^内容$", "description"),
]

PETITION_RULES: list[tuple[str, str]] = [
    (r"受理编号|交办编号|信访(件)?编号|举报(件)?编号|转办编号|受理号|^件号$|^编号$", "code"),
    (r"^序号?$", "seq"),
    (r"(交办|受理|转办|举报|来信|来电)(时间|日期)|^日期$|^时间$", "received_on"),
    (r"(举报|信访|投诉|反映)(的)?(内容|问题|事项)|来信来电内容|^内容$", "content"),
    (r"属实|核查结果|核实结论", "verified"),
    (r"办结|办理状态|办理进度|^状态$|整改状态", "status"),
    (r"处理|办理情况|整改情况|调查核实|处置|查处|办理结果", "result"),
    (r"行政区|区域|属地|所在地|地区|县区|乡镇|地点", "district"),
    (r"污染|类型|类别", "pollution_types"),
    (r"责任(单位|部门)|办理单位|承办单位|牵头单位", "responsible_units"),
]
# Words that only a petition ledger has: the kind is decided by these, not by shared columns.
PETITION_MARKERS = re.compile(r"受理编号|交办编号|信访|举报|是否属实|投诉|来信来电")

_COMPILED = {
    "problems": [(re.compile(p), f) for p, f in PROBLEM_RULES],
    "petitions": [(re.compile(p), f) for p, f in PETITION_RULES],
}
MULTI_COLUMN_FIELDS = {"lead_units", "responsible_units"}

FIELD_LABELS = {
    "code": "问题编号", "seq": "序号", "title": "问题名称", "description": "问题描述",
    "category": "类别", "round": "督察批次", "target": "整改目标", "measure": "整改措施",
    "deadline": "整改时限", "lead_units": "牵头单位", "responsible_units": "责任单位",
    "supervisor": "督办领导", "responsible_person": "责任人", "progress": "整改进展",
    "status_text": "整改状态", "percent": "完成进度(%)", "completed_yes_no": "是否完成整改",
    "closed_yes_no": "是否销号", "received_on": "交办时间", "content": "举报内容",
    "district": "行政区域", "pollution_types": "污染类型", "verified": "是否属实",
    "result": "调查核实及处理整改情况", "status": "办结情况",
}


def header_key(text: object) -> str:
    """A header as compared: widths folded, white space and stray marks removed."""
    if text is None:
        return ""
    return fold_key(str(text)).strip("*★:：").replace("(%)", "%").replace("（%）", "%")


def match_field(kind: str, text: object) -> str | None:
    key = header_key(text)
    if not key or len(key) > 30:
        return None
    for pattern, field_name in _COMPILED[kind]:
        if pattern.search(key):
            return field_name
    return None


def match_sub_field(kind: str, group: object, sub: object) -> str | None:
    """A column under a group header (责任单位 over 牵头单位/配合单位): the sub-header decides,
    read with its group when alone it says nothing."""
    return match_field(kind, sub) or match_field(kind, f"{header_key(group)}{header_key(sub)}") \
        or match_field(kind, group)
