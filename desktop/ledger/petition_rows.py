"""Petition ledgers (信访件): one row per petition, keyed by its handover code."""

from __future__ import annotations

import re

from desktop.core.units import split_units
from desktop.ledger.cellvalues import cell_text, code_text, date_value, whole_number
from desktop.ledger.errors import Issue, SkippedRow
from desktop.ledger.grid import Grid
from desktop.ledger.layout import Layout
from desktop.ledger.problem_rows import Reading, drop_trailing_blanks
from desktop.ledger.row_kinds import classify, row_texts

_VERIFIED = [(re.compile(r"不属实|不实|失实"), "false"), (re.compile(r"部分属实"), "partial"),
             (re.compile(r"属实"), "true")]
_STATUS = [(re.compile(r"阶段"), "staged"), (re.compile(r"未办结|正在|办理中|整改中|未完成"), "in_progress"),
           (re.compile(r"办结|已完成|完成"), "done")]


_KIND_SEPARATORS = re.compile(r"[/／|｜\\\s及和与]+")


def pollution_types(text: str) -> list[str]:
    """"水、大气" and "噪声/大气" → ["水", "大气"], ["噪声", "大气"]."""
    kinds = (k for unit in split_units(text) for k in _KIND_SEPARATORS.split(unit))
    return list(dict.fromkeys(k for k in kinds if k))


def verified_code(text: str) -> str | None:
    """属实 and 基本属实 → true, 部分属实 → partial, 不属实 → false (DOMAIN.md)."""
    for pattern, code in _VERIFIED:
        if pattern.search(text):
            return code
    return None


def petition_status(text: str) -> str | None:
    for pattern, code in _STATUS:
        if pattern.search(text):
            return code
    return None


def _warn(out: Reading, grid: Grid, layout: Layout, r: int, name: str, message: str) -> None:
    col = layout.col(name) or layout.columns[0]
    out.warnings.append(Issue(grid.name, r + 1, col.letter, message))


def _petition(grid: Grid, layout: Layout, r: int, out: Reading) -> dict | None:
    def text(name: str) -> str:
        col = layout.col(name)
        return cell_text(grid.value(r, col.index)) if col else ""

    code = code_text(text("code"))
    if not code:
        out.skipped.append(SkippedRow(r + 1, "没有受理编号，未导入", tuple(row_texts(grid, r))))
        return None
    col = layout.col("received_on")
    received = date_value(grid.value(r, col.index)) if col else None
    if col and text("received_on") and received is None:
        _warn(out, grid, layout, r, "received_on", f"交办时间“{text('received_on')}”不是日期，已留空。")
    verified_text, status_text = text("verified"), text("status")
    verified = verified_code(verified_text)
    if verified_text and verified is None:
        _warn(out, grid, layout, r, "verified", f"“{verified_text}”不是属实/部分属实/不属实，已留空。")
    status = petition_status(status_text) or "in_progress"
    if status_text and petition_status(status_text) is None:
        _warn(out, grid, layout, r, "status", f"办结情况“{status_text}”不是已办结/阶段性办结/正在办理，"
                                              "已按正在办理导入，原文保留。")
    extra = {c.header or f"{c.letter}列": cell_text(grid.value(r, c.index))
             for c in layout.columns if not c.field and cell_text(grid.value(r, c.index))}
    return {"code": code, "seq": whole_number(text("seq")),
            "received_on": received.isoformat() if received else None,
            "content": text("content"), "district": text("district"),
            "pollution_types": pollution_types(text("pollution_types")),
            "verified": verified, "verified_text": verified_text, "result": text("result"),
            "status": status, "status_text": status_text,
            "responsible_units": split_units(text("responsible_units")),
            "extra": extra, "source_row": r + 1}


def read_petitions(grid: Grid, layout: Layout) -> Reading:
    out = Reading()
    seen: dict[str, int] = {}
    for r in range(layout.first_data_row, grid.height):
        kind, reason = classify(grid, r, layout)
        if kind != "record":
            out.skipped.append(SkippedRow(r + 1, reason, tuple(row_texts(grid, r))))
            continue
        petition = _petition(grid, layout, r, out)
        if petition is None:
            continue
        if petition["code"] in seen:
            out.skipped.append(SkippedRow(r + 1, f"受理编号“{petition['code']}”与第"
                                          f"{seen[petition['code']]}行重复，未导入", tuple(row_texts(grid, r))))
            continue
        seen[petition["code"]] = r + 1
        out.records.append(petition)
    drop_trailing_blanks(out.skipped, max((p["source_row"] for p in out.records), default=0))
    return out
