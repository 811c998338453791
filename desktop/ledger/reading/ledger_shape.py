"""Judging a header as a whole: which date is planned and which is actual, and whether the sheet
is a ledger at all.

A problem ledger has a column with the problem's text (问题描述, or a 问题名称 that names a
problem, not a 合同名称) and at least two of: measures, deadline, units, status (one is
enough when the text column's own header says 问题 or 整改). A petition
ledger has a content column and a code (or, on a message board without codes, a date). Anything else — a contract or procurement ledger with a
column that mentions 整改措施 — is refused with the columns found and the columns expected,
unless the clerk maps its columns by hand.

When a sheet has both a planned date (计划/目标/要求完成时间, 整改时限) and an actual one
(整改完成时间, 实际完成时间), the planned one is the deadline and the actual one `completed_on`.
"""

from __future__ import annotations

import re

from desktop.ledger.reading.vocabulary import FIELD_LABELS, column_candidates, header_key

PROBLEM_PARTS = {
    "整改措施": {"measure"},
    "整改时限": {"deadline"},
    "责任单位": {"lead_units", "responsible_units"},
    "整改状态": {"status_text", "progress", "completed_yes_no", "closed_yes_no", "completed_on",
             "percent"},
}
# A 名称 column that names something other than a problem.
_OTHER_TITLES = re.compile(r"合同|采购|供应商|物资|资产|设备|车辆|姓名|票据|资金|经费|账户|档案|会议|"
                           r"文件|单位名称|商品|货物|产品|器材|项目")
# A text column whose header itself says 问题 (反馈问题, 存在问题, 整改任务) needs one more part,
# not two: "序号 / 问题描述 / 整改时限" is a ledger.
_NAMES_PROBLEM = re.compile(r"问题|整改|督察|督查|反馈意见|审计|巡视|巡察|隐患|交办")
_ACTUAL = re.compile(r"实际|^(整改)?完成(时间|日期)$|^完成整改(时间|日期)$|^已完成")
_PLANNED = re.compile(r"计划|目标|要求|时限|期限|预计|规定|应完成|拟|节点")


def _key(col) -> str:
    return "".join(header_key(p) for p in (col.parts or (col.header,)))


def _dates(kind: str, col) -> bool:
    return col.field in ("deadline", "completed_on") or \
        "deadline" in column_candidates(kind, list(col.parts or (col.header,)))


def planned_and_actual(kind: str, columns: list) -> None:
    """Both a planned and an actual date: the planned one is the deadline, the actual one
    completed_on (unless a column already says 实际完成时间 outright)."""
    if kind != "problems":
        return
    dated = [c for c in columns if _dates(kind, c) and c.field in ("deadline", None)]
    actual = [c for c in dated if _ACTUAL.search(header_key(c.parts[-1] if c.parts else c.header))
              or "实际" in _key(c)]
    planned = [c for c in dated if c not in actual and _PLANNED.search(_key(c))]
    if not actual or not planned or any(c.field == "completed_on" for c in columns):
        return
    for col in actual:
        if col.field == "deadline":
            col.field = None
    if not any(c.field == "deadline" for c in columns):
        planned[0].field = "deadline"
    actual[0].field = "completed_on"


def _problem_text(columns: list) -> list:
    return [c for c in columns if c.field == "description" or (c.field == "title" and (
        not _OTHER_TITLES.search(_key(c)) or _NAMES_PROBLEM.search(_key(c))))]


def is_ledger(kind: str, columns: list) -> bool:
    fields = {c.field for c in columns if c.field}
    if kind == "petitions":     # a message board may give no code: its date then keys it
        return "content" in fields and bool(fields & {"code", "received_on"})
    texts = _problem_text(columns)
    parts = sum(bool(fields & names) for names in PROBLEM_PARTS.values())
    named = any(_NAMES_PROBLEM.search(_key(c)) for c in texts)
    return bool(texts) and parts >= (1 if named else 2)


def _found(columns: list) -> str:
    named = [f"{c.header}（{FIELD_LABELS.get(c.field, c.field)}）" for c in columns if c.field]
    others = [c.header for c in columns if not c.field and c.header]
    text = "认出的列：" + ("、".join(named) if named else "无")
    return text + ("；未认出的列：" + "、".join(others[:12]) if others else "")


def ledger_doubt(sheet: str, header_rows: list[int], kind: str, columns: list) -> str:
    """Why this header is not a ledger, naming what was found and what was expected; "" when
    it is one."""
    if is_ledger(kind, columns):
        return ""
    rows = "、".join(map(str, header_rows))
    return (f"工作表“{sheet}”第{rows}行的表头不像整改问题台账，也不像信访件台账。{_found(columns)}。"
            "问题台账要有“问题描述”（或“问题名称”）一列，并至少有“整改措施”“整改时限”“责任单位”"
            "“整改状态”中的两列；信访件台账要有“受理编号”和“举报内容”两列。如果这确是要导入的台账，"
            "请在窗口的“导入台账”对话框中逐列指定各列的含义后导入（命令行可用 --kind 和 "
            "--map \"表头=字段\" 指定）。")


def likely_header(grid) -> tuple[int, list[str]] | None:
    """(row, 1-based; its words) of the row among the first that holds the most short words:
    what the clerk would take for the header of a sheet the search found none in."""
    best: tuple[int, int, list[str]] | None = None
    for r in range(min(50, grid.height)):
        words = [v.strip() for v in (grid.value(r, c) for c in range(grid.width))
                 if isinstance(v, str) and 0 < len(v.strip()) <= 20]
        if len(words) >= 2 and (best is None or len(words) > best[0]):
            best = (len(words), r + 1, words)
    return (best[1], best[2]) if best else None
