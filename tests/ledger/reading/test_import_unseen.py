"""Ledgers in shapes the import was not tuned on: header blocks of three rows below titles and
notes, problem codes written every which way, codes only on a problem's first row, measures one
per row with their own numbers, loose and synonymous header words."""

from __future__ import annotations

import datetime as dt

import pytest

from db.changes import undo
from db.records import dump_register
from desktop.ledger.importing.importer import import_file, read_ledger
from tests.ledger.unseen_books import THREE_ROW_TITLE, Sheet, book, three_row_ledger


def by_code(db) -> dict:
    return {p["code"]: p for p in dump_register(db)["problems"]}


WATER = [
    {"code": "一-1", "description": "城区生活污水直排", "supervisor": "王副县长",
     "progress": "已完成截污纳管2.5公里", "status": "按序时推进", "closed": "否",
     "measures": [("完成截污纳管3公里", "2022年6月底前", "县住建局", "县财政局"),
                  ("建立河长巡查制度", "长期坚持", "县水利局", None)]},
    {"code": "一-2", "description": "工业园区污水处理厂超负荷运行", "supervisor": "李副县长",
     "progress": "已完成", "status": "完成整改", "closed": "是",
     "measures": [("扩容改造", dt.datetime(2022, 12, 31, 17, 30), "园区管委会",
                   "县生态环境分局、县住建局")]},
]
AIR = [{"code": "二-1", "description": "砖瓦窑无组织排放", "supervisor": "张副县长",
        "measures": [("1.安装除尘设施；2.硬化厂区道路", "2022年第三季度", "县工信局", None)]}]
SECTIONS = [("一、水污染防治（2项）", WATER), ("二、大气污染防治（1项）", AIR)]


def test_three_row_header_below_title_and_notes(register, tmp_path):
    path = three_row_ledger(tmp_path / "三行表头.xlsx", SECTIONS)
    reading = read_ledger(path)
    assert reading.kind == "problems" and reading.header_rows == [6, 7, 8]
    assert reading.layout.title == THREE_ROW_TITLE and reading.as_of == dt.date(2022, 6, 30)
    assert reading.layout.reporting_unit == "XX县督察整改办"
    assert reading.layout.mapping() == {
        "A": "seq", "B": "code", "C": "description", "D": "measure", "E": "lead_units",
        "F": "responsible_units", "G": "supervisor", "H": "deadline", "I": "progress",
        "J": "status_text", "K": "closed_yes_no"}
    result = import_file(register, path)
    assert (result.problems_created, result.measures) == (3, 5) and not result.errors
    assert {s.row: s.reason[:4] for s in result.skipped_rows} == {
        9: "分类标题", 13: "分类标题", 15: "合计行（", 16: "签字行（"}
    got = by_code(register)
    first = got["一-1"]
    assert first["round"] == THREE_ROW_TITLE and first["category"] == "一、水污染防治（2项）"
    assert (first["lead_units"], first["responsible_units"]) == (["县住建局", "县水利局"], ["县财政局"])
    assert (first["supervisor"], first["status"], first["status_text"]) == \
        ("王副县长", "on_schedule", "按序时推进")
    assert [(m["content"], m["deadline"], m["deadline_kind"]) for m in first["measures"]] == [
        ("完成截污纳管3公里", "2022-06-30", "fixed"), ("建立河长巡查制度", None, "long_term")]
    assert (first["deadline"], first["deadline_text"]) == ("2022-06-30", "2022年6月底前；长期坚持")
    second = got["一-2"]
    assert (second["status"], second["deadline"]) == ("closed", "2022-12-31")
    assert second["responsible_units"] == ["县生态环境分局", "县住建局"]
    third = got["二-1"]
    assert [m["content"] for m in third["measures"]] == ["安装除尘设施", "硬化厂区道路"]
    assert [m["deadline"] for m in third["measures"]] == ["2022-09-30"] * 2
    assert (third["status"], third["category"]) == ("pending", "二、大气污染防治（1项）")
    assert all(p["extra"] == {} for p in got.values())


