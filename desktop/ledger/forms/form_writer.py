"""Writing one unit form workbook (the layout is in form_layout.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from desktop.core.text import problem_text
from desktop.ledger.forms import form_layout as fl
from desktop.ledger.writing import sheet_style as st
from desktop.ledger.writing.cells import write_text, write_value
from desktop.ledger.writing.export_ledger import STATUS_CHOICES
from desktop.ledger.writing.ledger_layout import join_units

OPEN = Protection(locked=False)


@dataclass
class FormContent:
    register_id: str
    period: str
    unit: str
    problems: list[dict]
    last_progress: dict[int, str] = field(default_factory=dict)
    issued_at: str = ""

    @property
    def title(self) -> str:
        return f"{self.unit}整改进展填报表（{fl.period_label(self.period)}）"

    @property
    def note(self) -> str:
        return (f"填报单位：{self.unit}    填报期间：{fl.period_label(self.period)}    "
                "说明：请只填写黄色单元格，其余内容已锁定；整改状态从下拉列表选择；"
                "完成比例填0—100的数字；没有进展的问题可留空。")


def _numbered(lines: list[str]) -> str:
    return lines[0] if len(lines) == 1 else "\n".join(f"{i}. {t}" for i, t in
                                                      enumerate(lines, start=1))


def locked_values(number: int, problem: dict, last_progress: dict[int, str]) -> dict[str, object]:
    measures = problem.get("_measures") or []
    contents = [m["content"] for m in measures if m.get("content")]
    deadlines = list(dict.fromkeys(m.get("deadline_text") or "" for m in measures))
    deadline = (_numbered(deadlines) if any(deadlines) and len(deadlines) > 1
                else (deadlines[0] if deadlines and deadlines[0]
                      else problem.get("deadline_text") or ""))
    return {"number": number, "code": problem["code"], "round": problem["round"],
            "title": problem_text(problem), "description": problem.get("description") or "",
            "measures": _numbered(contents) if contents else "", "deadline": deadline,
            "lead_units": join_units(problem.get("_lead")),
            "responsible_units": join_units(problem.get("_resp")),
            "last_progress": last_progress.get(problem["id"], problem.get("progress") or "")}


def write_form(path: Path, content: FormContent, key: bytes) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = fl.FORM_SHEET
    top = [content.title, content.note, *[c.header for c in fl.COLUMNS]]
    locked_rows = _write_sheet(ws, content)
    row_ids = [p["id"] for p in content.problems]
    digest = fl.fingerprint(key, register_id=content.register_id, period=content.period,
                            unit=content.unit, top=top, row_ids=row_ids, locked_rows=locked_rows)
    prints = [fl.row_print(key, register_id=content.register_id, period=content.period,
                           unit=content.unit, row_id=rid, locked_row=locked)
              for rid, locked in zip(row_ids, locked_rows)]
    _write_info(wb.create_sheet(fl.INFO_SHEET), content, digest, prints)
    wb.security = WorkbookProtection(lockStructure=True)
    wb.save(path)


def _write_sheet(ws, content: FormContent) -> list[list[object]]:
    width = len(fl.COLUMNS)
    for row, text, font, height in ((fl.TITLE_ROW, content.title, st.TITLE_FONT, 34),
                                    (fl.NOTE_ROW, content.note, st.NOTE_FONT, 30)):
        cell = write_text(ws.cell(row, 1), text)
        cell.font, cell.alignment = font, st.CENTER if row == fl.TITLE_ROW else st.WRAP
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        ws.row_dimensions[row].height = height
    for col, column in enumerate(fl.COLUMNS, start=1):
        cell = write_text(ws.cell(fl.HEADER_ROW, col), column.header)
        cell.font, cell.alignment, cell.border = st.HEADER_FONT, st.CENTER, st.BORDER
        cell.fill = st.FILL_CELL if column.fill else st.HEADER_FILL
        ws.column_dimensions[get_column_letter(col)].width = column.width
    ws.row_dimensions[fl.HEADER_ROW].height = 30
    looks = _looks(ws)
    locked_rows = []
    for number, problem in enumerate(content.problems, start=1):
        values = locked_values(number, problem, content.last_progress)
        locked_rows.append(_write_row(ws, fl.FIRST_ROW + number - 1, values, looks))
    _finish(ws, fl.FIRST_ROW + len(content.problems) - 1)
    return locked_rows


def _looks(ws) -> dict[str, st.Look]:
    """The body cells' looks by column key: locked or open (yellow), centred or wrapped."""
    looks = {}
    for column in fl.COLUMNS:
        align = st.CENTER if column.key in ("number", "code", "percent") else st.WRAP
        extra = {"fill": st.FILL_CELL, "protection": OPEN} if column.fill else {}
        looks[column.key] = st.Look(ws, font=st.BODY_FONT, border=st.BORDER, alignment=align,
                                    **extra)
    return looks


