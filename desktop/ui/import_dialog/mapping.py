"""The column mapping: each column of the superior's sheet and the register field it fills."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
)

from desktop.ledger.reading.vocabulary import FIELD_LABELS, PETITION_RULES, PROBLEM_RULES
from desktop.ui.widgets import left_headers

NOT_IMPORTED = "（不导入）"


def field_choices(kind: str) -> list[str]:
    rules = PROBLEM_RULES if kind == "problems" else PETITION_RULES
    return list(dict.fromkeys(name for _, name in rules))


class MappingTable(QTableWidget):
    changed = Signal(dict)  # column letter → field ("" for not imported)

    def __init__(self, parent=None):
        super().__init__(0, 3, parent)
        self.setObjectName("mappingTable")
        self.setHorizontalHeaderLabels(["列", "原表表头", "导入为"])
        self.verticalHeader().hide()
        left_headers(self)
        self.verticalHeader().setDefaultSectionSize(30)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setColumnWidth(0, 40)
        self.setColumnWidth(2, 150)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def load(self, kind: str, columns) -> None:
        self.setRowCount(len(columns))
        choices = field_choices(kind)
        for row, col in enumerate(columns):
            self.setItem(row, 0, QTableWidgetItem(col.letter))
            header = QTableWidgetItem(col.header or "（空表头）")
            header.setToolTip(col.header)
            self.setItem(row, 1, header)
            combo = QComboBox(objectName=f"map_{col.letter}")
            combo.addItem(NOT_IMPORTED, "")
            for name in choices:
                combo.addItem(FIELD_LABELS.get(name, name), name)
            combo.setCurrentIndex(max(combo.findData(col.field or ""), 0))
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit(self.mapping()))
            self.setCellWidget(row, 2, combo)

    def combo(self, letter: str) -> QComboBox | None:
        for row in range(self.rowCount()):
            if self.item(row, 0).text() == letter:
                return self.cellWidget(row, 2)
        return None

    def mapping(self) -> dict[str, str]:
        return {self.item(row, 0).text(): self.cellWidget(row, 2).currentData()
                for row in range(self.rowCount())}
