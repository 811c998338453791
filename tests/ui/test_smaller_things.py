"""The smaller things a clerk saw: dialogs' folders, suggested names, counts that agree, months,
rounds in the report, the missing feedback date said once with its button."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.core.text import export_file_name
from desktop.ui import prompts


def test_save_dialogs_start_in_documents_then_in_the_last_used_folder(qtbot, window, tmp_path,
                                                                      monkeypatch):
    asked = []

    def fake_save(parent, title, suggested, filters):
        asked.append(suggested)
        return str(tmp_path / "导出" / "月报.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    (tmp_path / "导出").mkdir()
    prompts.save_file(window, "导出月度报表", "2024年11月整改进展情况表.pdf", "PDF (*.pdf)")
    program = Path(__file__).resolve().parents[2]
    first = Path(asked[0]).parent
    assert first != program and first != Path(".") and first.is_absolute()
    prompts.save_file(window, "导出月度报表", "2024年12月整改进展情况表.pdf", "PDF (*.pdf)")
    assert Path(asked[1]) == tmp_path / "导出" / "2024年12月整改进展情况表.pdf"


def test_suggested_names_do_not_repeat_a_word():
    day = dt.date(2026, 12, 2)
    assert export_file_name("台账", "台账", day, ".xlsx") == "台账-20261202.xlsx"
    assert export_file_name("县整改台账", "台账", day, ".xlsx") == "县整改台账-20261202.xlsx"
    assert export_file_name("乡镇2024", "台账", day, ".xlsx") == "乡镇2024-台账-20261202.xlsx"


def test_the_status_bar_and_the_dashboard_count_behind_alike(qtbot, window):
    summary = window.register_view.summary.text()
    window.show_view("dashboard")
    board = window.dashboard
    qtbot.waitUntil(lambda: board.data is not None, timeout=10000)
    behind = board.cards["behind"].number.text()
    assert f"未达序时进度 {behind}（" in summary


def test_the_report_offers_any_month_and_a_round(qtbot, window):
    window.show_view("report")
    report = window.report
    qtbot.waitUntil(lambda: report.sheet is not None, timeout=15000)
    months = [report.period.itemText(i) for i in range(report.period.count())]
    assert "2019-01" not in months and len(months) >= 25
    empty_month = next(m for m in months if m not in set(_data_months(window)))
    report.period.setCurrentText(empty_month)
    with qtbot.waitSignal(window.tasks.done, timeout=15000):
        report.build()
    assert report.sheet.month == empty_month
    report.period.setEditText("2025年3月")
    with qtbot.waitSignal(window.tasks.done, timeout=15000):
        report.build()
    assert report.sheet.month == "2025-03"
    assert report.round.itemText(0).startswith("全部批次") and report.round.count() == 2


def _data_months(window):
    return [p for (p,) in window.session.db.execute("SELECT DISTINCT period FROM progress_reports")]


def test_a_missing_feedback_date_is_said_once_with_the_button_that_sets_it(qtbot, window):
    db = window.session.db
    with db.conn:
        db.execute("UPDATE rounds SET started_on = NULL")
    window.show_view("dashboard")
    notice = window.dashboard.feedback_notice
    window.dashboard.refresh()
    assert notice.isVisible() and "反馈日期" in notice.label.text()
    assert notice.button.objectName() == "dashboardFeedbackNoticeButton"
    qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(object, "settingsDialog")
    qtbot.waitExposed(dialog)
    field = dialog.round_dates[0]
    assert field.text() == ""  # the round whose date is missing
    field.line.setText("2020年5月10日")
    with qtbot.waitSignal(window.changed, timeout=10000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    window.dashboard.refresh()
    assert not notice.isVisible()
    window.show_view("report")
    qtbot.waitUntil(lambda: window.report.sheet is not None, timeout=15000)
    assert not window.report.feedback_notice.isVisible()