def test_three_row_header_reimport_update_and_undo(register, tmp_path):
    import_file(register, three_row_ledger(tmp_path / "六月.xlsx", SECTIONS))
    before = dump_register(register)
    again = import_file(register, three_row_ledger(tmp_path / "六月（重发）.xlsx", SECTIONS))
    assert (again.problems_created, again.problems_updated, again.problems_unchanged) == (0, 0, 3)
    water = [dict(p) for p in WATER]
    water[0] = {**water[0], "progress": "已全部完成", "status": "已完成", "closed": "是"}
    newer = import_file(register, three_row_ledger(tmp_path / "七月.xlsx",
                                                   [("一、水污染防治（2项）", water), SECTIONS[1]]))
    assert (newer.problems_created, newer.problems_updated, newer.problems_unchanged) == (0, 1, 2)
    assert by_code(register)["一-1"]["status"] == "closed"
    undo(register)
    assert dump_register(register) == before


def test_header_after_notes_and_codes_written_every_which_way(register, tmp_path):
    rows = [["附件2"], ["XX市生态环境问题整改清单"], ["（2022年第二季度）"],
            ["注：问题编号按省督察组交办顺序填写。"], ["填报单位：XX市整改办", None, None, "填报日期：2022年7月5日"],
            ["序 号", "问题编号", "问题描述", "整改时限", "责任单位", "整改情况"],
            ["1.", "HJ2021-03 ", "河道非法采砂", "2022年6月", "市水利局", "已取缔"],
            ["2.", "ＨＪ２０２１－０４", "矿山未复绿", "2022年底", "市自然资源局", ""],
            ["3．", "（一）1", "黑臭水体", "2023年", "市住建局", ""],
            ["４", " 一-1\n", "秸秆焚烧", "立行立改", "市农业农村局", ""]]
    reading = read_ledger(book(tmp_path / "编号.xlsx", Sheet("Sheet1", rows)))
    assert reading.header_rows == [6] and reading.layout.title == "XX市生态环境问题整改清单"
    assert reading.as_of == dt.date(2022, 7, 5)
    assert [(p["seq"], p["code"]) for p in reading.problems] == [
        (1, "HJ2021-03"), (2, "HJ2021-04"), (3, "（一）1"), (4, "一-1")]
    assert reading.skipped_rows == [] and reading.warnings == []


def test_code_only_on_first_row_and_measures_with_their_own_numbers(register, tmp_path):
    rows = [["序号", "问题编号", "存在问题", "措施序号", "整改措施（具体）", "整改期限", "责任单位",
             "牵头领导", "具体责任人", "工作进展", "整改状态"],
            [1, "SZ-01", "饮用水源保护区内有违建", 1, "拆除违建", dt.date(2022, 3, 31), "县水利局",
             "张副县长", "李四", "已拆除2处", "按序时推进"],
            [None, None, None, 2, "生态修复", "2022年第四季度", "县水利局、县林业局"],
            [None, None, None, 3, "设立界标", "每年12月底前", "城关镇"],
            [2, "SZ-02", "垃圾填埋场渗滤液外溢", 1, "建设渗滤液处理站", 44926, "县城管局",
             "王副县长", "赵五", "", "未启动"],
            [None, None, None, 2, "开展地下水监测", "立行立改", "县生态环境分局"]]
    result = import_file(register, book(tmp_path / "逐行措施.xlsx", Sheet("台账", rows)))
    assert (result.problems_created, result.measures) == (2, 5)
    (undated,) = result.warnings       # no 截至 line: the month its progress is dated by is said
    assert result.skipped_rows == [] and "没有“截至”日期" in undated.message
    got = by_code(register)
    first = got["SZ-01"]
    assert [m["content"] for m in first["measures"]] == ["拆除违建", "生态修复", "设立界标"]
    assert [(m["deadline"], m["deadline_kind"]) for m in first["measures"]] == [
        ("2022-03-31", "fixed"), ("2022-12-31", "fixed"), (None, "periodic")]
    assert first["measures"][1]["responsible_units"] == ["县水利局", "县林业局"]
    assert first["responsible_units"] == ["县水利局", "县林业局", "城关镇"]
    assert (first["supervisor"], first["responsible_person"], first["status"]) == \
        ("张副县长", "李四", "on_schedule")
    assert (first["deadline"], first["progress"]) == ("2022-12-31", "已拆除2处")
    second = got["SZ-02"]
    assert [m["deadline"] for m in second["measures"]] == ["2022-12-31", None]
    assert (second["status"], second["responsible_person"]) == ("pending", "赵五")


