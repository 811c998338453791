"""The window's queries: filters, deadline buckets, warnings and sorting happen in SQL."""

import datetime as dt

import pytest

from db.changes import recorded_step
from db.demo import build_demo
from db.progress import add_progress_report
from db.queries import (
    FILTER_BUCKETS,
    SORT_KEYS,
    PetitionFilter,
    ProblemFilter,
    code_taken,
    filter_choices,
    petition_counts,
    petition_list,
    problem_detail,
    problem_list,
    step_touch,
)

AS_OF = dt.date(2026, 11, 24)


@pytest.fixture
def demo(register):
    build_demo(register, as_of=AS_OF)
    return register


def test_buckets_and_warnings_are_the_schedule_assessment(demo):
    from db.records import measures_by_problem, problem_rows
    from db.settings import load_report_settings, round_starts
    from desktop.core.schedule import assess

    rows = {r["id"]: r for r in problem_list(demo, as_of=AS_OF)}
    assert len(rows) == 63
    settings, starts, measures = load_report_settings(demo), round_starts(demo), \
        measures_by_problem(demo)
    for p in problem_rows(demo):
        a = assess(p, measures.get(p["id"], []), AS_OF, starts.get(p["round_id"]), settings)
        row = rows[p["id"]]
        assert (row["bucket"], row["assessment"], row["days_left"]) == \
            (a.bucket, a.code, a.days_left), p["code"]
    by_bucket = {b: problem_list(demo, ProblemFilter(bucket=b), as_of=AS_OF)
                 for b in FILTER_BUCKETS}
    assert all(by_bucket[b] for b in ("overdue", "d10", "d20", "later", "long_term"))
    assert all(r["days_left"] < 0 and r["warning"] == "overdue" for r in by_bucket["overdue"])
    assert all(0 <= r["days_left"] <= 10 for r in by_bucket["d10"])


def test_assessments_follow_a_change_when_refreshed(demo):
    from db.queries import refresh_assessments

    row = problem_list(demo, ProblemFilter(bucket="overdue"), as_of=AS_OF)[0]
    with recorded_step(demo, "完成") as step:
        add_progress_report(step, row["id"], period="2026-11", text="已完成", status="completed",
                            percent=100)
    refresh_assessments(demo, as_of=AS_OF, ids=[row["id"]])
    again = problem_list(demo, ProblemFilter(search=row["title"]), as_of=AS_OF)[0]
    assert again["warning"] == "done" and again["bucket"] == "done"


def test_warnings_put_overdue_before_behind_before_due_soon(demo):
    rows = problem_list(demo, sort="warning", as_of=AS_OF)
    order = [r["warning"] for r in rows]
    firsts = [order.index(w) for w in ("overdue", "behind", "due_soon")]
    assert firsts == sorted(firsts)
    assert order.count("overdue") > 0
    assert order.count("done") == sum(r["status"] in ("completed", "closed") for r in rows)


def test_filters_combine_unit_status_category_round_and_words(demo):
    choices = filter_choices(demo)
    assert "省林草局" in choices["units"] and len(choices["rounds"]) == 1
    flt = ProblemFilter(unit="省林草局", status="open", round_id=choices["rounds"][0][0])
    rows = problem_list(demo, flt, as_of=AS_OF)
    assert rows and all(r["status"] not in ("completed", "closed") for r in rows)
    assert all("省林草局" in r["lead_units"] + r["responsible_units"] for r in rows)
    category = choices["categories"][0]
    assert all(r["category"] == category
               for r in problem_list(demo, ProblemFilter(category=category)))
    both = problem_list(demo, ProblemFilter(search="生态 保护"))
    assert both and len(both) < len(problem_list(demo, ProblemFilter(search="生态")))
    assert problem_list(demo, ProblemFilter(search="100%_不存在")) == []


@pytest.mark.parametrize("key", sorted(SORT_KEYS))
def test_every_sort_key_runs_both_ways(demo, key):
    up = [r["id"] for r in problem_list(demo, sort=key, as_of=AS_OF)]
    down = [r["id"] for r in problem_list(demo, sort=key, descending=True, as_of=AS_OF)]
    assert sorted(up) == sorted(down) and len(up) == 63


def test_code_sort_is_numeric_and_status_sort_follows_the_status_order(demo):
    from desktop.core.status import STATUS_CODES

    codes = [r["code"] for r in problem_list(demo, sort="code", as_of=AS_OF)]
    assert codes == [str(n) for n in range(1, 64)]  # 2 before 10: numbers, not text
    back = [r["code"] for r in problem_list(demo, sort="code", descending=True, as_of=AS_OF)]
    assert back == codes[::-1]
    rows = problem_list(demo, sort="status", as_of=AS_OF)
    ranks = [STATUS_CODES.index(r["status"]) for r in rows]
    assert ranks == sorted(ranks) and len(set(ranks)) > 2
    down = [STATUS_CODES.index(r["status"])
            for r in problem_list(demo, sort="status", descending=True, as_of=AS_OF)]
    assert down == sorted(ranks, reverse=True)
    first_status = [r for r in rows if r["status"] == rows[0]["status"]]
    same = [int(r["code"]) for r in first_status]
    assert same == sorted(same)  # code order breaks ties within a status


def test_deadline_sort_keeps_problems_without_a_date_last(demo):
    for descending in (False, True):
        rows = problem_list(demo, sort="deadline", descending=descending, as_of=AS_OF)
        dates = [r["deadline"] for r in rows]
        assert None not in dates[: dates.index(None)] and all(d is None for d in
                                                              dates[dates.index(None):])


def test_detail_and_code_taken(demo):
    first = problem_list(demo)[0]
    detail = problem_detail(demo, first["id"])
    assert detail["round"] and detail["history"] and "measures" in detail
    assert code_taken(demo, detail["round_id"], "2", first["id"])
    assert not code_taken(demo, detail["round_id"], first["code"], first["id"])


def test_step_touch_names_the_problems_a_step_changed(demo):
    pid = problem_list(demo)[3]["id"]
    with recorded_step(demo, "填报") as step:
        add_progress_report(step, pid, period="2026-12", text="进展", status="on_schedule")
    touch = step_touch(demo, step.id)
    assert touch.problem_ids == {pid} and not touch.problems_came_or_went
    assert {"problems", "progress_reports"} <= touch.tables


def test_petition_filters_and_counts(demo):
    assert len(petition_list(demo)) == 120
    done = petition_list(demo, PetitionFilter(status="done"))
    assert all(p["status"] == "done" for p in done)
    counts = petition_counts(demo)
    assert counts["done"] == len(done) and counts["total"] == 120
    water = petition_list(demo, PetitionFilter(pollution_type="水"))
    assert water and all("水" in p["pollution_types"] for p in water)
