"""Helpers for the export, unit-form, collect and formula-safety tests."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from db.changes import now_iso, recorded_step
from db.demo import build_demo
from desktop.ledger.forms import form_layout as fl

AS_OF = dt.date(2024, 5, 20)
DANGEROUS = ["=SUM(1,2)", "+86 138 0000 0000", "-1 下降", "@某人", "=HYPERLINK(\"http://x\")",
             "#N/A", "=cmd|' /C calc'!A0"]


def demo(db):
    build_demo(db, as_of=AS_OF)
    return db


def formulas_in(path: Path) -> list[str]:
    """Every <f> element in every worksheet of the saved file."""
    found = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                found += re.findall(r"<(?:\w+:)?f[ >].*?</(?:\w+:)?f>|<(?:\w+:)?f/>",
                                    z.read(name).decode("utf-8"))
    return found


def add_problem(db, *, code: str, round_name: str = "第二轮中央督察", measures=(), **fields) -> int:
    """A problem (and its measures) written straight into the register."""
    with recorded_step(db, "测试数据") as step:
        row = db.execute("SELECT id FROM rounds WHERE name = ?", [round_name]).fetchone()
        round_id = row[0] if row else step.insert("rounds", {"name": round_name})
        stamp = now_iso()
        pid = step.insert("problems", {"round_id": round_id, "code": code, "title": f"问题{code}",
                                       "created_at": stamp, "updated_at": stamp, **fields})
        for seq, measure in enumerate(measures, start=1):
            step.insert("measures", {"problem_id": pid, "seq": seq, **measure})
    return pid


def fill_form(path: Path, out: Path, rows: dict[int, dict], *, edit=None) -> Path:
    """Fill a unit form like a clerk: rows maps the n-th problem row (0-based) to {key: value}
    with keys from form_layout (text, status_text, percent, …); edit(wb) may tamper further."""
    wb = load_workbook(path)
    ws = wb[fl.FORM_SHEET]
    for index, values in rows.items():
        for key, value in values.items():
            ws.cell(fl.FIRST_ROW + index, fl.column_of(key)).value = value
    if edit:
        edit(wb)
    wb.save(out)
    return out


def form_for(forms, unit: str):
    return next(f for f in forms if f.unit == unit)
