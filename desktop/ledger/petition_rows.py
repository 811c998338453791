"""Petition ledgers (信访件): one row per petition, keyed by its handover code."""

from __future__ import annotations

import re

from desktop.core.status import yes_no
from desktop.core.units import split_units
from desktop.ledger.cellvalues import cell_text, code_text, date_value, whole_number
from desktop.ledger.errors import Issue, SkippedRow
from desktop.ledger.grid import Grid
from desktop.ledger.layout import Layout
from desktop.ledger.problem_rows import Reading, drop_trailing_blanks, in_other_table
from desktop.ledger.row_kinds import classify, row_texts

_VERIFIED = [(re.compile(r"不属实|不实|失实"), "false"), (re.compile(r"部分属实"), "partial"),
             (re.compile(r"属实"), "true")]
_STATUS = [(re.compile(r"阶段"), "staged"), (re.compile(r"未办结|正在|办理中|整改中|未完成"), "in_progress"),
           (re.compile(r"办结|已完成|完成"), "done")]


_KIND_SEPARATORS = re.compile(r"[/／|｜\\\s及和与]+")


def pollution_types(text: str) -> list[str]:
    """"水、大气" and "噪声/大气" → ["水", "大气"], ["噪声", "大气"]; "大气污染" → "大气"."""
    kinds = (k for unit in split_units(text) for k in _KIND_SEPARATORS.split(unit))
    kinds = (k[:-2] if k.endswith("污染") and len(k) > 2 else k for k in kinds)
    return list(dict.fromkeys(k for k in kinds if k))


def _word(text: str, rules: list, yes: str, no: str) -> str | None:
    for pattern, code in rules:
        if pattern.search(text):
            return code
    answer = yes_no(text)          # 是否属实 / 是否办结 answered 是 or 否
    return None if answer is None else (yes if answer else no)


def verified_code(text: str) -> str | None:
    """属实 and 基本属实 → true, 部分属实 → partial, 不属实 → false (DOMAIN.md); 是/否 too."""
    return _word(text, _VERIFIED, "true", "false")


def petition_status(text: str) -> str | None:
    """已办结 → done, 阶段性办结 → staged, 正在办理 / 正在整改 → in_progress; 是/否 too."""
    return _word(text, _STATUS, "done", "in_progress")


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


def _own(grid: Grid, layout: Layout, r: int, name: str) -> str:
    col = layout.col(name)
    if col is None or ((origin := grid.merged_from(r, col.index)) and origin[0] < r):
        return ""
    return cell_text(grid.raw(r, col.index))


def _continues(grid: Grid, layout: Layout, r: int, rows: list[int]) -> bool:
    """A row of the petition above: its code cell merged down from it, or no code nor content
    of its own (a second responsible unit, a further result on the next row)."""
    col = layout.col("code")
    origin = grid.merged_from(r, col.index) if col else None
    if origin and origin[0] in rows:
        return True
    return bool(rows) and not _own(grid, layout, r, "code") and not _own(grid, layout, r, "content")


def _add_row(petition: dict, grid: Grid, layout: Layout, r: int) -> None:
    for name in ("result", "district"):
        text = _own(grid, layout, r, name)
        if text and text not in petition[name]:
            petition[name] = f"{petition[name]}\n{text}" if petition[name] else text
    for name, split in (("responsible_units", split_units), ("pollution_types", pollution_types)):
        petition[name] = list(dict.fromkeys(petition[name] + split(_own(grid, layout, r, name))))


def read_petitions(grid: Grid, layout: Layout) -> Reading:
    out = Reading()
    seen: dict[str, int] = {}
    rows: list[int] = []            # the rows of the last petition read
    other = 0
    for r in range(layout.first_data_row, grid.height):
        kind, reason = classify(grid, r, layout)
        other = other or (r + 1 if kind == "other_table" else 0)
        if other:
            kind, reason = in_other_table(kind, other)
        if kind == "record" and _continues(grid, layout, r, rows):
            rows.append(r)
            if out.records and out.records[-1]["source_row"] == rows[0] + 1:
                _add_row(out.records[-1], grid, layout, r)
            else:
                out.skipped.append(SkippedRow(r + 1, f"属于第{rows[0] + 1}行重复的信访件，未导入",
                                              tuple(row_texts(grid, r))))
            continue
        rows = []
        if kind != "record":
            out.skipped.append(SkippedRow(r + 1, reason, tuple(row_texts(grid, r))))
            continue
        petition = _petition(grid, layout, r, out)
        if petition is None:
            continue
        rows = [r]
        if petition["code"] in seen:
            out.skipped.append(SkippedRow(r + 1, f"受理编号“{petition['code']}”与第"
                                          f"{seen[petition['code']]}行重复，未导入", tuple(row_texts(grid, r))))
            continue
        seen[petition["code"]] = r + 1
        out.records.append(petition)
    drop_trailing_blanks(out.skipped, max((p["source_row"] for p in out.records), default=0))
    return out
