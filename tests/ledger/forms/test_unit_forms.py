"""Unit forms: one per unit, that unit's problems locked, fill cells open and validated, and a
hidden sheet that identifies register, period and unit."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from db.identity import register_id
from desktop.core.status import STATUS_CODES, STATUS_LABELS
from desktop.ledger.forms import form_layout as fl
from desktop.ledger.forms.unit_forms import export_unit_forms, file_name
from tests.ledger.forms_support import add_problem, form_for


@pytest.fixture
def county(register):
    add_problem(register, code="1", description="污水直排", lead_units=["县住建局"],
                responsible_units=["县财政局"], measures=[
                    {"content": "扩容改造", "deadline_text": "2022年6月30日前",
                     "lead_units": ["县住建局"], "responsible_units": ["县发改局"]},
                    {"content": "管网改造", "deadline_text": "2022年底前",
                     "lead_units": ["县住建局"], "responsible_units": ["城关镇（街道）"]}])
    add_problem(register, code="2", description="违法建筑", lead_units=["县自然资源局"],
                responsible_units=["县 住建局"], progress="已拆除一半")
    add_problem(register, code="3", description="燃煤锅炉", lead_units=["县市场监管局"],
                measures=[{"content": "淘汰锅炉", "responsible_units": ["城关镇(街道)"]}])
    return register


def rows_of(path) -> list[list]:
    ws = load_workbook(path)[fl.FORM_SHEET]
    return [[c.value for c in row] for row in ws.iter_rows(min_row=fl.FIRST_ROW)]


def test_one_form_per_unit_with_the_problems_it_leads_or_shares(county, tmp_path):
    forms = export_unit_forms(county, tmp_path, period="2024-05")
    units = {f.unit: f for f in forms}
    assert set(units) == {"县住建局", "县财政局", "县发改局", "城关镇（街道）", "县自然资源局",
                          "县市场监管局"}  # "县 住建局" and "城关镇(街道)" are the same units
    codes = {u: [r[1] for r in rows_of(f.path)] for u, f in units.items()}
    assert codes["县住建局"] == ["1", "2"]  # lead of 1, responsible for 2 (written with a space)
    assert codes["城关镇（街道）"] == ["1", "3"]  # only through measures
    assert codes["县发改局"] == ["1"] and codes["县市场监管局"] == ["3"]
    for form in forms:
        assert form.path.name == file_name(form.unit, "2024-05")
        assert form.unit in form.path.name and "2024-05" in form.path.name


def test_locked_content_and_measures_listed(county, tmp_path):
    form = form_for(export_unit_forms(county, tmp_path, period="2024-05"), "县住建局")
    first, second = rows_of(form.path)
    assert first[:10] == [1, "1", "第二轮中央督察", "问题1", "污水直排", "1. 扩容改造\n2. 管网改造",
                          "1. 2022年6月30日前\n2. 2022年底前", "县住建局",
                          "县财政局、县发改局、城关镇（街道）", None]
    assert second[9] == "已拆除一半" and second[10:] == [None] * 7


def test_only_fill_cells_are_open_and_the_sheet_is_protected(county, tmp_path):
    form = form_for(export_unit_forms(county, tmp_path, period="2024-05"), "县住建局")
    wb = load_workbook(form.path)
    ws = wb[fl.FORM_SHEET]
    assert ws.protection.sheet and wb.security.lockStructure
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
        for cell in row:
            is_fill = cell.row >= fl.FIRST_ROW and fl.COLUMNS[cell.column - 1].fill
            assert cell.protection.locked is not is_fill, cell.coordinate
    headers = [c.value for c in ws[fl.HEADER_ROW]]
    assert headers[10:] == ["本期进展", "整改状态", "完成比例（%）", "存在困难", "下步计划",
                            "填报人", "联系电话"]


def test_status_drop_down_and_percent_validation(county, tmp_path):
    form = form_for(export_unit_forms(county, tmp_path, period="2024-05"), "县住建局")
    ws = load_workbook(form.path)[fl.FORM_SHEET]
    rules = {r.type: r for r in ws.data_validations.dataValidation}
    assert rules["list"].formula1.strip('"').split(",") == [STATUS_LABELS[c] for c in STATUS_CODES]
    assert str(rules["list"].sqref) == "L4:L5"
    percent = rules["decimal"]
    assert (percent.operator, percent.formula1, percent.formula2) == ("between", "0", "100")
    assert str(percent.sqref) == "M4:M5" and percent.showErrorMessage and "0到100" in percent.error


def test_hidden_sheet_identifies_register_period_unit(county, tmp_path):
    form = form_for(export_unit_forms(county, tmp_path, period="2024-05"), "城关镇（街道）")
    wb = load_workbook(form.path)
    info = wb[fl.INFO_SHEET]
    assert info.sheet_state == "hidden" and info.protection.sheet
    values = {info.cell(r, 1).value: info.cell(r, 2).value for r in range(1, 10)}
    assert values["台账标识"] == register_id(county)
    assert values["填报期间"] == "2024-05" and values["填报单位"] == "城关镇（街道）"
    assert len(values["指纹"]) == 64
    ids = [info.cell(r, 2).value for r in range(fl.ROWS_HEADER_ROW + 1, info.max_row + 1)]
    assert ids == [r[0] for r in county.execute(
        "SELECT id FROM problems WHERE code IN ('1', '3') ORDER BY id").fetchall()]
    ws = wb[fl.FORM_SHEET]
    assert "2024年5月" in ws["A1"].value and ws.print_title_rows == "$3:$3"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1


def test_period_defaults_to_this_month_and_is_checked(county, tmp_path):
    forms = export_unit_forms(county, tmp_path, units=["县 财政局"])
    assert [f.period for f in forms] == [dt.date.today().strftime("%Y-%m")]
    assert forms[0].unit == "县财政局"
    for bad in ("2024-13", "2024-5", "五月"):
        with pytest.raises(ValueError, match="YYYY-MM"):
            export_unit_forms(county, tmp_path, period=bad)
    with pytest.raises(ValueError, match="没有单位"):
        export_unit_forms(county, tmp_path, units=["不存在的局"])


def test_unit_names_unfit_for_file_names():
    assert file_name('县/市:局*?"<>|', "2024-05") == "县_市_局_2024-05_整改进展填报表.xlsx"


def test_unit_forms_command(county, tmp_path):
    db_path = county.execute("PRAGMA database_list").fetchone()[2]
    out = tmp_path / "填报 表"
    args = [sys.executable, "-m", "desktop", "export", "unit-forms", "--db", db_path,
            "--out", str(out)]
    done = subprocess.run(args + ["--period", "2024-05"], capture_output=True, text=True,
                          encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert "共生成 6 份填报表" in done.stdout and len(list(out.glob("*_2024-05_*.xlsx"))) == 6
    bad = subprocess.run(args + ["--period", "2024-13"], capture_output=True, text=True,
                         encoding="utf-8")
    assert bad.returncode == 1 and "格式不对" in bad.stderr
