"""The actual completion date (completed_on) in the exported ledger: a 实际完成时间 column when
some problem has one, none otherwise, and our importer reads it back as completed_on."""

from __future__ import annotations

from openpyxl import load_workbook

from db.connection import open_register
from db.records import rows
from desktop.cli import main as cli
from desktop.ledger.importing.importer import import_file
from tests.ledger.forms_support import add_problem

HEADER_ROW = 3


def headers(path) -> list:
    return [c.value for c in load_workbook(path).active[HEADER_ROW]]


def column_values(path, title: str) -> list:
    ws = load_workbook(path).active
    col = [c.value for c in ws[HEADER_ROW]].index(title) + 1
    return [ws.cell(r, col).value for r in range(HEADER_ROW + 2, ws.max_row + 1)]


def two_problems(db, completed_on=None) -> None:
    add_problem(db, code="1", description="污水直排入河", lead_units=["县住建局"],
                deadline="2024-06-30", deadline_text="2024年6月底前", status="completed",
                status_text="已完成", completed_on=completed_on)
    add_problem(db, code="2", description="扬尘治理不到位", lead_units=["县城管局"],
                deadline="2024-12-31", deadline_text="2024年12月底前")


def test_the_column_appears_only_when_some_problem_was_completed(register, tmp_path):
    db_path = register.conn.execute("PRAGMA database_list").fetchone()[2]
    two_problems(register)
    out = tmp_path / "无完成.xlsx"
    assert cli(["export", "ledger", "--db", db_path, "--out", str(out)]) == 0
    assert "实际完成时间" not in headers(out)
    register.execute("UPDATE problems SET completed_on = '2024-05-18' WHERE code = '1'")
    register.conn.commit()
    out = tmp_path / "有完成.xlsx"
    assert cli(["export", "ledger", "--db", db_path, "--out", str(out)]) == 0
    found = headers(out)
    assert found.index("实际完成时间") > found.index("整改时限")
    assert column_values(out, "实际完成时间") == ["2024-05-18", None]
    assert column_values(out, "整改时限") == ["2024年6月底前", "2024年12月底前"]


def test_the_exported_date_reads_back_as_completed_on_not_the_deadline(register, tmp_path):
    two_problems(register, completed_on="2024-05-18")
    db_path = register.conn.execute("PRAGMA database_list").fetchone()[2]
    out = tmp_path / "台账.xlsx"
    assert cli(["export", "ledger", "--db", db_path, "--out", str(out)]) == 0
    other = open_register(tmp_path / "另一个.db")
    assert import_file(other, out).committed
    assert rows(other, "SELECT code, deadline, completed_on FROM problems ORDER BY code") == [
        {"code": "1", "deadline": "2024-06-30", "completed_on": "2024-05-18"},
        {"code": "2", "deadline": "2024-12-31", "completed_on": None}]
    other.close()
