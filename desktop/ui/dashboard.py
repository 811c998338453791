"""The dashboard (看板): the published paragraph, headline counts, the reports' charts (status,
units, trend) and the lists a clerk acts on: overdue, due within 20 days, behind schedule."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from db.closure import stage_counts
from db.queries import ProblemFilter, problem_list
from db.queries.supervision import revisited_count
from desktop.core.schedule import OVERDUE
from desktop.core.stats import format_rate
from desktop.ui.feedback_notice import FeedbackNotice
from desktop.ui.lazy_view import LazyView
from desktop.ui.operations.dashboard_ops import DashboardData, dashboard_data
from desktop.ui.register_view.model import warning_text
from desktop.ui.style import WARNING_COLORS
from desktop.ui.supervision.closure_pane import counts_text
from desktop.ui.tasks import Op
from desktop.ui.widgets import Card, ProblemList

LIST_LIMIT = 200
CARDS = (("total", "问题总数", "#1f2d3d"), ("completed", "完成整改", "#2e7d32"),
         ("on_schedule", "达到序时进度", "#3f7fbf"), ("behind", "未达序时进度（含逾期）", "#b26a00"),
         ("overdue", "逾期未完成", "#c62828"), ("d10", "10天内到期", "#8a6d00"),
         ("petitions", "信访件办结率", "#1f2d3d"))


def _group(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 8, 6, 6)
    layout.addWidget(widget)
    return box


class DashboardView(LazyView, QWidget):
    open_problem = Signal(int)

    def __init__(self, db: Database, run, parent=None):
        super().__init__(parent)
        self.db, self.run, self.dirty, self.as_of = db, run, True, None
        self.data: DashboardData | None = None
        self.cards = {key: Card(label, color) for key, label, color in CARDS}
        self.paragraph = QLabel(objectName="summary", wordWrap=True)
        self.feedback_notice = FeedbackNotice("dashboardFeedbackNotice")
        self.paragraph.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.as_of_label = QLabel(objectName="hint")
        self.closure_counts = QLabel(objectName="dashboardClosureCounts")
        self.chart_boxes = [QVBoxLayout() for _ in range(3)]
        self.canvases: list[QWidget] = []
        self.overdue = self._problem_list("overdueList")
        self.due_soon = self._problem_list("dueSoonList")
        self.behind = self._problem_list("behindList")
        self._layout()

    def _problem_list(self, name: str) -> ProblemList:
        table = ProblemList(["编号", "问题", "牵头单位", "预警"], [52, 200, 130, 110])
        table.setObjectName(name)
        table.open_problem.connect(self.open_problem)
        return table

    def _layout(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(10)
        head = QHBoxLayout()
        head.addWidget(QLabel("整改看板", objectName="viewTitle"))
        head.addStretch(1)
        head.addWidget(self.as_of_label)
        outer.addLayout(head)
        outer.addWidget(self.feedback_notice)
        outer.addWidget(self.paragraph)
        outer.addWidget(self.closure_counts)
        cards = QHBoxLayout()
        cards.setSpacing(10)
        for card in self.cards.values():
            cards.addWidget(card, 1)
        outer.addLayout(cards)
        grid = QGridLayout()
        grid.setSpacing(12)
        for col, box in enumerate(self.chart_boxes):
            holder = QFrame(objectName="card")  # the charts carry their own titles
            holder.setLayout(box)
            box.setContentsMargins(4, 4, 4, 4)
            grid.addWidget(holder, 0, col)
        grid.addWidget(_group("逾期未完成", self.overdue), 1, 0)
        grid.addWidget(_group("20天内到期", self.due_soon), 1, 1)
        grid.addWidget(_group("未达序时进度", self.behind), 1, 2)
        for col in range(3):
            grid.setColumnStretch(col, 1)
        grid.setRowStretch(0, 5)
        grid.setRowStretch(1, 6)
        outer.addLayout(grid, 1)

    # -- data ---------------------------------------------------------------------------
    def shows(self, changes) -> bool:  # accountability is in the paragraph, stages in the counts
        return super().shows(changes) or changes.supervision

    def refresh_now(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Lists at once (SQL on this thread); counts and charts from the snapshot off it."""
        self.dirty = False
        self.feedback_notice.refresh(self.db)
        self._fill_lists()
        self.closure_counts.setText(counts_text(stage_counts(self.db), revisited_count(self.db)))
        self.run(Op("正在统计", dashboard_data(self.as_of), success=self._fill, long=True))

    def _fill(self, data: DashboardData) -> None:
        self.data = data
        s, p = data.problems, data.petitions
        values = {"total": s.total, "completed": s.by_group["completed"],
                  "on_schedule": s.by_group["on_schedule"], "behind": s.by_group["behind"],
                  "overdue": s.by_assessed[OVERDUE], "d10": data.alerts["d10"]}
        for key, value in values.items():
            self.cards[key].set_value(value)
        self.cards["petitions"].set_value(format_rate(p.rate) if p.total else "—",
                                          f"共 {p.total} 件，已办结 {p.done} 件")
        self.paragraph.setText(data.paragraph)
        self.as_of_label.setText(f"截至 {data.as_of:%Y-%m-%d}")
        self._show_charts(data.figures)

    def _show_charts(self, figures: list) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        for canvas in self.canvases:
            canvas.setParent(None)
            canvas.deleteLater()
        self.canvases = []
        for box, figure in zip(self.chart_boxes, figures):
            canvas = FigureCanvasQTAgg(figure)
            canvas.setMinimumHeight(220)
            box.addWidget(canvas)
            self.canvases.append(canvas)

    def _fill_lists(self) -> None:
        def rows_for(flt: ProblemFilter, warning: str | None = None):
            found = problem_list(self.db, flt, sort="warning", as_of=self.as_of)
            found = [r for r in found if warning is None or r["warning"] == warning]
            return [(r["id"], [r["code"], r["title"], "、".join(r["lead_units"]),
                               warning_text(r).lstrip("● ")]) for r in found[:LIST_LIMIT]]
        self.overdue.set_rows(rows_for(ProblemFilter(bucket="overdue")),
                              WARNING_COLORS["overdue"])
        soon = rows_for(ProblemFilter(bucket="d10", status="open")) + rows_for(
            ProblemFilter(bucket="d20", status="open"))
        self.due_soon.set_rows(soon, WARNING_COLORS["due_soon"])
        self.behind.set_rows(rows_for(ProblemFilter(status="open"), "behind"),
                             WARNING_COLORS["behind"])
