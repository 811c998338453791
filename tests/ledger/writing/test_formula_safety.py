"""No text a clerk typed or imported ever becomes a live formula in a workbook we write."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook

from desktop.ledger.forms import form_layout as fl
from desktop.ledger.forms.collect import collect_forms
from desktop.ledger.forms.unit_forms import export_unit_forms
from desktop.ledger.writing.cells import safe_value, write_text, write_value
from desktop.ledger.writing.export_ledger import export_ledger
from tests.ledger.forms_support import DANGEROUS, add_problem, fill_form, formulas_in

UNIT = "=县住建局"


@pytest.mark.parametrize("text", DANGEROUS + ["=", "-", "正常文字"])
def test_write_text_keeps_every_text_a_string_cell(tmp_path, text):
    wb = Workbook()
    cell = write_text(wb.active["A1"], text)
    assert cell.data_type == "s" and cell.value == text
    wb.save(tmp_path / "a.xlsx")
    assert formulas_in(tmp_path / "a.xlsx") == []
    again = load_workbook(tmp_path / "a.xlsx").active["A1"]
    assert again.value == text and again.data_type == "s"
    assert again.quotePrefix == (text[:1] in "=+-@")


def test_write_value_keeps_numbers_and_dates_and_cleans_text():
    wb = Workbook()
    ws = wb.active
    assert write_value(ws["A1"], 12.5).data_type == "n"
    assert write_value(ws["A2"], dt.date(2024, 5, 1)).data_type == "d"
    assert write_value(ws["A3"], "a\x00b\x1fc").value == "abc"
    assert write_value(ws["A4"], None).value is None
    assert len(safe_value("长" * 40000)) == 32767
    assert safe_value(["=x"]) == "['=x']"


def dangerous_register(db):
    for i, text in enumerate(DANGEROUS, start=1):
        add_problem(db, code=str(i), round_name=f"{text} 批次", title=text, description=text,
                    category=text, target=text, supervisor=text, responsible_person=text,
                    progress=text, status_text=text, deadline_text=text,
                    lead_units=[UNIT], responsible_units=[text], extra={text: text},
                    measures=[{"content": text, "deadline_text": text, "lead_units": [UNIT],
                               "responsible_units": [text]}, {"content": f"{text} 2"}])
    return db


def strings_in(path) -> set[str]:
    wb = load_workbook(path)
    found = set()
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                    found.add(cell.value)
    return found


def test_the_exported_ledger_has_no_formula(register, tmp_path):
    path = export_ledger(dangerous_register(register), tmp_path / "台账.xlsx").path
    assert formulas_in(path) == []
    assert set(DANGEROUS) <= strings_in(path)


def test_unit_forms_have_no_formula(register, tmp_path):
    forms = export_unit_forms(dangerous_register(register), tmp_path, period="2024-05")
    assert {f.unit for f in forms} >= {UNIT, *DANGEROUS}
    for form in forms:
        assert formulas_in(form.path) == []
    main = next(f for f in forms if f.unit == UNIT)
    assert set(DANGEROUS) <= strings_in(main.path)


def test_text_collected_from_a_form_stays_text_on_the_way_out(register, tmp_path):
    add_problem(register, code="1", lead_units=["县住建局"])
    (form,) = export_unit_forms(register, tmp_path, period="2024-05")
    typed = {"text": "=1+1 完成", "difficulties": "+资金", "next_steps": "-继续", "reporter": "@张三"}
    returned = fill_form(form.path, tmp_path / "交回.xlsx", {0: typed}, edit=lambda wb: [
        setattr(wb[fl.FORM_SHEET].cell(fl.FIRST_ROW, fl.column_of(k)), "data_type", "s")
        for k in typed])
    assert collect_forms(register, [returned]).committed
    path = export_ledger(register, tmp_path / "台账.xlsx").path
    assert formulas_in(path) == [] and "=1+1 完成" in strings_in(path)
    (again,) = export_unit_forms(register, tmp_path / "下月", period="2024-06")
    assert formulas_in(again.path) == []
    assert any(s.endswith("=1+1 完成") for s in strings_in(again.path))


def test_the_formula_check_would_see_a_formula(tmp_path):
    wb = Workbook()
    wb.active["A1"] = "=SUM(1,2)"  # what plain openpyxl does with such text
    wb.save(tmp_path / "plain.xlsx")
    assert formulas_in(tmp_path / "plain.xlsx") == ["<f>SUM(1,2)</f>"]
