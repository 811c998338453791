"""Fill-back only into the register's own problems: same round and code and a problem text that
agrees; a template of other problems is refused; the 截至 line brought up to the as-of date."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import load_workbook

from db.changes import recorded_step
from db.demo import build_demo
from db.progress import add_progress_report
from desktop.cli import main as cli
from desktop.ledger.errors import LedgerRefused
from desktop.ledger.importing.importer import import_file
from desktop.ledger.reading.ledger import read_ledger
from desktop.ledger.writing.fill_back import fill_back

COUNTY = "ledger_county_problems.xlsx"
PROGRESS_COL, AS_OF_CELL = 9, "H2"


@pytest.fixture
def county(register, samples):
    import_file(register, samples / COUNTY)
    with recorded_step(register, "报进展") as step:
        for pid, description in register.execute("SELECT id, description FROM problems"):
            add_progress_report(step, pid, period="2024-06", text=f"「{description[:12]}」本月进展",
                                status="on_schedule")
    return register


def test_each_row_gets_its_own_problems_progress(county, samples, tmp_path):
    out = tmp_path / "回填.xlsx"
    result = fill_back(county, samples / COUNTY, out, as_of=dt.date(2024, 6, 30))
    ws = load_workbook(out).active
    rows = read_ledger(samples / COUNTY).problems
    assert len(result.filled) == len(rows) and not result.disagree
    for row in rows:   # the words written name the row's own problem
        assert ws.cell(row["source_row"], PROGRESS_COL).value == f"「{row['description'][:12]}」本月进展"
    assert ws[AS_OF_CELL].value == "截至：2024年6月30日" and result.as_of_cells == [AS_OF_CELL]


def test_a_template_of_other_problems_is_refused_and_nothing_written(register, samples, tmp_path):
    build_demo(register)   # its problems are numbered 1, 2, 3 … like the county's
    out = tmp_path / "回填.xlsx"
    with pytest.raises(LedgerRefused) as refused:
        fill_back(register, samples / COUNTY, out)
    message = str(refused.value)
    assert "不是本台账的问题" in message and "第5行问题1" in message and not out.exists()
    code = cli(["export", "fill-back", "--db", str(tmp_path / "台账 测试.db"),
                "--template", str(samples / COUNTY), "--out", str(out)])
    assert code == 1 and not out.exists()


def test_a_row_that_disagrees_is_left_untouched_and_listed(county, samples, tmp_path, capsys):
    template = tmp_path / "上级表.xlsx"
    wb = load_workbook(samples / COUNTY)
    wb.active["B8"] = "某工业园区企业夜间偷排高浓度废水，周边群众多次投诉"
    wb.save(template)
    out = tmp_path / "回填.xlsx"
    db_path = county.execute("PRAGMA database_list").fetchone()[2]
    assert cli(["export", "fill-back", "--db", db_path, "--template", str(template),
                "--out", str(out), "--as-of", "2024-06-30", "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert [(d["row"], d["code"]) for d in said["disagree"]] == [(8, "2")]
    ws = load_workbook(out).active
    assert ws.cell(8, PROGRESS_COL).value == load_workbook(template).active.cell(8, PROGRESS_COL).value
    assert ws.cell(5, PROGRESS_COL).value.endswith("本月进展")
