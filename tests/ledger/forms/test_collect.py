"""Collecting returned unit forms: reports recorded, conflicts listed, strangers refused."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from db.changes import last_step, undo
from db.connection import open_register
from db.progress import add_progress_report
from db.records import rows
from desktop.ledger.forms import form_layout as fl
from desktop.ledger.forms.collect import collect_forms
from desktop.ledger.forms.unit_forms import export_unit_forms
from tests.ledger.forms_support import add_problem, fill_form

PERIOD = "2024-05"


@pytest.fixture
def forms(register, tmp_path):
    add_problem(register, code="1", description="污水直排", lead_units=["县住建局"],
                responsible_units=["城关镇"], status="behind_schedule", status_text="滞后")
    add_problem(register, code="2", description="违法建筑", lead_units=["县自然资源局"],
                responsible_units=["县住建局"])
    add_problem(register, code="3", description="燃煤锅炉", lead_units=["县住建局"])
    return {f.unit: f for f in export_unit_forms(register, tmp_path / "下发", period=PERIOD)}


def reports(db) -> list[dict]:
    return rows(db, "SELECT r.*, p.code FROM progress_reports r JOIN problems p "
                    "ON p.id = r.problem_id ORDER BY r.id")


def filled(forms, tmp_path, unit="县住建局", name="交回.xlsx", **kwargs):
    return fill_form(forms[unit].path, tmp_path / name, kwargs.pop("rows", {
        0: {"text": "扩容完成70%", "status_text": "达到序时进度", "percent": 70,
            "difficulties": "资金缺口", "next_steps": "完成管网", "reporter": "张三",
            "phone": 13800000000},
        2: {"text": "已全部淘汰", "status_text": "已完成", "percent": "100%"}}), **kwargs)


def test_filled_rows_become_reports_for_the_period(register, forms, tmp_path):
    path = filled(forms, tmp_path)
    result = collect_forms(register, [path])
    assert result.committed and result.step_name == "收集填报表 1 份"
    (file,) = result.files
    assert [r["code"] for r in file.recorded] == ["1", "3"] and file.empty_rows == 1
    first, second = reports(register)
    assert first["period"] == PERIOD and first["source"] == "unit_form"
    assert (first["text"], first["status"], first["percent"]) == ("扩容完成70%", "on_schedule", 70)
    assert (first["difficulties"], first["next_steps"]) == ("资金缺口", "完成管网")
    assert (first["reporter"], first["phone"], first["unit"]) == ("张三", "13800000000", "县住建局")
    assert first["reported_on"] == dt.date.today().isoformat()
    assert first["source_file"].endswith("交回.xlsx") and first["batch_id"]
    assert (second["status"], second["percent"], second["reporter"]) == ("completed", 100, "张三")
    problem = rows(register, "SELECT * FROM problems WHERE code = '1'")[0]
    assert (problem["progress"], problem["status"], problem["percent"]) == (
        "扩容完成70%", "on_schedule", 70)


def test_the_same_form_twice_records_nothing_new_and_undo_is_one_step(register, forms, tmp_path):
    path = filled(forms, tmp_path)
    collect_forms(register, [path])
    step = last_step(register)
    again = collect_forms(register, [path, path])
    assert not again.committed and len(again.files[0].unchanged) == 2
    assert len(reports(register)) == 2 and last_step(register).id == step.id
    assert undo(register).name == "收集填报表 1 份"
    assert reports(register) == []
    problem = rows(register, "SELECT * FROM problems WHERE code = '1'")[0]
    assert (problem["status"], problem["progress"]) == ("behind_schedule", "")


def test_disagreeing_forms_are_conflicts_and_neither_is_recorded(register, forms, tmp_path):
    mine = filled(forms, tmp_path)
    town = fill_form(forms["城关镇"].path, tmp_path / "镇.xlsx",
                     {0: {"text": "扩容完成50%", "status_text": "未达序时进度", "percent": 50}})
    result = collect_forms(register, [mine, town])
    (conflict,) = result.conflicts
    assert conflict["code"] == "1" and conflict["period"] == PERIOD
    assert {v["unit"] for v in conflict["versions"]} == {"县住建局", "城关镇"}
    assert "不一致" in conflict["message"] and "城关镇" in conflict["message"]
    assert [r["code"] for r in reports(register)] == ["3"]
    assert result.files[1].conflicts == [conflict] and result.files[1].recorded == []


def test_a_later_form_disagreeing_with_a_recorded_one_is_a_conflict(register, forms, tmp_path):
    collect_forms(register, [filled(forms, tmp_path)])
    town = fill_form(forms["城关镇"].path, tmp_path / "镇.xlsx",
                     {0: {"text": "扩容完成50%", "percent": 50}})
    result = collect_forms(register, [town])
    assert not result.committed and result.conflicts[0]["versions"][0]["already_recorded"]
    assert len(reports(register)) == 2


def test_agreeing_forms_are_both_recorded(register, forms, tmp_path):
    same = {0: {"text": "扩容完成70%", "status_text": "达到序时进度", "percent": 70}}
    mine = filled(forms, tmp_path, rows=same)
    town = fill_form(forms["城关镇"].path, tmp_path / "镇.xlsx", same)
    result = collect_forms(register, [mine, town])
    assert result.committed and not result.conflicts
    assert [r["unit"] for r in reports(register)] == ["县住建局", "城关镇"]


def test_reports_from_other_sources_are_not_conflicts(register, forms, tmp_path):
    from db.changes import recorded_step
    with recorded_step(register, "手工录入") as step:
        add_progress_report(step, 1, period=PERIOD, text="手工录入的进展", source="manual")
    assert collect_forms(register, [filled(forms, tmp_path)]).committed


def test_a_form_from_another_register_is_refused(register, forms, tmp_path):
    other = open_register(tmp_path / "另一个.db")
    add_problem(other, code="1", description="污水直排", lead_units=["县住建局"])
    result = collect_forms(other, [filled(forms, tmp_path)])
    assert not result.committed and "另一个台账" in result.files[0].refused
    assert reports(other) == []


@pytest.mark.parametrize("where", ["B4", "E5", "J4", "A1", "C3"])
def test_a_form_whose_locked_content_changed_is_refused(register, forms, tmp_path, where):
    def tamper(wb):
        wb[fl.FORM_SHEET][where].value = "改过了"
    result = collect_forms(register, [filled(forms, tmp_path, edit=tamper)])
    assert "锁定内容被改动" in result.files[0].refused and reports(register) == []


@pytest.mark.parametrize("label, value", [("填报期间", "2024-04"), ("填报单位", "城关镇")])
def test_edited_identity_is_refused(register, forms, tmp_path, label, value):
    def tamper(wb):
        info = wb[fl.INFO_SHEET]
        row = next(r for r in range(1, 10) if info.cell(r, 1).value == label)
        info.cell(row, 2).value = value
    result = collect_forms(register, [filled(forms, tmp_path, edit=tamper)])
    assert "改动" in result.files[0].refused and reports(register) == []


def test_a_deleted_row_is_refused(register, forms, tmp_path):
    result = collect_forms(register, [filled(forms, tmp_path, edit=lambda wb: wb[
        fl.FORM_SHEET].delete_rows(fl.FIRST_ROW + 1))])
    assert "锁定内容被改动" in result.files[0].refused


def test_a_form_of_another_period_is_refused(register, forms, tmp_path):
    april = export_unit_forms(register, tmp_path / "四月", period="2024-04", units=["县住建局"])
    old = fill_form(april[0].path, tmp_path / "四月交回.xlsx", {0: {"text": "四月进展"}})
    result = collect_forms(register, [old, filled(forms, tmp_path)])
    assert "2024年4月" in result.files[0].refused and "--period 2024-04" in result.files[0].refused
    assert not result.committed and reports(register) == []  # nothing when any form is refused
    assert collect_forms(register, [old], period="2024-04").committed
    assert [r["period"] for r in reports(register)] == ["2024-04"]


@pytest.mark.parametrize("value, message", [(120, "不在0到100之间"), ("七十", "不是数字"),
                                            (-5, "不在0到100之间")])
def test_bad_percent_is_refused_naming_sheet_row_column(register, forms, tmp_path, value, message):
    path = filled(forms, tmp_path, rows={1: {"text": "进展", "percent": value}})
    result = collect_forms(register, [path])
    (error,) = result.files[0].errors
    assert (error["sheet"], error["row"], error["column"]) == ("填报表", 5, "M")
    assert message in error["message"] and "第5行M列（完成比例（%））" in error["message"]
    assert "1 处填写错误" in result.files[0].refused and reports(register) == []


def test_percent_typed_as_a_percentage_and_unknown_status(register, forms, tmp_path):
    def as_percent(wb):
        cell = wb[fl.FORM_SHEET].cell(fl.FIRST_ROW, fl.column_of("percent"))
        cell.value, cell.number_format = 0.65, "0%"
    collect_forms(register, [filled(forms, tmp_path, rows={0: {"text": "x"}}, edit=as_percent)])
    assert reports(register)[0]["percent"] == 65
    bad = filled(forms, tmp_path, name="b.xlsx", rows={1: {"status_text": "差不多了"}})
    (error,) = collect_forms(register, [bad]).files[0].errors
    assert error["column"] == "L" and "不是可识别的整改状态" in error["message"]


def test_not_a_form_is_refused(register, forms, tmp_path, samples):
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"not a workbook")
    result = collect_forms(register, [samples / "ledger_county_problems.xlsx", broken])
    assert "不是本程序生成的单位填报表" in result.files[0].refused
    assert "无法读取" in result.files[1].refused


def run_collect(*args):
    return subprocess.run([sys.executable, "-m", "desktop", "collect", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8")


def test_collect_command(register, forms, tmp_path):
    db_path = register.execute("PRAGMA database_list").fetchone()[2]
    path = filled(forms, tmp_path, name="交回 表.xlsx")
    done = run_collect(path, "--db", db_path, "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["committed"] and [r["code"] for r in out["files"][0]["recorded"]] == ["1", "3"]
    again = run_collect(path, "--db", db_path)
    assert again.returncode == 0 and "已收集过 2 条" in again.stdout and "未改变" in again.stdout
    foreign = open_register(tmp_path / "另一个.db").execute("PRAGMA database_list").fetchone()[2]
    refused = run_collect(path, "--db", foreign)
    assert refused.returncode == 1 and "另一个台账" in refused.stdout and "拒收" in refused.stderr
    assert run_collect(tmp_path / "没有.xlsx", "--db", db_path).returncode == 1
    undone = subprocess.run([sys.executable, "-m", "desktop", "undo", "--db", db_path],
                            capture_output=True, text=True, encoding="utf-8")
    assert "收集填报表 1 份" in undone.stdout


def test_cancelling_a_collection_changes_nothing(register, forms, tmp_path):
    from desktop.ledger.long_work import Cancelled

    calls = []
    with pytest.raises(Cancelled, match="台账未改变"):
        collect_forms(register, [filled(forms, tmp_path)],
                      cancel=lambda: calls.append(1) or len(calls) > 1,
                      progress=lambda *a: calls.append(a))
    assert reports(register) == []
