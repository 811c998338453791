"""Ledgers other than the inspection's: audit, inspection-tour and 专项督查 ledgers, group roll-ups,
deep official forms, hotline and message-board petitions; and sheets that are no ledger."""

from __future__ import annotations

import pytest

from db.records import dump_register
from desktop.ledger.errors import LedgerRefused
from desktop.ledger.importing.importer import import_file
from desktop.ledger.reading.ledger import read_ledger
from tests.ledger import other_books as ob
from tests.ledger.unseen_books import Sheet, book


def problems(register) -> dict[str, dict]:
    return {p["code"]: p for p in dump_register(register)["problems"]}


def test_audit_ledger_planned_date_is_the_deadline_actual_is_completed_on(register, tmp_path):
    result = import_file(register, ob.audit_ledger(tmp_path / "审计整改.xlsx"))
    assert result.committed and result.problems_created == 3 and not result.errors
    got = problems(register)
    assert [(p["deadline"], p["completed_on"]) for p in got.values()] == [
        ("2023-10-31", "2023-09-15"), ("2024-06-30", None), ("2023-12-31", "2023-12-31")]
    assert got["1"]["responsible_units"] == ["县教育局"]            # 所属单位 is the row's unit
    assert got["1"]["deadline_text"] == "2023年10月底前"
    assert [m["content"] for m in got["1"]["measures"]] == ["收回资金", "完善资金审批制度"]
    assert got["2"]["extra"] == {"备注": "已约谈"}


def test_a_lone_completion_date_column_stays_the_deadline(tmp_path):
    rows = [["序号", "问题描述", "责任单位", "整改完成时间"], [1, "问题甲", "县水利局", "2023年底前"]]
    reading = read_ledger(book(tmp_path / "一列.xlsx", Sheet("台账", rows)))
    assert reading.layout.mapping()["D"] == "deadline"
    assert (reading.problems[0]["deadline"], reading.problems[0]["completed_on"]) == ("2023-12-31", None)


def test_tour_ledger_rows_go_in_their_own_sources(register, tmp_path):
    result = import_file(register, ob.tour_ledger(tmp_path / "巡视巡察.xlsx"))
    assert result.problems_created == 3
    assert result.rounds == ["省委第三巡视组", "县委第一巡察组"]
    assert result.round == "巡视巡察反馈问题整改落实情况台账"       # the file's, not a concatenation
    got = problems(register)
    assert [p["round"] for p in got.values()] == ["省委第三巡视组", "省委第三巡视组", "县委第一巡察组"]
    assert got["1"]["responsible_units"] == ["县委办", "县纪委监委"]   # 责任主体 and 责任部门
    assert (got["1"]["deadline"], got["1"]["completed_on"]) == ("2023-06-30", "2023-05-20")
    assert got["1"]["extra"] == {"销号时间": "2023年6月10日"}        # a second actual date is kept
    assert import_file(register, tmp_path / "巡视巡察.xlsx").problems_unchanged == 3


def test_special_inspection_units_and_rounds_under_a_two_row_header(register, tmp_path):
    result = import_file(register, ob.inspection_ledger(tmp_path / "专项督查.xlsx"))
    assert result.header_rows == [2, 3] and result.problems_created == 2
    got = problems(register)
    assert got["1"]["responsible_units"] == ["某建材有限公司", "河东镇"]   # 被督察单位 and 属地
    assert (got["1"]["round"], got["2"]["round"]) == ("第一批次", "第二批次")
    assert got["1"]["deadline_kind"] == "immediate" and got["2"]["deadline"] == "2023-08-31"


def test_rollup_codes_restarting_per_member_are_keyed_by_unit(register, tmp_path):
    path = ob.rollup_ledger(tmp_path / "集团汇总.xlsx")
    result = import_file(register, path)
    assert result.problems_created == sum(ob.ROLLUP_MEMBERS.values()) == 12
    got = problems(register)
    assert {c.split("-")[0] for c in got} == set(ob.ROLLUP_MEMBERS)
    assert got["乙水务公司-3"]["responsible_units"] == ["乙水务公司"]
    assert "乙水务公司问题3" in got["乙水务公司-3"]["description"]
    assert any("单位-编号" in w.message for w in result.warnings)     # the report says how
    skipped = {s.row: s.reason for s in result.skipped_rows}
    assert skipped == {15: "问题编号“丙建设公司-2”与第11行重复，未导入", 16: "合计行（合计）"}
    assert import_file(register, path).problems_unchanged == 12


def test_a_true_duplicate_under_one_unit_is_still_skipped_and_listed(tmp_path):
    rows = [["序号", "所属单位", "问题编号", "问题描述", "整改时限"],
            [1, "甲公司", "1", "问题甲", "2023年底"], [2, "甲公司", "2", "问题乙", "2023年底"],
            [3, "甲公司", "1", "问题丙", "2023年底"]]
    reading = read_ledger(book(tmp_path / "重复.xlsx", Sheet("台账", rows)))
    assert [p["code"] for p in reading.problems] == ["1", "2"]
    assert [(s.row, s.reason) for s in reading.skipped_rows] == [(4, "问题编号“1”与第2行重复，未导入")]


