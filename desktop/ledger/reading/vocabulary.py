"""How superiors write their column headers, mapped to the register's fields (DOMAIN.md).

Headers are compared after folding widths, dropping spaces and line breaks ("整 改 时 限",
"责任\\n单位"), so only the words matter. Rules are tried in order; the first that matches wins,
which lets "是否完成整改" win over "完成" and "配合单位" over "单位".
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.core.text import fold_key

PROBLEM_RULES: list[tuple[str, str]] = [
    (r"^(问题|任务|序列)?编[号码]$|^问题序号$|^问题号$|^问题代码$|^交办(问题)?编号$", "code"),
    (r"^序号?$|^No\.?$|^顺序号$|^序次$", "seq"),
    (r"措施(序号|编号|号)|^(子项|分项)序号$", "measure_seq"),
    (r"是否.*销号", "closed_yes_no"),
    (r"是否.*(完成|到位|整改)", "completed_yes_no"),
    (r"^实际(完成|整改完成|销号)(时间|日期|时限)?$|^(整改)?完成销号(时间|日期)$|^(验收)?销号(时间|日期)$|"
     r"^办结(时间|日期)$", "completed_on"),
    (r"牵头(责任)?(单位|部门)|\(牵头\)|^牵头$|单位牵头$|主责(单位|部门)|主体责任单位|主办(单位|部门)",
     "lead_units"),
    (r"配合(单位|部门)|协办|协同(单位|部门)|参与(单位|部门)|\(配合\)|^配合$|单位配合$", "responsible_units"),
    (r"督办领导|责任领导|牵头领导|分管领导|包抓领导|县级领导|督导领导|挂牌领导|包保领导|联系领导|"
     r"挂点领导|县领导|市领导|领导小组成员", "supervisor"),
    (r"(责任|经办|联系)人(员|姓名)?(及联系(方式|电话))?$|^具体负责人$|^负责人$", "responsible_person"),
    (r"责任(单位|部门|主体)|承办单位|实施单位|整改(责任)?单位|所属\S{0,4}(公司|单位|部门|企业|乡镇)|"
     r"被(督察|督查|检查|审计|巡视|巡察)(单位|对象|部门)|^属地(单位|政府|乡镇|责任单位)?$|"
     r"^(填报|成员|所在)?单位(名称)?$|^(公司|企业|子公司|成员企业)(名称)?$|"
     r"^(二级|三级|下属|基层|成员|直属)(单位|企业|公司)(名称)?$", "responsible_units"),
    (r"措施|举措|整改方案", "measure"),
    (r"时限|完成时间|期限|截止时间|整改时间|完成日期|计划完成|时间节点|完成节点", "deadline"),
    (r"%|百分比|比例", "percent"),
    (r"状态|^(整改)?完成情况$|销号情况|^整改结果$|是否完成$", "status_text"),
    (r"进展|整改情况|落实情况|推进情况|进度情况|工作进度|整改进度|完成情况", "progress"),
    (r"目标|整改要求|工作要求|预期成效", "target"),
    (r"名称|标题|^重点任务$|^主要任务$|^任务$|^工作任务$", "title"),
    (r"类别|类型|分类|领域|方面|性质", "category"),
    (r"批次|来源|轮次|^(检查|督察|督查|巡视|巡察|审计)组(别)?$", "round"),
    (r"问题|工作内容|具体内容|任务内容|^内容$|^(整改|具体)任务$|"
     r"(整改|督查|督察|督办|巡视|巡察|审计|检查)事项|^(存在的?|重大|安全)?隐患(内容|描述|情况)?$",
     "description"),
]

PETITION_RULES: list[tuple[str, str]] = [
    (r"受理编号|交办件?编号|(信访|举报|转办)件?编号|转办编号|受理号|^件号$|^编号$|"
     r"(留言|来信|来电|诉求|工单|投诉|举报|热线)\S{0,2}(编号|编码|单号)|^工单号$|^留言号$|"
     r"^(信件|来件|案件|事项|登记)编?号$", "code"),
    (r"^序号?$|^No\.?$", "seq"),
    (r"(交办|受理|转办|举报|来信|来电|来访|留言|投诉|登记|派单|诉求|反映|收件|来件)(时间|日期)|^日期$|^时间$",
     "received_on"),
    (r"(举报|信访|投诉|反映|留言|来信|来电|诉求|工单)\S{0,4}(内容|问题|事项|摘要)|来信来电内容|"
     r"^内容$|问题基本情况|^(留言|来信|来电|诉求|工单|投诉举报|主要诉求)$|^问题(描述|内容)$|"
     r"^(事项|主要|简要|来电|来件)内容$|^内容摘要$", "content"),
    (r"属实|核查结果|核实结论", "verified"),
    (r"办结|办理状态|办理进度|^状态$|整改状态|工单状态|处理状态", "status"),
    (r"^(答复|回复|办理|承办|处理|转办|交办|责任)(单位|部门)$", "responsible_units"),
    (r"处理|办理情况|整改情况|调查核实|处置|查处|办理结果|答复|回复", "result"),
    (r"行政区|区域|属地|所在地|地区|县区|乡镇|地点|街道", "district"),
    (r"污染|类型|类别", "pollution_types"),
    (r"责任(单位|部门)|办理单位|承办单位|牵头单位", "responsible_units"),
]
# Words that only a petition ledger has: the kind is decided by these, not by shared columns.
PETITION_MARKERS = re.compile(r"受理编号|交办编号|信访|举报|是否属实|投诉|来信|来电|来访|留言|诉求|工单|"
                              r"12345|热线")

_COMPILED = {
    "problems": [(re.compile(p, re.IGNORECASE), f) for p, f in PROBLEM_RULES],
    "petitions": [(re.compile(p, re.IGNORECASE), f) for p, f in PETITION_RULES],
}
MULTI_COLUMN_FIELDS = {"lead_units", "responsible_units"}
# Words that name a field only when no other column names it better: a petition's 调查核实情况
# is its result unless a 处理和整改情况 column follows.
_WEAK = {"problems": re.compile(r"^$"), "petitions": re.compile(r"调查核实|核查情况|核实情况")}
# Notes and evidence columns are kept as extra columns, whatever words they contain.
_NOT_FIELDS = re.compile(r"^备注|^附件|^说明$|^佐证|^存在的?困难|^下一?步|困难和问题$|^销号文号")
# A petition's dates other than the day it came in (办结时间, 答复时间) are kept as extra columns.
_NOT_PETITION_FIELDS = re.compile(r"(办结|答复|回复|完成|反馈|处理)(时间|日期)$|^(留言|来电|举报|投诉)人")
_BRACKETED = re.compile(r"\([^()]*\)")

FIELD_LABELS = {
    "code": "问题编号", "seq": "序号", "measure_seq": "措施序号", "title": "问题名称", "description": "问题描述",
    "category": "类别", "round": "督察批次", "target": "整改目标", "measure": "整改措施",
    "deadline": "整改时限", "lead_units": "牵头单位", "responsible_units": "责任单位",
    "supervisor": "督办领导", "responsible_person": "责任人", "progress": "整改进展",
    "status_text": "整改状态", "percent": "完成进度(%)", "completed_yes_no": "是否完成整改",
    "closed_yes_no": "是否销号", "received_on": "交办时间", "content": "举报内容",
    "district": "行政区域", "pollution_types": "污染类型", "verified": "是否属实",
    "result": "调查核实及处理整改情况", "status": "办结情况", "completed_on": "实际完成时间",
}


_BRACKETS = str.maketrans({"【": "(", "】": ")", "[": "(", "]": ")", "〔": "(", "〕": ")"})


@lru_cache(maxsize=4096)
def _header_key(text: str) -> str:
    key = fold_key(text).translate(_BRACKETS).strip("*★:：、.")
    return key.replace("(%)", "%")


def header_key(text: object) -> str:
    """A header as compared: widths folded, white space and stray marks removed."""
    return "" if text is None else _header_key(str(text))


@lru_cache(maxsize=8192)
def _match_key(kind: str, key: str) -> str | None:
    if not key or _NOT_FIELDS.search(key):
        return None
    if kind == "petitions" and _NOT_PETITION_FIELDS.search(key):
        return None
    for attempt in dict.fromkeys((key, _BRACKETED.sub("", key))):   # then without its notes
        if attempt and len(attempt) <= 30:
            for pattern, field_name in _COMPILED[kind]:
                if pattern.search(attempt):
                    return field_name
    return None


def match_field(kind: str, text: object) -> str | None:
    return _match_key(kind, header_key(text))


def column_candidates(kind: str, parts: list[str]) -> list[str]:
    """The fields a column may be, best first, from its header words top to bottom (a group
    like 责任单位 over 牵头单位 / 配合单位). The lowest word decides; a short one (序号, 牵头) is
    read with its groups first; a word that says nothing falls back to its groups."""
    keys = [k for k in map(header_key, parts) if k]
    if not keys:
        return []
    last = keys[-1]
    combined = ["".join(keys[i:]) for i in range(len(keys) - 2, -1, -1)]
    order = combined + [last] if len(last) <= 3 else [last] + combined
    if _match_key(kind, last) is None:
        order += keys[-2::-1]
    names = (_match_key(kind, k) for k in order)
    return list(dict.fromkeys(n for n in names if n))


def weak_match(kind: str, header: str) -> bool:
    return bool(_WEAK[kind].search(header_key(header)))
