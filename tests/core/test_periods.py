import datetime as dt

import pytest

from desktop.core.periods import parse_period, period_containing, period_key, reported_by


def test_weeks_and_months_parse_to_the_days_they_cover():
    week = parse_period("2022-W23")
    assert (week.kind, week.start, week.end) == ("week", dt.date(2022, 6, 6), dt.date(2022, 6, 12))
    assert week.label == "2022年第23周（6月6日—6月12日）" and week.this == "本周"
    assert parse_period("2022年第23周").text == parse_period("2022w23").text == "2022-W23"
    month = parse_period("2022-6")
    assert (month.text, month.end, month.label, month.this) == (
        "2022-06", dt.date(2022, 6, 30), "2022年6月", "本月")
    assert parse_period("2020-W53").end == dt.date(2021, 1, 3)   # a year with 53 ISO weeks
    assert period_containing(dt.date(2021, 1, 1), "week").text == "2020-W53"


@pytest.mark.parametrize("text", ["2021-W53", "2022-W00", "2022-13", "上周", ""])
def test_bad_periods_are_refused_in_chinese(text):
    with pytest.raises(ValueError, match="YYYY-Www"):
        parse_period(text)


def test_periods_sort_by_their_days_not_as_text():
    texts = ["2022-W23", "2022-12", "2022-06", "2022-W01", "2021-W52"]
    assert sorted(texts, key=period_key) == ["2021-W52", "2022-W01", "2022-06", "2022-W23", "2022-12"]
    assert reported_by("2022-W23", dt.date(2022, 6, 6))
    assert not reported_by("2022-W23", dt.date(2022, 6, 5))
    assert reported_by("2022-06", dt.date(2022, 6, 1)) and not reported_by("2022-07", dt.date(2022, 6, 30))
