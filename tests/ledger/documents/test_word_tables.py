"""A Word 问题清单 imports like a workbook: merged problem cells, a table over two pages."""

from __future__ import annotations

import json

import docx

from desktop.cli import main as cli
from desktop.ledger.importing.importer import commit_reading, import_file, read_ledger
from tests.ledger.documents.word_docs import PROBLEMS, problem_list


def test_table_over_two_pages_reads_as_one_ledger(tmp_path):
    reading = read_ledger(problem_list(tmp_path / "整改清单.docx"))
    assert reading.sheet == "表格1" and reading.sheet_names == ["表格1"]
    assert reading.kind == "problems" and reading.header_rows == [1]
    assert [p["description"] for p in reading.problems] == [p[0] for p in PROBLEMS]
    assert [len(p["measures"]) for p in reading.problems] == [len(p[4]) for p in PROBLEMS]
    assert [p["code"] for p in reading.problems] == ["1", "2", "3", "4"]
    assert not reading.errors
    assert not [s for s in reading.skipped_rows if "表头" in s.reason]


def test_merged_problem_cells_give_units_and_deadlines_to_every_measure(tmp_path):
    problems = read_ledger(problem_list(tmp_path / "清单.docx")).problems
    third = problems[2]
    assert third["lead_units"] == ["县农业农村局"] and third["target"] == "综合利用率达90%"
    assert [m["lead_units"] for m in third["measures"]] == [["县农业农村局"]] * 4
    assert [m["deadline_text"] for m in third["measures"]] == [d for _, d in PROBLEMS[2][4]]
    assert third["deadline"] == "2023-12-31"
    assert problems[0]["measures"][2]["deadline_kind"] == "long_term"
    assert problems[1]["measures"][1]["deadline_kind"] == "immediate"


def test_split_at_each_problem_boundary(tmp_path):
    for split in (1, 3):
        reading = read_ledger(problem_list(tmp_path / f"清单{split}.docx", split_at=split))
        assert len(reading.problems) == 4
        assert sum(len(p["measures"]) for p in reading.problems) == 10


def test_a_second_table_of_its_own_stays_apart(tmp_path):
    path = problem_list(tmp_path / "两表.docx")
    document = docx.Document(str(path))
    document.add_paragraph("附件2  联系人名单")
    other = document.add_table(rows=2, cols=3)
    for cell, word in zip(other.rows[0].cells, ["单位", "联系人", "电话"]):
        cell.text = word
    document.save(path)
    reading = read_ledger(path)
    assert reading.sheet_names == ["表格1", "表格2"] and reading.sheet == "表格1"
    assert len(reading.problems) == 4


def test_import_commit_undo_and_again_unchanged(register, tmp_path):
    path = problem_list(tmp_path / "清单.docx")
    result = import_file(register, path, round_name="中央第二轮督察")
    assert result.committed and result.problems_created == 4 and result.measures == 10
    again = commit_reading(register, read_ledger(path), round_name="中央第二轮督察")
    assert again.problems_unchanged == 4 and again.problems_created == 0
    source = register.execute("SELECT source_file FROM problems LIMIT 1").fetchone()[0]
    assert source == "清单.docx"


