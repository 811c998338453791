"""Collecting returned unit forms: reports recorded, conflicts listed, strangers refused."""

from __future__ import annotations

import datetime as dt
import json
import os
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
    """The units' own reports (not the merged version)."""
    return rows(db, "SELECT r.*, p.code FROM progress_reports r JOIN problems p "
                    "ON p.id = r.problem_id WHERE r.source = 'unit_form' ORDER BY r.id")


def merged(db, code: str) -> dict:
    (found,) = rows(db, "SELECT r.* FROM progress_reports r JOIN problems p ON p.id = "
                        "r.problem_id WHERE r.source = 'merged' AND p.code = ?", [code])
    return found


def problem(db, code: str) -> dict:
    return rows(db, "SELECT * FROM problems WHERE code = ?", [code])[0]


def filled(forms, tmp_path, unit="县住建局", name="交回.xlsx", **kwargs):
    return fill_form(forms[unit].path, tmp_path / name, kwargs.pop("rows", {
        0: {"text": "扩容完成70%", "status_text": "达到序时进度", "percent": 70,
            "difficulties": "资金缺口", "next_steps": "完成管网", "reporter": "张三",
            "phone": 13800000000},
        2: {"text": "已全部淘汰", "status_text": "已完成", "percent": "100%"}}), **kwargs)


def town(forms, tmp_path, name="镇.xlsx", **values):
    return fill_form(forms["城关镇"].path, tmp_path / name, {0: values or {
        "text": "扩容完成50%", "status_text": "未达序时进度", "percent": 50, "reporter": "李四"}})


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
    # problem 1 has two units: the merged text names who said it; problem 3 has one unit
    assert (problem(register, "1")["progress"], problem(register, "1")["status"]) == (
        "县住建局：扩容完成70%", "on_schedule")
    assert (problem(register, "3")["progress"], problem(register, "3")["status"]) == (
        "已全部淘汰", "completed")
    assert [(m["code"], m["text"]) for m in result.merged] == [
        ("1", "县住建局：扩容完成70%"), ("3", "已全部淘汰")]


def test_the_same_form_twice_records_nothing_new_and_undo_is_one_step(register, forms, tmp_path):
    path = filled(forms, tmp_path)
    collect_forms(register, [path])
    step = last_step(register)
    again = collect_forms(register, [path, path])
    assert not again.committed and len(again.files[0].unchanged) == 2
    assert len(reports(register)) == 2 and last_step(register).id == step.id
    assert undo(register).name == "收集填报表 1 份"
    assert rows(register, "SELECT * FROM progress_reports") == []
    assert (problem(register, "1")["status"], problem(register, "1")["progress"]) == (
        "behind_schedule", "")


def test_two_units_writing_differently_are_both_recorded_and_merged(register, forms, tmp_path):
    result = collect_forms(register, [town(forms, tmp_path), filled(forms, tmp_path)])
    assert result.committed and not result.conflicts
    assert {(r["unit"], r["code"]) for r in reports(register)} == {
        ("县住建局", "1"), ("县住建局", "3"), ("城关镇", "1")}
    one = merged(register, "1")
    # the lead unit first whatever the order the files came in; the least advanced status
    assert one["text"] == "县住建局：扩容完成70%；城关镇：扩容完成50%"
    assert (one["status"], one["percent"]) == ("behind_schedule", 50)
    assert problem(register, "1")["progress"] == one["text"]


def test_completed_only_when_every_reporting_unit_says_so_or_as_the_lead_says(register, forms,
                                                                             tmp_path):
    from db.settings import set_setting

    done = {0: {"text": "已完成", "status_text": "已完成"}}
    collect_forms(register, [filled(forms, tmp_path, rows=done),
                             town(forms, tmp_path, text="还在推进", status_text="正在推进")])
    assert merged(register, "1")["status"] == "in_progress"
    set_setting(register, "progress.merge_rule", "lead")
    collect_forms(register, [town(forms, tmp_path, name="镇2.xlsx", text="推进中",
                                  status_text="未达序时进度")], newer_wins=True)
    assert merged(register, "1")["status"] == "completed"


def test_a_later_form_of_another_unit_joins_the_merge(register, forms, tmp_path):
    collect_forms(register, [filled(forms, tmp_path)])
    result = collect_forms(register, [town(forms, tmp_path)])
    assert result.committed and not result.conflicts
    assert merged(register, "1")["text"] == "县住建局：扩容完成70%；城关镇：扩容完成50%"
    assert len(rows(register, "SELECT * FROM progress_reports WHERE source = 'merged'")) == 2


def _older(path, seconds=3600):
    stamp = path.stat().st_mtime - seconds
    os.utime(path, (stamp, stamp))
    return path


