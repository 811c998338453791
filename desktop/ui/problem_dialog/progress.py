"""Progress history by period, and the form for this period's report: text, status, percent,
困难 (difficulties), 下步计划 (next steps) and 填报人 (reporter). It has no save button of its own:
the dialog's one 保存 records the report with every other edit as one undoable step."""

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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.periods import period_key
from desktop.core.status import STATUS_CODES, STATUS_LABELS
from desktop.ui.problem_dialog.fields import percent_box
from desktop.ui.widgets import left_headers

HEADERS = ["期次", "状态", "进度", "进展情况", "填报单位", "填报日期", "存在困难", "下步计划", "填报人"]
PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$|^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$")


class ProgressPanel(QWidget):
    edited = Signal()

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
        for col, width in ((0, 76), (1, 104), (2, 56), (4, 140), (5, 92), (6, 140), (7, 140),
                           (8, 72)):
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
        self.difficulties = QPlainTextEdit(objectName="reportDifficulties")
        self.difficulties.setPlaceholderText("存在的困难和问题（可不填）")
        self.next_steps = QPlainTextEdit(objectName="reportNextSteps")
        self.next_steps.setPlaceholderText("下步工作计划（可不填）")
        for box in (self.difficulties, self.next_steps):
            box.setFixedHeight(52)
            box.setTabChangesFocus(True)
        self.reporter = QLineEdit(objectName="reportReporter")
        self.reporter.setPlaceholderText("填报人姓名")
        self.error = QLabel(objectName="error")
        self.loaded: tuple = (None, -1)
        self._layout()
        for box in (self.text, self.difficulties, self.next_steps):
            box.textChanged.connect(self.edited)
        for line in (self.period, self.reporter):
            line.textChanged.connect(lambda _t: self.edited.emit())
        self.status.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.percent.valueChanged.connect(lambda _v: self.edited.emit())

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
        line.addSpacing(12)
        line.addWidget(QLabel("填报人"))
        line.addWidget(self.reporter)
        line.addStretch(1)
        form.addRow(line)
        form.addRow("进展情况", self.text)
        form.addRow("存在困难", self.difficulties)
        form.addRow("下步计划", self.next_steps)
        form.addRow(QLabel("填写后点下方“保存”，与其他修改一起记为一步，可撤销。",
                           objectName="hint"))
        form.addRow(self.error)
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
                     r["unit"], r["reported_on"], r.get("difficulties"), r.get("next_steps"),
                     r.get("reporter")]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text or "")
                item.setToolTip(text or "")
                self.history.setItem(row, col, item)
        self.history.resizeRowsToContents()
        self.loaded = (problem["status"], -1 if problem.get("percent") is None
                       else round(problem["percent"]))
        self.status.setCurrentIndex(max(self.status.findData(self.loaded[0]), 0))
        self.percent.setValue(self.loaded[1])

    def is_filled(self) -> bool:
        """Whether the clerk has begun this period's report: typed in it, or changed its status
        or percent (which then need the progress text that goes with them)."""
        typed = (self.text.toPlainText().strip() or self.difficulties.toPlainText().strip()
                 or self.next_steps.toPlainText().strip())
        moved = (self.status.currentData(), self.percent.value()) != self.loaded
        return bool(typed) or moved

    def errors(self) -> list[str]:
        if not self.is_filled():
            return []
        if not PERIOD.match(self.period.text().strip()):
            return ["期次请写成 YYYY-MM（如 2024-06），周报写 YYYY-Wnn。"]
        if not self.text.toPlainText().strip():
            return ["请在“进展情况”页填写本期进展情况：状态和进度随本期进展一起保存。"]
        return []

    def pending_report(self) -> dict | None:
        """This period's report as typed, or None when nothing was typed."""
        if not self.is_filled():
            return None
        percent = None if self.percent.value() < 0 else float(self.percent.value())
        return {"period": self.period.text().strip(), "text": self.text.toPlainText().strip(),
                "status": self.status.currentData(), "percent": percent,
                "difficulties": self.difficulties.toPlainText().strip(),
                "next_steps": self.next_steps.toPlainText().strip(),
                "reporter": self.reporter.text().strip()}

    def saved(self) -> None:
        for box in (self.text, self.difficulties, self.next_steps):
            box.clear()
