"""A plan's own numbered text imports as problems with their units, deadlines and measures."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main as cli
from desktop.core.plan_text import read_plan
from desktop.core.units import split_units
from desktop.ledger.importing.importer import import_file, read_ledger
from tests.ledger.documents.word_docs import (
    auto_numbered_docx,
    plan_docx,
    work_points,
    work_points_text,
)


def _units(text: str) -> list[str]:
    """Units as the demo register splits them from the same JSON (written twice stays twice)."""
    return split_units(text)


def test_the_63_work_points_come_back_from_their_text(tmp_path):
    reading = read_ledger(plan_docx(tmp_path / "2020年工作要点.docx", work_points_text()))
    assert reading.sheet == "方案正文" and not reading.errors
    got = reading.problems
    assert len(got) == 63
    for point, problem in zip(work_points(), got):
        assert problem["code"] == str(point["no"])
        assert problem["title"] == point["title"]
        assert problem["description"] == point["content"]
        assert problem["category"] == point["category"]
        assert problem["lead_units"] == _units(point["lead_units"]), point["no"]
        assert problem["responsible_units"] == _units(point["responsible_units"]), point["no"]
    assert reading.layout.title == "2020年全省生态环境保护工作要点"


def test_pasted_text_file_gives_the_same_and_commits_once(register, tmp_path):
    path = tmp_path / "粘贴的方案.txt"
    path.write_text("\n".join(work_points_text()), "utf-8")
    result = import_file(register, path)
    assert result.committed and result.problems_created == 63
    assert result.round == "2020年全省生态环境保护工作要点"
    assert import_file(register, path).problems_unchanged == 63


PLAN = """关于中央生态环境保护督察反馈意见的整改方案
一、总体要求
以习近平生态文明思想为指导，全面完成反馈问题整改。
二、整改任务
（一）城区黑臭水体整治不到位。督察发现城区2条河流仍为黑臭水体。
整改目标：2022年底前消除黑臭水体。
牵头单位：县住建局
责任单位：县水利局、城关镇人民政府
完成时限：2022年12月底前
整改措施：
1.完成截污纳管工程。
2.实施河道清淤，开展生态补水。（责任单位：县水利局；完成时限：2022年9月底前）
3.建立河长巡河制度，长期坚持。
（二）垃圾填埋场渗滤液外溢
牵头单位：县城管局；责任单位：县环保局；完成时限：立行立改
三、保障措施
（一）加强组织领导。成立整改工作领导小组。
"""


def test_problems_with_measures_under_them():
    plan = read_plan(PLAN.splitlines())
    assert [p.code for p in plan.problems] == ["1", "2"]
    first, second = plan.problems
    assert first.title == "城区黑臭水体整治不到位" and first.description.startswith("督察发现")
    assert first.category == "整改任务"
    assert first.attrs == {"target": "2022年底前消除黑臭水体", "lead": "县住建局",
                           "responsible": "县水利局、城关镇人民政府", "deadline": "2022年12月底前"}
    assert [m.content for m in first.measures] == [
        "完成截污纳管工程。", "实施河道清淤，开展生态补水。", "建立河长巡河制度，长期坚持。"]
    assert first.measures[1].attrs == {"responsible": "县水利局", "deadline": "2022年9月底前"}
    assert second.attrs == {"lead": "县城管局", "responsible": "县环保局", "deadline": "立行立改"}
    assert [i.text for i in plan.preamble] == ["总体要求", "保障措施"]


def test_measures_keep_their_own_units_and_deadlines(tmp_path):
    reading = read_ledger(plan_docx(tmp_path / "整改方案.docx", PLAN.splitlines()))
    first, second = reading.problems
    assert [m["deadline"] for m in first["measures"]] == ["2022-12-31", "2022-09-30", "2022-12-31"]
    assert first["measures"][1]["responsible_units"] == ["县水利局"]
    assert first["measures"][0]["responsible_units"] == ["县水利局", "城关镇人民政府"]
    assert first["lead_units"] == ["县住建局"] and first["target"] == "2022年底前消除黑臭水体"
    assert second["deadline_kind"] == "immediate" and second["measures"] == []


def test_numbers_starting_again_in_each_part_keep_every_problem():
    text = ["一、水污染防治", "1.问题甲", "牵头单位：县住建局", "2.问题乙", "牵头单位：县水利局",
            "二、大气污染防治", "1.问题丙", "牵头单位：县环保局"]
    plan = read_plan(text)
    assert [p.code for p in plan.problems] == ["一-1", "一-2", "二-1"]
    assert [p.category for p in plan.problems] == ["水污染防治", "水污染防治", "大气污染防治"]


def test_units_inline_in_brackets_and_parentheses_inside_unit_names():
    plan = read_plan(["1.推进区域协调发展。（牵头单位：省发展改革委；责任单位：各市(州)政府）"])
    problem = plan.problems[0]
    assert problem.title == "推进区域协调发展"
    assert problem.attrs == {"lead": "省发展改革委", "responsible": "各市(州)政府"}


def test_command_line_dry_run_of_plan_text(tmp_path, capsys):
    path = plan_docx(tmp_path / "工作 要点.docx", work_points_text())
    code = cli(["import", str(path), "--db", str(tmp_path / "台账.db"), "--dry-run", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["problems_created"] == 63 and out["committed"] is False


@pytest.mark.parametrize("by_style", [False, True])
def test_word_list_numbering_reads_as_typed_numbers(tmp_path, by_style):
    items = [(None, "整改方案"), (0, "水污染防治"), (1, "城区污水直排"), (None, "牵头单位：县住建局"),
             (1, "园区污水超标"), (None, "牵头单位：县工信局"), (0, "大气污染防治"),
             (1, "扬尘管控不力"), (None, "牵头单位：县住建局；责任单位：县城管局")]
    reading = read_ledger(auto_numbered_docx(tmp_path / "自动编号.docx", items, by_style=by_style))
    assert [(p["code"], p["title"], p["category"]) for p in reading.problems] == [
        ("一-1", "城区污水直排", "水污染防治"), ("一-2", "园区污水超标", "水污染防治"),
        ("二-1", "扬尘管控不力", "大气污染防治")]
    assert reading.problems[2]["responsible_units"] == ["县城管局"]


def test_unit_lines_after_the_measures_are_the_problems():
    text = ["二、整改任务", "（一）城区黑臭水体", "整改措施：", "1.完成截污纳管。", "2.实施河道清淤。",
            "牵头单位：县住建局", "责任单位：县水利局", "完成时限：2022年底前",
            "（二）工业园区污水超标", "1.提标改造。", "2.在线监测。",
            "牵头单位：县工信局；完成时限：2023年6月底前"]
    plan = read_plan(text)
    assert [p.title for p in plan.problems] == ["城区黑臭水体", "工业园区污水超标"]
    first, second = plan.problems
    assert first.attrs == {"lead": "县住建局", "responsible": "县水利局", "deadline": "2022年底前"}
    assert [m.attrs for m in first.measures] == [{}, {}]
    assert second.attrs == {"lead": "县工信局", "deadline": "2023年6月底前"}


def test_the_title_is_not_the_attachment_line():
    plan = read_plan(["附件2", "（2022年5月）", "某县整改方案", "1.问题甲", "牵头单位：县住建局"])
    assert plan.title == "某县整改方案"
