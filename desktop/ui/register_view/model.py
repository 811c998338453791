"""The register table's model: rows come from db.queries.problem_list (filter and sort in SQL)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from sqlite_utils import Database

from db.queries import ProblemFilter, problem_list
from desktop.core.deadlines import KIND_LABELS
from desktop.core.status import STATUS_LABELS
from desktop.ui.style import ROW_TINTS, WARNING_COLORS

ID_ROLE = Qt.ItemDataRole.UserRole + 1
WARNING_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    key: str      # also the sort key of db.queries.SORT_KEYS
    title: str
    width: int


COLUMNS = (
    Column("warning", "预警", 112), Column("code", "编号", 56), Column("title", "问题", 330),
    Column("lead", "牵头单位", 170), Column("deadline", "整改时限", 150),
    Column("status", "状态", 108), Column("percent", "进度", 58), Column("progress", "最新进展", 420),
)


def warning_text(row: dict) -> str:
    days, warning = row.get("days_left"), row.get("warning")
    if warning == "overdue":
        return f"● 逾期 {-days} 天"
    if warning == "behind":
        soon = row.get("bucket") in ("within_10", "within_20")
        return f"● 滞后，剩 {days} 天" if soon else "● 未达序时"
    if warning == "due_soon":
        return "● 今天到期" if days == 0 else f"● 剩 {days} 天"
    return ""


def _deadline_tip(row: dict) -> str:
    if row.get("deadline"):
        days = row["days_left"]
        left = f"，还有 {days} 天" if days >= 0 else f"，已过 {-days} 天"
        return f"整改时限：{row['deadline_text']}（{row['deadline']}{left}）"
    return f"整改时限：{row['deadline_text'] or '未填写'}（{KIND_LABELS.get(row['deadline_kind'], '')}）"


class RegisterModel(QAbstractTableModel):
    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db, self.filter, self.rows = db, ProblemFilter(), []
        self.sort_key, self.descending = "code", False
        self.as_of: dt.date | None = None  # None: today

    # -- loading ------------------------------------------------------------------------
    def set_db(self, db: Database) -> None:
        self.db = db
        self.reload(reset=True)

    def set_filter(self, flt: ProblemFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self.reload()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = COLUMNS[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def reload(self, *, reset: bool = False) -> None:
        """Query again; if the same problems come back in the same order, repaint only the rows
        whose values changed (selection and scroll stay); otherwise reset the model."""
        new = problem_list(self.db, self.filter, sort=self.sort_key, descending=self.descending,
                           as_of=self.as_of)
        if not reset and [r["id"] for r in new] == [r["id"] for r in self.rows]:
            changed = [i for i, (a, b) in enumerate(zip(self.rows, new)) if a != b]
            self.rows = new
            for i in changed:
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self.rows = new
        self.endResetModel()

    def row_of(self, problem_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r["id"] == problem_id), None)

    # -- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].title
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, key = self.rows[index.row()], COLUMNS[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, key)
        if role == Qt.ItemDataRole.BackgroundRole:
            return ROW_TINTS.get(row["warning"])
        if role == Qt.ItemDataRole.ForegroundRole and key in ("warning", "status"):
            return WARNING_COLORS.get(row["warning"]) if key == "warning" or \
                row["warning"] == "done" else None
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("code", "percent"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ID_ROLE:
            return row["id"]
        if role == WARNING_ROLE:
            return row["warning"]
        return None

    def _text(self, row: dict, key: str) -> str:
        if key == "warning":
            return warning_text(row)
        if key == "lead":
            return "、".join(row["lead_units"] or [])
        if key == "deadline":
            return row["deadline_text"] or KIND_LABELS.get(row["deadline_kind"], "")
        if key == "status":
            return STATUS_LABELS.get(row["status"], row["status_text"])
        if key == "percent":
            return "" if row["percent"] is None else f"{row['percent']:.0f}%"
        if key == "progress":
            return " ".join((row["progress"] or "").split())
        return str(row.get(key) or "")

    def _tip(self, row: dict, key: str) -> str | None:
        if key == "deadline" or key == "warning":
            return _deadline_tip(row)
        if key == "lead" and row["responsible_units"]:
            return "责任单位：" + "、".join(row["responsible_units"])
        if key in ("title", "progress"):
            return row[key] or None
        return None
