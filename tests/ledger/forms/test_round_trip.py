"""The monthly round trip with the units on a ledger whose problems share units (the county
sample): forms only to real units and group members, every unit's return recorded and merged,
the same through the command line as through the window (tests/ui/test_units_window.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from db.connection import open_register
from db.records import rows
from db.unit_registry import merge_units, set_group
from desktop.core.unit_groups import is_collective
from desktop.ledger.forms import form_layout as fl
from desktop.ledger.importing.importer import import_file

PERIOD = "2024-05"
STATUSES = ("达到序时进度", "未达序时进度", "正在推进", "已完成")


def cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8")


@pytest.fixture
def county(tmp_path, samples):
    path = tmp_path / "县 台账.db"
    db = open_register(path)
    import_file(db, samples / "ledger_county_problems.xlsx", round_name="第二轮中央督察")
    yield db, path
    db.close()


def fill_every_form(folder: Path, out: Path) -> dict[str, list[int]]:
    """Every row of every form filled with the unit's own words and a status of its own;
    returns unit → the problem ids it answered."""
    out.mkdir(exist_ok=True)
    answered: dict[str, list[int]] = {}
    for n, form in enumerate(sorted(folder.glob("*.xlsx"))):
        wb = load_workbook(form)
        ws, info = wb[fl.FORM_SHEET], wb[fl.INFO_SHEET]
        unit = info.cell(list(fl.INFO_LABELS).index("unit") + 1, 2).value
        ids = [info.cell(r, 2).value for r in range(fl.ROWS_HEADER_ROW + 1, info.max_row + 1)
               if info.cell(r, 2).value is not None]
        for i in range(len(ids)):
            row = fl.FIRST_ROW + i
            ws.cell(row, fl.column_of("text")).value = f"{unit}本月推进第{i + 1}项"
            ws.cell(row, fl.column_of("status_text")).value = STATUSES[(n + i) % len(STATUSES)]
            ws.cell(row, fl.column_of("reporter")).value = f"填报人{n}"
        wb.save(out / form.name)
        answered[unit] = ids
    return answered


def test_forms_go_only_to_real_units_and_group_members(county, tmp_path):
    db, path = county
    done = cli("export", "unit-forms", "--db", path, "--out", tmp_path / "一", "--period", PERIOD,
               "--json", "--include-completed")
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    sent = {f["unit"] for f in listed if not f.get("undistributed")}
    waiting = {f["unit"] for f in listed if f.get("undistributed")}
    assert sent and not any(is_collective(u) for u in sent)
    assert {"各乡镇人民政府", "相关乡镇", "相关乡镇人民政府"} <= waiting
    merge_units(db, "相关乡镇人民政府", "相关乡镇")
    set_group(db, "相关乡镇人民政府", True, ["甲镇", "乙镇"])
    set_group(db, "各乡镇人民政府", True, ["城关镇人民政府", "甲镇", "乙镇"])
    again = cli("export", "unit-forms", "--db", path, "--out", tmp_path / "二", "--period", PERIOD,
                "--include-completed")
    assert again.returncode == 0 and "未分发" not in again.stdout
    names = {p.name.split("_")[0] for p in (tmp_path / "二").glob("*.xlsx")}
    assert {"甲镇", "乙镇", "城关镇人民政府"} <= names and "相关乡镇" not in names
    assert not any(is_collective(n) for n in names)


def test_completed_problems_are_asked_only_when_wanted(county, tmp_path):
    db, path = county
    (pid,) = db.execute("SELECT id FROM problems WHERE code = '3'").fetchone()
    db.execute("UPDATE problems SET status = 'completed' WHERE id = ?", [pid])
    db.conn.commit()
    def asked(*extra):
        out = cli("export", "unit-forms", "--db", path, "--out", tmp_path / str(len(extra)),
                  "--period", PERIOD, "--unit", "县城市管理局", *extra)
        return out.returncode, out.stdout + out.stderr
    code, said = asked()
    assert code == 1 and "尚未完成" in said
    assert asked("--include-completed")[0] == 0


def test_every_form_filled_and_collected_at_once_records_every_unit_and_merges(county, tmp_path):
    """The exact failure found: every form filled in, two units on one problem with different
    words and statuses, all collected at once — every unit's report recorded, each problem merged."""
    db, path = county
    assert cli("export", "unit-forms", "--db", path, "--out", tmp_path / "下发",
               "--period", PERIOD).returncode == 0
    answered = fill_every_form(tmp_path / "下发", tmp_path / "交回")
    done = cli("collect", *sorted((tmp_path / "交回").glob("*.xlsx")), "--db", path, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    out = json.loads(done.stdout)
    assert out["committed"] and not out["conflicts"] and not [f for f in out["files"] if f["refused"]]
    assert_every_unit_recorded_and_merged(db, answered)


def assert_every_unit_recorded_and_merged(db, answered: dict[str, list[int]]) -> None:
    got = {(r["unit"], r["problem_id"]) for r in rows(
        db, "SELECT unit, problem_id FROM progress_reports WHERE source = 'unit_form'")}
    assert got == {(u, pid) for u, ids in answered.items() for pid in ids}
    by_problem: dict[int, list[str]] = {}
    for unit, ids in answered.items():
        for pid in ids:
            by_problem.setdefault(pid, []).append(unit)
    shared = {pid: units for pid, units in by_problem.items() if len(units) > 1}
    assert len(shared) >= 3
    for pid, units in by_problem.items():
        (merged,) = rows(db, "SELECT * FROM progress_reports WHERE source = 'merged' AND"
                             " problem_id = ?", [pid])
        problem = rows(db, "SELECT * FROM problems WHERE id = ?", [pid])[0]
        assert problem["progress"] == merged["text"] and problem["status"] == merged["status"]
        for unit in units:
            assert f"{unit}：{unit}本月推进" in merged["text"]
        if pid in shared:
            lead = problem["lead_units"][0]
            assert merged["text"].startswith(f"{lead}：") or lead not in units
            assert merged["status"] != "completed" or all(
                r["status"] == "completed" for r in rows(
                    db, "SELECT status FROM progress_reports WHERE source = 'unit_form' AND"
                        " problem_id = ?", [pid]))


def test_dump_lists_every_units_report_in_the_history(county, tmp_path):
    db, path = county
    cli("export", "unit-forms", "--db", path, "--out", tmp_path / "下发", "--period", PERIOD)
    answered = fill_every_form(tmp_path / "下发", tmp_path / "交回")
    cli("collect", *sorted((tmp_path / "交回").glob("*.xlsx")), "--db", path)
    dumped = json.loads(cli("dump", "--db", path).stdout)
    history = {(h["unit"], p["code"]) for p in dumped["problems"] for h in p["progress_history"]
               if h["source"] == "unit_form"}
    assert len(history) == sum(len(ids) for ids in answered.values())
    assert all("difficulties" in h and "phone" in h for p in dumped["problems"]
               for h in p["progress_history"])
