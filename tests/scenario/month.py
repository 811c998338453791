"""What the steps of the clerk's month share: the sample ledgers, the window between steps, and
small ways to find and read widgets.

The month is split into three modules run in file order (pytest collects them alphabetically):
test_month_1_register.py (steps 1–4), test_month_2_units.py (5–8), test_month_3_print_close.py
(9–11); `state` carries the window and the sent forms from one step to the next. Only the file
dialogs are answered by the tests (patched prompts); every menu, button and message box is
clicked on screen, and a screenshot of each step lands in build/scenario/
(RECTIFICATION_LEDGER_SHOTS moves it).
"""

from __future__ import annotations

import datetime as dt
import subprocess

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from tests.conftest import SAMPLES

COUNTY = SAMPLES / "ledger_county_problems.xlsx"
TOWN = SAMPLES / "ledger_town_legacy.xls"
MONTH_ = dt.date.today().strftime("%Y-%m")
COUNTY_ROUND = "XX县贯彻落实第二轮中央生态环境保护督察报告整改方案问题清单"

state: dict = {}


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


def pdf_pages(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [page for page in text.split("\f") if page.strip()]


def click_row(qtbot, table, row: int) -> None:
    index = table.model().index(row, 0)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(index).center())


def show_tab(tabs, widget_name: str) -> None:
    tabs.setCurrentIndex(tabs.indexOf(find(tabs, widget_name)))


def submit_form(qtbot, clerk, name: str, fill=None, shot: str = "") -> None:
    form = clerk.dialog(name)
    if fill:
        fill(form)
    if shot:
        clerk.shot(shot)
    clerk.click(find(form, "formSubmit", QPushButton))
    clerk.wait_closed(form)
