"""The clerk's month (../shared/MONTH.md), steps 1–4: first start, the county's and the town's
ledgers imported, progress by hand. See tests/scenario/month.py for how the steps share a window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from tests.scenario.clerk import type_text
from tests.scenario.month import (
    COUNTY,
    TOWN,
    find,
    register_rows,
    shown_column,
    state,
)


# -- 1. first start -----------------------------------------------------------------------
def test_01_first_start_shows_the_start_page(qtbot, clerk, month_home):
    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import LAST_REGISTER_KEY, start_session
    from desktop.ui.settings import window_settings

    application()
    settings = window_settings()
    session = start_session(None, settings.value(LAST_REGISTER_KEY))
    window = MainWindow(session, settings)
    window.show()
    qtbot.waitExposed(window)
    state["window"] = window
    page = window.stack.currentWidget()
    assert page.objectName() == "startPage"
    buttons = {b.objectName(): b.text() for b in page.findChildren(QPushButton)}
    assert set(buttons) >= {"startImport", "startDemo", "startHelp"}
    assert month_home in session.path.parents
    clerk.shot("01-首次启动-开始页")


# -- 2. the county ledger ------------------------------------------------------------------
def test_02_import_the_county_ledger_from_the_start_page(qtbot, clerk, monkeypatch):
    from desktop.ui import prompts

    window = state["window"]
    monkeypatch.setattr(prompts, "open_file", lambda *a, **k: str(COUNTY))
    clerk.click(find(window, "startImport", QPushButton))
    dialog = clerk.dialog("importDialog")
    commit = find(dialog, "commitImport", QPushButton)
    qtbot.waitUntil(commit.isEnabled, timeout=30000)
    assert find(dialog, "importSheet").currentText() == "整改台账"
    assert find(dialog, "importHeaderRows", QLabel).text() == "第 3、4 行"
    tabs = [dialog.preview.tabText(i) for i in range(dialog.preview.count())]
    assert {"问题（8）", "措施（18）", "将跳过的行（2）"} <= set(tabs)
    skipped = find(dialog, "previewSkipped")
    assert [skipped.item(r, 0).text() for r in range(skipped.rowCount())] == ["23", "24"]
    assert skipped.item(1, 1).text().startswith("注释行")
    feedback = find(dialog, "importFeedbackDate")
    assert feedback.isEnabled()
    type_text(qtbot, feedback, "2021年7月20日")
    clerk.shot("02-导入县台账-预览")
    clerk.click(commit)
    done = find(dialog, "cancelImport", QPushButton)
    qtbot.waitUntil(lambda: done.text() == "完成", timeout=30000)
    clerk.shot("02-导入县台账-结果")
    clerk.click(done)
    clerk.wait_closed(dialog)
    rows = register_rows(window)
    assert len(rows) == 8
    assert all(text.strip() for text in shown_column(window, "问题"))
    assert set(shown_column(window, "批次")) == {"XX县贯彻落实第二轮中央生态环境保护督察报告整改方案问题清单"}
    assert all(r["assessment"] for r in rows), "序时进度未按反馈日期评估"
    assert window.stack.currentWidget() is window.register_view
    clerk.shot("02-导入县台账-台账")


# -- 3. the town's legacy ledger ------------------------------------------------------------
def _import_town(qtbot, clerk, monkeypatch, shot: str):
    from desktop.ui import prompts

    window = state["window"]
    monkeypatch.setattr(prompts, "open_file", lambda *a, **k: str(TOWN))
    clerk.menu(window, "文件", "导入")
    dialog = clerk.dialog("importDialog")
    qtbot.waitUntil(find(dialog, "commitImport", QPushButton).isEnabled, timeout=30000)
    clerk.shot(shot)
    return window, dialog


def _commit_and_close(qtbot, clerk, dialog, shot: str) -> None:
    clerk.click(find(dialog, "commitImport", QPushButton))
    done = find(dialog, "cancelImport", QPushButton)
    qtbot.waitUntil(lambda: done.text() == "完成", timeout=30000)
    clerk.shot(shot)
    clerk.click(done)
    clerk.wait_closed(dialog)


def test_03_import_the_town_ledger_with_its_units_column_as_lead_units(qtbot, clerk, monkeypatch):
    from tests.ui.helpers import choose

    window, dialog = _import_town(qtbot, clerk, monkeypatch, "03-镇台账-预览")
    units = find(dialog, "map_D")
    assert units.currentText() == "责任单位"
    choose(qtbot, units, "牵头单位")
    qtbot.waitUntil(find(dialog, "commitImport", QPushButton).isEnabled, timeout=30000)
    type_text(qtbot, find(dialog, "importFeedbackDate"), "2021.5.10")
    _commit_and_close(qtbot, clerk, dialog, "03-镇台账-结果")
    rows = register_rows(window)
    assert len(rows) == 11 and len(set(shown_column(window, "批次"))) == 2
    town = {r["code"]: r["lead_units"] for r in rows if r["round_id"] == rows[-1]["round_id"]}
    assert town == {"1": ["镇村建办"], "2": ["镇环卫所"], "3": ["镇安监站"]}, "责任单位列应按牵头单位导入"

    # the next file of the same template: the mapping is remembered, nothing to answer
    window, dialog = _import_town(qtbot, clerk, monkeypatch, "03-同一格式再次导入")
    assert find(dialog, "map_D").currentText() == "牵头单位"
    assert not find(dialog, "importFeedbackDate").isEnabled()
    _commit_and_close(qtbot, clerk, dialog, "03-再次导入-结果")
    assert len(register_rows(window)) == 11


# -- 4. progress by hand ---------------------------------------------------------------------
def test_04_record_progress_by_hand_then_undo_and_redo(qtbot, clerk):
    from tests.ui.helpers import double_click_row

    window = state["window"]
    table = window.register_view.table
    double_click_row(qtbot, table, 0)
    dialog = clerk.dialog("problemDialog")
    tabs = find(dialog, "problemTabs")
    tabs.setCurrentIndex([tabs.tabText(i) for i in range(tabs.count())].index("进展情况"))
    type_text(qtbot, find(dialog, "reportText"), "扩容工程设备安装完成，进入调试")
    type_text(qtbot, find(dialog, "reportDifficulties"), "资金缺口300万元")
    type_text(qtbot, find(dialog, "reportNextSteps"), "下月完成调试并试运行")
    status = find(dialog, "reportStatus")
    from tests.ui.helpers import choose
    choose(qtbot, status, "达到序时进度")
    percent = find(dialog, "reportPercent")
    percent.setFocus()
    percent.selectAll()
    type_text(qtbot, percent.lineEdit(), "80")
    clerk.shot("04-手工填报进展")
    clerk.click(find(dialog, "saveProblem", QPushButton))
    qtbot.waitUntil(lambda: "扩容工程设备安装完成" in shown_column(window, "最新进展")[0],
                    timeout=15000)
    pid = register_rows(window)[0]["id"]
    close = find(dialog, "closeProblem", QPushButton)
    clerk.click(close)
    clerk.wait_closed(dialog)
    row = next(r for r in register_rows(window) if r["id"] == pid)
    assert row["status"] == "on_schedule" and row["percent"] == 80
    _status_bar_and_dashboard_agree(qtbot, clerk, window)
    clerk.menu(window, "编辑", "撤销")
    qtbot.waitUntil(lambda: "扩容工程设备安装完成" not in shown_column(window, "最新进展")[0],
                    timeout=15000)
    clerk.menu(window, "编辑", "重做")
    qtbot.waitUntil(lambda: "扩容工程设备安装完成" in shown_column(window, "最新进展")[0],
                    timeout=15000)
    clerk.shot("04-撤销后重做")


def _status_bar_and_dashboard_agree(qtbot, clerk, window) -> None:
    import re

    summary = window.register_view.summary.text()
    behind = int(re.search(r"未达序时进度 (\d+)", summary).group(1))
    clerk.menu(window, "视图", "看板")
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: dashboard.cards["total"].number.text() == str(len(register_rows(window))),
                    timeout=15000)
    assert dashboard.cards["behind"].number.text() == str(behind)
    clerk.shot("04-看板")
    clerk.menu(window, "视图", "台账")
