"""Two registers diverging from a common package merge both ways to the same content, through the
command line; conflicts are listed and keep the receiving side's value; reports and evidence
are added, never overwritten; the same package twice changes nothing; one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.changes import recorded_step, undo
from db.connection import open_register
from db.evidence_files import evidence_dir
from desktop.exchange.merge import commit_package, plan_package
from desktop.ledger.long_work import Cancelled
from tests.exchange.support import (
    add_evidence,
    cli,
    cli_json,
    content,
    county_register,
    edit,
    problem_id,
    steps,
    stored_file,
)


def diverged(tmp_path: Path, capsys):
    """Laptop A sends its register to laptop B; then each changes different and the same problems."""
    a_path, b_path = tmp_path / "县整改办 甲.db", tmp_path / "县整改办 乙.db"
    a = county_register(a_path)
    cli(capsys, "export", "package", "--db", a_path, "--out", tmp_path / "共同.zip")
    assert cli(capsys, "merge", tmp_path / "共同.zip", "--db", b_path)[0] == 0
    b = open_register(b_path)
    assert content(a) == content(b)
    photo = tmp_path / "整改前后对比.jpg"
    photo.write_bytes(b"\xff\xd8 jpeg bytes of the photo")
    edit(a, "甲的修改", {"1": {"supervisor": "王副县长"}, "3": {"target": "砂石全部清运"}},
         reports={"1": ("2024-05", "管网排查完成60%", "达到序时进度", "县住建局")},
         measures={("4", 1): {"content": "关停并拆除直排养殖场"}})
    edit(b, "乙的修改", {"2": {"supervisor": "李副县长"}, "3": {"target": "砂石堆场复绿"}},
         reports={"2": ("2024-05", "检查工地12处", "正在推进", "县工信局")})
    add_evidence(b, "2", photo, "扬尘检查照片")
    return a, b, a_path, b_path


def test_two_registers_merge_both_ways_to_the_same_content(tmp_path, capsys):
    a, b, a_path, b_path = diverged(tmp_path, capsys)
    cli(capsys, "export", "package", "--db", a_path, "--out", tmp_path / "甲.zip")
    cli(capsys, "export", "package", "--db", b_path, "--out", tmp_path / "乙.zip")
    into_b = cli_json(capsys, "merge", tmp_path / "甲.zip", "--db", b_path)
    into_a = cli_json(capsys, "merge", tmp_path / "乙.zip", "--db", a_path)
    for result, mine, theirs in ((into_b, "砂石堆场复绿", "砂石全部清运"),
                                 (into_a, "砂石全部清运", "砂石堆场复绿")):
        assert result["committed"]
        assert [(c["code"], c["field"], c["mine"], c["theirs"], c["chosen"])
                for c in result["conflicts"]] == [("3", "target", mine, theirs, "mine")]
        assert result["rows_added"] == {"progress_reports": 1, **(
            {"evidence": 1} if result is into_a else {})}
    assert problem_target(a, "3") == "砂石全部清运" and problem_target(b, "3") == "砂石堆场复绿"
    # The next exchange carries B's decision to A: A's value was seen and kept over by B.
    cli(capsys, "export", "package", "--db", b_path, "--out", tmp_path / "乙2.zip")
    again = cli_json(capsys, "merge", tmp_path / "乙2.zip", "--db", a_path)
    assert [c["code"] for c in again["conflicts"]] == ["3"]   # both kept their own: still differs
    cli(capsys, "export", "package", "--db", a_path, "--out", tmp_path / "甲2.zip")
    last = cli_json(capsys, "merge", tmp_path / "甲2.zip", "--db", b_path)
    assert last["conflicts"] == []
    assert content(a) == content(b)
    dumped = {p["code"]: p for p in content(a)["problems"]}
    assert dumped["1"]["supervisor"] == "王副县长" and dumped["2"]["supervisor"] == "李副县长"
    assert dumped["4"]["measures"][0]["content"] == "关停并拆除直排养殖场"
    assert {r["text"] for r in dumped["2"]["progress_history"]} == {"已制定整改方案", "检查工地12处"}
    assert dumped["1"]["progress"] == "管网排查完成60%"


def problem_target(db, code: str) -> str:
    return db.execute("SELECT target FROM problems WHERE id = ?", [problem_id(db, code)]).fetchone()[0]


def test_one_way_then_back_needs_no_second_choice(tmp_path, capsys):
    """B merges A's package (conflict kept as B's), sends its register back: A takes all of it."""
    a, b, a_path, b_path = diverged(tmp_path, capsys)
    cli(capsys, "export", "package", "--db", a_path, "--out", tmp_path / "甲.zip")
    code, out, _ = cli(capsys, "merge", tmp_path / "甲.zip", "--db", b_path)
    assert code == 0 and "冲突" in out and "砂石全部清运" in out and "保留了本台账的值" in out
    cli(capsys, "export", "package", "--db", b_path, "--out", tmp_path / "乙.zip")
    back = cli_json(capsys, "merge", tmp_path / "乙.zip", "--db", a_path)
    assert back["conflicts"] == [] and content(a) == content(b)
    assert problem_target(a, "3") == "砂石堆场复绿"
    sha, stored = stored_file(a, "扬尘检查照片")
    assert stored.read_bytes() == b"\xff\xd8 jpeg bytes of the photo"
    assert stored == evidence_dir(a) / sha[:2] / f"{sha}.jpg" and stored_file(b, "扬尘检查照片")[0] == sha


def test_the_same_package_twice_changes_nothing(tmp_path, capsys):
    a, b, a_path, b_path = diverged(tmp_path, capsys)
    cli(capsys, "export", "package", "--db", a_path, "--out", tmp_path / "甲.zip")
    cli(capsys, "merge", tmp_path / "甲.zip", "--db", b_path)
    before, count = content(b), steps(b)
    code, out, _ = cli(capsys, "merge", tmp_path / "甲.zip", "--db", b_path)
    assert code == 0 and "台账未改变" in out
    assert content(b) == before and steps(b) == count
    assert len(b.execute("SELECT * FROM progress_reports").fetchall()) == 4 + 2


def test_a_merge_is_one_undo_step_backed_up_before(tmp_path, capsys, own_data_folder):
    a, b, a_path, b_path = diverged(tmp_path, capsys)
    before = content(b)
    cli(capsys, "export", "package", "--db", a_path, "--out", tmp_path / "甲.zip")
    cli(capsys, "merge", tmp_path / "甲.zip", "--db", b_path)
    assert content(b) != before
    assert list((own_data_folder / "backups").glob("*合并前.db"))
    info = undo(b)
    assert info.name == "合并交换包 甲.zip" and content(b) == before
    redone = cli_json(capsys, "merge", tmp_path / "甲.zip", "--db", b_path)
    assert redone["committed"] and problem_target(b, "1") is not None
    assert b.execute("SELECT supervisor FROM problems WHERE code = '1'").fetchone()[0] == "王副县长"


def test_dry_run_lists_and_writes_nothing(tmp_path, capsys):
    a, b, a_path, b_path = diverged(tmp_path, capsys)
    cli(capsys, "export", "package", "--db", a_path, "--out", tmp_path / "甲.zip")
    before, count = content(b), steps(b)
    code, out, _ = cli(capsys, "merge", tmp_path / "甲.zip", "--db", b_path, "--dry-run")
    assert code == 0 and "试运行" in out and "整改目标" in out
    assert content(b) == before and steps(b) == count


def test_chronicle_and_accountability_travel_once(tmp_path, capsys):
    a, b, a_path, b_path = diverged(tmp_path, capsys)
    with recorded_step(a, "记大事") as step:
        step.insert("chronicle", {"happened_on": "2024-05-10", "kind": "会议",
                                  "title": "县委常委会专题研究督察整改"})
        step.insert("accountability", {"problem_id": problem_id(a, "4"), "unit": "某镇政府",
                                       "person": "某干部", "action": "诫勉谈话",
                                       "decided_on": "2024-05-15"})
    for name in ("一", "二"):
        cli(capsys, "export", "package", "--db", a_path, "--out", tmp_path / f"{name}.zip")
        cli(capsys, "merge", tmp_path / f"{name}.zip", "--db", b_path)
    assert b.execute("SELECT title FROM chronicle").fetchall() == [("县委常委会专题研究督察整改",)]
    rows = b.execute("SELECT p.code, a.action FROM accountability a JOIN problems p"
                     " ON p.id = a.problem_id").fetchall()
    assert rows == [("4", "诫勉谈话")]


def test_a_cancelled_merge_changes_nothing(tmp_path, capsys):
    a, b, a_path, b_path = diverged(tmp_path, capsys)
    cli(capsys, "export", "package", "--db", a_path, "--out", tmp_path / "甲.zip")
    before, count = content(b), steps(b)
    seen: list[tuple[int, int]] = []
    empty = open_register(tmp_path / "新电脑.db")
    commit_package(empty, plan_package(empty, tmp_path / "甲.zip"),
                   progress=lambda done, total, _what: seen.append((done, total)))
    assert seen == [(0, 4 + 6 + 5)]      # problems, measures, reports
    plan = plan_package(b, tmp_path / "甲.zip")
    with pytest.raises(Cancelled, match="已取消合并"):
        commit_package(b, plan, cancel=lambda: True)
    assert content(b) == before and steps(b) == count