def test_one_unit_sending_two_versions_is_the_only_conflict(register, forms, tmp_path):
    first = _older(filled(forms, tmp_path, name="第一版.xlsx"))
    second = filled(forms, tmp_path, name="第二版.xlsx",
                    rows={0: {"text": "扩容完成80%", "status_text": "达到序时进度"}})
    result = collect_forms(register, [second, first])
    (conflict,) = result.conflicts
    assert conflict["unit"] == "县住建局" and conflict["code"] == "1" and not conflict["resolved"]
    assert "两个不同的版本" in conflict["message"] and "第二版.xlsx" in conflict["message"]
    assert [r["code"] for r in reports(register)] == ["3"]   # the rest is recorded
    undo(register)
    chosen = collect_forms(register, [second, first], newer_wins=True)
    assert chosen.conflicts[0]["resolved"] and "已按较新的《第二版.xlsx》记录" in chosen.conflicts[0]["message"]
    assert {r["text"] for r in reports(register)} == {"扩容完成80%", "已全部淘汰"}


def test_a_unit_correcting_its_recorded_report(register, forms, tmp_path):
    collect_forms(register, [filled(forms, tmp_path)])
    fixed = filled(forms, tmp_path, name="更正.xlsx", rows={0: {"text": "扩容完成75%"}})
    held = collect_forms(register, [fixed])
    assert not held.committed and held.conflicts[0]["versions"][0]["already_recorded"]
    done = collect_forms(register, [fixed], newer_wins=True)
    assert done.committed and merged(register, "1")["text"] == "县住建局：扩容完成75%"
    assert len(reports(register)) == 3   # history kept: the first version stays


def test_agreeing_forms_are_both_recorded(register, forms, tmp_path):
    same = {0: {"text": "扩容完成70%", "status_text": "达到序时进度", "percent": 70}}
    mine = filled(forms, tmp_path, rows=same)
    other = fill_form(forms["城关镇"].path, tmp_path / "镇.xlsx", same)
    result = collect_forms(register, [mine, other])
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
    row = int(where[1:])
    named = f"“填报表”第{row}行" in result.files[0].refused
    assert named == (row >= fl.FIRST_ROW)


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


def test_a_form_of_another_period_is_refused_without_holding_up_the_others(register, forms,
                                                                         tmp_path):
    april = export_unit_forms(register, tmp_path / "四月", period="2024-04", units=["县住建局"])
    old = fill_form(april[0].path, tmp_path / "四月交回.xlsx", {0: {"text": "四月进展"}})
    result = collect_forms(register, [old, filled(forms, tmp_path)])
    assert "2024年4月" in result.files[0].refused and "--period 2024-04" in result.files[0].refused
    assert result.committed and {r["period"] for r in reports(register)} == {PERIOD}
    assert collect_forms(register, [old], period="2024-04").committed
    assert [r["period"] for r in reports(register)][-1] == "2024-04"


def test_a_form_of_a_unit_renamed_or_merged_since_is_refused(register, forms, tmp_path):
    from db.unit_registry import merge_units, rename_unit

    path, other = filled(forms, tmp_path), town(forms, tmp_path)
    rename_unit(register, "县住建局", "县住房和城乡建设局")
    result = collect_forms(register, [path, other])
    refused = result.files[0].refused
    assert "交回.xlsx" in refused and "第4行" in refused and "县住房和城乡建设局" in refused
    assert [r["unit"] for r in reports(register)] == ["城关镇"]   # the other form is recorded
    merge_units(register, "城关镇人民政府", "城关镇")
    assert "城关镇人民政府" in collect_forms(register, [other]).files[0].refused


def test_a_form_naming_a_problem_deleted_since_is_refused(register, forms, tmp_path):
    from db.changes import recorded_step

    path, other = filled(forms, tmp_path), town(forms, tmp_path)
    with recorded_step(register, "删除问题") as step:
        step.delete("problems", problem(register, "3")["id"])
    result = collect_forms(register, [path, other])
    assert "第6行" in result.files[0].refused and "问题“3”" in result.files[0].refused
    assert [r["unit"] for r in reports(register)] == ["城关镇"]


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
    assert "未记录任何内容" in refused.stderr
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


def test_the_command_line_records_a_units_newer_version_and_says_so(register, forms, tmp_path):
    db_path = register.execute("PRAGMA database_list").fetchone()[2]
    first = _older(filled(forms, tmp_path, name="第一版.xlsx"))
    second = filled(forms, tmp_path, name="第二版.xlsx", rows={0: {"text": "扩容完成80%"}})
    done = run_collect(first, second, "--db", db_path)
    assert done.returncode == 0, done.stderr
    assert "同一单位两个版本" in done.stdout and "已按较新的《第二版.xlsx》记录" in done.stdout
    assert "问题1" in done.stdout and "汇总进展：县住建局：扩容完成80%" in done.stdout
    assert merged(register, "1")["text"] == "县住建局：扩容完成80%"