def test_running_number_per_measure_row_and_code_on_first_row(register, tmp_path):
    rows = [["XX镇整改台账"], ["序号", "问题编号", "问题描述", "整改措施", "完成时限", "责任单位"],
            [1, "ZJ-1", "养殖场粪污直排", "建设储粪池", "2022年5月", "镇畜牧站"],
            [2, None, None, "签订粪污消纳协议", "2022年6月", "镇畜牧站"],
            [3, None, None, "开展执法检查", "立行立改", "镇综合执法队"],
            [4, "ZJ-2", "河道垃圾", "清理河道垃圾", "2022年4月", "镇环卫所"],
            [5, None, None, "建立保洁制度", "长期坚持", "镇环卫所"]]
    path = book(tmp_path / "逐行序号.xlsx", Sheet("台账", rows, ("C3:C5", "C6:C7")))
    reading = read_ledger(path)
    assert [(p["code"], len(p["measures"])) for p in reading.problems] == [("ZJ-1", 3), ("ZJ-2", 2)]
    assert reading.problems[0]["deadline"] == "2022-06-30"


SYNONYMS = [
    ("反馈问题", "完成时限", "目前进展情况", "责任领导", "责任人"),
    ("问题描述：", "整改时限（完成时间）", "整改进展", "督办领导：", "具体责任人"),
    ("存在\n问题", "整 改 期 限", "工作\n进展", "牵头领导", "责任人员"),
    ("具体问题", "时间节点", "推进情况", "包抓领导", "具体负责人"),
    ("问题表现", "【整改时限】", "整改进展情况（截至本月底，包括已完成的工作、存在的困难和下一步打算）",
     "县级包抓领导", "责任人"),
]


@pytest.mark.parametrize("words", SYNONYMS, ids=[w[0][:4] for w in SYNONYMS])
def test_synonymous_header_words(tmp_path, words):
    description, deadline, progress, supervisor, person = words
    rows = [["ＮＯ．", description, "整改措施", deadline, "责任单位", supervisor, person, progress],
            [1, "问题甲", "措施甲", "2022年底", "县环保局", "王某", "李某", "进行中"]]
    reading = read_ledger(book(tmp_path / "同义.xlsx", Sheet("表", rows)))
    assert list(reading.layout.mapping().values()) == [
        "seq", "description", "measure", "deadline", "responsible_units", "supervisor",
        "responsible_person", "progress"]
    problem = reading.problems[0]
    assert (problem["description"], problem["supervisor"], problem["responsible_person"]) == \
        ("问题甲", "王某", "李某")
    assert (problem["deadline"], problem["progress"], problem["status"]) == \
        ("2022-12-31", "进行中", "in_progress")


def test_group_word_left_unmerged_over_its_sub_headers(tmp_path):
    rows = [["序号", "问题描述", "整改措施", "责任单位", None, "整改时限"],
            [None, None, None, "牵头单位", "配合单位", None],
            [1, "问题甲", "措施甲", "县住建局", "县财政局", "2022年底"]]
    reading = read_ledger(book(tmp_path / "未合并分组.xlsx", Sheet("台账", rows)))
    assert reading.header_rows == [1, 2] and reading.skipped_rows == []
    assert [(p["lead_units"], p["responsible_units"]) for p in reading.problems] == [
        (["县住建局"], ["县财政局"])]


def test_header_cells_merged_two_rows_deep_with_nothing_below(tmp_path):
    rows = [["XX县整改台账"], ["序号", "问题描述", "整改时限", "责任单位"], [], [1, 2, 3, 4],
            [1, "问题甲", "2022年底", "县水利局"]]
    merges = ("A2:A3", "B2:B3", "C2:C3", "D2:D3")
    reading = read_ledger(book(tmp_path / "两行高表头.xlsx", Sheet("台账", rows, merges)))
    assert reading.header_rows == [2, 3] and [p["description"] for p in reading.problems] == ["问题甲"]
    assert [s.row for s in reading.skipped_rows] == [4] and reading.warnings == []
