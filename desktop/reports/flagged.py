"""挂牌督办: the flagged list and the 督办通知单 of one problem, as plain documents.

    build_flagged(db, as_of=None) -> FlaggedList (.doc a TableDoc, .items)
    build_notice(db, problem_id, as_of=None) -> TableDoc

Each flagged problem shows its flag (level, leader, reason, since, until), lead units, its latest
progress and a warning: the flag's own deadline passed (督办超期, red), or the problem's 预警
(overdue red, due within 10 days yellow, 20 days blue, behind schedule orange).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.flags import flags_by_problem
from db.settings import signature_defaults
from desktop.core.alerts import alerts_for
from desktop.core.flagging import LEVEL_LABELS
from desktop.core.status import status_label
from desktop.core.summary import as_of_phrase
from desktop.reports.snapshot import take_snapshot
from desktop.reports.table_doc import TableDoc

COLUMNS = ("序号", "编号", "问题", "挂牌级别", "督办领导", "挂牌原因", "挂牌日期", "督办时限",
           "牵头单位", "最新进展", "预警")
WEIGHTS = (4, 5, 18, 7, 7, 11, 8, 8, 10, 15, 9)


@dataclass
class FlaggedItem:
    problem: dict
    flag: dict
    warning: str
    colour: str

    def cells(self, seq: int) -> tuple[str, ...]:
        p, f = self.problem, self.flag
        return (str(seq), p["code"], p["title"] or p["description"][:60],
                LEVEL_LABELS.get(f["level"], f["level"]), f["leader"], f["reason"], f["since"],
                f["until"] or "", "、".join(p["lead_units"]),
                p["progress"] or status_label(p["status"]), self.warning)


@dataclass
class FlaggedList:
    as_of: dt.date
    items: list[FlaggedItem]
    doc: TableDoc


def _warning(flag: dict, assessment, as_of: dt.date) -> tuple[str, str]:
    if flag.get("until") and flag["until"] < as_of.isoformat() and assessment.code not in (
            "completed", "closed"):
        return "督办超期", "red"
    alerts = alerts_for(assessment)
    if alerts:
        return "；".join(a.label for a in alerts), alerts[0].colour
    return status_label(assessment.code) if assessment.code else "", ""


def flagged_items(db, as_of: dt.date) -> list[FlaggedItem]:
    flags = flags_by_problem(db)
    snapshot = take_snapshot(db, as_of)
    items = []
    for problem, assessment in zip(snapshot.problems, snapshot.assessments):
        if problem["id"] in flags:
            warning, colour = _warning(flags[problem["id"]], assessment, as_of)
            items.append(FlaggedItem(problem, flags[problem["id"]], warning, colour))
    return items


def build_flagged(db, as_of: dt.date | None = None) -> FlaggedList:
    as_of = as_of or dt.date.today()
    items = flagged_items(db, as_of)
    office = signature_defaults(db).get("unit", "")
    lines = [(f"填报单位：{office}　　" if office else "")
             + f"截至{as_of_phrase(as_of)}，挂牌督办问题共{len(items)}个。"]
    doc = TableDoc("挂牌督办问题清单", lines, COLUMNS, WEIGHTS,
                   [item.cells(n) for n, item in enumerate(items, start=1)],
                   [item.colour for item in items], sheet_name="挂牌督办")
    return FlaggedList(as_of, items, doc)


def build_notice(db, problem_id: int, as_of: dt.date | None = None) -> TableDoc:
    """The 督办通知单 of one flagged problem; ValueError (Chinese) when it is not flagged."""
    as_of = as_of or dt.date.today()
    found = [i for i in flagged_items(db, as_of) if i.problem["id"] == problem_id]
    if not found:
        raise ValueError("该问题没有挂牌督办，不能出具督办通知单。")
    item = found[0]
    p, f = item.problem, item.flag
    units = "、".join(p["lead_units"] + [u for u in p["responsible_units"]
                                         if u not in p["lead_units"]])
    rows = [("问题编号", p["code"]), ("问题", p["title"] or ""), ("问题描述", p["description"]),
            ("责任单位", units), ("整改时限", p["deadline_text"]),
            ("挂牌级别", LEVEL_LABELS.get(f["level"], f["level"])), ("督办领导", f["leader"]),
            ("挂牌原因", f["reason"]), ("挂牌日期", f["since"]),
            ("督办时限", f["until"] or "—"), ("最新进展", p["progress"] or "暂无"),
            ("预警", item.warning or "—"),
            ("督办要求", "请责任单位对照整改目标倒排工期，于督办时限内完成整改，"
                         "并每周报送整改进展，完成后及时报送佐证材料申请验收销号。")]
    office = signature_defaults(db).get("unit", "") or "整改办公室"
    return TableDoc("挂牌督办通知单", [f"{'、'.join(p['lead_units']) or units}："], ("项目", "内容"),
                    (18, 82), rows, signature=[f"{office}（盖章）", f"{as_of.year}年{as_of.month}月"
                                                                    f"{as_of.day}日"],
                    landscape=False, sheet_name="督办通知单")
