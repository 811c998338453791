"""The preview of a reading: problems, measures or petitions, the rows skipped and why, warnings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
)

from desktop.core.status import STATUS_LABELS
from desktop.ledger.reading.ledger import LedgerReading
from desktop.ui.widgets import left_headers

PETITION_STATUS = {"done": "已办结", "staged": "阶段性办结", "in_progress": "正在办理"}


def _table(name: str, headers: list[str], widths: list[int], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    left_headers(table)
    table.verticalHeader().setDefaultSectionSize(26)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    for i, width in enumerate(widths):
        table.setColumnWidth(i, width)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            text = "" if value is None else str(value)
            item = QTableWidgetItem(" ".join(text.split()))
            item.setToolTip(text)
            table.setItem(r, c, item)


class PreviewTabs(QTabWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("previewTabs")
        self.problems = _table("previewProblems", ["行", "编号", "问题", "措施", "牵头单位",
                                                   "整改时限", "状态"],
                               [44, 56, 260, 44, 150, 130, 100], 2)
        self.measures = _table("previewMeasures", ["行", "问题编号", "序号", "整改措施", "整改时限"],
                               [44, 70, 44, 360, 130], 3)
        self.petitions = _table("previewPetitions", ["行", "交办编号", "交办日期", "行政区域",
                                                     "举报内容", "办理状态"],
                                [44, 160, 96, 90, 300, 90], 4)
        self.skipped = _table("previewSkipped", ["行", "跳过原因"], [60, 400], 1)
        self.warnings = _table("previewWarnings", ["位置", "提醒"], [220, 400], 1)

    def load(self, reading: LedgerReading) -> None:
        self.clear()
        if reading.kind == "problems":
            self._problems(reading)
            self.addTab(self.problems, f"问题（{len(reading.records)}）")
            self.addTab(self.measures, f"措施（{self.measures.rowCount()}）")
        else:
            self._petitions(reading)
            self.addTab(self.petitions, f"信访件（{len(reading.records)}）")
        _fill(self.skipped, [[s.row, s.reason] for s in reading.skipped_rows])
        self.addTab(self.skipped, f"将跳过的行（{len(reading.skipped_rows)}）")
        issues = reading.errors + reading.warnings
        _fill(self.warnings, [[i.place(), i.message] for i in issues])
        self.addTab(self.warnings, f"提醒（{len(issues)}）")

    def _problems(self, reading: LedgerReading) -> None:
        rows, measures = [], []
        for p in reading.records:
            status = STATUS_LABELS.get(p.get("status") or "", p.get("status_text", ""))
            rows.append([p.get("source_row"), p.get("code"), p.get("title") or p.get("description"),
                         len(p.get("measures", [])), "、".join(p.get("lead_units") or []),
                         p.get("deadline_text"), status])
            measures += [[m.get("source_row"), p.get("code"), m.get("seq"), m.get("content"),
                          m.get("deadline_text")] for m in p.get("measures", [])]
        _fill(self.problems, rows)
        _fill(self.measures, measures)

    def _petitions(self, reading: LedgerReading) -> None:
        _fill(self.petitions, [[p.get("source_row"), p.get("code"), p.get("received_on"),
                                p.get("district"), p.get("content"),
                                PETITION_STATUS.get(p.get("status") or "", "")]
                               for p in reading.records])
