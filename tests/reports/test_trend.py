"""The completion trend counts by the dates the register knows and says where it knows nothing."""

import datetime as dt

from desktop.ledger.importing.importer import import_file
from desktop.reports.charts import completion_trend
from desktop.reports.snapshot import completion_trend_data
from desktop.reports.trend import completion_counts, period_end
from tests.ledger.workbooks import county_ledger

PERIODS = ["2024-01", "2024-02", "2024-03", "2024-04"]


def test_period_ends():
    assert period_end("2024-02") == dt.date(2024, 2, 29)
    assert period_end("2024-W01") == dt.date(2024, 1, 7)
    assert period_end("2024-03-15") == dt.date(2024, 3, 15) and period_end("") is None


def test_months_before_any_record_are_unknown_not_zero():
    problems = [{"id": 1, "status": "completed"}, {"id": 2, "status": "in_progress"}]
    history = {1: [{"period": "2024-03", "status": "completed"}],
               2: [{"period": "2024-03", "status": "in_progress"}]}
    trend = completion_counts(problems, history, PERIODS)
    assert [c for _, c, _ in trend] == [None, None, 1, 1] and trend[-1][2] == 2


def test_closure_and_completion_dates_count_from_their_month():
    problems = [{"id": 1, "status": "closed", "closed_on": "2024-02-10"},
                {"id": 2, "status": "completed", "completed_on": "2024-01-31"},
                {"id": 3, "status": "in_progress"}]
    history = {3: [{"period": "2024-01", "status": "in_progress"}]}
    assert [c for _, c, _ in completion_counts(problems, history, PERIODS)] == [1, 2, 2, 2]


def test_a_report_that_falls_back_is_followed():
    problems = [{"id": 1, "status": "in_progress"}]
    history = {1: [{"period": "2024-01", "status": "completed"},
                   {"period": "2024-03", "status": "in_progress"}]}
    assert [c for _, c, _ in completion_counts(problems, history, PERIODS)] == [1, 1, 0, 0]


def test_done_without_any_date_counts_in_the_last_month_and_is_said():
    problems = [{"id": 1, "status": "completed"}, {"id": 2, "status": "pending"}]
    trend = completion_counts(problems, {}, PERIODS)
    assert [c for _, c, _ in trend] == [None, None, None, 1] and trend.undated == 1
    figure = completion_trend(trend)
    texts = [t.get_text() for ax in figure.axes for t in ax.texts]
    label = figure.axes[0].get_xlabel()
    assert any("无记录" in t for t in texts) and "1个已完成问题" in label


def _done_ledger(path):
    return county_ledger(path, [
        {"code": i, "description": f"第{i}个问题：河道垃圾清理不及时", "progress": "已完成",
         "status": "已完成" if i <= 4 else "正在推进",
         "measures": [(f"措施{i}", "2022年底", "县水利局", "城关镇")]} for i in range(1, 7)])


def test_an_imported_register_counts_its_completions_from_the_ledgers_date(register, tmp_path):
    ledger = _done_ledger(tmp_path / "台账.xlsx")
    result = import_file(register, ledger)
    assert result.problems_created == 6
    period = register.execute("SELECT max(period) FROM progress_reports").fetchone()[0]
    year, month = map(int, period.split("-"))
    later = f"{year + (month == 12)}-{month % 12 + 1:02d}"
    trend = completion_trend_data(register, later, months=4)
    assert [c for _, c, _ in trend][-2:] == [4, 4] and trend[0][1] is None
    assert trend[-1][2] == 6
