"""Rows in unseen ledgers: what is skipped (and said so), what belongs to which problem, sections
written three ways, a ledger that starts in column B, long texts and formulas, monthly columns."""

from __future__ import annotations

from db.records import dump_register
from desktop.ledger.importing.importer import import_file, read_ledger
from tests.ledger.unseen_books import Sheet, across, book

HEAD = ["序号", "问题描述", "整改措施", "整改时限", "责任单位", "整改进展"]


def reasons(reading) -> dict[int, str]:
    return {s.row: s.reason for s in reading.skipped_rows}


def test_rows_that_are_not_problems_are_skipped_and_reported(tmp_path):
    rows = [["XX县整改台账"], ["序号", "问题描述", "整改措施", "整改时限", "责任单位"], [],
            ["一、水污染防治（12项）"], [1, "问题甲", "措施甲", "2022年底", "县水利局"], [],
            [2, "问题乙", "措施乙", "2022年底", "县水利局"], ["小计", None, "2项"],
            ["序号", "问题描述", "整改措施", "整改时限", "责任单位"],
            [3, "问题丙", "措施丙", "2023年底", "县林业局"], [None, None, None, None, None],
            ["合  计", None, "3项"], ["注：1.本表一式两份。"],
            ["填报人：张三", None, "审核人：李四", None, "联系电话：13800000000"]]
    merges = (across(4, 5),)
    reading = read_ledger(book(tmp_path / "跳过.xlsx", Sheet("台账", rows, merges)))
    assert [p["code"] for p in reading.problems] == ["1", "2", "3"]
    got = reasons(reading)
    assert set(got) == {3, 4, 6, 8, 9, 11, 12, 13, 14}
    assert got[3] == got[6] == got[11] == "空行"
    assert got[4].startswith("分类标题行") and "小计" in got[8] and got[9] == "重复的表头行"
    assert "合" in got[12] and got[13].startswith("注释行") and got[14].startswith("签字行")
    assert reading.problems[2]["category"] == "一、水污染防治（12项）"


def test_repeated_two_row_header_on_a_new_page(tmp_path):
    head = [["序号", "问题描述", "责任单位", None, "整改时限"], [None, None, "牵头单位", "配合单位", None]]
    rows = head + [[1, "问题甲", "县水利局", "县财政局", "2022年底"]] + head + \
        [[2, "问题乙", "县林业局", None, "2023年底"]]
    merges = ("A1:A2", "B1:B2", "C1:D1", "E1:E2", "A4:A5", "B4:B5", "C4:D4", "E4:E5")
    reading = read_ledger(book(tmp_path / "分页.xlsx", Sheet("台账", rows, merges)))
    assert reading.header_rows == [1, 2]
    assert [p["code"] for p in reading.problems] == ["1", "2"]
    assert reasons(reading) == {4: "重复的表头行", 5: "重复的表头行"}


def test_column_numbers_row_under_the_header(tmp_path):
    rows = [HEAD, [1, 2, 3, 4, 5, 6], [1, "问题甲", "措施甲", "2022年底", "县水利局", "推进中"]]
    reading = read_ledger(book(tmp_path / "栏次.xlsx", Sheet("台账", rows)))
    assert [p["description"] for p in reading.problems] == ["问题甲"]
    assert list(reasons(reading)) == [2] and "栏次" in reasons(reading)[2]


def test_section_rows_in_the_number_and_problem_columns(tmp_path):
    rows = [HEAD, ["一", "大气污染问题"], [1, "问题甲", "措施甲", "2022年底", "县工信局", ""],
            ["（二）", "水污染问题（1个）"], [2, "问题乙", "措施乙", "2022年底", "县水利局", ""]]
    reading = read_ledger(book(tmp_path / "分类.xlsx", Sheet("台账", rows)))
    assert [(p["code"], p["category"]) for p in reading.problems] == [
        ("1", "一、大气污染问题"), ("2", "（二）水污染问题（1个）")]
    assert set(reasons(reading)) == {2, 4}


def test_numbers_restarting_in_each_section_keep_every_problem(register, tmp_path):
    rows = [HEAD, ["一、大气污染"], [1, "问题甲", "措施甲", "2022年底", "县工信局", ""],
            [2, "问题乙", "措施乙", "2022年底", "县工信局", ""], ["二、水污染"],
            [1, "问题丙", "措施丙", "2022年底", "县水利局", ""]]
    path = book(tmp_path / "分段编号.xlsx", Sheet("台账", rows, (across(2, 6), across(5, 6))))
    result = import_file(register, path)
    assert result.problems_created == 3 and result.warnings == []
    got = {p["code"]: p["description"] for p in dump_register(register)["problems"]}
    assert got == {"一-1": "问题甲", "一-2": "问题乙", "二-1": "问题丙"}
    assert import_file(register, path).problems_unchanged == 3


