import datetime as dt
import re

import pytest

from db.changes import recorded_step, undo
from db.demo import build_demo
from db.progress import add_progress_report
from db.settings import (
    get_setting,
    load_report_settings,
    round_starts,
    save_report_settings,
    set_round_start,
    set_setting,
    set_signature_defaults,
)
from desktop.core.report_settings import ReportSettings
from desktop.reports.monthly import COLUMNS, build_monthly, parse_month, units_text
from desktop.reports.snapshot import completion_trend_data, take_snapshot

AS_OF = dt.date(2024, 11, 20)


@pytest.fixture
def demo(register):
    build_demo(register, as_of=AS_OF)
    return register


def test_monthly_sheet_of_the_demo(demo):
    set_signature_defaults(demo, {"unit": "省整改办", "reporter": "张三"})
    sheet = build_monthly(demo, "2024-11", as_of=AS_OF)
    assert sheet.title == "2024年11月整改进展情况表" and sheet.unit == "省整改办"
    assert len(sheet.rows) == 63 and [r.seq for r in sheet.rows] == list(range(1, 64))
    assert all(len(r.cells()) == len(COLUMNS) for r in sheet.rows)
    assert sheet.signature["reporter"] == "张三" and sheet.signature["date"] == "2024年11月20日"
    stats = sheet.snapshot.problem_stats
    figures = sheet.snapshot.figures
    assert figures.completed + figures.on_schedule + figures.behind + figures.other == 63
    assert f"督察反馈的63个问题完成整改{figures.completed}个" in sheet.paragraph
    assert sheet.paragraph.startswith("截至2024年11月20日")
    assert stats.by_assessed["overdue"] >= 1 and stats.by_assessed["behind_schedule"] >= 1
    overdue = next(r for r in sheet.rows if r.assessment.code == "overdue")
    assert overdue.cells()[-1].startswith("逾期未完成\n") and overdue.assessment.colour == "red"
    assert re.search(r"逾期\d+天", overdue.cells()[-1]) and "（" not in overdue.cells()[-1]


def test_this_months_progress_or_a_note(demo):
    sheet = build_monthly(demo, "2024-11", as_of=AS_OF)
    texts = {r.progress for r in sheet.rows}
    assert "已完成整改" in texts and any("累计完成" in t for t in texts)
    with recorded_step(demo, "填报") as step:
        add_progress_report(step, 1, period="2024-12", text="十二月新进展", percent=100,
                            status="completed")
    later = build_monthly(demo, "2024-12", as_of=dt.date(2024, 12, 31))
    assert later.rows[0].progress == "十二月新进展"
    assert {r.progress for r in later.rows[1:]} <= {"已完成整改", "本月未报送进展"}


def test_an_earlier_month_shows_the_status_reported_then(demo):
    now = take_snapshot(demo, AS_OF)
    before = take_snapshot(demo, dt.date(2024, 2, 29))
    assert before.problem_stats.group("completed") < now.problem_stats.group("completed")


def test_completion_trend_from_history(demo):
    trend = completion_trend_data(demo, "2024-11")
    assert len(trend) == 12 and trend[-1][0] == "2024-11" and trend[0][0] == "2023-12"
    done = [d for _, d, _ in trend]
    reopened = demo.execute("SELECT count(*) FROM problems WHERE closure_stage = 'reopened'"
                            ).fetchone()[0]
    assert reopened == 1  # the demo's rebound: the only month the count may fall
    assert sum(max(0, a - b) for a, b in zip(done, done[1:])) == reopened
    assert done[-1] == take_snapshot(demo, AS_OF).problem_stats.group(
        "completed") and trend[-1][2] == 63


def test_settings_change_the_judgement(demo):
    assert load_report_settings(demo) == ReportSettings()
    save_report_settings(demo, ReportSettings(day_mode="working", completion_rule="done_staged",
                                              extra_holidays=frozenset({dt.date(2031, 1, 2)})))
    settings = load_report_settings(demo)
    assert settings.day_mode == "working" and dt.date(2031, 1, 2) in settings.extra_holidays
    snap = take_snapshot(demo, AS_OF)
    assert any("工作日" in a.explanation for a in snap.assessments)
    assert snap.petition_stats.rule == "done_staged"
    set_setting(demo, "schedule.day_mode", "lunar")
    assert load_report_settings(demo) == ReportSettings()  # a bad stored value is not a crash
    assert get_setting(demo, "missing", 5) == 5


def test_round_start_is_settable_and_undoable(demo):
    (round_id, start), = round_starts(demo).items()
    set_round_start(demo, round_id, dt.date(2024, 1, 1))
    assert round_starts(demo)[round_id] == dt.date(2024, 1, 1)
    undo(demo)
    assert round_starts(demo)[round_id] == start
    set_round_start(demo, round_id, None)
    snap = take_snapshot(demo, AS_OF)
    assert any("未设置反馈日期" in a.explanation for a in snap.assessments)


@pytest.mark.parametrize("text", ["2024-13", "2024", "五月", ""])
def test_bad_month(text):
    with pytest.raises(ValueError, match="YYYY-MM"):
        parse_month(text)


def test_units_cut_like_documents():
    assert units_text({"lead_units": ["甲"], "responsible_units": ["乙", "丙"]}) == "甲、乙、丙"
    many = {"lead_units": ["甲", "乙"], "responsible_units": ["丙", "丁", "戊", "己"]}
    assert units_text(many) == "甲、乙、丙等6个单位"
