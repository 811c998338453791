"""各单位填报: each unit's reports on the problem for a period, and the county's merged version,
whose text and status the clerk may edit before it goes up (one undo step)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.merged_progress import (
    edit_merged,
    merge_for,
    merged_report,
    unit_report_history,
    unit_report_periods,
)
from desktop.core.status import STATUS_CODES, STATUS_LABELS, status_label
from desktop.ui import prompts
from desktop.ui.changes import Changes
from desktop.ui.tasks import Op

HEADERS = ("填报单位", "进展", "状态", "比例", "存在困难", "下步计划", "填报人", "联系电话",
           "收集日期", "文件")
KEYS = ("unit", "text", "status", "percent", "difficulties", "next_steps", "reporter", "phone",
        "reported_on", "source_file")


def save_merged(problem_id: int, period: str, text: str, status: str):
    def work(db, _progress=None) -> Changes:
        edit_merged(db, problem_id, period, text, status)
        return Changes(problem_ids=frozenset({problem_id}), progress=True,
                       message=f"已保存 {period} 的汇总进展")
    return work


class UnitReportsPanel(QWidget):
    def __init__(self, window, problem_id: int, parent=None):
        super().__init__(parent)
        self.window_, self.problem_id = window, problem_id
        self.period = QComboBox(objectName="unitReportPeriod")
        self.table = QTableWidget(0, len(HEADERS), objectName="unitReportsTable")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.merged = QPlainTextEdit(objectName="mergedText")
        self.merged.setFixedHeight(96)
        self.status = QComboBox(objectName="mergedStatus")
        for code in STATUS_CODES:
            self.status.addItem(STATUS_LABELS[code], code)
        self.note = QLabel(objectName="mergedNote", wordWrap=True)
        self.save = QPushButton("保存汇总进展", objectName="saveMerged")
        self.rebuild = QPushButton("按各单位填报重新汇总", objectName="rebuildMerged")
        self._layout()
        self.period.currentIndexChanged.connect(lambda _i: self.show_period())
        self.save.clicked.connect(self.save_merged)
        self.rebuild.clicked.connect(self.fill_from_units)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("期次"))
        top.addWidget(self.period)
        top.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(QLabel("汇总状态"))
        row.addWidget(self.status)
        row.addStretch(1)
        row.addWidget(self.rebuild)
        row.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel("上报的汇总进展（牵头单位在前，可修改后保存；回填上级表、月报、"
                                "图表和公开信息都用这一版）："))
        layout.addWidget(self.merged)
        layout.addLayout(row)
        layout.addWidget(self.note)

    def load(self) -> None:
        current = self.period.currentText()
        periods = unit_report_periods(self.window_.session.db, self.problem_id)
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItems(periods)
        if current in periods:
            self.period.setCurrentText(current)
        self.period.blockSignals(False)
        self.show_period()

    def show_period(self) -> None:
        db, period = self.window_.session.db, self.period.currentText()
        history = unit_report_history(db, self.problem_id, period) if period else []
        self.table.setRowCount(len(history))
        for row, report in enumerate(history):
            for col, key in enumerate(KEYS):
                value = report.get(key)
                text = (status_label(value) if key == "status" else
                        Path(value).name if key == "source_file" and value else
                        "" if value is None else f"{value:g}" if key == "percent" else str(value))
                self.table.setItem(row, col, QTableWidgetItem(text))
        merged = merged_report(db, self.problem_id, period) if period else None
        self.merged.setPlainText(merged["text"] if merged else "")
        self.status.setCurrentIndex(max(self.status.findData(merged["status"] if merged else
                                                             "in_progress"), 0))
        for widget in (self.merged, self.status, self.save, self.rebuild):
            widget.setEnabled(bool(period))
        self.note.setText(_note(merged, history) if period else "尚未收集到各单位的填报。")

    def fill_from_units(self) -> None:
        merged = merge_for(self.window_.session.db, self.problem_id, self.period.currentText())
        if merged:
            self.merged.setPlainText(merged.text)
            self.status.setCurrentIndex(max(self.status.findData(merged.status), 0))

    def save_merged(self) -> None:
        period = self.period.currentText()
        if not period:
            return
        work = save_merged(self.problem_id, period, self.merged.toPlainText(),
                           self.status.currentData())
        self.window_.run(Op("保存汇总进展", work,
                            failure=lambda e: prompts.warn(self, "未能保存", f"未能保存：{e}")))


def _note(merged: dict | None, history: list[dict]) -> str:
    """Says when the merged words were edited by hand, and which units sent new words since."""
    edited = (merged or {}).get("edited_at")
    if not edited:
        return ""
    newer = list(dict.fromkeys(r["unit"] for r in history if r["created_at"] > edited))
    note = f"汇总进展于 {edited[:16].replace('T', ' ')} 手工修改，再次收集时保留。"
    if newer:
        note += (f"此后{'、'.join(newer)}又报来新的进展：可点“按各单位填报重新汇总”后保存，"
                 "或保留手工修改的版本。")
    return note
