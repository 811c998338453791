"""Building workbooks in shapes the import has not been tuned on: several sheets, hidden sheets,
header blocks of three rows, formulas that carry cached text (as Excel and WPS save them)."""

from __future__ import annotations

import re
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.utils import get_column_letter


@dataclass
class Sheet:
    name: str
    rows: list[list]
    merges: tuple = ()
    hidden: bool = False
    formulas: dict[str, tuple[str, str]] = field(default_factory=dict)   # cell → (formula, cached)
    first_column: int = 1                       # 2 writes the rows from column B


def book(path: Path, *sheets: Sheet) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for sheet in sheets:
        ws = wb.create_sheet(sheet.name)
        for r, row in enumerate(sheet.rows, start=1):
            for c, value in enumerate(row, start=sheet.first_column):
                if value is not None:
                    ws.cell(r, c, value)
        for rng in sheet.merges:
            ws.merge_cells(rng)
        for ref, (formula, _) in sheet.formulas.items():
            ws[ref] = f"={formula}"
        if sheet.hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    _cache_formulas(path, sheets)
    return path


def _cache_formulas(path: Path, sheets: tuple[Sheet, ...]) -> None:
    """openpyxl writes formulas without results; Excel saves the result beside each formula."""
    if not any(s.formulas for s in sheets):
        return
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", item.filename)
            if match:
                data = _with_cached(data.decode(), sheets[int(match.group(1)) - 1]).encode()
            dst.writestr(item, data)
    shutil.move(tmp, path)


def _with_cached(xml: str, sheet: Sheet) -> str:
    for ref, (_, cached) in sheet.formulas.items():
        xml = re.sub(rf'<c r="{ref}"([^>]*)><f>(.*?)</f>(?:<v\s*/>|<v>\s*</v>)',   # et_xmlfile 1 / 2
                     lambda m, v=cached, ref=ref: f'<c r="{ref}"{m.group(1)} t="str"><f>{m.group(2)}</f>'
                                         f'<v>{escape(v)}</v>', xml)
    return xml


def merged_down(columns: str, first: int, last: int) -> list[str]:
    """Ranges merging each of these columns from row `first` to row `last`."""
    return [f"{c}{first}:{c}{last}" for c in columns] if last > first else []


def across(row: int, width: int, start: int = 1) -> str:
    return f"{get_column_letter(start)}{row}:{get_column_letter(start + width - 1)}{row}"


THREE_ROW_TITLE = "XX县中央生态环境保护督察反馈问题整改落实情况台账"
THREE_ROW_HEAD = [
    ["附件2"],
    [THREE_ROW_TITLE],
    ["填报单位：XX县督察整改办", None, None, None, None, None, None, None, "截至2022年6月30日"],
    ["说明：1.整改状态填写“已完成”“按序时推进”“滞后”；2.每月25日前报送。"],
    [],
    ["序号", "问题编号", "反馈问题", "整改措施（具体）", "责任主体", None, None, "整改时限",
     "整改落实情况", None, None],
    [None] * 4 + ["责任单位", None, "责任领导", None, "目前进展情况", "整改状态", "是否销号"],
    [None] * 4 + ["牵头单位", "配合单位"] + [None] * 5,
]
THREE_ROW_HEAD_MERGES = ["A2:K2", "A4:K4", "A6:A8", "B6:B8", "C6:C8", "D6:D8", "E6:G6",
                         "H6:H8", "I6:K6", "E7:F7", "G7:G8", "I7:I8", "J7:J8", "K7:K8"]


def three_row_ledger(path: Path, sections: list[tuple[str, list[dict]]]) -> Path:
    """Sections of problems under a three-row header (a group row over two-row groups); problem
    cells merged down across their measures' rows; totals and signatures below."""
    rows = [list(r) for r in THREE_ROW_HEAD]
    merges = list(THREE_ROW_HEAD_MERGES)
    seq = 0
    for section, problems in sections:
        rows.append([section])
        merges.append(across(len(rows), 11))
        for p in problems:
            seq += 1
            first = len(rows) + 1
            for i, (content, deadline, lead, partner) in enumerate(p["measures"]):
                own = i == 0
                rows.append([seq if own else None, p["code"] if own else None,
                             p["description"] if own else None, content, lead, partner,
                             p.get("supervisor") if own else None, deadline,
                             p.get("progress") if own else None, p.get("status") if own else None,
                             p.get("closed") if own else None])
            merges += merged_down("ABCGIJK", first, len(rows))
    rows.append(["合计", None, f"{seq}个问题"])
    rows.append(["填报人：赵六        审核人：钱七        联系电话：0000-1234567"])
    return book(path, Sheet("整改台账", rows, tuple(merges)))
