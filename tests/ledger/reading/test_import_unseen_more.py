"""More unseen shapes: measures reporting their own status, each month's copy of a ledger whose
title carries the month, petitions spread over two rows, chart and cover sheets, the command line
picking the other of two ledgers, header words the office also uses."""

from __future__ import annotations

import json

from db.records import dump_register
from desktop.cli import main as cli
from desktop.core.status import combined_status
from desktop.ledger.importing.importer import import_file, read_ledger
from tests.ledger.unseen_books import Sheet, book

HEAD = ["序号", "问题描述", "整改措施", "整改时限", "整改进展", "整改状态"]


def test_measures_with_their_own_progress_and_status(tmp_path):
    rows = [HEAD, [1, "问题甲", "措施一", "2022年6月", "已建成", "已完成"],
            [None, None, "措施二", "2022年12月", "正在施工", "按序时推进"],
            [2, "问题乙", "措施三", "2022年6月", "已完成", "已完成"],
            [None, None, "措施四", "2022年6月", "已完成", "已销号"],
            [3, "问题丙", "措施五", "2022年6月", "未开工", "滞后"],
            [None, None, "措施六", "2022年6月", None, None]]
    merges = ("A2:A3", "B2:B3", "A4:A5", "B4:B5", "A6:A7", "B6:B7", "E6:E7", "F6:F7")
    problems = read_ledger(book(tmp_path / "逐条状态.xlsx", Sheet("台账", rows, merges))).problems
    first, second, third = problems
    assert [m["status"] for m in first["measures"]] == ["completed", "on_schedule"]
    assert (first["status"], first["status_text"]) == ("on_schedule", "已完成；按序时推进")
    assert first["progress"] == "已建成\n正在施工"
    assert second["status"] == "completed"
    assert [m["status"] for m in third["measures"]] == ["behind_schedule"] * 2
    assert (third["status"], third["status_text"], third["progress"]) == ("behind_schedule", "滞后", "未开工")


def test_combined_status_rules():
    assert combined_status(["closed", "closed"]) == "closed"
    assert combined_status(["closed", "completed"]) == "completed"
    assert combined_status(["completed", "pending"]) == "in_progress"
    assert combined_status(["pending", "pending"]) == "pending"
    assert combined_status(["on_schedule", "ahead", "completed"]) == "on_schedule"
    assert combined_status(["in_progress", "behind_schedule"]) == "behind_schedule"
    assert combined_status([]) == "pending"


def _monthly(path, month: int, progress: str):
    rows = [[f"XX县督察整改落实情况台账（2022年{month}月）"], [f"截至2022年{month}月底"],
            ["序号", "问题描述", "整改时限", "整改进展"], [1, "问题甲", "2022年底", progress],
            [2, "问题乙", "2022年底", "推进中"]]
    return book(path, Sheet("台账", rows))


def test_each_months_copy_falls_in_the_same_round(register, tmp_path):
    first = import_file(register, _monthly(tmp_path / "6月.xlsx", 6, "已开工"))
    assert first.round == "XX县督察整改落实情况台账" and first.problems_created == 2
    second = import_file(register, _monthly(tmp_path / "7月.xlsx", 7, "完成50%"))
    assert (second.problems_created, second.problems_updated, second.round) == \
        (0, 2, "XX县督察整改落实情况台账")
    problem = dump_register(register)["problems"][0]
    assert [(h["period"], h["text"]) for h in problem["progress_history"]] == [
        ("2022-06", "已开工"), ("2022-07", "完成50%")]


