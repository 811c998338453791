"""Small widgets shared by the views: number cards, horizontal bars, compact problem lists."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def left_headers(table) -> None:
    """Column titles aligned with the text under them."""
    table.horizontalHeader().setDefaultAlignment(LEFT)


class Card(QFrame):
    """A big number with a label under it."""

    def __init__(self, label: str, color: str = "#1f2d3d", parent=None):
        super().__init__(parent, objectName="card")
        self.number = QLabel("0", objectName="cardNumber")
        self.number.setStyleSheet(f"color: {color};")
        self.caption = QLabel(label, objectName="cardLabel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_value(self, value: int | str, note: str = "") -> None:
        self.number.setText(str(value))
        self.setToolTip(note)


class ProblemList(QTableWidget):
    """A compact read-only list of problems; activating a row asks to open that problem."""

    open_problem = Signal(int)

    def __init__(self, headers: list[str], widths: list[int], parent=None):
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(26)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for i, width in enumerate(widths):
            self.setColumnWidth(i, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.itemActivated.connect(lambda item: self.open_problem.emit(
            self.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)))

    def set_rows(self, rows: list[tuple[int, list[str]]], color: QColor | None = None) -> None:
        self.setRowCount(len(rows))
        for r, (problem_id, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, problem_id)
                if color is not None and c == len(cells) - 1:
                    item.setForeground(color)
                self.setItem(r, c, item)
        self.setCurrentCell(-1, -1)


def lay_out_form(dialog: QWidget, rows: list[tuple[str, QWidget]], error: QWidget,
                 buttons: list[QWidget]) -> None:
    """A dialog's fields as a labelled form, and under it the error line and the buttons."""
    form = QFormLayout()
    for label, widget in rows:
        form.addRow(label, widget)
    line = QHBoxLayout()
    line.addWidget(error, 1)
    for button in buttons:
        line.addWidget(button)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form, 1)
    layout.addLayout(line)