CODE_ROWS = {
    "digits": list(range(1, 13)),
    "numerals": ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"],
    "stems and digits": ["甲", "乙", "丙", 1, 2, 3, 4, 5, 6, 7, 8, 9],
    "letters": [f"a{n}" for n in range(1, 13)],
}


@pytest.mark.parametrize("codes", CODE_ROWS.values(), ids=CODE_ROWS.keys())
def test_deep_form_five_header_rows_and_a_row_of_column_codes(register, tmp_path, codes):
    result = import_file(register, ob.deep_form(tmp_path / "统计表.xlsx", codes))
    assert result.header_rows == [3, 4, 5, 6, 7]
    assert result.problems_created == 3
    assert (result.skipped_rows[0].row, result.skipped_rows[0].reason) == (8, "栏次行（表头下的列序号）")
    got = problems(register)
    assert set(got) == {"SJ-1", "SJ-2", "SJ-3"}
    measure = got["SJ-2"]["measures"][0]
    assert (measure["lead_units"], measure["responsible_units"]) == (["县住建局"], ["县城管局"])
    assert got["SJ-2"]["status"] == "in_progress" and got["SJ-2"]["deadline"] == "2023-10-31"


def test_six_header_rows_are_read_as_one_header(tmp_path):
    rows = [["XX市统计表"], ["基本情况", None, None, "整改", *[None] * 8],   # a sixth row of groups
            *[list(r) for r in ob.DEEP_HEAD[2:]], list(range(1, 13)),
            [1, "SJ-1", "问题1", "措施1", "县住建局", "县城管局", "2023年底", None, None, "推进中",
             "正在推进", "否"]]
    merges = ["A1:L1", "A2:C2", "D2:L2", *ob.DEEP_MERGES[1:]]
    reading = read_ledger(book(tmp_path / "六行表头.xlsx", Sheet("统计表", rows, tuple(merges))))
    assert reading.header_rows == [2, 3, 4, 5, 6, 7]
    assert [p["code"] for p in reading.problems] == ["SJ-1"]
    assert reading.problems[0]["measures"][0]["lead_units"] == ["县住建局"]


def test_a_data_row_of_short_numbers_is_not_a_code_row(tmp_path):
    rows = [["序号", "问题描述", "整改措施", "整改时限"], [1, "问题", "措施", "2023年底"],
            [2, "3", "4", "2024年底"]]
    reading = read_ledger(book(tmp_path / "数字.xlsx", Sheet("台账", rows)))
    assert [p["code"] for p in reading.problems] == ["1", "2"]


def test_hotline_message_board_and_letters_registers(register, tmp_path):
    for build in (ob.hotline_register, ob.message_board, ob.letters_register):
        result = import_file(register, build(tmp_path / f"{build.__name__}.xlsx"))
        assert result.kind == "petitions" and result.committed and not result.errors
    got = {p["code"]: p for p in dump_register(register)["petitions"]}
    assert len(got) == 7
    hot = got["GD20230503017"]
    assert (hot["received_on"], hot["content"], hot["status"]) == ("2023-05-03", "夜间施工噪声扰民", "staged")
    assert (hot["result"], hot["responsible_units"]) == ("已责令夜间停工", ["县住建局"])
    assert got["GD20230501001"]["extra"] == {"办结时间": "2023-05-06"}
    board = got["LY-0001"]
    assert (board["content"], board["result"], board["status"]) == (
        "村东头养殖场夏季异味严重", "已责令养殖场整改粪污处理设施", "done")
    assert board["responsible_units"] == ["县农业农村局"] and got["LY-0002"]["status"] == "in_progress"
    letter = got["XF-23-001"]
    assert (letter["received_on"], letter["content"], letter["result"]) == (
        "2023-03-01", "某洗涤厂污水直排入河", "经查属实，已责令停产整改")


def test_a_message_board_without_codes_keys_rows_by_day_and_number(register, tmp_path):
    path = ob.codeless_board(tmp_path / "留言.xlsx")
    result = import_file(register, path)
    assert result.petitions_created == 2 and "受理日期-序号" in result.warnings[0].message
    assert [p["code"] for p in dump_register(register)["petitions"]] == ["2023-07-01-1", "2023-07-03-2"]
    assert import_file(register, path).petitions_unchanged == 2


def test_a_contract_ledger_is_refused_naming_the_columns(register, tmp_path):
    result = import_file(register, ob.contract_ledger(tmp_path / "合同台账.xlsx"))
    assert not result.committed and dump_register(register)["problems"] == []
    message = result.errors[0].message
    for words in ("合同名称", "签订日期", "问题描述", "整改时限", "逐列指定", "--map"):
        assert words in message


