"""The dashboard (看板): headline counts, counts by status, warning lists, completion per unit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from db.queries import (
    ProblemFilter,
    petition_counts,
    problem_list,
    status_counts,
    unit_completion,
    warning_counts,
)
from desktop.ui.changes import Changes
from desktop.ui.register_view.model import warning_text
from desktop.ui.style import WARNING_COLORS
from desktop.ui.widgets import BarList, Card, ProblemList, RateBarDelegate

STATUS_COLORS = {"pending": "#9aa4af", "in_progress": "#5b8def", "on_schedule": "#3f9b6b",
                 "ahead": "#2e7d32", "behind_schedule": "#e09a1f", "completed": "#2e7d32",
                 "closed": "#1b5e20"}
LIST_LIMIT = 200


def _group(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(8, 10, 8, 8)
    layout.addWidget(widget)
    return box


class DashboardView(QWidget):
    open_problem = Signal(int)

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db, self.dirty, self.as_of = db, True, None
        self.cards = {key: Card(label, color) for key, label, color in (
            ("total", "问题总数", "#1f2d3d"), ("done", "已完成（含销号）", "#2e7d32"),
            ("on_schedule", "达到序时进度", "#3f9b6b"), ("behind", "未达序时进度", "#b26a00"),
            ("overdue", "逾期未完成", "#c62828"), ("due_10", "10天内到期", "#1565c0"),
            ("petitions", "信访件办结", "#1f2d3d"))}
        self.status_bars = BarList()
        self.unit_list = ProblemList(["牵头单位", "完成率", "牵头问题", "已完成", "逾期"],
                                     [210, 240, 70, 70, 60])
        self.unit_list.setObjectName("unitCompletion")
        self.unit_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.unit_list.horizontalHeader()
        header.setSectionResizeMode(1, header.ResizeMode.Stretch)
        self.unit_list.setItemDelegateForColumn(1, RateBarDelegate(self.unit_list))
        self.overdue = self._problem_list("overdueList")
        self.due_soon = self._problem_list("dueSoonList")
        self.behind = self._problem_list("behindList")
        self._layout()  # filled when first shown (activate)

    def _problem_list(self, name: str) -> ProblemList:
        table = ProblemList(["编号", "问题", "牵头单位", "预警"], [52, 200, 130, 110])
        table.setObjectName(name)
        table.open_problem.connect(self.open_problem)
        return table

    def _layout(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(12)
        title = QLabel("整改看板", objectName="viewTitle")
        self.as_of_label = QLabel(objectName="hint")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.as_of_label)
        outer.addLayout(head)
        cards = QHBoxLayout()
        cards.setSpacing(10)
        for card in self.cards.values():
            cards.addWidget(card, 1)
        outer.addLayout(cards)
        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(_group("按状态统计", self.status_bars), 0, 0)
        grid.addWidget(_group("各牵头单位完成情况", self.unit_list), 0, 1, 1, 2)
        grid.addWidget(_group("逾期未完成", self.overdue), 1, 0)
        grid.addWidget(_group("20天内到期", self.due_soon), 1, 1)
        grid.addWidget(_group("未达序时进度", self.behind), 1, 2)
        for col in range(3):
            grid.setColumnStretch(col, 1)
        grid.setRowStretch(1, 1)
        outer.addLayout(grid, 1)

    # -- data ---------------------------------------------------------------------------
    def set_db(self, db: Database) -> None:
        self.db, self.dirty = db, True
        if self.isVisible():
            self.activate()

    def apply(self, changes: Changes) -> None:
        if changes.any_problem or changes.any_petition:
            self.dirty = True
            if self.isVisible():
                self.refresh()

    def activate(self) -> None:
        if self.dirty:
            self.refresh()

    def refresh(self) -> None:
        counts = warning_counts(self.db, as_of=self.as_of)
        by_status = {s.status: s.count for s in status_counts(self.db)}
        values = dict(counts, on_schedule=by_status["on_schedule"] + by_status["ahead"],
                      behind=by_status["behind_schedule"])
        for key in ("total", "done", "on_schedule", "behind", "overdue", "due_10"):
            self.cards[key].set_value(values[key])
        pet = petition_counts(self.db)
        self.cards["petitions"].set_value(f"{pet['done']}/{pet['total']}",
                                          f"已办结 {pet['done']} 件，阶段性办结 {pet['staged']} 件，"
                                          f"正在办理 {pet['in_progress']} 件")
        self.status_bars.set_items([(s.label, s.count, STATUS_COLORS[s.status])
                                    for s in status_counts(self.db)])
        self._fill_units()
        self._fill_lists()
        self.dirty = False

    def _fill_units(self) -> None:
        units = unit_completion(self.db, as_of=self.as_of)
        self.unit_list.set_rows([(0, [u.unit, "", str(u.total), str(u.done), str(u.overdue or "")])
                                 for u in units])
        for row, u in enumerate(units):
            self.unit_list.item(row, 1).setData(Qt.ItemDataRole.UserRole, u.rate)

    def _fill_lists(self) -> None:
        def rows_for(flt: ProblemFilter, warning: str | None = None):
            found = problem_list(self.db, flt, sort="deadline", as_of=self.as_of)
            found = [r for r in found if warning is None or r["warning"] == warning]
            return [(r["id"], [r["code"], r["title"], "、".join(r["lead_units"]),
                               warning_text(r).lstrip("● ")]) for r in found[:LIST_LIMIT]]
        self.overdue.set_rows(rows_for(ProblemFilter(bucket="overdue")),
                              WARNING_COLORS["overdue"])
        soon = rows_for(ProblemFilter(bucket="within_10", status="open")) + rows_for(
            ProblemFilter(bucket="within_20", status="open"))
        self.due_soon.set_rows(soon, WARNING_COLORS["due_soon"])
        self.behind.set_rows(rows_for(ProblemFilter(status="behind_schedule")),
                             WARNING_COLORS["behind"])
