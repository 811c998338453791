"""The main window: navigation between the views, menus, toolbar, status bar, title."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from db.queries import refresh_assessments, undo_redo_state
from desktop import APP_NAME
from desktop.ledger.long_work import Cancelled as LedgerCancelled
from desktop.ui import prompts
from desktop.ui.changes import Changes
from desktop.ui.commands import WindowCommands
from desktop.ui.dashboard import DashboardView
from desktop.ui.menus import build_actions, build_menus, build_toolbar
from desktop.ui.operations.register_ops import NothingToDo
from desktop.ui.petitions_view import PetitionsView
from desktop.ui.progress_window import ProgressWindows
from desktop.ui.read_only import ReadOnlyNotice
from desktop.ui.register_view import RegisterView
from desktop.ui.report_view import ReportView
from desktop.ui.session import Session
from desktop.ui.start_page import install_start_page
from desktop.ui.supervision.menu_hooks import install_supervision_actions
from desktop.ui.supervision.view import SupervisionView
from desktop.ui.tasks import Cancelled, Op, TaskManager
from desktop.ui.timeline_view import TimelineView

VIEWS = (("register", "台账"), ("dashboard", "看板"), ("petitions", "信访件"), ("report", "报表"),
         ("timeline", "挂图作战"), ("supervision", "督办销号"))


class MainWindow(QMainWindow):
    changed = Signal(object)  # Changes, after the views have applied them

    def __init__(self, session: Session, settings, *, remember_layout: bool = True):
        super().__init__()
        self.setObjectName("mainWindow")
        self.session, self.settings, self.remember_layout = session, settings, remember_layout
        self.tasks = TaskManager(session.path, self)
        self.progress_windows = ProgressWindows(self.tasks, self)
        self.actions_ = build_actions(self)
        build_menus(self, self.actions_, [name for _, name in VIEWS])
        self.toolbar = build_toolbar(self, self.actions_)
        self._build_views()
        self._build_status_bar()
        self.commands = WindowCommands(self)
        self.start_page = install_start_page(self)
        self.supervision_actions = install_supervision_actions(self)
        self._connect_tasks()
        self.setMinimumSize(760, 540)
        self.resize(1400, 880)
        if remember_layout:
            self._restore_layout()
        self.show_view("register")
        self.refresh_title()
        self.refresh_undo_actions()
        self.read_only = ReadOnlyNotice(self)     # a banner and writing actions off when read-only
        self.say(session.notice, 0 if session.is_demo else 8000)

    # -- building -----------------------------------------------------------------------
    def _build_views(self) -> None:
        db = self.session.db
        self.register_view = RegisterView(db)
        self.dashboard = DashboardView(db, self.run)
        self.petitions = PetitionsView(db)
        self.report = ReportView(db, self.run)
        self.timeline = TimelineView(db, self.run)
        self.supervision = SupervisionView(db, self)
        self.views = {"register": self.register_view, "dashboard": self.dashboard,
                      "petitions": self.petitions, "report": self.report, "timeline": self.timeline,
                      "supervision": self.supervision}
        self.nav = QListWidget(objectName="nav")
        self.nav.addItems([name for _, name in VIEWS])
        self.nav.setFixedWidth(112)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack = QStackedWidget()
        for key, _ in VIEWS:
            self.stack.addWidget(self.views[key])
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._view_changed)
        for view in (self.dashboard, self.report, self.supervision):
            view.open_problem.connect(lambda pid: self.commands.open_problem(pid))
        for i, action in enumerate(self.actions_.views):
            action.triggered.connect(lambda _=False, i=i: self.nav.setCurrentRow(i))

    def _build_status_bar(self) -> None:
        self.path_label = QLabel(objectName="registerPath")
        self.statusBar().addPermanentWidget(self.path_label)

    def _connect_tasks(self) -> None:
        self.tasks.changed.connect(self.apply_changes)
        self.tasks.failed.connect(self._failed)

    # -- views --------------------------------------------------------------------------
    def show_view(self, key: str) -> None:
        self.nav.setCurrentRow([k for k, _ in VIEWS].index(key))

    def current_view(self) -> str:
        return VIEWS[self.stack.currentIndex()][0]

    def _view_changed(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        for i, action in enumerate(self.actions_.views):
            action.setChecked(i == row)
        view = self.stack.currentWidget()
        if hasattr(view, "activate"):
            view.activate()

    def apply_changes(self, changes: Changes) -> None:
        """Tell every view what changed; each refreshes only what it shows."""
        db = self.session.db
        if changes.register or changes.problems:
            refresh_assessments(db)
        elif changes.problem_ids:
            refresh_assessments(db, ids=sorted(changes.problem_ids))
        elif changes.progress:
            refresh_assessments(db)
        for view in self.views.values():
            view.apply(changes)
        self.refresh_undo_actions()
        if changes.message:
            self.say(changes.message)
        self.changed.emit(changes)

    # -- register -----------------------------------------------------------------------
    def switch_session(self, session: Session) -> None:
        self.tasks.close()
        self.session.close()
        self.session = session
        self.tasks = TaskManager(session.path, self)
        self.progress_windows = ProgressWindows(self.tasks, self)
        self._connect_tasks()
        for view in self.views.values():
            view.set_db(session.db)
        self.commands.close_problem_dialogs()
        self.refresh_title()
        self.refresh_undo_actions()
        self.read_only.refresh()
        self.say(session.notice)

    def refresh_title(self) -> None:
        self.setWindowTitle(f"{self.session.title} — {APP_NAME}")
        self.path_label.setText(f"台账文件：{self.session.path}")

    def refresh_undo_actions(self) -> None:
        done, undone = undo_redo_state(self.session.db)
        for action, step, verb in ((self.actions_.undo, done, "撤销"),
                                   (self.actions_.redo, undone, "重做")):
            action.setEnabled(step is not None)
            action.setText(f"{verb} {step.name}" if step else verb)
            action.setIconText(verb)

    def run(self, op: Op) -> Op:
        return self.tasks.run(op)

    def run_op(self, label: str, work, **kwargs) -> Op:
        return self.tasks.run(Op(label, work, **kwargs))

    def say(self, message: str, timeout_ms: int = 8000) -> None:
        if message:
            self.statusBar().showMessage(message, timeout_ms)

    def _failed(self, op: Op, error: BaseException) -> None:
        if isinstance(error, (NothingToDo, Cancelled, LedgerCancelled)):
            self.say(str(error) or "已取消。")
            return
        prompts.warn(self, "操作未完成", f"{op.label}未完成：{error}")

    # -- layout memory ------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self.register_view.restore_layout(self.settings)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.register_view.save_layout(self.settings)
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.remember_layout:
            self.save_layout()
        self.commands.close_problem_dialogs()
        self.tasks.close()
        self.session.close()
        super().closeEvent(event)
