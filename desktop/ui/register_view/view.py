"""The register view: filter bar, problem table with a summary line, the selected problem's measures."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from db.queries import filter_choices
from desktop.ui.changes import Changes
from desktop.ui.register_view.column_menu import ColumnMenu
from desktop.ui.register_view.filter_bar import FilterBar
from desktop.ui.register_view.measures_pane import MeasuresPane
from desktop.ui.register_view.model import COLUMNS, ID_ROLE, RegisterModel

ROW_HEIGHT = 30


class RegisterView(QWidget):
    open_problem = Signal(int)  # problem id

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.filters = FilterBar()
        self.model = RegisterModel(db, self)
        self.table = self._make_table()
        self.column_menu = ColumnMenu(self.table)
        self.summary = QLabel(objectName="summary")
        self.measures = MeasuresPane()
        self.split = QSplitter(Qt.Orientation.Vertical, objectName="registerSplit")
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.summary)
        self.split.addWidget(top)
        self.split.addWidget(self.measures)
        self.split.setStretchFactor(0, 4)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([720, 190])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 8)
        layout.setSpacing(8)
        layout.addWidget(self.filters)
        layout.addWidget(self.split, 1)
        self.filters.changed.connect(self._filter)
        self.filters.search.returnPressed.connect(self.filters.flush)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.measures.table.open_problem.connect(self.open_problem)
        self.model.counted.connect(self._summarize)      # once a reload, not once a row
        self.model.modelReset.connect(self._select_first_if_none)
        self.reload()
        self._select_first_if_none()

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="registerTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for i, column in enumerate(COLUMNS):
            table.setColumnWidth(i, column.width)
        table.setSortingEnabled(True)
        header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        return table

    # -- data ---------------------------------------------------------------------------
    def set_db(self, db: Database) -> None:
        self.db = db
        self.model.db = db
        self.filters.blockSignals(True)
        self.filters.reset()
        self.filters.blockSignals(False)
        self.model.filter = self.filters.current()
        self.reload(reset=True)

    def reload(self, *, reset: bool = False) -> None:
        self.filters.set_choices(filter_choices(self.db))
        self.model.reload(reset=reset)
        self.column_menu.fit(self.db)
        self._summarize()

    def apply(self, changes: Changes) -> None:
        """Refresh what the change touched: choices only when problems came or went."""
        if changes.register:
            self.reload(reset=True)
        elif changes.problems:
            self.reload()
        elif changes.progress:
            self.model.reload()
        elif changes.problem_ids:
            self.model.reload(changed=changes.problem_ids)
            self.column_menu.fit(self.db)

    def _filter(self, flt) -> None:
        self.model.set_filter(flt)

    def _summarize(self, *_args) -> None:
        warnings, buckets = Counter(self.model.warnings), Counter(
            b for b, w in zip(self.model.buckets, self.model.warnings) if w != "done")
        # 未达序时进度 counts the overdue too, as the dashboard and the published figures do.
        behind = warnings["behind"] + warnings["overdue"]
        parts = [f"共 {len(self.model.ids)} 项", f"未达序时进度 {behind}（其中逾期 {warnings['overdue']}）",
                 f"20天内到期 {buckets['d10'] + buckets['d20']}", f"已完成 {warnings['done']}"]
        self.summary.setText("　·　".join(parts) + "　　（双击或回车打开问题）")

    def _select_first_if_none(self, *_args) -> None:
        if not self.table.selectionModel().hasSelection() and self.model.rowCount():
            self.table.selectRow(0)
        elif not self.model.rowCount():
            self.measures.show_problem(self.db, None)

    def _current_changed(self, current, _previous) -> None:
        if not current.isValid():
            self.measures.show_problem(self.db, None)
            return
        row = self.model.row(current.row())
        self.measures.show_problem(self.db, row["id"], row["code"], row["title"])

    # -- selection ----------------------------------------------------------------------
    def _activated(self, index) -> None:
        self.open_problem.emit(index.data(ID_ROLE))

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def select_problem(self, problem_id: int) -> bool:
        row = self.model.row_of(problem_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    # -- layout memory ------------------------------------------------------------------
    def save_layout(self, settings) -> None:
        settings.setValue("register/columns", self.table.horizontalHeader().saveState())
        settings.setValue("register/split", self.split.saveState())

    def restore_layout(self, settings) -> None:
        state = settings.value("register/columns")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.table.horizontalHeader().restoreState(state)
            self.column_menu.fit(self.db)
        split = settings.value("register/split")
        if isinstance(split, QByteArray) and not split.isEmpty():
            self.split.restoreState(split)
