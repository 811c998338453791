"""督办销号: the supervision screen, four panes (挂牌督办, 验收销号, 追责问责, 大事记).

objectNames: supervisionView, supervisionTabs (the panes' own names are in their modules).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget
from sqlite_utils import Database

from desktop.ui.changes import Changes
from desktop.ui.lazy_view import LazyView
from desktop.ui.supervision.accountability_pane import AccountabilityPane
from desktop.ui.supervision.chronicle_pane import ChroniclePane
from desktop.ui.supervision.closure_pane import ClosurePane
from desktop.ui.supervision.flagged_pane import FlaggedPane


class SupervisionView(LazyView, QWidget):
    open_problem = Signal(int)

    def __init__(self, db: Database, window, parent=None):
        super().__init__(parent)
        self.setObjectName("supervisionView")
        self.db, self.window_, self.dirty = db, window, True
        self.flagged = FlaggedPane(self)
        self.closure = ClosurePane(self)
        self.accountability = AccountabilityPane(self)
        self.chronicle = ChroniclePane(self)
        self.tabs = QTabWidget(objectName="supervisionTabs")
        for pane, title in ((self.flagged, "挂牌督办"), (self.closure, "验收销号"),
                            (self.accountability, "追责问责"), (self.chronicle, "大事记")):
            self.tabs.addTab(pane, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(QLabel("督办销号", objectName="viewTitle"))
        layout.addWidget(self.tabs, 1)
        for pane in (self.flagged, self.closure):
            pane.open_problem.connect(self.open_problem)

    def shows(self, changes: Changes) -> bool:
        return changes.supervision or changes.any_problem

    def refresh_now(self) -> None:
        for pane in (self.flagged, self.closure, self.accountability, self.chronicle):
            pane.refresh()

    def show_pane(self, name: str) -> None:
        self.tabs.setCurrentWidget(getattr(self, name))
