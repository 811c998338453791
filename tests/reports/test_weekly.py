"""信息周报告: the monthly sheet's table, counts and paragraph for an ISO week."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from db.changes import recorded_step
from db.demo import build_demo
from db.progress import add_progress_report
from db.records import rows
from desktop.ledger.forms.collect import collect_forms
from desktop.ledger.forms.unit_forms import export_unit_forms
from desktop.reports.monthly import build_monthly, build_weekly
from tests.ledger.forms_support import fill_form

AS_OF = dt.date(2024, 11, 20)          # Wednesday of ISO week 2024-W47
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo(register):
    build_demo(register, as_of=AS_OF)
    with recorded_step(register, "周报") as step:
        add_progress_report(step, 1, period="2024-W47", text="本周完成管网铺设2公里", percent=60,
                            status="in_progress")
    return register


def test_weekly_sheet_has_the_monthly_counts_and_paragraph(demo):
    week = build_weekly(demo, "2024-W47", as_of=AS_OF)
    month = build_monthly(demo, "2024-11", as_of=AS_OF)
    assert week.title == "2024年第47周（11月18日—11月24日）整改进展情况表"
    assert week.paragraph == month.paragraph and week.sheet_name == "周进展"
    assert week.snapshot.problem_stats == month.snapshot.problem_stats
    assert "本周进展" in week.columns and "本月进展" not in week.columns
    assert len(week.rows) == 63 and week.rows[0].progress == "本周完成管网铺设2公里"
    assert {r.progress for r in week.rows[1:]} <= {"已完成整改", "本周未报送进展"}
    assert [r.assessment.code for r in week.rows] == [r.assessment.code for r in month.rows]


def test_a_week_report_is_not_newer_than_a_later_month(demo):
    with recorded_step(demo, "月报") as step:
        add_progress_report(step, 2, period="2024-12", text="十二月进展", status="in_progress")
        add_progress_report(step, 2, period="2024-W47", text="补报的第47周进展", status="in_progress")
    problem = rows(demo, "SELECT progress FROM problems WHERE id = 2")[0]
    assert problem["progress"] == "十二月进展"
    earlier = build_weekly(demo, "2024-W47", as_of=AS_OF)
    assert earlier.rows[1].progress == "补报的第47周进展"


def test_unit_forms_for_a_week_are_collected_as_that_weeks_reports(demo, tmp_path):
    forms = export_unit_forms(demo, tmp_path / "下发", period="2024-W48")
    assert forms and all("_2024-W48_" in f.path.name for f in forms)
    first = forms[0]
    returned = fill_form(first.path, tmp_path / "交回.xlsx",
                         {0: {"text": "第48周已完成排查", "status_text": "正在推进"}})
    result = collect_forms(demo, [returned])
    assert result.committed
    got = rows(demo, "SELECT period, text FROM progress_reports WHERE text = '第48周已完成排查'")
    assert got == [{"period": "2024-W48", "text": "第48周已完成排查"}]
    sheet = build_weekly(demo, "2024-W48", as_of=dt.date(2024, 11, 27))
    # the week's merged progress: the unit's words, labelled with the unit when the problem has several
    assert [r.progress for r in sheet.rows if r.progress.endswith("第48周已完成排查")] == [
        f"{first.unit}：第48周已完成排查"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


def test_report_weekly_command_writes_pdf_and_xlsx(demo, tmp_path):
    db = demo.execute("PRAGMA database_list").fetchone()[2]
    pdf, xlsx = tmp_path / "周 报.pdf", tmp_path / "周报.xlsx"
    done = run("report", "weekly", "--db", db, "--week", "2024-W47", "--pdf", str(pdf),
               "--xlsx", str(xlsx))
    assert done.returncode == 0, done.stderr
    assert "2024年第47周" in done.stdout and "共 63 个问题" in done.stdout
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    ws = load_workbook(xlsx)["周进展"]
    cells = {c.value for row in ws.iter_rows(max_row=8) for c in row}
    assert "本周进展" in cells
    bad = run("report", "weekly", "--db", db, "--week", "2021-W53")
    assert bad.returncode == 1 and "没有第53周" in bad.stderr


def test_collecting_takes_the_newest_period_issued_by_its_days(demo, tmp_path):
    from desktop.ledger.forms.collect import _current_period

    export_unit_forms(demo, tmp_path / "周", period="2024-W48")
    export_unit_forms(demo, tmp_path / "月", period="2024-12")
    assert _current_period(demo, []) == "2024-12"
