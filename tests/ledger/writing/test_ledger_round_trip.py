"""Our own ledger imports back into an empty register identically (minus provenance)."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from db.connection import open_register
from db.records import dump_register
from desktop.ledger.writing.cells import write_value
from desktop.ledger.writing.export_ledger import export_ledger
from tests.ledger.forms_support import AS_OF, demo

importer = pytest.importorskip("desktop.ledger.importing.importer")


def comparable(db) -> list[dict]:
    """The dump without provenance (where each problem was read from, its report history) and
    without what no ledger sheet carries: closure steps, flag, evidence files."""
    problems = dump_register(db, with_history=False)["problems"]
    for problem in problems:
        for key in ("source", "closure", "flag", "evidence"):
            problem.pop(key)
    return problems


def round_trip(src, tmp_path) -> tuple[list[dict], list[dict]]:
    out = export_ledger(src, tmp_path / "我们的 台账.xlsx", as_of=AS_OF).path
    dst = open_register(tmp_path / "空 台账.db")
    result = importer.import_file(dst, out)
    assert result.committed and not result.errors and not result.skipped_rows
    assert result.header_rows == [3, 4]
    return comparable(src), comparable(dst)


@pytest.mark.parametrize("sample", ["ledger_county_problems.xlsx", "ledger_town_legacy.xls",
                                    "ledger_work_points_2020.xlsx"])
def test_every_sample_ledger_round_trips(register, tmp_path, samples, sample):
    assert importer.import_file(register, samples / sample).committed
    before, after = round_trip(register, tmp_path)
    assert len(before) >= 3
    assert after == before


HEADER_TOP = ["序号", "问题编号", "督察批次", "类别", "问题描述", "整改目标", "整改措施", "整改时限",
              "责任单位", None, "督办领导", "责任人", "整改进展", "整改状态", "备注", "佐证材料"]
HEADER_SUB = [None] * 8 + ["牵头单位", "配合单位"] + [None] * 6
# (code, round, category, description, target, [measure rows], supervisor, person, progress,
#  status, note per row, evidence)
HARD_PROBLEMS = [
    ("01", "第二轮中央督察", "水", "=SUM(A1:A3) 县城污水直排\n第二段说明", "+95%以上",
     [("1.扩容提标改造；2.雨污分流改造12公里", "1.2022年6月30日前；2.2022年底前", "县住建局",
       "县发改局，县财政局；城关镇"),
      ("加强运行监管", "长期坚持", "市生态环境局县分局", "")],
     "王某某（副县长）", "-张三", "@进展：主体完工60%", "滞后", ["备注一", "备注二"], "=HYPERLINK(1)"),
    ("1-2", "第二轮中央督察", "生态", "保护区内违法建筑", "全部拆除",
     [("拆除违建3处", "立行立改", "县自然资源局（牵头）", "县水利局、相关乡镇")],
     "李某某", "", "已拆除", "完成整改", ["立行立改"], ""),
    ("D2XX202104080012", "省级督察", "大气", "燃煤小锅炉未淘汰", "全部淘汰",
     [("淘汰燃煤小锅炉23台", "2021.12.31", "县市场监管局", "县发改局"),
      ("开展“回头看”", "每年", "县市场监管局", "")],
     "", "", "", "", [None, None], ""),
    ("3", "省级督察", "噪声", "#N/A 夜间施工噪声", "", [("=1+1", "2023年第四季度", "县住建局", "")],
     "", "", "正在推进 ", "已销号", ["仅一行"], "照片10张"),
]


def hard_ledger(path):
    """A superior's ledger written the hard way: two rounds, codes with zeros and letters,
    numbered measures in one cell, formula-like text, extra columns differing per row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "问题清单"
    for col, text in enumerate(["XX县督察整改问题清单"], start=1):
        write_value(ws.cell(1, col), text)
    write_value(ws.cell(2, 1), "填报单位：XX县整改办")
    write_value(ws.cell(2, 12), "截至：2022年3月31日")
    for col, (top, sub) in enumerate(zip(HEADER_TOP, HEADER_SUB), start=1):
        write_value(ws.cell(3, col), top)
        write_value(ws.cell(4, col), sub)
    merges = ["A1:P1", "I3:J3"] + [f"{c}3:{c}4" for c in "ABCDEFGHKLMNOP"]
    row = 5
    for number, p in enumerate(HARD_PROBLEMS, start=1):
        code, rnd, cat, desc, target, measures, sup, person, progress, status, notes, evid = p
        for i, (content, deadline, lead, resp) in enumerate(measures):
            head = [number, code, rnd, cat, desc, target] if i == 0 else [None] * 6
            tail = [sup, person, progress, status] if i == 0 else [None] * 4
            values = head + [content, deadline, lead, resp] + tail + [
                notes[i], evid if i == 0 else None]
            for col, value in enumerate(values, start=1):
                write_value(ws.cell(row + i, col), value)
        if len(measures) > 1:
            last = row + len(measures) - 1
            merges += [f"{c}{row}:{c}{last}" for c in "ABCDEFKLMNP"]
        row += len(measures)
    write_value(ws.cell(row + 1, 1), "注：整改状态以县整改办核定为准。")
    for rng in merges:
        ws.merge_cells(rng)
    wb.save(path)
    return path


def test_a_hard_ledger_round_trips(register, tmp_path):
    result = importer.import_file(register, hard_ledger(tmp_path / "上级 台账.xlsx"))
    assert result.committed and result.problems_created == 4
    before, after = round_trip(register, tmp_path)
    assert [p["code"] for p in before] == ["01", "1-2", "D2XX202104080012", "3"]
    assert len(before[0]["measures"]) == 3 and before[0]["extra"]["备注"] == ["备注一", "备注二"]
    assert after == before


def test_the_demo_round_trips_in_everything_a_ledger_carries(register, tmp_path):
    demo(register)
    before, after = round_trip(register, tmp_path)
    for problems in (before, after):  # the demo's measure statuses are not
        for p in problems:            # ledger columns; everything else must come back
            for m in p["measures"]:
                m.pop("status")
    assert after == before
