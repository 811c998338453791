"""Pieces the supervision panes share: a read-only table whose rows carry an id, a button row,
and the layout of a list over the program's proposals for it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.alerts import COLOUR_HEX


class IdTable(QTableWidget):
    """Rows of text; row r's id is ids[r]; the last column may be tinted by an alerts colour."""

    def __init__(self, name: str, headers: list[str], widths: list[int]):
        super().__init__(0, len(headers), objectName=name)
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.horizontalHeader().setStretchLastSection(True)
        for i, width in enumerate(widths):
            self.setColumnWidth(i, width)
        self.ids: list = []

    def set_rows(self, ids: list, rows: list[list], colours: list[str] | None = None) -> None:
        self.ids = list(ids)
        self.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                item = QTableWidgetItem("" if value is None else str(value))
                item.setToolTip(item.text())
                if colours and colours[r] and c == len(cells) - 1:
                    text, back = COLOUR_HEX[colours[r]]
                    item.setForeground(QColor(text))
                    item.setBackground(QColor(back))
                self.setItem(r, c, item)

    def current_id(self):
        row = self.currentRow()
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def select_id(self, wanted) -> None:
        if wanted in self.ids:
            self.selectRow(self.ids.index(wanted))


def button_row(*buttons: tuple[str, str]) -> tuple[QHBoxLayout, dict[str, QPushButton]]:
    """(layout, {objectName: button}) for (objectName, text) pairs, stretched at the end."""
    row, made = QHBoxLayout(), {}
    for name, text in buttons:
        made[name] = QPushButton(text, objectName=name)
        row.addWidget(made[name])
    row.addStretch(1)
    return row, made


def align_left(table: QTableWidget) -> None:
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft
                                                 | Qt.AlignmentFlag.AlignVCenter)


def list_over_proposals(pane: QWidget, heads: list, table: QWidget, caption: str,
                        proposals: QWidget, accept_row: QHBoxLayout) -> None:
    """The pane's heads (widgets or layouts) on top, then its table over the proposals (with their
    caption and accept buttons) in a splitter the clerk can drag."""
    lower = QWidget()
    lower_layout = QVBoxLayout(lower)
    lower_layout.setContentsMargins(0, 0, 0, 0)
    lower_layout.addWidget(QLabel(caption))
    lower_layout.addWidget(proposals, 1)
    lower_layout.addLayout(accept_row)
    split = QSplitter(Qt.Orientation.Vertical)
    split.addWidget(table)
    split.addWidget(lower)
    layout = QVBoxLayout(pane)
    for head in heads:
        if isinstance(head, QWidget):
            layout.addWidget(head)
        else:
            layout.addLayout(head)
    layout.addWidget(split, 1)
