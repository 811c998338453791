import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from desktop.core import workdays
from desktop.core.workdays import WorkCalendar, days_left

D = dt.date


def test_official_holidays_and_make_up_days():
    cal = WorkCalendar()
    assert cal.official(2024)
    assert not cal.is_workday(D(2024, 10, 1))  # 国庆节
    assert cal.is_workday(D(2024, 9, 29))  # a Sunday made a working day
    assert not cal.is_workday(D(2024, 2, 12))  # 春节, a Monday


def test_years_beyond_the_official_calendar_fall_back_to_weekdays_and_the_table():
    cal = WorkCalendar(extra_holidays={D(2031, 1, 1)}, extra_workdays={D(2031, 1, 4)})
    assert not cal.official(2031)
    assert not cal.is_workday(D(2031, 1, 1))  # a Wednesday, in the clerk's table
    assert cal.is_workday(D(2031, 1, 4))  # a Saturday, in the clerk's table
    assert cal.is_workday(D(2031, 1, 2)) and not cal.is_workday(D(2031, 1, 5))
    assert days_left(D(2030, 12, 31), D(2031, 1, 7), "working", cal) == 5


def test_missing_package_is_not_a_crash(monkeypatch):
    monkeypatch.setattr(workdays, "_official", None)
    cal = WorkCalendar()
    assert not cal.official(2024)
    assert cal.is_workday(D(2024, 10, 1))  # just a Tuesday now


def test_calendar_days():
    assert days_left(D(2022, 12, 1), D(2022, 12, 31)) == 30
    assert days_left(D(2023, 1, 5), D(2022, 12, 31)) == -5


@given(st.dates(D(2018, 1, 1), D(2032, 12, 31)), st.integers(0, 800))
def test_counting_matches_day_by_day(start, span):
    cal = WorkCalendar()
    end = start + dt.timedelta(days=span)
    slow = sum(cal.is_workday(start + dt.timedelta(days=i)) for i in range(1, span + 1))
    assert cal.workdays_between(start, end) == slow
    assert cal.workdays_between(end, start) == -slow
