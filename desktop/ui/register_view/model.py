"""The register table's model: rows come from db.queries.problem_list (filter and sort in SQL)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from sqlite_utils import Database

from db.queries import ProblemFilter, problem_ids, problem_rows_by_id
from desktop.core.deadlines import KIND_LABELS
from desktop.core.schedule import ASSESSMENT_LABELS
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
    Column("warning", "预警", 112), Column("code", "编号", 56), Column("round", "批次", 120),
    Column("title", "问题", 330),
    Column("lead", "牵头单位", 170), Column("deadline", "整改时限", 150),
    Column("status", "状态", 108), Column("percent", "进度", 58),
    Column("completed_on", "实际完成时间", 110), Column("progress", "最新进展", 420),
)


def warning_text(row: dict) -> str:
    days, warning = row.get("days_left"), row.get("warning")
    if warning == "overdue":
        return f"● 逾期 {-days} 天"
    if warning == "behind":
        soon = row.get("bucket") in ("d10", "d20")
        return f"● 滞后，剩 {days} 天" if soon else "● 未达序时"
    if warning == "due_soon":
        return "● 今天到期" if days == 0 else f"● 剩 {days} 天"
    return ""


def _deadline_tip(row: dict) -> str:
    """The deadline as written and the schedule assessment's own words for it."""
    text = row["deadline_text"] or KIND_LABELS.get(row["deadline_kind"], "") or "未填写"
    label = ASSESSMENT_LABELS.get(row.get("assessment") or "", "")
    said = f"\n序时评估：{label}" + (f"（{row['explanation']}）" if row.get("explanation") else "")
    return f"整改时限：{text}" + (said if label else "")


def _text(row: dict, key: str) -> str:
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


_DISPLAY, _BACKGROUND = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole
_FOREGROUND, _ALIGN = Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_CENTERED = {i for i, c in enumerate(COLUMNS) if c.key in ("code", "percent", "completed_on")}
_STATUS_COL = next(i for i, c in enumerate(COLUMNS) if c.key == "status")


class RegisterModel(QAbstractTableModel):
    """Holds the ordered ids (and warnings) of the problems the filter matches; the rows
    themselves are fetched a page at a time when the view paints them."""

    PAGE = 150
    counted = Signal()     # after every reload: the warnings and buckets are those of self.ids

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db, self.filter = db, ProblemFilter()
        self.ids: list[int] = []
        self.warnings: list[str] = []
        self.buckets: list[str] = []
        self.cache: dict[int, dict] = {}
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

    def reload(self, *, reset: bool = False, changed: frozenset[int] | None = None) -> None:
        """Query again. When the same problems come back in the same order only the changed
        rows (all cached rows if `changed` is None) are fetched again and repainted, so
        selection and scroll position stay; otherwise the model resets."""
        found = problem_ids(self.db, self.filter, sort=self.sort_key, descending=self.descending,
                            as_of=self.as_of)
        ids = [pid for pid, _, _ in found]
        if not reset and ids == self.ids:
            self.warnings, self.buckets = [f[1] for f in found], [f[2] for f in found]
            stale = set(self.cache) if changed is None else set(changed) & set(self.cache)
            for pid in stale:
                del self.cache[pid]
            for row in sorted(self.ids.index(pid) for pid in stale):
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            self.counted.emit()
            return
        self.beginResetModel()
        self.ids, self.warnings, self.buckets = ids, [f[1] for f in found], [f[2] for f in found]
        self.cache.clear()
        self.endResetModel()
        self.counted.emit()

    def row(self, i: int) -> dict:
        """Row i's values; fetches the page around it on first use."""
        pid = self.ids[i]
        if pid not in self.cache:
            page = [p for p in self.ids[max(0, i - self.PAGE // 3): i + self.PAGE]
                    if p not in self.cache]
            self.cache.update(problem_rows_by_id(self.db, page, as_of=self.as_of))
        return self.cache[pid]

    def all_rows(self) -> list[dict]:
        return [self.row(i) for i in range(len(self.ids))]

    def row_of(self, problem_id: int) -> int | None:
        try:
            return self.ids.index(problem_id)
        except ValueError:
            return None

    # -- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].title
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=_DISPLAY):
        # Called for every role of every painted cell: the common roles answer first, from
        # values formatted once per fetched row.
        if role == _DISPLAY:
            return self.texts(index.row())[index.column()]
        if role == _BACKGROUND:
            return ROW_TINTS.get(self.warnings[index.row()])
        if role == _FOREGROUND:
            warning, col = self.warnings[index.row()], index.column()
            return WARNING_COLORS.get(warning) if col == 0 or (
                col == _STATUS_COL and warning == "done") else None
        if role == _ALIGN:
            return _CENTER if index.column() in _CENTERED else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(self.row(index.row()), COLUMNS[index.column()].key)
        if role == ID_ROLE:
            return self.ids[index.row()]
        if role == WARNING_ROLE:
            return self.warnings[index.row()]
        return None

    def texts(self, i: int) -> tuple[str, ...]:
        row = self.row(i)
        texts = row.get("_texts")
        if texts is None:
            texts = row["_texts"] = tuple(_text(row, c.key) for c in COLUMNS)
        return texts

    def _tip(self, row: dict, key: str) -> str | None:
        if key == "deadline" or key == "warning":
            return _deadline_tip(row)
        if key == "lead" and row["responsible_units"]:
            return "责任单位：" + "、".join(row["responsible_units"])
        if key in ("title", "progress", "round"):
            return row[key] or None
        return None
