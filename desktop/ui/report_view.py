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

from db.queries import report_periods
from desktop.core.alerts import COLOUR_HEX
from desktop.reports.monthly import COLUMNS
from desktop.ui import prompts
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
        self.period = QComboBox(objectName="reportPeriod")
        self.period.setMinimumWidth(120)
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
        self.buttons["printPreviewButton"].clicked.connect(self.print_preview)
        self.buttons["exportPdf"].clicked.connect(lambda: self.export("pdf"))
        self.buttons["exportXlsx"].clicked.connect(lambda: self.export("xlsx"))

    def _layout(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addSpacing(16)
        head.addWidget(QLabel("月份："))
        head.addWidget(self.period)
        head.addStretch(1)
        for button in self.buttons.values():
            head.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.paragraph)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)

    # -- data ---------------------------------------------------------------------------
    def forget(self) -> None:
        self.sheet = None

    def refresh_now(self) -> None:
        self._fill_periods()
        self.build()

    def _fill_periods(self) -> None:
        current = self.period.currentText() or f"{dt.date.today():%Y-%m}"
        periods = sorted(set(report_periods(self.db)) | {f"{dt.date.today():%Y-%m}"},
                         reverse=True)
        self.period.clear()
        self.period.addItems([p for p in periods if len(p) == 7])
        self.period.setCurrentIndex(max(self.period.findText(current), 0))

    def build(self, then=None) -> None:
        """Build the month's sheet off the UI thread, then show it (and run `then`)."""
        self.dirty = False
        self.paragraph.setText("正在生成……")
        month = self.period.currentText()
        self.run(Op(f"正在生成{month}月度报表", report_ops.build_sheet(month),
                    success=lambda sheet: self._show(sheet, then), long=True))

    def _show(self, sheet, then=None) -> None:
        self.sheet = sheet
        self.title.setText(sheet.title)
        self.paragraph.setText(sheet.paragraph)
        self.notes.setText("\n".join(sheet.notes))
        ids = self._ids(sheet)
        self.table.set_rows([(ids.get(r.code, 0), list(r.cells())) for r in sheet.rows])
        for i, r in enumerate(sheet.rows):
            fg, bg = COLOUR_HEX.get(r.assessment.colour, COLOUR_HEX[""])
            item: QTableWidgetItem = self.table.item(i, len(COLUMNS) - 1)
            item.setForeground(QColor(fg))
            if r.assessment.colour:
                item.setBackground(QColor(bg))
        self.table.resizeRowsToContents()
        if then:
            then()

    def _ids(self, sheet) -> dict[str, int]:
        return {str(p.get("code")): p["id"] for p in sheet.snapshot.problems}

    # -- output -------------------------------------------------------------------------
    def print_preview(self) -> None:
        if self.sheet is None or self.sheet.month != self.period.currentText():
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