def test_same_code_twice_apart_skips_the_second_with_its_rows(tmp_path):
    rows = [["问题编号", "问题描述", "整改措施", "整改时限"],
            ["A-1", "问题甲", "措施一", "2022年底"], [None, None, "措施二", "2022年底"],
            ["A-2", "问题乙", "措施三", "2022年底"],
            ["A-1", "问题甲（重复）", "措施四", "2023年底"], [None, None, "措施五", "2023年底"],
            ["A-3", "问题丙", "措施六", "2023年底"]]
    reading = read_ledger(book(tmp_path / "重复.xlsx", Sheet("台账", rows)))
    assert [(p["code"], len(p["measures"])) for p in reading.problems] == [
        ("A-1", 2), ("A-2", 1), ("A-3", 1)]
    got = reasons(reading)
    assert set(got) == {5, 6} and "与第2行重复" in got[5] and "A-1" in got[6]
    assert reading.warnings == []


def test_ledger_starting_in_column_b(tmp_path):
    rows = [["XX乡整改台账"], HEAD, ["一、生态破坏"], [1, "问题甲", "措施甲", "2022年底", "乡政府", ""],
            ["合计", "1"]]
    reading = read_ledger(book(tmp_path / "B列起.xlsx", Sheet("台账", rows, first_column=2)))
    assert [c.letter for c in reading.columns][:2] == ["B", "C"]
    assert [(p["code"], p["category"]) for p in reading.problems] == [("1", "一、生态破坏")]
    assert set(reasons(reading)) == {3, 5}


def test_long_text_line_breaks_and_formulas_with_cached_text(register, tmp_path):
    long_text = "城区污水管网存在雨污混流、管网破损等问题" * 250
    rows = [HEAD, [1, long_text, "1.排查管网\n2.修复破损管网", "2022年底", "县住建局\n县水务局", "推进中"],
            [2, None, "措施乙", "2022年底", None, "已完成"]]
    formulas = {"B3": ('CONCATENATE("河道","垃圾")', "河道垃圾"),
                "E3": ('IF(1=1,"县城管局","")', "县城管局")}
    result = import_file(register, book(tmp_path / "长文本.xlsx", Sheet("台账", rows, formulas=formulas)))
    assert result.problems_created == 2
    got = {p["code"]: p for p in dump_register(register)["problems"]}
    assert len(got["1"]["description"]) == 5000
    assert [m["content"] for m in got["1"]["measures"]] == ["排查管网", "修复破损管网"]
    assert got["1"]["responsible_units"] == ["县住建局", "县水务局"]
    assert (got["2"]["description"], got["2"]["responsible_units"]) == ("河道垃圾", ["县城管局"])
    assert got["2"]["status"] == "completed"


def test_monthly_progress_columns_latest_is_the_progress(tmp_path):
    rows = [["序号", "问题描述", "整改时限", "1月进展情况", "2月进展情况", "3月进展情况"],
            [1, "问题甲", "2022年底", "已开工", "完成30%", "完成60%"]]
    reading = read_ledger(book(tmp_path / "月度.xlsx", Sheet("台账", rows)))
    problem = reading.problems[0]
    assert problem["progress"] == "完成60%"
    assert problem["extra"] == {"1月进展情况": "已开工", "2月进展情况": "完成30%"}


def test_another_table_below_is_not_read_with_these_columns(tmp_path):
    rows = [HEAD, [1, "问题甲", "措施甲", "2022年底", "县水利局", ""], [],
            ["附表：信访件办理情况"], ["序号", "受理编号", "举报内容", "办结情况"],
            [1, "D2XX202104080012", "粉尘扰民", "已办结"], [2, "X2XX202104090003", "污水直排", "已办结"]]
    reading = read_ledger(book(tmp_path / "两张表.xlsx", Sheet("台账", rows)))
    assert [p["description"] for p in reading.problems] == ["问题甲"]
    got = reasons(reading)
    assert got[4].startswith("注释行") and [got[r] for r in (5, 6, 7)] == ["第5行起是另一张表，未导入"] * 3


def test_bottom_lines_are_not_problems(tmp_path):
    rows = [HEAD, [1, "问题甲", "措施甲", "2022年底", "县水利局", ""],
            ["附件：1.验收报告"], ["填表人：王五", None, None, "2022年6月30日"], [None, None, None, "2022年6月30日"]]
    reading = read_ledger(book(tmp_path / "表尾.xlsx", Sheet("台账", rows)))
    assert [m["content"] for m in reading.problems[0]["measures"]] == ["措施甲"]
    got = reasons(reading)
    assert got[3].startswith("注释行") and got[4].startswith("签字行") and "没有问题内容" in got[5]
    assert reading.warnings == []
