import datetime as dt
import json
import sqlite3
import subprocess
import sys

from db.backup import backup_register, check_register
from db.changes import recorded_step, redo, undo
from db.connection import open_register
from db.demo import build_demo
from db.records import dump_register

AS_OF = dt.date(2026, 11, 24)


def test_new_register_is_migrated_and_healthy(register):
    result = check_register(register)
    assert result.ok and result.schema_version == result.latest_version >= 2
    mode = register.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    assert register.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_demo_has_63_problems_with_split_units_and_history(register):
    assert build_demo(register, as_of=AS_OF) == 63
    data = dump_register(register)
    assert len(data["problems"]) == 63
    second = next(p for p in data["problems"] if p["code"] == "2")
    assert second["lead_units"] == ["省发展改革委"]
    assert "省住房城乡建设厅" in second["responsible_units"] and len(second["responsible_units"]) > 5
    statuses = {p["status"] for p in data["problems"]}
    assert {"completed", "on_schedule", "behind_schedule"} <= statuses
    assert all(p["progress_history"] for p in data["problems"])
    periods = {h["period"] for p in data["problems"] for h in p["progress_history"]}
    assert len(periods) == 12
    petitions = data["petitions"]
    assert len(petitions) == 120 and len({p["code"] for p in petitions}) == 120
    assert {p["status"] for p in petitions} == {"done", "staged", "in_progress"}
    assert {p["verified"] for p in petitions} == {"true", "partial", "false"}
    kinds = {p["deadline_kind"] for p in data["problems"]}
    assert {"fixed", "long_term", "immediate"} <= kinds


def test_demo_is_deterministic(tmp_path):
    dumps = []
    for name in ("a.db", "b.db"):
        db = open_register(tmp_path / name)
        build_demo(db, as_of=AS_OF)
        dumps.append(json.dumps(dump_register(db), ensure_ascii=False))
    assert dumps[0] == dumps[1]


def _add_round(db, name="中央第二轮督察"):
    with recorded_step(db, "新增批次") as step:
        return step.insert("rounds", {"name": name})


def test_undo_and_redo_a_step(register):
    rid = _add_round(register)
    with recorded_step(register, "修改") as step:
        pid = step.insert("problems", {"round_id": rid, "code": "1", "title": "甲",
                                       "lead_units": ["县水利局"], "created_at": "x",
                                       "updated_at": "x"})
        step.update("problems", pid, {"title": "乙"})
    assert register.execute("SELECT title FROM problems").fetchall() == [("乙",)]
    info = undo(register)
    assert info.name == "修改" and info.changes == 2
    assert register["problems"].count == 0 and register["rounds"].count == 1
    assert redo(register).name == "修改"
    assert register.execute("SELECT title, lead_units FROM problems").fetchall() == [
        ("乙", '["县水利局"]')]
    undo(register)
    undo(register)
    assert register["rounds"].count == 0
    assert undo(register) is None


def test_rows_inserted_together_get_the_ids_one_by_one_would(register):
    rid = _add_round(register)
    rows = [{"round_id": rid, "code": str(i), "lead_units": ["县水利局"], "created_at": "x",
             "updated_at": "x"} for i in range(1, 5)]
    with recorded_step(register, "逐个") as step:
        singly = [step.insert("problems", dict(row)) for row in rows[:2]]
        step.delete("problems", singly[0])
    one_by_one = register.execute("SELECT * FROM problems").fetchall()
    undo(register)
    with recorded_step(register, "一起") as step:
        together = step.insert_many("problems", rows[:2])
        step.delete("problems", together[0])
        later = step.insert_many("problems", [{**rows[2], "title": "有标题"}, rows[3]])
    assert together == singly
    assert register.execute("SELECT * FROM problems WHERE id <= ?", [together[1]]).fetchall() \
        == one_by_one
    assert later == [together[1] + 1, together[1] + 2]
    assert register.execute("SELECT code, title, lead_units FROM problems ORDER BY id").fetchall() \
        == [("2", "", '["县水利局"]'), ("3", "有标题", '["县水利局"]'), ("4", "", '["县水利局"]')]
    assert undo(register).changes == 5
    assert register["problems"].count == 0
    redo(register)
    assert [r[0] for r in register.execute("SELECT id FROM problems ORDER BY id")] == [
        together[1], *later]


def test_new_change_drops_redo(register):
    _add_round(register, "甲")
    undo(register)
    _add_round(register, "乙")
    assert redo(register) is None
    assert [r["name"] for r in register["rounds"].rows] == ["乙"]


def test_failed_step_changes_nothing(register):
    try:
        with recorded_step(register, "坏") as step:
            step.insert("rounds", {"name": "甲"})
            raise RuntimeError("中途失败")
    except RuntimeError:
        pass
    assert register["rounds"].count == 0 and register["undo_steps"].count == 0


