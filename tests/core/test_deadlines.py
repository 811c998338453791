import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.deadlines import parse_deadline

TABLE = [
    ("2022年6月30日前", "2022-06-30", "fixed"), ("2022年6月30日", "2022-06-30", "fixed"),
    ("2022-06-30", "2022-06-30", "fixed"), ("2022/6/30", "2022-06-30", "fixed"),
    ("2022.6.30", "2022-06-30", "fixed"), ("2021年12月底前", "2021-12-31", "fixed"),
    ("2021年12月底", "2021-12-31", "fixed"), ("2021年12月", "2021-12-31", "fixed"),
    ("2021.12", "2021-12-31", "fixed"), ("2021-12", "2021-12-31", "fixed"),
    ("2023年底", "2023-12-31", "fixed"), ("2023年底前", "2023-12-31", "fixed"),
    ("2023年年底前", "2023-12-31", "fixed"), ("2022年上半年", "2022-06-30", "fixed"),
    ("2022年下半年", "2022-12-31", "fixed"), ("2022年第四季度", "2022-12-31", "fixed"),
    ("2022年第一季度", "2022-03-31", "fixed"), ("2022年二季度", "2022-06-30", "fixed"),
    ("2022年第三季度", "2022-09-30", "fixed"), ("立行立改", None, "immediate"),
    ("长期坚持", None, "long_term"), ("长期", None, "long_term"), ("持续推进", None, "long_term"),
    ("2024年底前，并长期坚持", "2024-12-31", "long_term"), ("立行立改，长期坚持", None, "long_term"),
    ("每年", None, "periodic"), ("每年12月底前", None, "periodic"), ("每季度", None, "periodic"),
    ("每月", None, "periodic"), ("看情况", None, "unknown"),
    ("整 改 时 限 2022年 6月30日前", "2022-06-30", "fixed"), ("２０２２年６月底前", "2022-06-30", "fixed"),
    ("2021年9月底前完成，2022年6月底前全面完成", "2021-09-30", "fixed"),
]


@pytest.mark.parametrize("text,date,kind", TABLE)
def test_domain_table(text, date, kind):
    parsed = parse_deadline(text)
    assert (parsed.iso, parsed.kind, parsed.text) == (date, kind, text)


def test_excel_date_cell_and_serial():
    assert parse_deadline(dt.datetime(2022, 6, 30)).iso == "2022-06-30"
    assert parse_deadline(dt.date(2022, 6, 30)).kind == "fixed"
    assert parse_deadline(44742).iso == "2022-06-30"
    assert parse_deadline(44742.0).iso == "2022-06-30"
    assert parse_deadline("44742").iso == "2022-06-30"


def test_impossible_date_is_unknown_with_a_reason():
    parsed = parse_deadline("2022年2月30日前")
    assert parsed.date is None and parsed.kind == "unknown"
    assert "不是有效日期" in parsed.note


def test_empty_and_odd_values():
    assert parse_deadline(None).kind == "unknown"
    assert parse_deadline("").kind == "unknown"
    assert parse_deadline(3).kind == "unknown"
    assert parse_deadline(True).kind in {"unknown", "fixed"}


@given(st.one_of(st.text(), st.integers(), st.floats(allow_nan=True), st.none(),
                 st.dates(), st.text(alphabet="0123456789年月日底前上下半季度第一二三四.-/ 长期每立行改")))
def test_never_raises(value):
    parsed = parse_deadline(value)
    assert parsed.kind in {"fixed", "immediate", "long_term", "periodic", "unknown"}
    assert (parsed.date is not None) or parsed.kind != "fixed"


def test_a_number_excel_may_have_cut_is_read_and_questioned():
    from desktop.core.deadlines import parse_deadline

    january_or_october = parse_deadline(2021.1)
    assert january_or_october.iso == "2021-01-31" and "10月" in january_or_october.note
    december = parse_deadline(2021.12)
    assert december.iso == "2021-12-31" and not december.note