def test_a_ledger_sheet_wins_over_a_contract_sheet_in_the_same_book(tmp_path):
    rows = [["序号", "问题描述", "整改措施", "责任单位"], [1, "问题甲", "措施甲", "县住建局"]]
    contract = ob.contract_ledger(tmp_path / "合同.xlsx")
    from openpyxl import load_workbook
    wb = load_workbook(contract)
    ws = wb.create_sheet("台账")
    for row in rows:
        ws.append(row)
    wb.save(contract)
    reading = read_ledger(contract)
    assert reading.sheet == "台账" and not reading.errors


def test_a_procurement_list_is_refused(tmp_path):
    with pytest.raises(LedgerRefused, match="没有找到台账的表头"):
        read_ledger(ob.procurement_list(tmp_path / "采购.xlsx"))


def test_one_stray_repeat_under_another_lead_unit_stays_a_duplicate(tmp_path):
    rows = [["序号", "问题描述", "牵头单位", "整改时限"], [1, "问题甲", "县住建局", "2023年底"],
            [2, "问题乙", "县水利局", "2023年底"], [2, "问题丙", "县林业局", "2023年底"]]
    reading = read_ledger(book(tmp_path / "误编号.xlsx", Sheet("台账", rows)))
    assert [p["code"] for p in reading.problems] == ["1", "2"]
    assert [s.row for s in reading.skipped_rows] == [4]


def test_a_rollup_by_its_responsible_unit_column_restarting_more_than_once(tmp_path):
    rows = [["问题编号", "问题描述", "责任单位", "整改时限"]]
    for unit in ("甲镇", "乙镇", "丙镇"):
        rows += [[n, f"{unit}问题{n}", unit, "2023年底"] for n in (1, 2)]
    reading = read_ledger(book(tmp_path / "乡镇汇总.xlsx", Sheet("汇总", rows)))
    assert [p["code"] for p in reading.problems] == ["甲镇-1", "甲镇-2", "乙镇-1", "乙镇-2", "丙镇-1", "丙镇-2"]
    assert reading.skipped_rows == []


def test_a_fund_ledger_of_projects_is_no_ledger_but_rectification_projects_are(tmp_path):
    rows = [["项目名称", "资金来源", "金额（万元）", "责任单位", "完成情况"],
            ["乡村道路硬化", "财政资金", 50, "县交通局", "已完工"]]
    fund = read_ledger(book(tmp_path / "资金.xlsx", Sheet("资金", rows)))
    assert "不像整改问题台账" in fund.errors[0].message
    rows[0][0] = "整改项目名称"
    projects = read_ledger(book(tmp_path / "整改项目.xlsx", Sheet("项目", rows)))
    assert not projects.errors and projects.problems[0]["title"] == "乡村道路硬化"


def test_a_rollup_with_each_members_name_over_its_rows(tmp_path):
    rows = [["序号", "问题描述", "整改措施", "整改时限"], ["甲水务公司"],
            [1, "管网漏损", "更换管网", "2023年底"], [2, "计量不准", "更换水表", "2023年底"],
            ["乙燃气公司"], [1, "巡检缺失", "建立巡检制度", "立行立改"]]
    reading = read_ledger(book(tmp_path / "成员汇总.xlsx", Sheet("汇总", rows)))
    assert [p["code"] for p in reading.problems] == ["甲水务公司-1", "甲水务公司-2", "乙燃气公司-1"]
    assert [s.reason for s in reading.skipped_rows] == ["分类标题行（甲水务公司）", "分类标题行（乙燃气公司）"]


def test_header_words_left_under_a_header_deeper_than_six_rows_are_no_record(tmp_path):
    rows = [["序号", "问题描述", "整改措施", "责任单位", "整改时限"],
            [None, None, None, "牵头单位", "完成时限"],                # not tied to the header above
            [1, "问题甲", "措施甲", "县住建局", "2023年底"]]
    reading = read_ledger(book(tmp_path / "多一行.xlsx", Sheet("台账", rows)))
    assert [p["code"] for p in reading.problems] == ["1"]
    assert reading.skipped_rows[0].reason.startswith("表头行")


def test_one_restart_under_a_column_naming_each_rows_unit_is_a_rollup(tmp_path):
    rows = [["所属单位", "问题编号", "问题描述", "整改时限"], ["甲公司", 1, "问题甲", "2023年底"],
            ["甲公司", 2, "问题乙", "2023年底"], ["乙公司", 1, "问题丙", "2023年底"]]
    reading = read_ledger(book(tmp_path / "两家.xlsx", Sheet("汇总", rows)))
    assert [p["code"] for p in reading.problems] == ["甲公司-1", "甲公司-2", "乙公司-1"]