def test_delete_with_children_is_undone_whole(register):
    build_demo(register, as_of=AS_OF)
    before = json.dumps(dump_register(register), ensure_ascii=False)
    pid = register.execute("SELECT id FROM problems WHERE code = '5'").fetchone()[0]
    with recorded_step(register, "删除问题") as step:
        step.delete("problems", pid)
    assert register.execute("SELECT count(*) FROM measures WHERE problem_id = ?",
                            [pid]).fetchone()[0] == 0
    undo(register)
    assert json.dumps(dump_register(register), ensure_ascii=False) == before


def test_backup_is_a_sound_copy(register, tmp_path):
    build_demo(register, as_of=AS_OF)
    out = backup_register(register, tmp_path / "备份 目录" / "台账 备份.db")
    copy = open_register(out)
    assert check_register(copy).ok
    assert dump_register(copy) == dump_register(register)


def test_not_a_register_is_refused(tmp_path):
    bad = tmp_path / "坏.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    import pytest

    from db.connection import RegisterError
    with pytest.raises(RegisterError, match="不是有效的台账"):
        open_register(bad)


def test_old_unversioned_file_gets_backed_up_before_migrating(tmp_path, own_data_folder):
    old = tmp_path / "旧.db"
    con = sqlite3.connect(old)
    con.execute("CREATE TABLE legacy_notes (id INTEGER PRIMARY KEY, text TEXT)")
    con.execute("INSERT INTO legacy_notes (text) VALUES ('保留')")
    con.commit()
    con.close()
    db = open_register(old)
    assert check_register(db).ok
    backups = list((own_data_folder / "backups").glob("*.db"))
    assert len(backups) == 1
    kept = sqlite3.connect(backups[0]).execute("SELECT text FROM legacy_notes").fetchall()
    assert kept == [("保留",)]


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, encoding="utf-8")


def test_cli_demo_check_dump_backup_on_a_chinese_path(tmp_path):
    path = tmp_path / "县 整改办" / "台账 2026.db"
    assert run_cli("demo", "--db", str(path), "--as-of", "2026-11-24").returncode == 0
    check = run_cli("check", "--db", str(path))
    assert check.returncode == 0 and "检查通过" in check.stdout
    dump = json.loads(run_cli("dump", "--db", str(path)).stdout)
    assert len(dump["problems"]) == 63 and len(dump["petitions"]) == 120
    out = tmp_path / "备份 文件.db"
    assert run_cli("backup", "--db", str(path), "--out", str(out)).returncode == 0
    assert json.loads(run_cli("dump", "--db", str(out)).stdout) == dump
    again = run_cli("demo", "--db", str(path))
    assert again.returncode == 1 and "已有数据" in again.stderr
    assert run_cli("undo", "--db", str(path)).stdout.startswith("已撤销：创建演示台账")
    assert json.loads(run_cli("dump", "--db", str(path)).stdout) == {
        "problems": [], "petitions": [], "accountability": [], "chronicle": []}


def test_cli_usage_errors_exit_2(tmp_path):
    assert run_cli("dump", "--no-such-flag").returncode == 2
    assert run_cli("demo", "--db", str(tmp_path / "x.db"), "--as-of", "昨天").returncode == 1


def test_progress_history_is_kept_and_latest_shown(register):
    from db.progress import add_progress_report

    rid = _add_round(register)
    with recorded_step(register, "新增问题") as step:
        pid = step.insert("problems", {"round_id": rid, "code": "1", "created_at": "x",
                                       "updated_at": "x"})
    with recorded_step(register, "填报") as step:
        add_progress_report(step, pid, period="2026-10", text="已开工", percent=30)
        add_progress_report(step, pid, period="2026-11", text="主体完工", status_text="达到序时进度",
                            percent=70)
        add_progress_report(step, pid, period="2026-09", text="补报九月", percent=10)
    row = register.execute("SELECT progress, status, percent FROM problems").fetchone()
    assert row == ("主体完工", "on_schedule", 70)
    assert register["progress_reports"].count == 3
    undo(register)
    assert register.execute("SELECT progress, status FROM problems").fetchone() == ("", "pending")


def test_register_option_may_come_before_the_command(tmp_path, capsys):
    from desktop.__main__ import main

    db = tmp_path / "前置 选项.db"
    assert main(["--db", str(db), "demo", "--as-of", "2021-06-30"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "check"]) == 0


def test_lists_and_audit_rows_are_stored_as_json_dumps_writes_them(register):
    rid = _add_round(register)
    units = ["县住建局", "城关镇（街道）", 'quote"and\\back']
    with recorded_step(register, "新增") as step:
        pid = step.insert("problems", {"round_id": rid, "code": "1", "lead_units": units,
                                       "extra": {"备注": ["甲", 1.5, None, True]},
                                       "created_at": "x", "updated_at": "x"})
    stored, extra = register.execute("SELECT lead_units, extra FROM problems").fetchone()
    assert stored == json.dumps(units, ensure_ascii=False)
    assert extra == json.dumps({"备注": ["甲", 1.5, None, True]}, ensure_ascii=False)
    (after,) = register.execute("SELECT after FROM audit WHERE row_id = ? AND"
                                " table_name = 'problems'", [pid]).fetchone()
    assert json.loads(after)["lead_units"] == stored and "城关镇（街道）" in after
