"""Ledgers messier than the samples: loose headers, numbered measures, yes/no columns, sections,
instruction sheets, totals and signatures, duplicates, units typed two ways."""

from __future__ import annotations

import datetime as dt

from db.records import dump_register
from desktop.ledger.importing.importer import import_file, read_ledger
from tests.ledger.workbooks import county_ledger, write_sheet


def by_code(db) -> dict:
    return {p["code"]: p for p in dump_register(db)["problems"]}


def test_numbered_measures_in_one_cell_pair_with_numbered_deadlines(register, tmp_path):
    path = write_sheet(tmp_path / "编号措施.xlsx", [
        ["某市整改清单"],
        ["序号", "问题编号", "存在问题", "整改措施", "整改时限", "责任单位（牵头）", "配合 单位"],
        [1, "HB-01", "城区黑臭水体反弹", "1.完成截污纳管5公里；2.开展清淤疏浚；3.建立长效管护机制",
         "1.2022年6月底前；2.2022年10月；3.长期坚持", "市住建局", "市水务局，市城管局"],
        [2, "HB-02", "工业园区污水处理厂未建成", "（1）建成污水处理厂（2）配套管网10.5公里",
         "2023年上半年", "园区管委会", ""],
    ])
    result = import_file(register, path)
    assert result.problems_created == 2 and result.measures == 5
    got = by_code(register)
    first = got["HB-01"]["measures"]
    assert [m["content"] for m in first] == ["完成截污纳管5公里", "开展清淤疏浚", "建立长效管护机制"]
    assert [m["deadline"] for m in first] == ["2022-06-30", "2022-10-31", None]
    assert first[2]["deadline_kind"] == "long_term"
    assert got["HB-01"]["lead_units"] == ["市住建局"]
    assert got["HB-01"]["responsible_units"] == ["市水务局", "市城管局"]
    second = got["HB-02"]["measures"]
    assert [m["content"] for m in second] == ["建成污水处理厂", "配套管网10.5公里"]
    assert all(m["deadline"] == "2023-06-30" for m in second)


def test_yes_no_status_columns_sections_totals_and_signatures(register, tmp_path):
    path = write_sheet(tmp_path / "是否.xlsx", [
        ["XX镇问题整改销号台账"],
        ["序号", "反馈问题", "责任单位", "完成时限", "是否完成整改", "是否销号", "备注"],
        ["一、大气污染问题"],
        [1, "砖厂无组织排放", "镇安监站", dt.date(2021, 9, 30), "是", "是", "已验收"],
        [2, "餐饮油烟扰民", "镇市场监管所", 44561, "是", "否", ""],
        ["二、水污染问题"],
        [3, "养殖废水直排", "镇畜牧站", "2022年第一季度", "否", "否", "-已督办"],
        ["合计", "3个问题"],
        ["填报人：张三", None, "审核人：李四", None, "联系电话：123"],
    ], merges=("A3:G3", "A6:G6"))
    result = import_file(register, path)
    assert result.problems_created == 3
    reasons = {s.row: s.reason for s in result.skipped_rows}
    assert set(reasons) == {3, 6, 8, 9}
    assert "分类标题" in reasons[3] and "合计" in reasons[8] and "签字" in reasons[9]
    got = by_code(register)
    assert [got[c]["status"] for c in "123"] == ["closed", "completed", "pending"]
    assert got["1"]["category"] == "一、大气污染问题" and got["3"]["category"] == "二、水污染问题"
    assert got["2"]["deadline"] == "2021-12-31"          # 44561 is an Excel date serial
    assert got["3"]["deadline"] == "2022-03-31"
    assert got["1"]["extra"] == {"备注": "已验收"}
    assert got["3"]["extra"] == {"备注": "-已督办"}   # kept verbatim as text


def test_instruction_and_hidden_sheets_are_passed_over(tmp_path):
    path = write_sheet(tmp_path / "多表.xlsx", [
        ["序号", "问题描述", "整改措施", "整改时限", "牵头单位"],
        [1, "问题甲", "措施甲", "2022年底", "县环保局"],
    ], title="问题清单", before=("填表说明",), hidden=("旧版清单",))
    reading = read_ledger(path)
    assert reading.sheet == "问题清单" and reading.sheet_names[0] == "填表说明"
    assert [p["code"] for p in reading.problems] == ["1"]


