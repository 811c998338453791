"""Under the register table: the selected problem's measures, so a problem opens to them."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from db.queries import measures_of
from desktop.core.status import STATUS_LABELS
from desktop.ui.widgets import ProblemList


class MeasuresPane(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel("选中一个问题，这里列出它的整改措施。", objectName="summary")
        self.table = ProblemList(["序号", "整改措施", "整改时限", "牵头单位", "状态"],
                                 [48, 600, 150, 200, 110])
        self.table.setObjectName("measuresPane")
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        self.problem_id: int | None = None

    def show_problem(self, db, problem_id: int | None, code: str = "", title: str = "") -> None:
        self.problem_id = problem_id
        if problem_id is None:
            self.title.setText("选中一个问题，这里列出它的整改措施。")
            self.table.set_rows([])
            return
        measures = measures_of(db, problem_id)
        self.title.setText(f"问题 {code}　{title}　——　整改措施 {len(measures)} 条"
                           + ("" if measures else "（未分解措施）") + "　　双击打开问题详情")
        self.table.set_rows([(problem_id, [str(m["seq"]), m["content"], m["deadline_text"],
                                           "、".join(m["lead_units"] or []),
                                           STATUS_LABELS.get(m["status"], m["status_text"])])
                             for m in measures])
