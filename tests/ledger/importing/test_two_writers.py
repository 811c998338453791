"""Two writers at once: the import takes the write lock before it plans (BEGIN IMMEDIATE, a
patient busy timeout), so two imports adding the same new round and units both end cleanly;
a lock held past the wait is a Chinese refusal, exit 1, nothing changed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time

from openpyxl import Workbook

from db.connection import open_register
from db.records import dump_register
from db.transaction import RegisterBusy
from desktop.cli import main
from desktop.ledger.importing.importer import import_file
from tests.fuzz.harness import ROOT, register_digest


def ledger(path, codes, unit):
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "问题描述", "整改时限", "责任单位"])
    for code in codes:
        ws.append([code, f"问题{code}", "2024年底前", unit])
    wb.save(path)
    return path


def test_two_imports_of_the_same_new_round_and_unit_at_once_both_succeed(tmp_path):
    db = tmp_path / "台账.db"
    open_register(db).close()
    files = [ledger(tmp_path / f"{i}.xlsx", range(i * 50 + 1, i * 50 + 51), "县新设单位")
             for i in range(2)]
    runs = [subprocess.Popen([sys.executable, "-m", "desktop", "import", str(f), "--db", str(db),
                              "--round", "同一新批次"], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE) for f in files]
    outcomes = [(p.wait(timeout=120), p.stderr.read().decode()) for p in runs]
    for code, err in outcomes:
        assert code == 0 and "Traceback" not in err, err
    data = dump_register(open_register(db))
    assert len(data["problems"]) == 100
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM rounds").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM units WHERE name = '县新设单位'").fetchone()[0] == 1


def _hold_lock(path, seconds, ready):
    conn = sqlite3.connect(path)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO settings (key, value) VALUES ('占用', '1')")
    ready.set()
    time.sleep(seconds)
    conn.rollback()
    conn.close()


def test_an_import_waits_for_a_writer_that_holds_the_lock_a_while(tmp_path):
    db_path = tmp_path / "台账.db"
    db = open_register(db_path)
    ready = threading.Event()
    holder = threading.Thread(target=_hold_lock, args=(db_path, 1.5, ready))
    holder.start()
    ready.wait()
    result = import_file(db, ledger(tmp_path / "a.xlsx", [1, 2], "县甲局"), round_name="甲")
    holder.join()
    assert result.committed and result.problems_created == 2


def test_a_lock_held_past_the_wait_is_refused_with_nothing_changed(tmp_path, capsys):
    db_path = tmp_path / "台账.db"
    db = open_register(db_path)
    db.execute("PRAGMA busy_timeout = 300")
    ready = threading.Event()
    holder = threading.Thread(target=_hold_lock, args=(db_path, 2.0, ready))
    holder.start()
    ready.wait()
    before = register_digest(db_path)
    try:
        import_file(db, ledger(tmp_path / "a.xlsx", [1], "县甲局"), round_name="甲")
        raise AssertionError("the import did not wait for the lock")
    except RegisterBusy as exc:
        assert "另一个程序" in str(exc) and "未改变" in str(exc)
    holder.join()
    assert register_digest(db_path) == before
    db.close()


def test_the_command_line_says_busy_in_chinese(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("db.connection.BUSY_TIMEOUT_MS", 300)
    db_path = tmp_path / "台账.db"
    open_register(db_path).close()
    ready = threading.Event()
    holder = threading.Thread(target=_hold_lock, args=(db_path, 2.0, ready))
    holder.start()
    ready.wait()
    code = main(["import", str(ledger(tmp_path / "a.xlsx", [1], "县甲局")), "--db", str(db_path)])
    holder.join()
    assert code == 1 and "另一个程序" in capsys.readouterr().err


def test_another_import_committed_between_the_plans_is_planned_again(tmp_path, monkeypatch):
    """Between the first plan and the write lock another connection imports the same round,
    unit and codes: the plan is made again under the lock and nothing is doubled."""
    import desktop.ledger.importing.importer as importer

    db_path = tmp_path / "台账.db"
    db = open_register(db_path)
    file = ledger(tmp_path / "a.xlsx", [1, 2, 3], "县新设单位")
    backup = importer.backup_register

    def other_writer_meanwhile(register, **kw):
        monkeypatch.setattr(importer, "backup_register", backup)     # the other import's own
        other = open_register(db_path)
        assert import_file(other, file, round_name="同一新批次").problems_created == 3
        other.close()
        return backup(register, **kw)

    monkeypatch.setattr(importer, "backup_register", other_writer_meanwhile)
    result = import_file(db, file, round_name="同一新批次")
    assert result.committed and result.problems_created == 0 and result.problems_unchanged == 3
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM problems").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM rounds").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM units WHERE name = '县新设单位'").fetchone()[0] == 1


def test_nothing_written_between_the_plans_plans_once(tmp_path, monkeypatch):
    import desktop.ledger.importing.importer as importer

    db = open_register(tmp_path / "台账.db")
    plans = []
    planned = importer._planned
    monkeypatch.setattr(importer, "_planned", lambda *a, **k: plans.append(1) or planned(*a, **k))
    result = import_file(db, ledger(tmp_path / "a.xlsx", [1, 2], "县甲局"), round_name="甲")
    assert result.committed and result.problems_created == 2 and len(plans) == 1
    assert len(dump_register(db)["problems"]) == 2
