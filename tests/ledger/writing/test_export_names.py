"""A problem named only by its description is never a blank 问题 cell; the office's name as typed."""

from __future__ import annotations

from openpyxl import load_workbook

from db.settings import set_setting
from desktop.ledger.forms import form_layout as fl
from desktop.ledger.forms.unit_forms import export_unit_forms
from desktop.ledger.writing.export_ledger import export_ledger
from tests.ledger.forms_support import AS_OF, add_problem

DESCRIBED = "某污水处理厂出水超标，群众反映强烈"


def _described_only(db):
    add_problem(db, code="1", title="", description=DESCRIBED, lead_units=["县住建局"],
                responsible_units=["县住建局"], status="in_progress")
    add_problem(db, code="2", title="", description="垃圾填埋场渗滤液未处理",
                lead_units=["县城管局"], responsible_units=["县城管局"], status="pending")


def test_ledger_without_problem_names_has_no_blank_name_column(register, tmp_path):
    _described_only(register)
    out = export_ledger(register, tmp_path / "台账.xlsx", as_of=AS_OF, office="某县整改办").path
    ws = load_workbook(out).active
    headers = [c.value for c in ws[3]]
    assert "问题名称" not in headers and "问题描述" in headers
    column = headers.index("问题描述") + 1
    assert ws.cell(5, column).value == DESCRIBED


def test_the_office_name_is_written_as_typed_not_as_stored(register, tmp_path):
    _described_only(register)
    set_setting(register, "office_name", "某县生态环境分局")   # stored as JSON text
    ws = load_workbook(export_ledger(register, tmp_path / "台账.xlsx", as_of=AS_OF).path).active
    assert ws["A1"].value == "某县生态环境分局整改落实情况台账"
    assert '"' not in str(ws["A1"].value) and '"' not in str(ws["A2"].value)


def test_unit_forms_name_a_problem_by_its_description(register, tmp_path):
    _described_only(register)
    forms = export_unit_forms(register, tmp_path / "表", period="2024-05")
    form = next(f for f in forms if f.unit == "县住建局")
    ws = load_workbook(form.path)[fl.FORM_SHEET]
    headers = {c.header: i for i, c in enumerate(fl.COLUMNS, start=1)}
    assert ws.cell(fl.HEADER_ROW, headers["问题名称"]).value == "问题名称"
    row = fl.FIRST_ROW
    assert ws.cell(row, headers["问题描述"]).value == DESCRIBED
    assert ws.cell(row, headers["问题名称"]).value == DESCRIBED


def test_the_ledger_numbers_problems_within_each_round(register, tmp_path):
    _described_only(register)
    add_problem(register, code="1", round_name="省级督察", title="省级问题", description="甲")
    add_problem(register, code="2", round_name="省级督察", title="省级问题二", description="乙")
    ws = load_workbook(export_ledger(register, tmp_path / "台账.xlsx", as_of=AS_OF).path).active
    headers = [c.value for c in ws[3]]
    number, round_col = headers.index("序号") + 1, headers.index("督察批次") + 1
    rows = [(ws.cell(r, round_col).value, ws.cell(r, number).value)
            for r in range(5, ws.max_row + 1) if ws.cell(r, number).value is not None]
    assert rows == [("第二轮中央督察", 1), ("第二轮中央督察", 2), ("省级督察", 1), ("省级督察", 2)]
