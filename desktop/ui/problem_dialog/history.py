"""修改记录: the problem's audit trail — when, who, which step, what changed (old → new)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.queries import problem_history
from desktop.core.history_text import describe_change
from desktop.ui.widgets import left_headers

HEADERS = ["时间", "操作人", "操作", "对象", "修改内容（原值 → 新值）"]
STATES = {"undone": "（已撤销）", "dropped": "（已撤销）"}


class HistoryPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = QTableWidget(0, len(HEADERS), objectName="auditTable")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        left_headers(self.table)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 140), (1, 90), (2, 220), (3, 60)):
            self.table.setColumnWidth(col, width)
        self.note = QLabel(objectName="hint", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def load(self, db, problem_id: int) -> None:
        entries = problem_history(db, problem_id)
        rows = []
        for entry in entries:
            thing, lines = describe_change(entry)
            if not lines:
                continue
            step = entry["step"] + STATES.get(entry["state"], "")
            rows.append([entry["at"].replace("T", " "), entry["author"], step, thing,
                         "\n".join(lines)])
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        if self.isVisible():
            self.table.resizeRowsToContents()
        self.note.setText(f"共 {len(rows)} 条修改记录（最新的在上）。撤销的操作标为“已撤销”。"
                          if rows else "这个问题还没有修改记录。")

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Row heights need the columns' real widths, known once the tab is on screen.
        super().showEvent(event)
        self.table.resizeRowsToContents()
