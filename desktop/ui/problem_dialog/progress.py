"""Progress history by period, and the form that records this period's report."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.periods import period_key
from desktop.core.status import STATUS_CODES, STATUS_LABELS
from desktop.ui.problem_dialog.fields import percent_box
from desktop.ui.widgets import left_headers

HEADERS = ["期次", "状态", "进度", "进展情况", "填报单位", "填报日期"]
PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$|^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$")


class ProgressPanel(QWidget):
    report = Signal(dict)  # {"period", "text", "status", "percent"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.history = QTableWidget(0, len(HEADERS), objectName="historyTable")
        self.history.setHorizontalHeaderLabels(HEADERS)
        self.history.verticalHeader().hide()
        left_headers(self.history)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setWordWrap(True)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 76), (1, 104), (2, 56), (4, 140), (5, 92)):
            self.history.setColumnWidth(col, width)
        self.period = QLineEdit(f"{dt.date.today():%Y-%m}", objectName="reportPeriod")
        self.period.setPlaceholderText("YYYY-MM（周报写 YYYY-Wnn）")
        self.status = QComboBox(objectName="reportStatus")
        for code in STATUS_CODES:
            self.status.addItem(STATUS_LABELS[code], code)
        self.percent = percent_box("reportPercent")
        self.text = QPlainTextEdit(objectName="reportText")
        self.text.setPlaceholderText("本期整改进展情况")
        self.text.setFixedHeight(76)
        self.text.setTabChangesFocus(True)
        self.save = QPushButton("保存本期进展", objectName="saveReport")
        self.error = QLabel(objectName="error")
        self._layout()
        self.save.clicked.connect(self._submit)

    def _layout(self) -> None:
        box = QGroupBox("填报本期进展")
        form = QFormLayout(box)
        line = QHBoxLayout()
        line.addWidget(QLabel("期次"))
        line.addWidget(self.period)
        line.addSpacing(12)
        line.addWidget(QLabel("状态"))
        line.addWidget(self.status)
        line.addSpacing(12)
        line.addWidget(QLabel("完成进度"))
        line.addWidget(self.percent)
        line.addStretch(1)
        form.addRow(line)
        form.addRow(self.text)
        bottom = QHBoxLayout()
        bottom.addWidget(self.error, 1)
        bottom.addWidget(self.save)
        form.addRow(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.history, 1)
        layout.addWidget(box)

    def load(self, problem: dict) -> None:
        history = sorted(problem["history"], key=lambda r: (period_key(r["period"]), r["id"]),
                         reverse=True)
        self.history.setRowCount(len(history))
        for row, r in enumerate(history):
            cells = [r["period"], STATUS_LABELS.get(r["status"] or "", r["status_text"]),
                     "" if r["percent"] is None else f"{r['percent']:.0f}%", r["text"],
                     r["unit"], r["reported_on"]]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text or "")
                item.setToolTip(text or "")
                self.history.setItem(row, col, item)
        self.history.resizeRowsToContents()
        self.status.setCurrentIndex(max(self.status.findData(problem["status"]), 0))
        self.percent.setValue(-1 if problem.get("percent") is None else round(problem["percent"]))

    def _submit(self) -> None:
        period, text = self.period.text().strip(), self.text.toPlainText().strip()
        if not PERIOD.match(period):
            self.error.setText("期次请写成 YYYY-MM（如 2024-06），周报写 YYYY-Wnn。")
            return
        if not text:
            self.error.setText("请填写本期进展情况。")
            return
        self.error.clear()
        percent = None if self.percent.value() < 0 else float(self.percent.value())
        self.report.emit({"period": period, "text": text, "status": self.status.currentData(),
                          "percent": percent})

    def saved(self) -> None:
        self.text.clear()
