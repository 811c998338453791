"""The command line over supervision: report flagged (PDF, Excel), export archive, export
chronicle (Word, Excel), dump and summary, on the demo and on an imported ledger."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest

from db.accountability import save_accountability
from db.closure import record_closure_step
from db.connection import open_register
from db.evidence import attach_evidence
from db.flags import flag_problem
from desktop.cli import main as cli


@pytest.fixture
def demo_db(tmp_path) -> Path:
    path = tmp_path / "演示 台账.db"
    assert cli(["demo", "--db", str(path)]) == 0
    return path


@pytest.fixture
def imported_db(tmp_path, samples) -> Path:
    """The county sample imported, then one problem closed with evidence, one flagged and one
    accountability case recorded through the register's own services."""
    path = tmp_path / "县 台账.db"
    assert cli(["import", str(samples / "ledger_county_problems.xlsx"), "--db", str(path)]) == 0
    db = open_register(path)
    today = dt.date.today().isoformat()
    done = db.execute("SELECT id FROM problems WHERE status = 'completed' ORDER BY id").fetchone()[0]
    behind = db.execute("SELECT id FROM problems WHERE status = 'behind_schedule'").fetchone()[0]
    report = tmp_path / "整改 报告.pdf"
    report.write_bytes(b"%PDF-1.4 /Type /Page /Type /Page /Type /Page /Type /Pages %%EOF")
    attach_evidence(db, done, report, "整改报告", today)
    record_closure_step(db, done, {"kind": "apply", "happened_on": today})
    record_closure_step(db, done, {"kind": "verify", "happened_on": today, "person": "核查组",
                                   "passed": True})
    record_closure_step(db, done, {"kind": "close", "happened_on": today, "doc": "县〔2026〕9号"})
    flag_problem(db, behind, {"level": "县", "leader": "刘副县长", "reason": "进度滞后",
                              "since": today})
    save_accountability(db, {"unit": "县水务局", "action": "通报批评", "decided_on": today,
                             "problem_id": behind})
    db.close()
    return path


def dumped(capsys, path: Path) -> dict:
    capsys.readouterr()
    assert cli(["dump", "--db", str(path)]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("which", ["demo_db", "imported_db"])
def test_flagged_list_archive_and_chronicle(request, capsys, tmp_path, which):
    path = request.getfixturevalue(which)
    data = dumped(capsys, path)
    flagged = [p for p in data["problems"] if p["flag"]]
    closed = [p for p in data["problems"] if p["closure"]["stage"] == "closed" and p["evidence"]]
    assert flagged and closed and data["accountability"]
    pdf, xlsx = tmp_path / "挂牌 清单.pdf", tmp_path / "挂牌 清单.xlsx"
    assert cli(["report", "flagged", "--db", str(path), "--pdf", str(pdf), "--xlsx", str(xlsx)]) == 0
    out = capsys.readouterr().out
    assert f"挂牌督办问题共{len(flagged)}个" in out and flagged[0]["flag"]["leader"] in out
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout   # searching the PDF finds the words written
    assert "督办领导" in text and not [ch for ch in text if 0x2E80 <= ord(ch) < 0x2FE0]
    sheet = openpyxl.load_workbook(xlsx).active
    codes = [str(r[1].value) for r in sheet.iter_rows(min_row=4) if r[1].value]
    assert codes == [p["code"] for p in flagged]

    archive = tmp_path / "档案"
    assert cli(["export", "archive", "--db", str(path), "--out", str(archive)]) == 0
    index = openpyxl.load_workbook(archive / "档案目录.xlsx").active
    rows = [[c.value for c in r] for r in index.iter_rows(min_row=2)]
    evidence = [(p["code"], e) for p in data["problems"] for e in p["evidence"]]
    assert len(rows) == len(evidence) and all(r[-1] == "已归档" for r in rows)
    for row in rows:
        assert (archive / row[3] / row[4]).is_file() and row[3].startswith(f"{row[1]}-")

    for suffix in ("docx", "xlsx"):
        target = tmp_path / f"大事记.{suffix}"
        assert cli(["export", "chronicle", "--db", str(path), "--out", str(target)]) == 0
    words = [p.text for p in docx.Document(tmp_path / "大事记.docx").paragraphs]
    assert len(words) >= 1
    dates = [r[1].value for r in openpyxl.load_workbook(tmp_path / "大事记.xlsx").active
             .iter_rows(min_row=3)]
    assert dates == sorted(dates) and len(dates) == len(data["chronicle"])


def test_imported_ledger_dump_and_summary(capsys, imported_db):
    data = dumped(capsys, imported_db)
    closed = next(p for p in data["problems"] if p["closure"]["closure_doc"] == "县〔2026〕9号")
    assert closed["status"] == "closed" and closed["evidence"][0]["file"] == "整改 报告.pdf"
    assert closed["evidence"][0]["pages"] == 3 and len(closed["evidence"][0]["sha256"]) == 64
    assert data["accountability"] == [{
        "unit": "县水务局", "person": "", "action": "通报批评",
        "decided_on": dt.date.today().isoformat(), "note": "",
        "problem": next(p["code"] for p in data["problems"] if p["flag"]), "petition": None}]
    assert cli(["summary", "--db", str(imported_db)]) == 0
    assert capsys.readouterr().out.strip().endswith("；对1个责任单位进行追责问责。")


def test_bad_output_names_are_refused(capsys, demo_db, tmp_path):
    assert cli(["export", "chronicle", "--db", str(demo_db), "--out", str(tmp_path / "x.txt")]) == 1
    assert ".docx" in capsys.readouterr().err
    assert cli(["report", "flagged", "--db", str(demo_db), "--pdf", str(tmp_path / "x.xlsx")]) == 1
    assert not (tmp_path / "x.xlsx").exists()
