"""Reading a returned unit form: who sent it, for what, whether its locked content is intact,
and the rows the unit filled in (checked: status words, percent 0–100)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from desktop.core.status import STATUS_CODES, STATUS_LABELS, derive_status, status_from_text
from desktop.ledger.errors import LedgerRefused
from desktop.ledger.forms import form_layout as fl
from desktop.ledger.reading.guard import load_for_editing


class FormRefused(Exception):
    """The form cannot be collected; the message is for the clerk, in Chinese."""


@dataclass
class FilledRow:
    row: int
    problem_id: int
    code: str
    round: str
    text: str
    status: str
    status_text: str
    percent: float | None
    difficulties: str
    next_steps: str
    reporter: str
    phone: str

    @property
    def content(self) -> tuple:
        """What the report says; two forms that differ here disagree."""
        return (self.text, self.status, None if self.percent is None else round(self.percent, 2))


@dataclass
class FormReading:
    file: Path
    register_id: str
    period: str
    unit: str
    rows: list[FilledRow] = field(default_factory=list)
    empty_rows: int = 0
    errors: list[dict] = field(default_factory=list)


def read_form(path: str | Path, key: bytes, register_id: str) -> FormReading:
    """Read and check one form. Raises FormRefused when it is not ours, from another register,
    or its locked content was changed; value errors are listed in `errors`."""
    path = Path(path)
    try:
        wb = load_for_editing(path, data_only=True)
    except LedgerRefused as exc:
        raise FormRefused(f"无法读取该文件：{exc}") from exc
    try:
        return _read_checked(wb, path, key, register_id)
    except FormRefused:
        raise
    except Exception as exc:  # noqa: BLE001 — a hand-damaged form: refused, never a traceback
        raise FormRefused(f"该填报表的内容已损坏或被改成了无法识别的样子（{type(exc).__name__}），"
                          "已拒收。请用下发的原表重新填报。") from exc


def _read_checked(wb, path: Path, key: bytes, register_id: str) -> FormReading:
    if fl.INFO_SHEET not in wb.sheetnames or fl.FORM_SHEET not in wb.sheetnames:
        raise FormRefused("该文件不是本程序生成的单位填报表（缺少表单信息），不能收集。")
    info = _read_info(wb[fl.INFO_SHEET])
    if info["register_id"] != register_id:
        raise FormRefused("该填报表由另一个台账生成（台账标识不符），不能收集到本台账。")
    ws = wb[fl.FORM_SHEET]
    ids = info["row_ids"]
    locked = [[ws.cell(fl.FIRST_ROW + i, c).value for c in fl.LOCKED_COLUMNS]
              for i in range(len(ids))]
    top = [ws.cell(fl.TITLE_ROW, 1).value, ws.cell(fl.NOTE_ROW, 1).value,
           *[ws.cell(fl.HEADER_ROW, c).value for c in range(1, len(fl.COLUMNS) + 1)]]
    if not fl.verify(key, info["fingerprint"], register_id=info["register_id"],
                     period=info["period"], unit=info["unit"], top=top, row_ids=ids,
                     locked_rows=locked):
        raise FormRefused("该填报表的锁定内容被改动过（问题、措施、表头或表单信息与下发时不一致），"
                          f"已拒收{_where_changed(key, info, locked)}。请用下发的原表重新填报。")
    reading = FormReading(path, info["register_id"], info["period"], info["unit"])
    for offset, problem_id in enumerate(ids):
        _read_row(ws, fl.FIRST_ROW + offset, problem_id, locked[offset], reading)
    _fill_reporter(reading.rows)
    return reading


def _where_changed(key: bytes, info: dict, locked: list[list]) -> str:
    """"（“填报表”第N行）" for the first row whose locked cells differ from the form sent out."""
    for offset, (row_id, printed, row) in enumerate(zip(info["row_ids"], info["row_prints"],
                                                        locked)):
        if printed and printed != fl.row_print(key, register_id=info["register_id"],
                                               period=info["period"], unit=info["unit"],
                                               row_id=row_id, locked_row=row):
            return f"（“{fl.FORM_SHEET}”第{fl.FIRST_ROW + offset}行）"
    return ""


def _read_info(ws) -> dict:
    labels = {fl.norm(ws.cell(r, 1).value): ws.cell(r, 2).value
              for r in range(1, fl.ROWS_HEADER_ROW)}
    info = {key: fl.norm(labels.get(label)) for key, label in fl.INFO_LABELS.items()}
    ids, prints = [], []
    for row in range(fl.ROWS_HEADER_ROW + 1, ws.max_row + 1):
        value = ws.cell(row, 2).value
        if value is None:
            break
        prints.append(fl.norm(ws.cell(row, 5).value))
        try:
            ids.append(int(value))
        except (TypeError, ValueError) as exc:
            raise FormRefused("该填报表的表单信息被改动过，已拒收。") from exc
    info["row_ids"], info["row_prints"] = ids, prints
    if not info["register_id"] or not info["fingerprint"] or not info["period"]:
        raise FormRefused("该填报表的表单信息不完整（缺少台账标识、期间或指纹），已拒收。")
    return info


def _error(reading: FormReading, row: int, key: str, message: str) -> None:
    col = fl.column_of(key)
    letter = get_column_letter(col)
    header = fl.COLUMNS[col - 1].header
    reading.errors.append({"sheet": fl.FORM_SHEET, "row": row, "column": letter,
                           "message": f"“{fl.FORM_SHEET}”第{row}行{letter}列（{header}）：{message}"})


def _read_row(ws, row: int, problem_id: int, locked: list, reading: FormReading) -> None:
    cells = {key: ws.cell(row, fl.column_of(key)) for key in fl.FILL_KEYS}
    values = {key: fl.norm(cell.value) for key, cell in cells.items()}
    if not any(values[k] for k in fl.REPORT_KEYS):
        reading.empty_rows += 1
        return
    status = status_from_text(values["status_text"]) if values["status_text"] else None
    if values["status_text"] and status is None:
        choices = "、".join(STATUS_LABELS[c] for c in STATUS_CODES)
        _error(reading, row, "status_text",
               f"“{values['status_text']}”不是可识别的整改状态，请从下拉列表选择（{choices}）。")
    percent = _percent(cells["percent"], reading, row)
    reading.rows.append(FilledRow(
        row=row, problem_id=problem_id, code=fl.norm(locked[fl.LOCKED_KEYS.index("code")]),
        round=fl.norm(locked[fl.LOCKED_KEYS.index("round")]), text=values["text"],
        status=status or derive_status("", values["text"]), status_text=values["status_text"],
        percent=percent, difficulties=values["difficulties"], next_steps=values["next_steps"],
        reporter=values["reporter"], phone=values["phone"]))


def _percent(cell, reading: FormReading, row: int) -> float | None:
    value = cell.value
    if value is None or fl.norm(value) == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value) * (100 if "%" in (cell.number_format or "") else 1)
    else:
        text = fl.norm(value).rstrip("%％").strip()
        try:
            number = float(text)
        except ValueError:
            _error(reading, row, "percent", f"“{fl.norm(value)}”不是数字，请填写0到100之间的数字。")
            return None
    if not 0 <= number <= 100:
        _error(reading, row, "percent", f"“{fl.norm(value)}”不在0到100之间。")
        return None
    return round(number, 2)


def _fill_reporter(rows: list[FilledRow]) -> None:
    """Rows without a reporter or phone take the form's first ones (one person usually fills all)."""
    reporter = next((r.reporter for r in rows if r.reporter), "")
    phone = next((r.phone for r in rows if r.phone), "")
    for r in rows:
        r.reporter = r.reporter or reporter
        r.phone = r.phone or phone
