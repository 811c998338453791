"""Petitions (信访件): filters, the list, and counts with the handling rate."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from db.queries import (
    PETITION_STATUS_LABELS,
    VERIFIED_LABELS,
    PetitionFilter,
    petition_choices,
    petition_counts,
    petition_list,
)
from db.settings import load_report_settings
from desktop.core.report_settings import COMPLETION_RULES
from desktop.core.stats import completion_rate, format_rate
from desktop.ui.changes import Changes
from desktop.ui.lazy_view import LazyView
from desktop.ui.register_view.filter_bar import DEBOUNCE_MS, _combo, _refill

COLUMNS = (("code", "交办编号", 170), ("received_on", "交办日期", 96), ("district", "行政区域", 86),
           ("pollution_types", "污染类型", 96), ("content", "举报内容", 300),
           ("verified", "核实情况", 80), ("status", "办理状态", 92),
           ("responsible_units", "责任单位", 140), ("result", "办理结果", 320))
STATUS_COLORS = {"done": QColor("#2e7d32"), "staged": QColor("#b26a00"),
                 "in_progress": QColor("#c62828")}


class PetitionModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row, key = self.rows[index.row()], COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return STATUS_COLORS.get(row["status"])
        return None

    @staticmethod
    def _text(row: dict, key: str) -> str:
        value = row.get(key)
        if key in ("pollution_types", "responsible_units"):
            return "、".join(value or [])
        if key == "verified":
            return row.get("verified_text") or VERIFIED_LABELS.get(value or "", "")
        if key == "status":
            return PETITION_STATUS_LABELS.get(value, row.get("status_text") or "")
        return " ".join(str(value or "").split())


class PetitionsView(LazyView, QWidget):
    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db, self.dirty = db, True
        self.status = _combo("petitionStatus", 120)
        _refill(self.status, "全部状态", [(v, k) for k, v in PETITION_STATUS_LABELS.items()])
        self.district = _combo("district", 120)
        self.ptype = _combo("pollutionType", 110)
        self.verified = _combo("verified", 110)
        _refill(self.verified, "全部核实情况", [(v, k) for k, v in VERIFIED_LABELS.items()])
        self.search = QLineEdit(objectName="petitionSearch", clearButtonEnabled=True)
        self.search.setPlaceholderText("查找编号、内容、区域、办理结果")
        self.counts = QLabel(objectName="summary")
        self.model = PetitionModel(self)
        self.table = self._make_table()
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self._layout()
        for combo in (self.status, self.district, self.ptype, self.verified):
            combo.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._timer.start())
        # filled when first shown (activate)

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="petitionTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(28)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, (_, _, width) in enumerate(COLUMNS):
            table.setColumnWidth(i, width)
        return table

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 8)
        layout.setSpacing(8)
        bar = QHBoxLayout()
        for widget in (self.status, self.district, self.ptype, self.verified):
            bar.addWidget(widget)
        bar.addWidget(self.search, 1)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)

    def current(self) -> PetitionFilter:
        return PetitionFilter(status=self.status.currentData() or "",
                              district=self.district.currentData() or "",
                              pollution_type=self.ptype.currentData() or "",
                              verified=self.verified.currentData() or "",
                              search=self.search.text().strip())

    def selected_id(self) -> int | None:
        """The petition the clerk selected (for 编辑信访件)."""
        index = self.table.currentIndex()
        return self.model.rows[index.row()]["id"] if index.isValid() else None

    def shows(self, changes: Changes) -> bool:
        return changes.any_petition

    def refresh_now(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.dirty = False
        choices = petition_choices(self.db)
        _refill(self.district, "全部区域", [(d, d) for d in choices["districts"]])
        _refill(self.ptype, "全部类型", [(t, t) for t in choices["pollution_types"]])
        self.refresh()

    def refresh(self) -> None:
        flt = self.current()
        self.model.set_rows(petition_list(self.db, flt))
        c, total = petition_counts(self.db, flt), petition_counts(self.db)
        rule = load_report_settings(self.db).completion_rule
        rate = format_rate(completion_rate(c["done"], c["staged"], c["total"], rule))
        shown = (f"显示 {c['total']} 件（共 {total['total']} 件）　·　" if flt != PetitionFilter()
                 else f"共 {c['total']} 件　·　")
        self.counts.setText(f"{shown}已办结 {c['done']} 件　·　阶段性办结 {c['staged']} 件　·　"
                            f"正在办理 {c['in_progress']} 件　·　办结率 {rate}"
                            f"（{COMPLETION_RULES[rule]}，可在“设置”中更改）")
