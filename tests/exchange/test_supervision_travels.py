"""Supervision travels in packages: register A closes a problem with evidence (申请销号 → 核查 →
销号) and flags another; merged into register B, B has the same closure steps, stage, flag and
evidence (the same sha256, the file in B's own evidence store); the same package twice changes
nothing; undo of the merge takes them out again."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from db.changes import undo
from db.closure import record_closure_step
from db.connection import open_register
from db.evidence_files import evidence_dir
from db.flags import lift_flag
from tests.exchange.support import (
    REPORT,
    add_evidence,
    cli,
    cli_json,
    close_and_flag,
    content,
    county_register,
    edit,
    problem_id,
    steps,
    stored_file,
)


def closed_and_flagged(tmp_path: Path, capsys):
    """A and B share a common package; then A closes problem 1 with evidence and flags 2."""
    a_path, b_path = tmp_path / "县整改办 甲.db", tmp_path / "县整改办 乙.db"
    a = county_register(a_path)
    cli(capsys, "export", "package", "--db", a_path, "--out", tmp_path / "共同.zip")
    assert cli(capsys, "merge", tmp_path / "共同.zip", "--db", b_path)[0] == 0
    close_and_flag(a, tmp_path)
    return a, open_register(b_path), a_path, b_path


def dumped(capsys, path: Path) -> dict:
    code, out, err = cli(capsys, "dump", "--db", path)
    assert code == 0, err
    return {p["code"]: p for p in json.loads(out)["problems"]}


def test_closure_flag_and_evidence_travel_to_the_other_register(tmp_path, capsys):
    a, b, a_path, b_path = closed_and_flagged(tmp_path, capsys)
    sent = cli_json(capsys, "export", "package", "--db", a_path, "--out", tmp_path / "甲.zip")
    assert sent["files"] == 1 and not sent["missing_files"]
    merged = cli_json(capsys, "merge", tmp_path / "甲.zip", "--db", b_path)
    assert merged["conflicts"] == []
    assert merged["rows_added"] == {"closure_steps": 3, "flags": 1, "evidence": 1}
    mine, theirs = dumped(capsys, a_path), dumped(capsys, b_path)
    assert theirs["1"]["status"] == "closed"
    assert theirs["1"]["closure"] == mine["1"]["closure"]
    assert [s["kind"] for s in theirs["1"]["closure"]["steps"]] == ["apply", "verify", "close"]
    assert theirs["1"]["closure"]["closure_doc"] == "县整改办〔2026〕8号"
    assert theirs["2"]["flag"] == mine["2"]["flag"] and theirs["2"]["flag"]["leader"] == "王副县长"
    assert theirs["1"]["evidence"] == mine["1"]["evidence"]
    assert theirs["1"]["evidence"][0]["file"] == "验收 报告.pdf"
    assert b.execute("SELECT closure_stage FROM problems WHERE code = '1'").fetchone()[0] == "closed"
    sha, stored = stored_file(b, "验收报告")
    assert sha == theirs["1"]["evidence"][0]["sha256"] == stored_file(a, "验收报告")[0]
    assert stored == evidence_dir(b) / sha[:2] / f"{sha}.pdf" and stored.read_bytes() == REPORT
    assert not (tmp_path / "佐证材料").exists()      # one store: no second folder beside it
    assert content(a) == content(b)


def test_the_same_package_twice_and_back_changes_nothing(tmp_path, capsys):
    a, b, a_path, b_path = closed_and_flagged(tmp_path, capsys)
    cli(capsys, "export", "package", "--db", a_path, "--out", tmp_path / "甲.zip")
    cli(capsys, "merge", tmp_path / "甲.zip", "--db", b_path)
    before, count = content(b), steps(b)
    code, out, _ = cli(capsys, "merge", tmp_path / "甲.zip", "--db", b_path)
    assert code == 0 and "台账未改变" in out
    assert content(b) == before and steps(b) == count
    assert [b[t].count for t in ("closure_steps", "flags", "evidence")] == [3, 1, 1]
    cli(capsys, "export", "package", "--db", b_path, "--out", tmp_path / "乙.zip")
    back = cli_json(capsys, "merge", tmp_path / "乙.zip", "--db", a_path)
    assert back["rows_added"] == {} and back["conflicts"] == []
    assert [a[t].count for t in ("closure_steps", "flags", "evidence")] == [3, 1, 1]


def test_undo_of_the_merge_takes_them_out(tmp_path, capsys):
    a, b, a_path, b_path = closed_and_flagged(tmp_path, capsys)
    before, dumped_before = content(b), dumped(capsys, b_path)
    cli(capsys, "export", "package", "--db", a_path, "--out", tmp_path / "甲.zip")
    cli(capsys, "merge", tmp_path / "甲.zip", "--db", b_path)
    assert dumped(capsys, b_path)["1"]["status"] == "closed"
    assert undo(b).name == "合并交换包 甲.zip"
    assert [b[t].count for t in ("closure_steps", "flags", "evidence")] == [0, 0, 0]
    assert content(b) == before and dumped(capsys, b_path) == dumped_before
    assert dumped_before["1"]["status"] == "in_progress" and dumped_before["2"]["flag"] is None


def test_a_lifted_flag_is_lifted_on_the_other_side_too(tmp_path, capsys):
    a, b, a_path, b_path = closed_and_flagged(tmp_path, capsys)
    cli(capsys, "export", "package", "--db", a_path, "--out", tmp_path / "甲.zip")
    cli(capsys, "merge", tmp_path / "甲.zip", "--db", b_path)
    lift_flag(a, problem_id(a, "2"), dt.date.today().isoformat(), "扬尘已管控")
    cli(capsys, "export", "package", "--db", a_path, "--out", tmp_path / "甲2.zip")
    cli(capsys, "merge", tmp_path / "甲2.zip", "--db", b_path)
    assert dumped(capsys, b_path)["2"]["flag"] is None
    assert b.execute("SELECT lift_note FROM flags").fetchall() == [("扬尘已管控",)]
    assert content(a) == content(b)


def test_closure_on_both_sides_is_a_conflict_told_in_words(tmp_path, capsys):
    """B applied for 销号 of the same problem on its own: the stages differ, told by their names;
    the command line keeps B's stage, and every step of both sides is kept."""
    a, b, a_path, b_path = closed_and_flagged(tmp_path, capsys)
    today = dt.date.today().isoformat()
    edit(b, "改为已完成", {"1": {"status": "completed", "status_text": "已完成"}})
    photo = tmp_path / "乙 现场照片.jpg"
    photo.write_bytes(b"\xff\xd8 the photo B took")
    add_evidence(b, "1", photo, "现场照片", dated=today)
    record_closure_step(b, problem_id(b, "1"), {"kind": "apply", "happened_on": today,
                                                "person": "乙"})
    cli(capsys, "export", "package", "--db", a_path, "--out", tmp_path / "甲.zip")
    merged = cli_json(capsys, "merge", tmp_path / "甲.zip", "--db", b_path)
    stage = next(c for c in merged["conflicts"] if c["field"] == "closure_stage")
    assert (stage["label"], stage["mine_text"], stage["theirs_text"]) == \
        ("销号阶段", "已申请销号", "已销号")
    assert b.execute("SELECT closure_stage FROM problems WHERE code = '1'").fetchone()[0] == "applied"
    kinds = [k for (k,) in b.execute("SELECT kind FROM closure_steps ORDER BY id")]
    assert kinds == ["apply", "apply", "verify", "close"]
    assert sorted(t for (t,) in b.execute("SELECT title FROM evidence")) == ["现场照片", "验收报告"]