def _write_row(ws, row: int, values: dict[str, object], looks: dict[str, st.Look]) -> list:
    lines = 1
    for col, column in enumerate(fl.COLUMNS, start=1):
        cell = ws.cell(row, col)
        value = values.get(column.key)
        looks[column.key].stamp(cell)
        write_value(cell, value)
        lines = max(lines, st.lines_needed(value, column.width))
    ws.row_dimensions[row].height = st.row_height(max(lines, 3))
    return [values.get(fl.COLUMNS[c - 1].key) for c in fl.LOCKED_COLUMNS]


def _finish(ws, last: int) -> None:
    if last >= fl.FIRST_ROW:
        status = get_column_letter(fl.column_of("status_text"))
        rule = DataValidation(type="list", formula1=STATUS_CHOICES, allow_blank=True,
                              showErrorMessage=True, errorTitle="整改状态",
                              error="请从下拉列表中选择整改状态。")
        rule.add(f"{status}{fl.FIRST_ROW}:{status}{last}")
        percent = get_column_letter(fl.column_of("percent"))
        number = DataValidation(type="decimal", operator="between", formula1="0",
                                formula2="100", allow_blank=True, showErrorMessage=True,
                                errorTitle="完成比例", error="完成比例请填写0到100之间的数字。",
                                showInputMessage=True, promptTitle="完成比例",
                                prompt="填写0到100之间的数字，例如 60 表示完成60%。")
        number.add(f"{percent}{fl.FIRST_ROW}:{percent}{last}")
        ws.add_data_validation(rule)
        ws.add_data_validation(number)
    ws.freeze_panes = ws.cell(fl.FIRST_ROW, 3).coordinate
    st.set_print_setup(ws, header_rows=f"{fl.HEADER_ROW}:{fl.HEADER_ROW}",
                       columns=len(fl.COLUMNS))
    ws.protection.sheet = True
    ws.protection.formatRows = False  # rows and columns may still be resized for long text
    ws.protection.formatColumns = False


def _write_info(ws, content: FormContent, digest: str, prints: list[str]) -> None:
    values = {"note": fl.INFO_NOTE, "register_id": content.register_id,
              "period": content.period, "unit": content.unit, "version": fl.FORM_VERSION,
              "first_row": fl.FIRST_ROW, "row_count": len(content.problems),
              "fingerprint": digest, "issued_at": content.issued_at}
    for row, (key, label) in enumerate(fl.INFO_LABELS.items(), start=1):
        write_text(ws.cell(row, 1), label)
        write_value(ws.cell(row, 2), values[key])
    for col, header in enumerate(fl.ROWS_HEADER, start=1):
        write_text(ws.cell(fl.ROWS_HEADER_ROW, col), header)
    for offset, problem in enumerate(content.problems):
        row = fl.ROWS_HEADER_ROW + 1 + offset
        for col, value in enumerate((fl.FIRST_ROW + offset, problem["id"], problem["code"],
                                     problem["round"], prints[offset]), start=1):
            write_value(ws.cell(row, col), value)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
