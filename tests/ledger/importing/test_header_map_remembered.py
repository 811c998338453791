"""A sheet whose header only --map found: the map is remembered, so the next file of the same
template imports without it; a sheet of other headers is still refused."""

from __future__ import annotations

from tests.ledger.importing.test_import_kind_map import dump, run
from tests.ledger.unseen_books import Sheet, book

HEADER = ["发现情况", "处理要求", "办理期限", "承办科室"]
MAPPING = "发现情况=问题描述,处理要求=measure,办理期限=deadline,承办科室=responsible_units"


def record(tmp_path, name: str, *problems, header=HEADER):
    return book(tmp_path / name, Sheet("记录", [["巡查记录"], header, *problems]))


def test_the_next_file_of_the_template_needs_no_map(tmp_path, capsys):
    db = tmp_path / "台账.db"
    may = record(tmp_path, "五月巡查.xlsx", ["河堤垃圾堆放", "三日内清运", "2023-05-10", "环卫所"])
    code, out, _ = run(capsys, may, "--db", db, "--map", MAPPING)
    assert code == 0 and out["problems_created"] == 1
    june = record(tmp_path, "六月巡查.xlsx", ["沟渠黑臭", "清淤疏浚", "2023-06-30", "水务站"])
    code, out, err = run(capsys, june, "--db", db)
    assert code == 0, err
    assert out["header_rows"] == [2] and out["problems_created"] == 1
    problems = dump(capsys, db)["problems"]
    assert [(p["description"], p["deadline"], p["responsible_units"]) for p in problems] == [
        ("河堤垃圾堆放", "2023-05-10", ["环卫所"]), ("沟渠黑臭", "2023-06-30", ["水务站"])]
    assert problems[1]["measures"][0]["content"] == "清淤疏浚"


def test_a_sheet_of_other_headers_is_still_refused(tmp_path, capsys):
    db = tmp_path / "台账.db"
    may = record(tmp_path, "五月巡查.xlsx", ["河堤垃圾堆放", "三日内清运", "2023-05-10", "环卫所"])
    assert run(capsys, may, "--db", db, "--map", MAPPING)[0] == 0
    other = record(tmp_path, "其他.xlsx", ["路灯不亮", "联系维修", "2023-05-10", "城管所"],
                   header=["发现情况", "处理要求", "备忘", "联系人"])
    code, out, err = run(capsys, other, "--db", db)
    assert code == 1 and "第2行看来是表头" in err
    assert len(dump(capsys, db)["problems"]) == 1
