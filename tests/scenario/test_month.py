"""A clerk's month (../shared/MONTH.md) through the real window, step by step.

Each test is one step of the month and leaves the window and the register to the next, as the
clerk's month does; only the file dialogs are answered by the test (patched prompts), every
menu, button and message box is clicked on screen. A screenshot of each step lands in
build/scenario/ (RECTIFICATION_LEDGER_SHOTS moves it).
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from tests.conftest import SAMPLES
from tests.scenario.clerk import Clerk, type_text

COUNTY = SAMPLES / "ledger_county_problems.xlsx"
TOWN = SAMPLES / "ledger_town_legacy.xls"
MONTH_ = dt.date.today().strftime("%Y-%m")

state: dict = {}


@pytest.fixture
def clerk(qtbot, shots) -> Clerk:
    return Clerk(qtbot, shots)


def find(parent: QWidget, name: str, kind=QWidget):
    widget = parent.findChild(kind, name)
    assert widget is not None, f"找不到控件 {name}"
    return widget


def register_rows(window) -> list[dict]:
    return window.register_view.model.all_rows()


def shown_column(window, title: str) -> list[str]:
    """What the register table shows in the column headed `title`, row by row."""
    model = window.register_view.model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert title in titles, f"台账没有“{title}”列：{titles}"
    column = titles.index(title)
    return [model.data(model.index(r, column)) or "" for r in range(model.rowCount())]


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
