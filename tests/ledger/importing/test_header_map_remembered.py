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


NOTES = [[f"填表说明{i}：请按要求如实填写，不得空项。"] for i in range(1, 56)]
DEEP_HEADER = ["序号", "问题描述", "整改措施", "整改时限", "责任单位"]


def deep(tmp_path, name: str, *problems):
    """A sheet whose header sits under 55 rows of instructions: past where the search looks."""
    return book(tmp_path / name, Sheet("台账", [["整改台账"], *NOTES, DEEP_HEADER, *problems]))


def test_header_rows_named_once_are_used_for_the_next_file(tmp_path, capsys):
    """The clerk names the header row in the import dialog once; the next month's file of the
    same template reads by itself, in the window and on the command line."""
    from db.connection import open_register
    from desktop.ledger.errors import LedgerRefused
    from desktop.ledger.importing.importer import commit_reading
    from desktop.ledger.importing.remembered import remembered_reading

    path = tmp_path / "台账.db"
    db = open_register(path)
    may = deep(tmp_path, "五月.xlsx", [1, "河堤垃圾堆放", "三日内清运", "2023-05-10", "环卫所"])
    try:
        remembered_reading(db, may)
        raise AssertionError("the header under the instructions was found without being named")
    except LedgerRefused:
        pass
    reading, _ = remembered_reading(db, may, header=(57, 1))
    assert commit_reading(db, reading).problems_created == 1
    june = deep(tmp_path, "六月.xlsx", [1, "河堤垃圾堆放", "已清运", "2023-05-10", "环卫所"],
                [2, "沟渠黑臭", "清淤疏浚", "2023-06-30", "水务站"])
    again, _ = remembered_reading(db, june)
    assert again.header_rows == [57] and [r["description"] for r in again.records] == [
        "河堤垃圾堆放", "沟渠黑臭"]
    db.close()
    july = deep(tmp_path, "七月.xlsx", [3, "秸秆焚烧", "网格化监管", "2023-07-31", "农业站"])
    code, out, err = run(capsys, july, "--db", path)
    assert code == 0, err
    assert out["header_rows"] == [57] and out["problems_created"] == 1


def test_header_rows_named_for_one_template_are_not_forced_on_another(tmp_path, capsys):
    from db.connection import open_register
    from desktop.ledger.importing.importer import commit_reading
    from desktop.ledger.importing.remembered import remembered_reading

    path = tmp_path / "台账.db"
    db = open_register(path)
    may = deep(tmp_path, "五月.xlsx", [1, "河堤垃圾堆放", "三日内清运", "2023-05-10", "环卫所"])
    commit_reading(db, remembered_reading(db, may, header=(57, 1))[0])
    db.close()
    other = book(tmp_path / "其他.xlsx", Sheet("台账", [["整改台账"], *NOTES,
                                                     ["序号", "问题描述", "备忘", "联系人"],
                                                     [1, "路灯不亮", "联系维修", "城管所"]]))
    code, out, err = run(capsys, other, "--db", path)
    assert code == 1 and "没有找到台账的表头" in err
    assert len(dump(capsys, path)["problems"]) == 1


def test_header_rows_named_win_over_the_rows_the_search_finds(tmp_path):
    """The search takes row 3 as the header and skips row 4 (栏次); the clerk named rows 3–4 as
    the header once: the next file of that shape is read as the clerk named it."""
    from db.connection import open_register
    from desktop.ledger.importing.importer import commit_reading
    from desktop.ledger.importing.remembered import remembered_reading

    def shaped(name, *problems):
        return book(tmp_path / name, Sheet("台账", [
            ["整改台账"], ["说明"], [*DEEP_HEADER, "备注"], ["一", "二", "三", "四", "五", "六"],
            *problems]))

    db = open_register(tmp_path / "台账.db")
    may = shaped("五月.xlsx", [1, "河堤垃圾堆放", "三日内清运", "2023-05-10", "环卫所", ""])
    assert remembered_reading(db, may)[0].header_rows == [3]
    commit_reading(db, remembered_reading(db, may, header=(3, 2))[0])
    june = shaped("六月.xlsx", [2, "沟渠黑臭", "清淤疏浚", "2023-06-30", "水务站", ""])
    again, _ = remembered_reading(db, june)
    assert again.header_rows == [3, 4] and [r["description"] for r in again.records] == ["沟渠黑臭"]
    other = book(tmp_path / "七月.xlsx", Sheet("台账", [["整改台账"], ["说明"], DEEP_HEADER,
                                                     [3, "秸秆焚烧", "网格化监管", "2023-07-31", "农业站"]]))
    assert remembered_reading(db, other)[0].header_rows == [3]     # another template: as found
    db.close()
