"""Fill-back into a template with no problem-text column: matched by the template's round (the
round it was imported from, or the one its title names) and code, with a warning that the text
could not be compared; a title naming another round or county, or no round at all, is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from db.changes import recorded_step
from db.progress import add_progress_report
from db.settings import set_setting
from desktop.cli import main as cli
from desktop.ledger.errors import LedgerRefused
from desktop.ledger.importing.importer import import_file
from desktop.ledger.writing.fill_back import fill_back
from tests.ledger.forms_support import add_problem
from tests.ledger.unseen_books import Sheet, book

CENTRAL, COUNTY = "第二轮中央督察", "县级专项督查"
HEADER = ["问题编号", "整改措施", "牵头单位", "整改时限", "整改进展", "整改状态"]
PROGRESS_COL = HEADER.index("整改进展") + 1
AS_OF = dt.date(2024, 6, 30)
MAPPED = "整改措施=问题描述"      # how the clerk once imported such a sheet


def template(tmp_path, title: str, name="上级进展表.xlsx"):
    rows = [[title], HEADER, ["1", "完成管网改造", "县住建局", "2024年6月底前", "", ""],
            ["2", "资金到位", "县财政局", "2024年12月底前", "", ""]]
    return book(tmp_path / name, Sheet("进展", rows))


def progress_column(path) -> list:
    ws = load_workbook(path).active
    return [ws.cell(r, PROGRESS_COL).value for r in (3, 4)]


@pytest.fixture
def two_rounds(register):
    """Problems 1 and 2 in two rounds: codes alone would mix them up."""
    for round_name in (COUNTY, CENTRAL):
        for code in ("1", "2"):
            pid = add_problem(register, code=code, round_name=round_name,
                              description=f"{round_name}问题{code}")
            with recorded_step(register, "报进展") as step:
                add_progress_report(step, pid, period="2024-06", text=f"{round_name}{code}号进展",
                                    status="on_schedule")
    return register


def test_the_round_named_in_the_title_and_the_code_match(two_rounds, tmp_path):
    out = tmp_path / "回填.xlsx"
    result = fill_back(two_rounds, template(tmp_path, f"某某县{CENTRAL}整改进展表"), out,
                       as_of=AS_OF)
    assert [f["code"] for f in result.filled] == ["1", "2"]
    assert progress_column(out) == [f"{CENTRAL}1号进展", f"{CENTRAL}2号进展"]
    (warning,) = result.warnings
    assert "未能核对问题内容" in warning and CENTRAL in warning


def test_the_round_the_template_was_imported_from(register, tmp_path):
    path = template(tmp_path, "整改进展表")
    assert import_file(register, path, round_name=COUNTY, column_map=MAPPED).committed
    add_problem(register, code="1", round_name=CENTRAL, description="另一批次的问题")
    with recorded_step(register, "报进展") as step:
        for pid, rname in register.execute(
                "SELECT p.id, r.name FROM problems p JOIN rounds r ON r.id = p.round_id"):
            add_progress_report(step, pid, period="2024-06", text=f"{rname}的进展",
                                status="on_schedule")
    out = tmp_path / "回填.xlsx"
    result = fill_back(register, path, out, as_of=AS_OF)
    assert progress_column(out) == [f"{COUNTY}的进展", f"{COUNTY}的进展"]
    assert "按它导入时所在的批次" in result.warnings[0]


def test_a_title_naming_another_round_is_refused(register, tmp_path):
    path = template(tmp_path, "整改进展表")
    assert import_file(register, path, round_name=COUNTY, column_map=MAPPED).committed
    add_problem(register, code="1", round_name=CENTRAL, description="另一批次的问题")
    other = template(tmp_path, f"{CENTRAL}整改进展表", name="中央.xlsx")
    with pytest.raises(LedgerRefused, match=f"写的是“{CENTRAL}”"):
        fill_back(register, other, tmp_path / "回填.xlsx", as_of=AS_OF)
    assert not (tmp_path / "回填.xlsx").exists()
    third = template(tmp_path, "第三轮中央督察整改进展表", name="第三轮.xlsx")
    with pytest.raises(LedgerRefused, match="第三轮"):
        fill_back(_rename_round(register), third, tmp_path / "回填.xlsx", as_of=AS_OF)


def _rename_round(db):
    db.execute("UPDATE rounds SET name = '第二轮省级督察' WHERE name = ?", [COUNTY])
    db.conn.commit()
    return db


def test_a_title_naming_another_county_is_refused(two_rounds, tmp_path):
    set_setting(two_rounds, "office_name", "甲乙县整改办")
    ok = fill_back(two_rounds, template(tmp_path, f"甲乙县{CENTRAL}整改进展表"),
                   tmp_path / "本县.xlsx", as_of=AS_OF)
    assert len(ok.filled) == 2
    with pytest.raises(LedgerRefused, match="不是本县（甲乙县）的表格"):
        fill_back(two_rounds, template(tmp_path, f"丙丁县{CENTRAL}整改进展表", name="外县.xlsx"),
                  tmp_path / "外县回填.xlsx", as_of=AS_OF)


def test_a_template_whose_round_cannot_be_told_is_refused(two_rounds, tmp_path, capsys):
    db = two_rounds.conn.execute("PRAGMA database_list").fetchone()[2]
    out = tmp_path / "回填.xlsx"
    code = cli(["export", "fill-back", "--db", db, "--template",
                str(template(tmp_path, "整改进展表")), "--out", str(out)])
    assert code == 1 and not out.exists()
    assert "没有问题内容列" in capsys.readouterr().err
    code = cli(["export", "fill-back", "--db", db, "--template",
                str(template(tmp_path, f"{CENTRAL}整改进展表", name="中央.xlsx")),
                "--out", str(out), "--as-of", "2024-06-30"])
    said = capsys.readouterr()
    assert code == 0 and "未能核对问题内容" in said.err and "已回填 2 个问题" in said.out
    assert progress_column(out) == [f"{CENTRAL}1号进展", f"{CENTRAL}2号进展"]


@pytest.mark.parametrize("title", [f"全县{CENTRAL}整改进展表", f"经济开发区{CENTRAL}整改进展表",
                                   f"县级{CENTRAL}整改进展表", f"某市甲乙县{CENTRAL}整改进展表"])
def test_titles_naming_no_other_county_are_filled(two_rounds, tmp_path, title):
    set_setting(two_rounds, "office_name", "某市甲乙县整改办")
    result = fill_back(two_rounds, template(tmp_path, title), tmp_path / "回填.xlsx", as_of=AS_OF)
    assert len(result.filled) == 2
