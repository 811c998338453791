"""Building ledgers in real, messy shapes for the import tests (openpyxl, saved to tmp_path)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.cell_range import CellRange


def write_sheet(path: Path, rows: list[list], *, title: str = "台账", merges: tuple = (),
                before: tuple[str, ...] = (), hidden: tuple[str, ...] = ()) -> Path:
    """rows are written from A1; merges like "A5:A7"; sheets named in `before` come first."""
    wb = Workbook()
    first = wb.active
    first.title = before[0] if before else title
    for name in before[1:]:
        wb.create_sheet(name)
    for name in before:
        wb[name]["A1"] = "填表说明：请按要求填写。序号、问题描述、整改时限、责任单位均为必填。"
    ws = wb.create_sheet(title) if before else first
    for row in rows:
        ws.append(row)
    if len(merges) > 200:  # big benchmark ledgers: openpyxl's merge_cells is quadratic
        for rng in merges:
            ws.merged_cells.ranges.add(CellRange(rng))  # the cells under it are already empty
    else:
        for rng in merges:
            ws.merge_cells(rng)
    for name in hidden:
        extra = wb.create_sheet(name)
        extra.append(["序号", "问题描述", "整改时限"])
        extra.append([1, "隐藏表中的问题", "2022年底"])
        extra.sheet_state = "hidden"
    wb.save(path)
    return path


COUNTY_HEADER = [
    ["XX县督察整改落实情况台账"] + [None] * 9,
    ["填报单位：XX县整改办", None, None, None, None, None, None, "截至：2022年3月31日", None, None],
    ["序号", "问题描述", "整改目标", "整改措施", "整 改\n时 限", "责任单位", None, "督办领导", "整改进展", "整改状态"],
    [None, None, None, None, None, "牵头单位", "配合单位", None, None, None],
]
COUNTY_HEADER_MERGES = ("A1:J1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:G3",
                        "H3:H4", "I3:I4", "J3:J4")


def county_ledger(path: Path, problems: list[dict]) -> Path:
    """A county ledger: problem cells merged down across one row per measure."""
    rows = [list(r) for r in COUNTY_HEADER]
    merges = list(COUNTY_HEADER_MERGES)
    for p in problems:
        first = len(rows) + 1
        for i, m in enumerate(p["measures"]):
            head = [p["code"], p["description"], p.get("target", "")] if i == 0 else [None] * 3
            tail = [p.get("supervisor", ""), p.get("progress", ""), p.get("status", "")] \
                if i == 0 else [None] * 3
            rows.append(head + [m[0], m[1], m[2], m[3] if len(m) > 3 else ""] + tail)
        last = len(rows)
        if last > first:
            merges += [f"{c}{first}:{c}{last}" for c in "ABCHIJ"]
    rows.append([None] * 10)
    rows.append(["注：整改状态以县整改办核定为准。"])
    return write_sheet(path, rows, merges=merges)
