"""The published provinces' figures (DOMAIN.md), pushed through assess → stats → summary."""

import datetime as dt

import pytest

from desktop.core.schedule import assess
from desktop.core.stats import format_rate, petition_stats, problem_stats
from desktop.core.summary import as_of_phrase, figures_from, summary_paragraph

D = dt.date
AS_OF, START = D(2022, 12, 31), D(2022, 1, 1)


def register(completed=0, on_schedule=0, behind=0, in_progress=0, overdue=0, measures=None):
    """Problem dicts whose assessment as of AS_OF gives exactly the requested counts."""
    plan = ([("completed", 100, "2022-06-30", "fixed")] * completed
            + [("in_progress", 80, "2023-06-30", "fixed")] * on_schedule
            + [("in_progress", 10, "2023-06-30", "fixed")] * behind
            + [("in_progress", None, None, "long_term")] * in_progress
            + [("in_progress", 60, "2022-10-31", "fixed")] * overdue)
    problems = [{"id": i, "status": s, "percent": pct, "deadline": d, "deadline_kind": k,
                 "category": "水" if i % 2 else "大气", "round": "第二轮",
                 "lead_units": [f"单位{i % 3}"]} for i, (s, pct, d, k) in enumerate(plan)]
    by_id = measures or {}
    assessments = [assess(p, by_id.get(p["id"], []), AS_OF, START) for p in problems]
    return problem_stats(problems, by_id, assessments)


def petitions(done, staged, in_progress):
    return [{"status": s, "district": "甲区", "pollution_types": ["水"], "verified": "true"}
            for s, n in (("done", done), ("staged", staged), ("in_progress", in_progress))
            for _ in range(n)]


def test_hunan_sentence_exactly_as_published():
    figures = figures_from(AS_OF, register(completed=25, on_schedule=26, behind=2),
                           petition_stats(petitions(3177, 121, 23)))
    assert summary_paragraph(figures) == (
        "截至2022年12月底，督察反馈的53个问题完成整改25个、达到序时进度26个、未达序时进度2个；"
        "交办的3321件信访件已办结3177件，阶段办结121件，正在整改23件，办结率95.7%。")


def test_overdue_counts_as_behind_and_the_counts_add_up():
    stats = register(completed=25, on_schedule=26, behind=1, overdue=1)
    assert stats.by_assessed["overdue"] == 1 and stats.group("behind") == 2
    assert sum(stats.by_group.values()) == 53


def test_yunnan_in_progress_long_term_and_rate_counting_staged():
    stats = register(completed=19, in_progress=31)
    pets = petition_stats(petitions(2970, 7, 3069 - 2977), rule="done_staged")
    text = summary_paragraph(figures_from(AS_OF, stats, pets))
    assert "督察反馈的50个问题完成整改19个、达到序时进度31个；" in text
    assert text.endswith("办结率97%。")
    assert format_rate(petition_stats(petitions(2970, 7, 92)).rate) == "96.8%"


def test_guangxi_all_due_completed():
    stats = register(completed=19, on_schedule=20)
    text = summary_paragraph(figures_from(AS_OF, stats, petition_stats(petitions(3848, 69, 0))))
    assert "39个问题完成整改19个、达到序时进度20个；" in text
    assert "交办的3917件信访件已办结3848件，阶段办结69件，办结率98.2%。" in text
    assert "正在整改" not in text and "未达序时进度" not in text


def test_jiangxi_measures_and_problems_with_deadlines():
    measures = {i: [{"status": "completed" if i < 30 else "pending"}] * 4 for i in range(38)}
    stats = register(completed=30, on_schedule=19, in_progress=3, measures=measures)
    assert stats.total == 52 and stats.with_deadline == 49
    assert stats.measures == 152 and stats.measures_done == 120
    pets = petition_stats(petitions(3402, 0, 33))
    assert format_rate(pets.rate) == "99%"
    assert "152条整改措施已完成120条" in summary_paragraph(figures_from(AS_OF, stats, pets),
                                                     with_measures=True)


def test_henan_rule_is_a_setting():
    pets = petitions(3948, 20, 0)
    assert format_rate(petition_stats(pets).rate) == "99.5%"
    assert format_rate(petition_stats(pets, rule="done_staged").rate) == "100%"
    stats = register(completed=86, in_progress=15)
    assert (stats.group("completed"), stats.group("on_schedule")) == (86, 15)


def test_breakdowns():
    stats = register(completed=2, on_schedule=2, behind=2)
    assert stats.per_unit["单位0"]["completed"] == 1
    assert sum(c.total() for c in stats.per_category.values()) == 6
    assert stats.per_round["第二轮"]["behind"] == 2
    pets = petition_stats([{"status": "done", "district": "甲", "pollution_types": ["水", "土壤"],
                            "verified": "partial"}, {"status": "staged", "district": ""}])
    assert pets.by_type == {"水": 1, "土壤": 1, "其他": 1}
    assert pets.by_district["（未填）"] == 1 and pets.by_verification["partial"] == 1
    assert pets.by_type_status["土壤"]["done"] == 1


@pytest.mark.parametrize("day,phrase", [(D(2022, 12, 31), "2022年12月底"),
                                        (D(2024, 2, 29), "2024年2月底"),
                                        (D(2022, 12, 15), "2022年12月15日")])
def test_as_of_phrase(day, phrase):
    assert as_of_phrase(day) == phrase


def test_empty_register():
    text = summary_paragraph(figures_from(AS_OF, register()))
    assert text == "截至2022年12月底，台账中暂无督察反馈问题。"
