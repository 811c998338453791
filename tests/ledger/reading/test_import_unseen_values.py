"""Values in unseen ledgers: status as yes/no columns or loose words, deadlines in every form a
clerk types, unit lists with every separator, petitions, workbooks with several sheets."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from db.changes import undo
from db.records import dump_register
from desktop.ledger.importing.importer import import_file, read_ledger
from tests.ledger.unseen_books import Sheet, book

EPOCH = dt.date(1899, 12, 30)


def test_status_only_as_yes_no_columns(tmp_path):
    rows = [["序号", "问题描述", "整改时限", "整改进展", "是否完成整改", "是否销号"],
            [1, "甲", "2022年底", "已完成", "是", "是"], [2, "乙", "2022年底", "已完成", "√", "×"],
            [3, "丙", "2022年底", "推进中", "否", "否"], [4, "丁", "2022年底", None, "×", None],
            [5, "戊", "2022年底", None, "已完成", "未销号"], [6, "己", "2022年底", "正在整改", "未完成", ""]]
    reading = read_ledger(book(tmp_path / "是否.xlsx", Sheet("台账", rows)))
    assert [p["status"] for p in reading.problems] == [
        "closed", "completed", "in_progress", "pending", "completed", "in_progress"]
    assert reading.warnings == []


STATUS_WORDS = [("完成整改", "completed"), ("按序时推进", "on_schedule"), ("慢序时", "behind_schedule"),
                ("已销号", "closed"), ("完成交账销号", "closed"), ("验收销号", "closed"),
                ("正在整改", "in_progress"), ("未启动", "pending"), ("达到序时进度", "on_schedule"),
                ("超过序时进度", "ahead"), ("滞后", "behind_schedule"), ("尚未启动", "pending"),
                ("序时推进", "on_schedule"), ("已完成整改，正在申请验收销号", "completed"),
                ("待销号", "completed"), ("推进中", "in_progress"), ("已完成", "completed"),
                ("未达序时进度", "behind_schedule")]


def test_status_words(tmp_path):
    rows = [["序号", "问题描述", "整改状态"]] + [[i, f"问题{i}", w] for i, (w, _) in
                                          enumerate(STATUS_WORDS, 1)]
    reading = read_ledger(book(tmp_path / "状态.xlsx", Sheet("台账", rows)))
    assert [(p["status_text"], p["status"]) for p in reading.problems] == STATUS_WORDS
    assert reading.warnings == []


DEADLINES = [
    (dt.date(2022, 6, 30), "2022-06-30", "fixed", "2022-06-30"),
    (dt.datetime(2022, 6, 30, 18, 0), "2022-06-30", "fixed", "2022-06-30"),
    (44742, (EPOCH + dt.timedelta(44742)).isoformat(), "fixed", None),
    ("2022年6月底前完成", "2022-06-30", "fixed", "2022年6月底前完成"),
    ("2021.12", "2021-12-31", "fixed", "2021.12"),
    (2021.12, "2021-12-31", "fixed", "2021.12"),
    (2021.5, "2021-05-31", "fixed", "2021.5"),
    ("2022/6/30", "2022-06-30", "fixed", "2022/6/30"),
    ("2022年第四季度", "2022-12-31", "fixed", "2022年第四季度"),
    ("2023年上半年", "2023-06-30", "fixed", "2023年上半年"),
    ("2024年底前，并长期坚持", "2024-12-31", "long_term", "2024年底前，并长期坚持"),
    ("每年12月底前", None, "periodic", "每年12月底前"),
    ("立行立改", None, "immediate", "立行立改"),
    ("视情况", None, "unknown", "视情况"),
    ("2022年2月30日", None, "unknown", "2022年2月30日"),
]


def test_deadlines_in_every_form(tmp_path):
    rows = [["序号", "问题描述", "责任单位", "整改时限"]] + [
        [i, f"问题{i}", "县环保局", value] for i, (value, *_) in enumerate(DEADLINES, 1)]
    reading = read_ledger(book(tmp_path / "时限.xlsx", Sheet("台账", rows)))
    for problem, (_, day, kind, text) in zip(reading.problems, DEADLINES, strict=True):
        assert (problem["deadline"], problem["deadline_kind"]) == (day, kind), problem["code"]
        assert problem["deadline_text"] == (text or day)
    places = [(w.sheet, w.row, w.column) for w in reading.warnings]
    assert places == [("台账", 15, "D"), ("台账", 16, "D")]
    assert "视情况" in reading.warnings[0].message
    assert "2022年2月30日" in reading.warnings[1].message and "不是有效日期" in reading.warnings[1].message


def test_unit_lists_with_every_separator(tmp_path):
    rows = [["序号", "问题描述", "牵头单位", "责任单位"],
            [1, "问题甲", "各市（州）政府、省直各单位（含中央驻青单位，省属企业）",
             "县住建局、县财政局；县水利局,县自然资源局\n城关镇"]]
    problem = read_ledger(book(tmp_path / "单位.xlsx", Sheet("台账", rows))).problems[0]
    assert problem["lead_units"] == ["各市（州）政府", "省直各单位（含中央驻青单位，省属企业）"]
    assert problem["responsible_units"] == ["县住建局", "县财政局", "县水利局", "县自然资源局", "城关镇"]


PETITION_HEAD = ["序号", "交办编号", "交办日期", "信访内容", "行政区域", "污染类型", "是否属实",
                 "调查核实情况", "办结情况", "责任单位"]
PETITIONS = [
    [1, "D2XX202104080012", "2021年4月8日", "砖厂粉尘扰民", "城关镇", "水污染、大气", "属实", "已责令整改",
     "已办结", "县生态环境分局"],
    [2, "X2XX202104090003 ", dt.date(2021, 4, 9), "养殖场粪污直排", "河西乡", "噪声/大气", "基本属实",
     "已关停", "阶段性办结", "县农业农村局、河西乡"],
    [3, "Ｄ２ＸＸ２０２１０４１００００５", dt.datetime(2021, 4, 10, 15, 30), "垃圾填埋场渗滤液", "河东镇",
     "土壤", "部分属实", "", "正在办理", "县城管局"],
    [4, "X2XX202104110007", 44297, "工业园区异味", "工业园区", "大气", "不属实", "", "正在整改", "园区管委会"],
]


def test_petitions_ledger(register, tmp_path):
    rows = [["第二轮中央生态环境保护督察交办信访件办理情况台账"], ["填报单位：XX县信访办"], PETITION_HEAD,
            *PETITIONS, ["小计", None, None, "4件"]]
    result = import_file(register, book(tmp_path / "信访件.xlsx", Sheet("信访", rows)))
    assert (result.kind, result.header_rows, result.petitions_created) == ("petitions", [3], 4)
    assert [s.row for s in result.skipped_rows] == [8] and result.warnings == []
    got = {p["code"]: p for p in dump_register(register)["petitions"]}
    assert list(got) == ["D2XX202104080012", "X2XX202104090003", "D2XX202104100005", "X2XX202104110007"]
    assert [p["received_on"] for p in got.values()] == [
        "2021-04-08", "2021-04-09", "2021-04-10", (EPOCH + dt.timedelta(44297)).isoformat()]
    assert [p["pollution_types"] for p in got.values()] == [["水", "大气"], ["噪声", "大气"], ["土壤"], ["大气"]]
    assert [p["verified"] for p in got.values()] == ["true", "true", "partial", "false"]
    assert [p["status"] for p in got.values()] == ["done", "staged", "in_progress", "in_progress"]
    assert got["X2XX202104090003"]["responsible_units"] == ["县农业农村局", "河西乡"]


PROBLEMS = [["序号", "问题描述", "整改措施", "整改时限", "责任单位", "整改进展"],
            [1, "问题甲", "措施甲", "2022年底", "县水利局", "推进中"]]


def test_two_ledger_sheets_best_taken_and_sheet_picks_the_other(register, tmp_path):
    path = book(tmp_path / "两张表.xlsx", Sheet("问题清单", PROBLEMS),
                Sheet("信访件", [PETITION_HEAD, *PETITIONS]))
    assert read_ledger(path).sheet == "信访件"            # it names more of its fields
    assert read_ledger(path, sheet="问题清单").kind == "problems"
    assert import_file(register, path, sheet="问题清单").problems_created == 1
    assert import_file(register, path).petitions_created == 4


def test_cover_sheet_first_and_ledger_second(tmp_path):
    cover = Sheet("Sheet1", [["附件1"], ["XX县生态环境问题整改工作台账"], ["XX县人民政府"], ["2022年6月"]])
    reading = read_ledger(book(tmp_path / "封面.xlsx", cover, Sheet("Sheet2", PROBLEMS)))
    assert reading.sheet == "Sheet2" and [p["code"] for p in reading.problems] == ["1"]


def test_hidden_ledger_sheet_read_when_nothing_visible_is_one(tmp_path):
    cover = Sheet("封面", [["XX县整改台账"], ["2022年6月"]])
    reading = read_ledger(book(tmp_path / "隐藏.xlsx", cover, Sheet("台账", PROBLEMS, hidden=True)))
    assert reading.sheet == "台账" and len(reading.problems) == 1
    warning = reading.warnings[0]
    assert "隐藏" in warning.message and (warning.sheet, warning.row, warning.column) == ("台账", 1, "A")


def test_legacy_xls_then_newer_xlsx_updates_then_undo(register, tmp_path, samples):
    legacy = tmp_path / "乡镇 台账（旧版）.xls"
    shutil.copy(samples / "ledger_town_legacy.xls", legacy)
    assert import_file(register, legacy).problems_created == 3
    assert import_file(register, legacy).problems_unchanged == 3
    before = dump_register(register)
    old = read_ledger(legacy)
    rows = [["XX镇环境问题整改台账"], [c.header for c in old.columns]]
    for r in range(old.layout.first_data_row, old.grid.height):
        rows.append(list(old.grid.rows[r]))
    rows[2][5] = "已完成"
    result = import_file(register, book(tmp_path / "乡镇台账（新版）.xlsx", Sheet("Sheet1", rows)))
    assert (result.problems_updated, result.problems_unchanged) == (1, 2)
    assert dump_register(register)["problems"][0]["status"] == "completed"
    undo(register)
    assert dump_register(register) == before


@pytest.mark.parametrize("text", ["视情况", "2022年2月30日", "待定"])
def test_unreadable_deadline_kept_and_placed(register, tmp_path, text):
    rows = [["XX县台账"], ["序号", "问题描述", "整改时限"], [1, "问题甲", text]]
    result = import_file(register, book(tmp_path / "时限.xlsx", Sheet("表一", rows)))
    warning = result.warnings[0]
    assert (warning.sheet, warning.row, warning.column) == ("表一", 3, "C") and text in warning.message
    assert dump_register(register)["problems"][0]["deadline_text"] == text