def test_petition_spread_over_two_rows(tmp_path):
    rows = [["序号", "受理编号", "举报内容", "污染类型", "是否属实", "处理情况", "办结情况", "责任单位"],
            [1, "D2XX202104080012", "砖厂粉尘", "大气", "属实", "已停产", "已办结", "县生态环境分局"],
            [None, None, None, "噪声", None, "已罚款5万元", None, "城关镇"],
            [2, "X2XX202104090003", "养殖场粪污", "水", "不属实", "", "已办结", "县农业农村局"]]
    merges = ("A2:A3", "B2:B3", "C2:C3", "E2:E3", "G2:G3")
    reading = read_ledger(book(tmp_path / "两行.xlsx", Sheet("信访", rows, merges)))
    first, second = reading.petitions
    assert first["pollution_types"] == ["大气", "噪声"] and first["result"] == "已停产\n已罚款5万元"
    assert first["responsible_units"] == ["县生态环境分局", "城关镇"]
    assert second["code"] == "X2XX202104090003" and reading.skipped_rows == []


def test_chart_sheet_and_cover_before_the_ledger(tmp_path):
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    wb = Workbook()
    ws = wb.active
    ws.title = "问题台账"
    for row in [HEAD, [1, "问题甲", "措施甲", "2022年底", "推进中", "按序时推进"]]:
        ws.append(row)
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=1, min_row=1, max_row=2))
    wb.create_chartsheet("进度图", 0).add_chart(chart)
    wb.create_sheet("填表说明", 0)["A1"] = "请按序号、问题描述、整改措施填写"
    wb.save(tmp_path / "带图.xlsx")
    reading = read_ledger(tmp_path / "带图.xlsx")
    assert reading.sheet == "问题台账" and reading.problems[0]["status"] == "on_schedule"


