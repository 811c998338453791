"""Supervision in the register on an imported ledger: closure steps, flags, evidence files
(content-addressed, carried by backups and restore), accountability and chronicle, each one undo
step; refusals write nothing; an old register is upgraded."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from db.accountability import save_accountability
from db.backup import backup_register
from db.changes import redo, undo
from db.chronicle import accept_proposals, proposed_entries, save_entry
from db.closure import problem_closure, record_closure_step
from db.connection import open_register
from db.evidence import attach_evidence, remove_evidence, rename_evidence
from db.evidence_files import evidence_dir, evidence_dir_for, stored_path
from db.flags import flag_problem, flagged_problems, lift_flag
from db.migrations import MIGRATIONS
from db.records import dump_register
from db.refused import ChangeRefused
from desktop.ledger.importing.importer import import_file


@pytest.fixture
def imported(register, samples):
    import_file(register, samples / "ledger_county_problems.xlsx")
    return register


def problem(db, status: str) -> dict:
    row = db.execute("SELECT id, code, created_at FROM problems WHERE status = ? ORDER BY id",
                     [status]).fetchone()
    return {"id": row[0], "code": row[1], "imported": row[2][:10]}


def steps(db) -> int:
    return db.execute("SELECT count(*) FROM undo_steps").fetchone()[0]


def test_closure_on_an_imported_ledger_with_evidence_then_undo(imported, tmp_path):
    db, p = imported, problem(imported, "completed")
    today = dt.date.today().isoformat()
    before = steps(db)
    with pytest.raises(ChangeRefused) as refused:
        record_closure_step(db, p["id"], {"kind": "apply", "happened_on": today})
    assert "佐证材料" in refused.value.errors["reason"] and steps(db) == before
    with pytest.raises(ChangeRefused) as refused:
        record_closure_step(db, p["id"], {"kind": "apply", "happened_on": "2020-01-01",
                                          "reason": "无"})
    assert "录入台账" in refused.value.errors["happened_on"]
    source = tmp_path / "现场 照片.jpg"
    source.write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    first = attach_evidence(db, p["id"], source, "整改后现场照片", today)
    second = attach_evidence(db, p["id"], source, "同一照片再次添加")
    files = [f for f in evidence_dir(db).rglob("*") if f.is_file()]
    assert len(files) == 1 and files[0].read_bytes() == source.read_bytes()
    record_closure_step(db, p["id"], {"kind": "apply", "happened_on": today})
    record_closure_step(db, p["id"], {"kind": "verify", "happened_on": today, "person": "核查组",
                                      "passed": True, "finding": "属实"})
    record_closure_step(db, p["id"], {"kind": "close", "happened_on": today, "doc": "县〔2026〕1号"})
    dumped = next(x for x in dump_register(db)["problems"] if x["code"] == p["code"])
    assert dumped["status"] == "closed" and dumped["closure"]["closed_on"] == today
    assert dumped["closure"]["closure_doc"] == "县〔2026〕1号"
    assert [s["kind"] for s in dumped["closure"]["steps"]] == ["apply", "verify", "close"]
    assert {e["file"] for e in dumped["evidence"]} == {"现场 照片.jpg"}
    assert dumped["evidence"][0]["sha256"] == files[0].stem and dumped["evidence"][0]["pages"] == 1
    assert undo(db).name == f"销号 {p['code']}"
    assert problem_closure(db, p["id"]).stage == "verified"
    assert db.execute("SELECT status FROM problems WHERE id = ?", [p["id"]]).fetchone()[0] == \
        "completed"
    redo(db)
    assert problem_closure(db, p["id"]).stage == "closed"
    rename_evidence(db, second, "复核照片")
    remove_evidence(db, first)
    assert db["evidence"].count == 1 and files[0].exists()
    undo(db)
    assert db["evidence"].count == 2


def test_missing_file_and_flag_without_leader_write_nothing(imported, tmp_path):
    db, p = imported, problem(imported, "behind_schedule")
    before = steps(db)
    with pytest.raises(ChangeRefused) as refused:
        attach_evidence(db, p["id"], tmp_path / "U盘" / "验收报告.pdf", "验收报告")
    assert "找不到文件" in refused.value.errors["file"]
    with pytest.raises(ChangeRefused) as refused:
        flag_problem(db, p["id"], {"level": "县", "leader": "", "since": p["imported"]})
    assert "督办领导" in refused.value.errors["leader"]
    assert steps(db) == before and db["flags"].count == 0 and db["evidence"].count == 0
    flag_problem(db, p["id"], {"level": "市", "leader": "王副县长", "reason": "滞后",
                               "since": p["imported"]})
    assert [x["code"] for x in flagged_problems(db)] == [p["code"]]
    assert next(x for x in dump_register(db)["problems"] if x["code"] == p["code"])["flag"] == {
        "level": "市", "leader": "王副县长", "reason": "滞后", "since": p["imported"],
        "until": None}
    with pytest.raises(ChangeRefused):
        flag_problem(db, p["id"], {"level": "县", "leader": "另一人", "since": p["imported"]})
    lift_flag(db, p["id"], dt.date.today().isoformat(), "已整改到位")
    assert flagged_problems(db) == []
    undo(db)
    assert flagged_problems(db)[0]["flag_leader"] == "王副县长"


def test_accountability_and_chronicle_in_dump_and_summary(imported):
    db = imported
    today = dt.date.today().isoformat()
    save_accountability(db, {"unit": "县住建局", "action": "约谈", "decided_on": today})
    save_accountability(db, {"unit": "县住建局", "person": "某科长", "action": "诫勉",
                             "decided_on": today})
    save_entry(db, {"happened_on": today, "kind": "会议", "title": "召开整改推进会"})
    proposals = proposed_entries(db)
    assert [e["ref"][:6] for e in proposals] == ["import"]
    accept_proposals(db, proposals)
    assert proposed_entries(db) == []
    data = dump_register(db)
    assert [(a["unit"], a["person"], a["action"]) for a in data["accountability"]] == [
        ("县住建局", "", "约谈"), ("县住建局", "某科长", "诫勉")]
    assert {c["title"] for c in data["chronicle"]} >= {"召开整改推进会"}
    from desktop.reports.snapshot import take_snapshot

    assert take_snapshot(db, dt.date.today()).paragraph().endswith(
        "；对1个责任单位、1名责任人进行追责问责。")


def test_backup_and_restore_carry_the_evidence(imported, tmp_path):
    db, p = imported, problem(imported, "completed")
    source = tmp_path / "验收报告.docx"
    source.write_bytes(b"not really a docx")
    attach_evidence(db, p["id"], source, "验收报告")
    relative = db.execute("SELECT path FROM evidence").fetchone()[0]
    out = backup_register(db, tmp_path / "U盘" / "备份 台账.db")
    carried = evidence_dir_for(out) / relative
    assert carried.read_bytes() == source.read_bytes()

    other = open_register(tmp_path / "新电脑" / "整改台账.db")
    try:
        from desktop.ui.operations.register_ops import restore_from

        restore_from(out)(other)
        assert stored_path(other, relative).read_bytes() == source.read_bytes()
        assert other["evidence"].count == 1
    finally:
        other.close()


def test_an_old_register_is_upgraded(tmp_path):
    path = tmp_path / "旧 台账.db"
    db = open_register(path, migrate=False)
    MIGRATIONS.apply(db, stop_before="0005_supervision")
    db.execute("INSERT INTO rounds (name) VALUES ('旧批次')")
    db.execute("INSERT INTO problems (round_id, code, title, status, created_at, updated_at)"
               " VALUES (1, '1', '旧问题', 'closed', '2021-01-01', '2021-01-01')")
    db.conn.commit()
    db.close()
    upgraded = open_register(path)
    try:
        assert {"closure_steps", "flags"} <= set(upgraded.table_names())
        dumped = dump_register(upgraded)["problems"][0]
        assert dumped["closure"]["stage"] == "closed" and dumped["flag"] is None
    finally:
        upgraded.close()
    assert sqlite3.connect(path).execute("SELECT count(*) FROM closure_steps").fetchone() == (0,)
