"""The unit form (单位填报表): its columns, its hidden identity sheet and its fingerprint.

Shared by the writer (unit_forms.py) and the reader (collect.py) so that both agree on every
position. The fingerprint is an HMAC, keyed by the register's secret, over the register id,
period, unit, problem ids and every locked cell; a form whose locked content was changed, or that
comes from another register, does not match.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
from dataclasses import dataclass

from desktop.core.periods import parse_period

FORM_SHEET = "填报表"
INFO_SHEET = "表单信息"
FORM_VERSION = "1"
TITLE_ROW, NOTE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3, 4
PERIOD_RE = re.compile(r"^(\d{4})-(\d{2})$")
WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True)
class FormColumn:
    key: str
    header: str
    width: float
    fill: bool = False  # a cell the unit fills in; every other cell is locked


COLUMNS: tuple[FormColumn, ...] = (
    FormColumn("number", "序号", 6),
    FormColumn("code", "问题编号", 9),
    FormColumn("round", "督察批次", 14),
    FormColumn("title", "问题名称", 18),
    FormColumn("description", "问题描述", 30),
    FormColumn("measures", "整改措施", 34),
    FormColumn("deadline", "整改时限", 13),
    FormColumn("lead_units", "牵头单位", 14),
    FormColumn("responsible_units", "责任单位", 16),
    FormColumn("last_progress", "上次填报进展", 26),
    FormColumn("text", "本期进展", 32, fill=True),
    FormColumn("status_text", "整改状态", 13, fill=True),
    FormColumn("percent", "完成比例（%）", 10, fill=True),
    FormColumn("difficulties", "存在困难", 20, fill=True),
    FormColumn("next_steps", "下步计划", 20, fill=True),
    FormColumn("reporter", "填报人", 9, fill=True),
    FormColumn("phone", "联系电话", 13, fill=True),
)
FILL_KEYS = tuple(c.key for c in COLUMNS if c.fill)
REPORT_KEYS = ("text", "status_text", "percent", "difficulties", "next_steps")
LOCKED_COLUMNS = tuple(i for i, c in enumerate(COLUMNS, start=1) if not c.fill)
LOCKED_KEYS = tuple(c.key for c in COLUMNS if not c.fill)


def column_of(key: str) -> int:
    return next(i for i, c in enumerate(COLUMNS, start=1) if c.key == key)


# The identity sheet: label in column A, value in column B; then a table of the form's rows.
INFO_LABELS = {"note": "说明", "register_id": "台账标识", "period": "填报期间", "unit": "填报单位",
               "version": "表单版本", "first_row": "首行", "row_count": "行数",
               "fingerprint": "指纹", "issued_at": "生成时间"}
INFO_NOTE = "本表由整改台账程序生成，用于识别填报表，请勿修改。"
ROWS_HEADER_ROW = len(INFO_LABELS) + 2
ROWS_HEADER = ("行号", "问题ID", "问题编号", "督察批次", "行指纹")


def check_period(text: str | None) -> str:
    """YYYY-MM or an ISO week YYYY-Www, default the current month; ValueError in Chinese otherwise."""
    if not text:
        return dt.date.today().strftime("%Y-%m")
    refused = ValueError(f"填报期间“{text}”格式不对，请写成 YYYY-MM（例如 2024-05），"
                         "按周填报写成 YYYY-Www（例如 2024-W23）。")
    if not PERIOD_RE.match(text.strip()) and not WEEK_RE.match(text.strip()):
        raise refused
    try:
        return parse_period(text.strip()).text
    except ValueError as exc:
        raise refused from exc


def period_label(period: str) -> str:
    """2024年5月, 2024年第23周."""
    try:
        return parse_period(period).short_label
    except ValueError:
        return period


def norm(value: object) -> str:
    """A cell's content as compared text: numbers without a trailing .0, line ends unified."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def fingerprint(key: bytes, *, register_id: str, period: str, unit: str,
                top: list[object], row_ids: list[int], locked_rows: list[list[object]]) -> str:
    """HMAC-SHA256 over the identity and the locked content (title, note, header, locked cells)."""
    payload = json.dumps([FORM_VERSION, register_id, period, unit, [norm(v) for v in top],
                          row_ids, [[norm(v) for v in row] for row in locked_rows]],
                         ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).hexdigest()


def verify(key: bytes, expected: str, **content) -> bool:
    return hmac.compare_digest(fingerprint(key, **content), expected or "")


def row_print(key: bytes, *, register_id: str, period: str, unit: str, row_id: int,
              locked_row: list[object]) -> str:
    """A short HMAC over one row's locked cells: names the row whose locked content was changed."""
    payload = json.dumps([register_id, period, unit, row_id, [norm(v) for v in locked_row]],
                         ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).hexdigest()[:16]