def test_command_line_sheet_picks_the_other_ledger(tmp_path, capsys):
    petitions = [["序号", "受理编号", "举报内容", "办结情况"], [1, "D2XX202104080012", "粉尘", "已办结"]]
    path = book(tmp_path / "两 张表.xlsx", Sheet("问题", [HEAD, [1, "问题甲", "措施甲", "2022年底", "", ""]]),
                Sheet("信访件", petitions))
    db = str(tmp_path / "台账.db")
    assert cli(["import", str(path), "--db", db, "--sheet", "问题", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["sheet"], out["kind"], out["problems_created"]) == ("问题", "problems", 1)
    assert cli(["import", str(path), "--db", db, "--sheet", "信访件", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["kind"], out["petitions_created"]) == ("petitions", 1)


def test_more_header_words_of_the_office(tmp_path):
    rows = [["编号", "问题名称", "存在的问题", "牵头责任单位", "协办单位", "分管县领导", "整改责任人",
             "计划完成时间", "实际完成时间", "整改完成情况", "下步工作计划"],
            ["W-1", "黑臭水体", "城区河道黑臭", "县住建局", "县水利局", "王某", "李某", "2022年6月30日",
             "2022年5月20日", "已完成", "巩固成效"]]
    reading = read_ledger(book(tmp_path / "说法.xlsx", Sheet("台账", rows)))
    assert list(reading.layout.mapping().values()) == [
        "code", "title", "description", "lead_units", "responsible_units", "supervisor",
        "responsible_person", "deadline", "completed_on", "status_text", ""]
    problem = reading.problems[0]
    assert (problem["deadline"], problem["status"]) == ("2022-06-30", "completed")
    assert problem["completed_on"] == "2022-05-20"     # the actual date beside the planned one
    assert problem["extra"] == {"下步工作计划": "巩固成效"}


def test_deadlines_one_per_line_pair_with_numbered_measures(tmp_path):
    rows = [["序号", "问题描述", "整改措施", "整改时限"],
            [1, "问题甲", "1.建设污水处理站\n2.铺设配套管网", "2022年6月底前\n2022年12月底前"],
            [2, "问题乙", "1.清淤；2.复绿", "2023年底"]]
    problems = read_ledger(book(tmp_path / "分行时限.xlsx", Sheet("台账", rows))).problems
    assert [m["deadline"] for m in problems[0]["measures"]] == ["2022-06-30", "2022-12-31"]
    assert [m["deadline_text"] for m in problems[0]["measures"]] == ["2022年6月底前", "2022年12月底前"]
    assert [m["deadline"] for m in problems[1]["measures"]] == ["2023-12-31"] * 2


def test_official_petition_table_with_yes_no_answers(tmp_path):
    rows = [["序号", "交办件编号", "群众反映主要问题", "行政区域", "污染类别", "是否属实", "处理和整改情况",
             "是否办结"],
            [1, "D2XX202104080012", "粉尘扰民", "城关镇", "大气", "是", "已整改", "是"],
            [2, "X2XX202104090003", "污水直排", "河西乡", "水", "否", "", "否"]]
    reading = read_ledger(book(tmp_path / "公开表.xlsx", Sheet("信访", rows)))
    assert reading.kind == "petitions" and reading.warnings == []
    assert [(p["verified"], p["status"]) for p in reading.petitions] == [
        ("true", "done"), ("false", "in_progress")]
    assert reading.petitions[0]["content"] == "粉尘扰民"


def test_more_status_words(tmp_path):
    words = [("逾期未完成", "behind_schedule"), ("按计划推进", "on_schedule"),
             ("持续整改", "in_progress"), ("已开工", "in_progress"), ("待验收销号", "completed")]
    rows = [["序号", "问题描述", "整改状态"]] + [[i, f"问题{i}", w] for i, (w, _) in enumerate(words, 1)]
    reading = read_ledger(book(tmp_path / "状态.xlsx", Sheet("台账", rows)))
    assert [(p["status_text"], p["status"]) for p in reading.problems] == words


def test_merged_range_with_its_text_in_a_later_cell():
    from desktop.ledger.reading.grid import Grid

    grid = Grid("表", [[None, "责任单位", None], ["牵头单位", "配合单位", "时限"]], [(0, 0, 0, 1)])
    assert grid.value(0, 0) == grid.value(0, 1) == "责任单位" and grid.raw(0, 1) is None


def test_roles_written_inside_one_unit_cell(tmp_path):
    rows = [["序号", "问题描述", "责任单位"], [1, "问题甲", "县住建局（牵头），县财政局、各乡镇"],
            [2, "问题乙", "牵头单位：县水利局；配合单位：县财政局、城关镇"], [3, "问题丙", "县林业局牵头，县公安局配合"]]
    problems = read_ledger(book(tmp_path / "角色.xlsx", Sheet("台账", rows))).problems
    assert [(p["lead_units"], p["responsible_units"]) for p in problems] == [
        (["县住建局"], ["县财政局", "各乡镇"]), (["县水利局"], ["县财政局", "城关镇"]),
        (["县林业局"], ["县公安局"])]


def test_disclosure_table_result_is_the_handling_column(tmp_path):
    rows = [["中央第二生态环境保护督察组交办群众信访举报件边督边改公开情况一览表"], ["（第十批   2021年5月8日）"],
            ["序号", "受理编号", "交办问题基本情况", "行政区域", "污染类型", "调查核实情况", "是否属实", "处理和整改情况",
             "责任人被处理情况"],
            [1, "D2XX202105070012", "工地夜间施工噪音扰民", "XX县", "噪声", "经调查，情况属实", "属实", "责令停工，罚款2万元", "无"]]
    petition = read_ledger(book(tmp_path / "公开.xlsx", Sheet("信访", rows))).petitions[0]
    assert (petition["content"], petition["result"], petition["verified"]) == (
        "工地夜间施工噪音扰民", "责令停工，罚款2万元", "true")
    assert petition["extra"] == {"调查核实情况": "经调查，情况属实", "责任人被处理情况": "无"}


def test_file_locked_by_another_program_is_refused(tmp_path, monkeypatch):
    import pathlib

    import pytest

    from desktop.ledger.errors import LedgerRefused

    path = book(tmp_path / "被占用.xlsx", Sheet("台账", [HEAD, [1, "问题甲", "措施甲", "2022年底", "", ""]]))

    def locked(self, *args, **kwargs):
        raise PermissionError(13, "另一个程序正在使用此文件")

    monkeypatch.setattr(pathlib.Path, "open", locked)
    with pytest.raises(LedgerRefused, match="无法打开文件"):
        read_ledger(path)
