import datetime as dt

import pytest

from desktop.core.report_settings import ReportSettings
from desktop.core.schedule import assess, assess_measure

D = dt.date
START = D(2022, 1, 1)


def problem(**kw):
    base = {"status": "in_progress", "percent": None, "deadline": "2022-12-31",
            "deadline_kind": "fixed", "deadline_text": "2022年12月底前"}
    base.update(kw)
    return base


@pytest.mark.parametrize("status", ["completed", "closed"])
def test_done_stays_done_even_past_deadline(status):
    a = assess(problem(status=status, percent=20), [], D(2024, 1, 1), START)
    assert a.code == status and a.bucket == "done" and a.colour == ""


def test_expected_share_against_reported_percent_gives_behind_with_explanation():
    # 2022-01-01 → 2022-12-31 is 364 days; on 2022-08-16 227 days have elapsed: 62%.
    a = assess(problem(percent=40), [], D(2022, 8, 16), START)
    assert a.code == "behind_schedule" and a.expected_percent == 62
    assert a.explanation.startswith("应完成62%，已报完成40%")
    assert a.days_left == 137 and a.bucket == "later" and a.colour == "orange"


@pytest.mark.parametrize("pct,code", [(62, "on_schedule"), (71, "on_schedule"),
                                      (72, "ahead"), (61, "behind_schedule")])
def test_margins(pct, code):
    assert assess(problem(percent=pct), [], D(2022, 8, 16), START).code == code


def test_ahead_margin_is_a_setting():
    s = ReportSettings(ahead_margin=30)
    assert assess(problem(percent=72), [], D(2022, 8, 16), START, s).code == "on_schedule"


def test_past_deadline_not_done_is_overdue_in_red():
    a = assess(problem(percent=90), [], D(2023, 1, 10), START)
    assert a.code == "overdue" and a.bucket == "overdue" and a.colour == "red"
    assert a.days_left == -10 and "已逾期10天" in a.explanation and "90%" in a.explanation


@pytest.mark.parametrize("as_of,bucket,colour", [
    (D(2022, 12, 31), "d10", "yellow"), (D(2022, 12, 21), "d10", "yellow"),
    (D(2022, 12, 20), "d20", "blue"), (D(2022, 12, 11), "d20", "blue"),
    (D(2022, 12, 10), "later", "")])
def test_buckets(as_of, bucket, colour):
    a = assess(problem(percent=99), [], as_of, START)
    assert (a.bucket, a.colour) == (bucket, colour)


def test_immediate_is_due_one_month_after_the_round_start():
    p = problem(deadline=None, deadline_kind="immediate", deadline_text="立行立改")
    assert assess(p, [], D(2022, 2, 1), START).bucket == "d10"
    late = assess(p, [], D(2022, 2, 2), START)
    assert late.code == "overdue" and late.due == D(2022, 2, 1)
    unknown_start = assess(p, [], D(2022, 2, 2), None)
    assert unknown_start.bucket == "immediate" and unknown_start.code == "on_schedule"


def test_long_term_without_milestone_follows_the_reported_status():
    p = problem(deadline=None, deadline_kind="long_term", deadline_text="长期坚持")
    assert assess(p, [], D(2030, 1, 1), START).code == "on_schedule"
    assert assess(p, [], D(2030, 1, 1), START).bucket == "long_term"
    assert assess(problem(deadline=None, deadline_kind="long_term",
                          status="behind_schedule"), [], D(2030, 1, 1), START).code \
        == "behind_schedule"


def test_long_term_is_judged_by_its_milestone():
    p = problem(deadline="2024-12-31", deadline_kind="long_term",
                deadline_text="2024年底前，并长期坚持", percent=10)
    assert assess(p, [], D(2024, 6, 30), D(2024, 1, 1)).code == "behind_schedule"
    assert assess(p, [], D(2025, 1, 2), D(2024, 1, 1)).code == "overdue"


def test_long_term_milestone_from_unfinished_measures():
    p = problem(deadline=None, deadline_kind="long_term")
    measures = [{"deadline": "2022-03-31", "status": "completed"},
                {"deadline": "2022-09-30", "status": "pending"},
                {"deadline": None, "deadline_kind": "long_term", "status": "pending"}]
    a = assess(p, measures, D(2022, 9, 25), START)
    assert a.due == D(2022, 9, 30) and a.bucket == "d10"
    assert a.reported_percent == pytest.approx(100 / 3)


def test_problem_without_date_takes_the_latest_measure_deadline():
    p = problem(deadline=None, deadline_kind="unknown", deadline_text="")
    measures = [{"deadline": "2022-06-30", "status": "pending"},
                {"deadline": "2022-12-31", "status": "pending"}]
    assert assess(p, measures, D(2022, 12, 1), START).due == D(2022, 12, 31)


def test_unreadable_deadline_is_not_judged():
    p = problem(deadline=None, deadline_kind="unknown", deadline_text="看情况")
    a = assess(p, [], D(2022, 6, 1), START)
    assert a.code == "no_deadline" and a.bucket == "none" and "无法识别" in a.explanation


def test_without_percent_the_status_decides():
    assert assess(problem(status="pending"), [], D(2022, 6, 1), START).code == "behind_schedule"
    ip = assess(problem(status="in_progress"), [], D(2022, 6, 1), START)
    assert ip.code == "on_schedule" and "未报完成比例" in ip.explanation
    assert assess(problem(status="behind_schedule"), [], D(2022, 6, 1), START).code \
        == "behind_schedule"


def test_without_round_start_no_expected_share():
    a = assess(problem(percent=5), [], D(2022, 6, 1), None)
    assert a.expected_percent is None and "未设置反馈日期" in a.explanation


def test_working_days_left_use_the_holiday_calendar():
    s = ReportSettings(day_mode="working")
    p = problem(deadline="2024-10-10", percent=99)
    a = assess(p, [], D(2024, 9, 27), D(2024, 1, 1), s)
    assert a.days_left == 5 and "剩余5个工作日" in a.explanation  # 国庆 and its make-up days
    assert assess(p, [], D(2024, 9, 27), D(2024, 1, 1)).days_left == 13


def test_measure_under_way_takes_the_problem_status():
    m = {"deadline": "2022-12-31", "deadline_kind": "fixed", "status": "pending"}
    assert assess_measure(m, D(2022, 6, 1), START).code == "behind_schedule"
    assert assess_measure(m, D(2022, 6, 1), START, parent_status="in_progress").code \
        == "on_schedule"


def test_alerts_in_three_colours_plus_behind():
    from desktop.core.alerts import alert_counts, alerts_for

    late = assess(problem(percent=10), [], D(2023, 1, 3), START)
    soon = assess(problem(percent=10), [], D(2022, 12, 25), START)
    fine = assess(problem(percent=99), [], D(2022, 12, 15), START)
    assert [a.colour for a in alerts_for(late)] == ["red"]
    assert [(a.kind, a.colour) for a in alerts_for(soon)] == [("d10", "yellow"),
                                                              ("behind", "orange")]
    assert [a.colour for a in alerts_for(fine)] == ["blue"]
    counts = alert_counts([late, soon, fine])
    assert counts == {"overdue": 1, "d10": 1, "d20": 1, "later": 0, "behind": 1}


def test_all_measures_done_is_completed():
    measures = [{"deadline": "2022-06-30", "status": "completed"},
                {"deadline": "2022-12-31", "status": "closed"}]
    a = assess(problem(status="in_progress"), measures, D(2023, 3, 1), START)
    assert a.code == "completed" and "全部完成" in a.explanation
