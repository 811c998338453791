"""The report view (报表): a month's progress for every problem — who reported, who has not."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from sqlite_utils import Database

from db.queries import period_overview, report_periods
from desktop.core.status import DONE_CODES, STATUS_LABELS
from desktop.ui.changes import Changes
from desktop.ui.widgets import ProblemList

MISSING, DONE = QColor("#c62828"), QColor("#7a8591")
NOT_REPORTED, DONE_NO_REPORT = "本期未填报", "已完成，无需填报"


class ReportView(QWidget):
    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db, self.dirty = db, True
        self.period = QComboBox(objectName="reportPeriod")
        self.period.setMinimumWidth(140)
        self.summary = QLabel(objectName="summary")
        self.table = ProblemList(["编号", "问题", "牵头单位", "状态", "进度", "填报日期", "本期进展"],
                                 [52, 300, 170, 108, 58, 96, 480])
        self.table.setObjectName("reportTable")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(1, header.ResizeMode.Interactive)
        self.table.setColumnWidth(1, 320)
        self.open_problem = self.table.open_problem
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        head = QHBoxLayout()
        head.addWidget(QLabel("月度整改进展情况", objectName="viewTitle"))
        head.addSpacing(16)
        head.addWidget(QLabel("期次："))
        head.addWidget(self.period)
        head.addStretch(1)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.period.currentIndexChanged.connect(self.refresh)
        # filled when first shown (activate)

    def set_db(self, db: Database) -> None:
        self.db, self.dirty = db, True
        if self.isVisible():
            self.reload_periods()

    def apply(self, changes: Changes) -> None:
        if changes.any_problem:
            self.dirty = True
            if self.isVisible():
                self.reload_periods()

    def activate(self) -> None:
        if self.dirty:
            self.reload_periods()

    def reload_periods(self) -> None:
        current = self.period.currentText() or f"{dt.date.today():%Y-%m}"
        periods = report_periods(self.db)
        if f"{dt.date.today():%Y-%m}" not in periods:
            periods.insert(0, f"{dt.date.today():%Y-%m}")
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItems(sorted(set(periods), reverse=True))
        self.period.setCurrentIndex(max(self.period.findText(current), 0))
        self.period.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        period = self.period.currentText()
        overview = period_overview(self.db, period)
        rows, marks = [], []
        for r in overview:
            mark = _mark(r)
            marks.append(mark)
            status = STATUS_LABELS.get(r["report_status"] or r["status"], "")
            percent = "" if r["report_percent"] is None else f"{r['report_percent']:.0f}%"
            rows.append((r["id"], [r["code"], r["title"], "、".join(r["lead_units"]), status,
                                   percent, r["reported_on"] or "", r["report_text"] or mark]))
        self.table.set_rows(rows)
        for i, mark in enumerate(marks):
            if mark:
                self.table.item(i, 6).setForeground(MISSING if mark == NOT_REPORTED else DONE)
        reported = sum(1 for r in overview if r["report_id"] is not None)
        missing = marks.count(NOT_REPORTED)
        self.summary.setText(f"{period}：共 {len(overview)} 项问题，本期已填报 {reported} 项，"
                             f"未完成且未填报 {missing} 项。")
        self.dirty = False


def _mark(row: dict) -> str:
    """What to write where a problem has no report for the period."""
    if row["report_id"] is not None:
        return ""
    return DONE_NO_REPORT if row["status"] in DONE_CODES else NOT_REPORTED
