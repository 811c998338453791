"""The one parser for typed dates."""

import datetime as dt

import pytest

from desktop.core.dates import chinese_date, parse_typed_date

DAY = dt.date(2021, 5, 10)


@pytest.mark.parametrize("text", ["2021年5月10日", "2021年05月10日", "2021年5月10号", "2021.5.10",
                                  "2021/5/10", "2021-05-10", "2021-5-10", " 2021 年 5 月 10 日 ",
                                  "２０２１年５月１０日", "20210510", "2021．5．10".replace("．", ".")])
def test_the_forms_clerks_write(text):
    assert parse_typed_date(text) == DAY


def test_empty_is_no_date():
    assert parse_typed_date("") is None and parse_typed_date(None) is None and \
        parse_typed_date("　") is None


@pytest.mark.parametrize("text", ["5月10日", "2021年5月", "明天", "2021/13/1", "2021年2月30日"])
def test_what_is_no_day_is_refused_in_chinese(text):
    with pytest.raises(ValueError, match="日期"):
        parse_typed_date(text)


def test_written_back_as_the_office_writes():
    assert chinese_date(DAY) == "2021年5月10日" and chinese_date(None) == ""
