"""The report view (报表): the monthly progress sheet (月度整改进展情况表) of desktop.reports —
its paragraph and table — with print preview and PDF / Excel output."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from db.queries import filter_choices, report_periods
from desktop.core.alerts import COLOUR_HEX
from desktop.core.months import month_choices
from desktop.core.periods import parse_period, period_containing, period_key
from desktop.reports.monthly import COLUMNS, parse_month
from desktop.ui import prompts
from desktop.ui.feedback_notice import FeedbackNotice
from desktop.ui.lazy_view import LazyView
from desktop.ui.operations import report_ops
from desktop.ui.tasks import Op
from desktop.ui.widgets import ProblemList

WIDTHS = (44, 250, 56, 200, 124, 300, 100, 300)  # the last one stretches


class ReportView(LazyView, QWidget):
    open_problem = Signal(int)

    def __init__(self, db: Database, run, parent=None):
        super().__init__(parent)
        self.db, self.run, self.dirty, self.sheet = db, run, True, None
        self.period = QComboBox(objectName="reportMonth", editable=True)
        self.period.setMinimumWidth(120)
        self.period.setToolTip("任何月份都可以选，也可以直接输入，如 2024-06 或 2024年6月")
        self.round = QComboBox(objectName="reportRound")
        self.round.setMinimumWidth(220)
        self.feedback_notice = FeedbackNotice("reportFeedbackNotice")
        self.title = QLabel("月度整改进展情况表", objectName="viewTitle")
        self.paragraph = QLabel(objectName="reportParagraph", wordWrap=True)
        self.paragraph.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = QLabel(objectName="reportNotes", wordWrap=True)  # the 序时评估 rule, once
        self.buttons = {key: QPushButton(text, objectName=key) for key, text in (
            ("printPreviewButton", "打印预览…"), ("exportPdf", "导出 PDF…"),
            ("exportXlsx", "导出 Excel…"))}
        self.table = ProblemList(list(COLUMNS), list(WIDTHS))
        self.table.setObjectName("reportTable")
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, header.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.open_problem.connect(self.open_problem)
        self._layout()
        self.period.activated.connect(lambda _i: self.build())
        self.period.lineEdit().editingFinished.connect(self._typed_month)
        self.round.activated.connect(lambda _i: self.build())
        self.buttons["printPreviewButton"].clicked.connect(self.print_preview)
        self.buttons["exportPdf"].clicked.connect(lambda: self.export("pdf"))
        self.buttons["exportXlsx"].clicked.connect(lambda: self.export("xlsx"))

    def _layout(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addSpacing(16)
        head.addWidget(QLabel("期间（月或周）："))
        head.addWidget(self.period)
        head.addSpacing(12)
        head.addWidget(QLabel("批次："))
        head.addWidget(self.round)
        head.addStretch(1)
        for button in self.buttons.values():
            head.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.feedback_notice)
        layout.addWidget(self.paragraph)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)

    # -- data ---------------------------------------------------------------------------
    def forget(self) -> None:
        self.sheet = None

    def refresh_now(self) -> None:
        self._fill_periods()
        self._fill_rounds()
        self.feedback_notice.refresh(self.db)
        self.build()

    def _fill_periods(self) -> None:
        current = self.period.currentText() or f"{dt.date.today():%Y-%m}"
        self.period.clear()
        known = report_periods(self.db)
        weeks = {p for p in known if "-W" in p} | {period_containing(dt.date.today(), "week").text}
        self.period.addItems(month_choices(known, dt.date.today())
                             + sorted(weeks, key=period_key, reverse=True))
        index = self.period.findText(current)
        if index >= 0:
            self.period.setCurrentIndex(index)
        else:
            self.period.setEditText(current)

    def _fill_rounds(self) -> None:
        current = self.round.currentData()
        self.round.clear()
        self.round.addItem("全部批次（按批次分组）", None)
        for rid, name in filter_choices(self.db)["rounds"]:
            self.round.addItem(name, rid)
        self.round.setCurrentIndex(max(self.round.findData(current), 0))

    def _typed_month(self) -> None:
        if self.sheet is None or self.month() != self.sheet.month:
            self.build()

    def month(self) -> str | None:
        """The period chosen or typed: a month as YYYY-MM (typed as clerks write it) or an ISO
        week as YYYY-Www; None when what was typed is neither."""
        text = self.period.currentText().strip()
        try:
            year, mon = parse_month(text)
        except ValueError:
            try:
                return parse_period(text.upper(), kind="week").text if "W" in text.upper() else None
            except ValueError:
                return None
        return f"{year:04d}-{mon:02d}"

    def build(self, then=None) -> None:
        """Build the month's sheet off the UI thread, then show it (and run `then`)."""
        self.dirty = False
        month = self.month()
        if month is None:
            self.paragraph.setText(f"期间“{self.period.currentText()}”格式不对，"
                                   "请写成 2024-06、2024年6月，或按周写 2024-W23。")
            return
        self.paragraph.setText("正在生成……")
        self.run(Op(f"正在生成{month}报表",
                    report_ops.build_sheet(month, self.round.currentData()),
                    success=lambda sheet: self._show(sheet, then), long=True))

    def _show(self, sheet, then=None) -> None:
        self.sheet = sheet
        self.title.setText(sheet.title)
        self.table.setHorizontalHeaderLabels(list(sheet.columns))
        self.paragraph.setText(sheet.paragraph)
        self.notes.setText("\n".join(sheet.notes))
        grouped = len({r.round for r in sheet.rows}) > 1
        entries, headings, last = [], [], None
        for r in sheet.rows:
            if grouped and r.round != last:
                headings.append(len(entries))
                entries.append((0, [r.round] + [""] * (len(COLUMNS) - 1)))
                last = r.round
            entries.append((r.problem_id, list(r.cells())))
        self.table.clearSpans()
        self.table.set_rows(entries)
        rows = iter(sheet.rows)
        for i, (_pid, _cells) in enumerate(entries):
            if i in headings:
                self._heading(i)
                continue
            self._colour(i, next(rows))
        self.table.resizeRowsToContents()
        if then:
            then()

    def _heading(self, i: int) -> None:
        self.table.setSpan(i, 0, 1, len(COLUMNS))
        item = self.table.item(i, 0)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setBackground(QColor("#e8eef6"))

    def _colour(self, i: int, r) -> None:
        fg, bg = COLOUR_HEX.get(r.assessment.colour, COLOUR_HEX[""])
        item: QTableWidgetItem = self.table.item(i, len(COLUMNS) - 1)
        item.setForeground(QColor(fg))
        if r.assessment.colour:
            item.setBackground(QColor(bg))

    # -- output -------------------------------------------------------------------------
    def print_preview(self) -> None:
        if self.sheet is None or self.sheet.month != self.month():
            self.build(then=self.print_preview)
            return
        report_ops.show_print_preview(self, self.sheet)

    def export(self, kind: str) -> None:
        if self.sheet is None:
            return
        suffix = {"pdf": ".pdf", "xlsx": ".xlsx"}[kind]
        filters = {"pdf": "PDF 文件 (*.pdf)", "xlsx": prompts.WORKBOOK_FILTER}[kind]
        suggested = f"{self.sheet.title}{suffix}"
        out = prompts.save_file(self, "导出月度报表", suggested, filters)
        if out:
            self.run(Op("正在导出月度报表", report_ops.write_sheet(self.sheet, out, kind),
                        long=True))
