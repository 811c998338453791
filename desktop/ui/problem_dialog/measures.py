"""A problem's measures (整改措施), editable in a table: add, delete, move, change any cell."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.deadlines import parse_deadline
from desktop.core.status import STATUS_CODES, STATUS_LABELS
from desktop.core.units import split_units
from desktop.ui.widgets import left_headers

HEADERS = ["序号", "整改措施", "整改时限", "牵头单位", "状态"]
ID_ROLE = Qt.ItemDataRole.UserRole


class MeasuresEditor(QWidget):
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = QTableWidget(0, len(HEADERS), objectName="measuresTable")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        left_headers(self.table)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 50), (2, 140), (3, 160), (4, 120)):
            self.table.setColumnWidth(col, width)
        self.add = QPushButton("添加措施", objectName="addMeasure")
        self.remove = QPushButton("删除措施", objectName="removeMeasure")
        self.up = QPushButton("上移", objectName="moveUp")
        self.down = QPushButton("下移", objectName="moveDown")
        buttons = QHBoxLayout()
        for button in (self.add, self.remove, self.up, self.down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add.clicked.connect(lambda: self._insert_row(self.table.rowCount(), {}))
        self.remove.clicked.connect(self._remove)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.table.itemChanged.connect(lambda _item: self.edited.emit())
        self.original: list[dict] = []

    def load(self, measures: list[dict]) -> None:
        self.original = measures
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for m in measures:
            self._insert_row(self.table.rowCount(), m, emit=False)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()

    def _insert_row(self, row: int, m: dict, *, emit: bool = True) -> None:
        blocked = self.table.blockSignals(True)  # the row is whole before anyone looks at it
        self.table.insertRow(row)
        seq = QTableWidgetItem()
        seq.setFlags(seq.flags() & ~Qt.ItemFlag.ItemIsEditable)
        seq.setData(ID_ROLE, m.get("id"))
        self.table.setItem(row, 0, seq)
        self.table.setItem(row, 1, QTableWidgetItem(m.get("content", "")))
        self.table.setItem(row, 2, QTableWidgetItem(m.get("deadline_text", "")))
        self.table.setItem(row, 3, QTableWidgetItem("、".join(m.get("lead_units") or [])))
        status = QComboBox()
        for code in STATUS_CODES:
            status.addItem(STATUS_LABELS[code], code)
        status.setCurrentIndex(max(status.findData(m.get("status", "pending")), 0))
        status.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.table.setCellWidget(row, 4, status)
        self._renumber()
        self.table.blockSignals(blocked)
        if emit:
            self.table.setCurrentCell(row, 1)
            self.edited.emit()

    def _renumber(self) -> None:
        for row in range(self.table.rowCount()):
            self.table.item(row, 0).setText(str(row + 1))

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._renumber()
            self.edited.emit()

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        moved = self._row_values(row)
        self.table.removeRow(row)
        self._insert_row(target, moved, emit=False)
        self.table.setCurrentCell(target, 1)
        self.edited.emit()

    def _row_values(self, row: int) -> dict:
        text = [self.table.item(row, c).text().strip() for c in range(1, 4)]
        deadline = parse_deadline(text[1])
        status = self.table.cellWidget(row, 4).currentData()
        return {"id": self.table.item(row, 0).data(ID_ROLE), "seq": row + 1, "content": text[0],
                "deadline_text": text[1], "deadline": deadline.iso,
                "deadline_kind": deadline.kind, "lead_units": split_units(text[2]),
                "status": status, "status_text": STATUS_LABELS[status]}

    def edited_measures(self) -> list[dict]:
        return [self._row_values(row) for row in range(self.table.rowCount())]

    def is_modified(self) -> bool:
        keys = ("id", "seq", "content", "deadline_text", "lead_units", "status")
        now = [{k: m[k] for k in keys} for m in self.edited_measures()]
        before = [{k: m.get(k) or ([] if k == "lead_units" else "") for k in keys}
                  for m in self.original]
        return now != before

    def errors(self) -> list[str]:
        empty = [str(i + 1) for i, m in enumerate(self.edited_measures()) if not m["content"]]
        return [f"第 {'、'.join(empty)} 条措施没有内容。"] if empty else []