def test_duplicate_code_is_skipped_and_unknown_deadline_warned(register, tmp_path):
    path = write_sheet(tmp_path / "重复.xlsx", [
        ["序号", "问题描述", "整改时限", "责任单位"],
        [1, "问题甲", "2022年底", "县林业局"],
        [2, "问题乙", "待定", "县林业局"],
        [1, "问题丙", "2023年底", "县林业局"],
    ])
    result = import_file(register, path)
    assert result.problems_created == 2
    assert [(s.row, "重复" in s.reason) for s in result.skipped_rows] == [(4, True)]
    warning = next(w for w in result.warnings if "待定" in w.message)
    assert (warning.row, warning.column) == (3, "C")


def test_unit_typed_two_ways_becomes_one_unit(register, tmp_path):
    write_sheet(tmp_path / "一.xlsx", [["序号", "问题描述", "责任单位"], [1, "甲", "县住房城乡建设局(本级)"]])
    write_sheet(tmp_path / "二.xlsx", [["序号", "问题描述", "责任单位"], [1, "乙", "县住房城乡建设局（本级）"]])
    import_file(register, tmp_path / "一.xlsx", round_name="甲批")
    result = import_file(register, tmp_path / "二.xlsx", round_name="乙批")
    assert any("不同写法" in w.message for w in result.warnings)
    units = [p["responsible_units"] for p in dump_register(register)["problems"]]
    assert units == [["县住房城乡建设局(本级)"], ["县住房城乡建设局(本级)"]]
    assert register["units"].count == 1


def test_continuation_rows_without_merges(register, tmp_path):
    path = write_sheet(tmp_path / "不合并.xlsx", [
        ["序号", "问题描述", "整改措施", "整改时限", "牵头单位"],
        [1, "问题甲", "措施一", "2022年6月", "县水利局"],
        [None, None, "措施二", "2022年9月", "县水利局"],
        [2, "问题乙", "措施三", "立行立改", "县交通局"],
        [2, "问题乙", "措施四", "长期坚持", "县交通局"],
    ])
    import_file(register, path)
    got = by_code(register)
    assert [m["content"] for m in got["1"]["measures"]] == ["措施一", "措施二"]
    assert [m["content"] for m in got["2"]["measures"]] == ["措施三", "措施四"]
    assert got["1"]["deadline"] == "2022-09-30"


def test_county_ledger_builder_two_row_header(register, tmp_path):
    path = county_ledger(tmp_path / "县.xlsx", [
        {"code": 1, "description": "问题甲", "progress": "完成60%", "status": "滞后",
         "measures": [("措施一", "2022年6月底前", "县住建局", "县财政局"),
                      ("措施二", "长期坚持", "县住建局", "")]},
    ])
    reading = read_ledger(path)
    assert reading.header_rows == [3, 4] and reading.as_of == dt.date(2022, 3, 31)
    import_file(register, path)
    problem = by_code(register)["1"]
    assert problem["status"] == "behind_schedule" and problem["status_text"] == "滞后"
    assert problem["measures"][0]["responsible_units"] == ["县财政局"]


def test_problem_without_measures_in_a_sheet_with_a_measure_column(register, tmp_path):
    path = write_sheet(tmp_path / "部分无措施.xlsx", [
        ["序号", "问题描述", "整改措施", "整改时限"],
        [1, "问题甲", None, "2024年底前，并长期坚持"],
        [2, "问题乙", "措施一", "2022年底"],
    ])
    assert import_file(register, path).problems_created == 2
    got = by_code(register)
    assert (got["1"]["deadline"], got["1"]["deadline_kind"], got["1"]["measures"]) == \
        ("2024-12-31", "long_term", [])
    assert got["2"]["deadline"] == "2022-12-31"


def test_header_rows_named_by_the_clerk(tmp_path):
    import pytest

    from desktop.ledger.errors import LedgerRefused

    path = write_sheet(tmp_path / "表头特殊.xlsx", [
        ["说明：本表由县整改办汇总"],
        ["事项", "内容", "时间要求"],            # not words the search knows as a header
        ["1", "清理河道垃圾", "2022年底"],
        ["2", "关停砖厂", "立行立改"],
    ])
    with pytest.raises(LedgerRefused):
        read_ledger(path)
    with pytest.raises(LedgerRefused, match="第1行起"):
        read_ledger(path, header=(1, 1))
    reading = read_ledger(path, header=(2, 1), mapping={"C": "deadline"})
    assert reading.header_rows == [2]
    assert [p["description"] for p in reading.problems] == ["清理河道垃圾", "关停砖厂"]
    assert reading.problems[0]["deadline"] == "2022-12-31"