def test_command_line_imports_the_docx_and_undoes_it(tmp_path, capsys):
    db = str(tmp_path / "台 账.db")
    path = problem_list(tmp_path / "整改 清单.docx")
    assert cli(["import", str(path), "--db", db, "--json", "--round", "省级督察"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["sheet"] == "表格1" and out["problems_created"] == 4 and out["measures"] == 10
    assert cli(["dump", "--db", db]) == 0
    dumped = json.loads(capsys.readouterr().out)
    assert sorted(p["description"] for p in dumped["problems"]) == sorted(p[0] for p in PROBLEMS)
    assert cli(["undo", "--db", db]) == 0
    capsys.readouterr()
    cli(["dump", "--db", db])
    assert json.loads(capsys.readouterr().out)["problems"] == []


def _two_row_header_table(document, rows):
    """序号 | 问题 | 整改措施 | 责任单位 (over 牵头单位 / 配合单位) | 完成时限; 2 header rows."""
    table = document.add_table(rows=2, cols=6)
    words = [["序号", "存在问题", "整改措施", "责任单位", None, "完成时限"],
             [None, None, None, "牵头单位", "配合单位", None]]
    for r, line in enumerate(words):
        for c, word in enumerate(line):
            if word:
                table.cell(r, c).text = word
    for c in (0, 1, 2, 5):
        table.cell(0, c).merge(table.cell(1, c))
    table.cell(0, 3).merge(table.cell(0, 4))
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = value
    return table


def test_two_row_header_with_spanned_group_and_a_continuation_without_header(tmp_path):
    document = docx.Document()
    document.add_paragraph("问题整改清单")
    _two_row_header_table(document, [
        ["1", "河道垃圾堆积", "1.清理垃圾；2.建立保洁机制", "县水利局", "城关镇", "2022年6月底前"]])
    document.add_paragraph("")
    rest = document.add_table(rows=0, cols=6)
    cells = rest.add_row().cells
    for cell, value in zip(cells, ["2", "餐饮油烟扰民", "安装油烟净化设施", "县市场监管局",
                                   "县城管局、县环保局", "立行立改"]):
        cell.text = value
    path = tmp_path / "两行表头.docx"
    document.save(path)
    reading = read_ledger(path)
    assert reading.sheet_names == ["表格1"] and reading.header_rows == [1, 2]
    first, second = reading.problems
    assert [m["content"] for m in first["measures"]] == ["清理垃圾", "建立保洁机制"]
    assert first["lead_units"] == ["县水利局"] and first["responsible_units"] == ["城关镇"]
    assert second["responsible_units"] == ["县城管局", "县环保局"]
    assert second["deadline_kind"] == "immediate"


def test_a_plan_with_its_problem_list_reads_the_table_unless_the_text_is_asked_for(tmp_path):
    path = problem_list(tmp_path / "整改方案.docx")
    document = docx.Document(str(path))
    for line in ["一、整改任务", "（一）城区污水直排", "牵头单位：县住建局", "（二）园区超标排放",
                 "牵头单位：县工信局"]:
        document.add_paragraph(line)
    document.save(path)
    reading = read_ledger(path)
    assert reading.sheet == "表格1" and reading.sheet_names == ["表格1", "方案正文"]
    assert len(reading.problems) == 4
    assert not any("隐藏" in w.message for w in reading.warnings)
    text = read_ledger(path, sheet="方案正文")
    assert [p["title"] for p in text.problems] == ["城区污水直排", "园区超标排放"]


def test_a_problem_split_between_pages_keeps_its_measures_together(tmp_path):
    from tests.ledger.documents.word_docs import HEADER

    document = docx.Document()
    first = document.add_table(rows=1, cols=len(HEADER))
    for cell, word in zip(first.rows[0].cells, HEADER):
        cell.text = word
    rows = [["1", "城区污水直排", "消除直排", "排查排口", "2022年6月底前", "县住建局", "城关镇"],
            [None, None, None, "新建管网", "2022年12月底前", None, None]]
    for values in rows:
        cells = first.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = value or ""
    for c in (0, 1, 2, 5, 6):
        first.cell(1, c).merge(first.cell(2, c))
    document.add_page_break()
    second = document.add_table(rows=1, cols=len(HEADER))
    for cell, word in zip(second.rows[0].cells, HEADER):
        cell.text = word
    for values in [["", "", "", "建立巡查机制", "长期坚持", "", ""],
                   ["2", "园区超标排放", "稳定达标", "提标改造", "2023年6月底前", "县工信局", "园区管委会"]]:
        cells = second.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = value
    path = tmp_path / "跨页.docx"
    document.save(path)
    first_problem, second_problem = read_ledger(path).problems
    assert [m["content"] for m in first_problem["measures"]] == ["排查排口", "新建管网", "建立巡查机制"]
    assert [m["lead_units"] for m in first_problem["measures"]] == [["县住建局"]] * 3
    assert first_problem["measures"][2]["responsible_units"] == ["城关镇"]
    assert second_problem["code"] == "2" and len(second_problem["measures"]) == 1
