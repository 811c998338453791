"""The register table's header menu: the clerk shows or hides any column (right click on the
header). 实际完成时间 shows by itself while some problem has an actual completion date and hides
while none has, until the clerk chooses otherwise."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QTableView
from sqlite_utils import Database

from db.queries.problems import any_completed_on
from desktop.ui.register_view.model import COLUMNS

AUTOMATIC = {"completed_on": any_completed_on}   # column key → shown when this says so


class ColumnMenu:
    def __init__(self, table: QTableView):
        self.table = table
        self.chosen: set[int] = set()     # columns the clerk showed or hid by hand
        self.menu: QMenu | None = None
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.popup)

    def build(self) -> QMenu:
        menu = QMenu(self.table)
        menu.setObjectName("registerColumnsMenu")
        for col, column in enumerate(COLUMNS):
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(col))
            action.toggled.connect(lambda shown, c=col: self.show_column(c, shown))
        return menu

    def popup(self, pos: QPoint) -> None:
        self.menu = self.build()
        self.menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    def show_column(self, col: int, shown: bool) -> None:
        visible = [c for c in range(len(COLUMNS)) if not self.table.isColumnHidden(c)]
        if not shown and visible == [col]:
            return                        # never hide the last column left
        self.chosen.add(col)
        self.table.setColumnHidden(col, not shown)

    def fit(self, db: Database) -> None:
        """Show or hide the automatic columns the clerk has not chosen about."""
        for col, column in enumerate(COLUMNS):
            if column.key in AUTOMATIC and col not in self.chosen:
                self.table.setColumnHidden(col, not AUTOMATIC[column.key](db))
