"""The problem dialog: 基本信息, 整改措施, 进展情况, 修改记录, 来源 (a QTabWidget other panes hook
into). One 保存 button records every edit of every tab, this period's report included, as one
undoable step."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from db.queries import code_taken, filter_choices, problem_detail, problem_rows_by_id
from db.settings import signature_defaults
from desktop.core.status import STATUS_LABELS
from desktop.core.text import problem_text
from desktop.ui import prompts
from desktop.ui.changes import Changes
from desktop.ui.operations.problem_ops import save_problem
from desktop.ui.problem_dialog.fields import ProblemFields
from desktop.ui.problem_dialog.history import HistoryPanel
from desktop.ui.problem_dialog.measures import MeasuresEditor
from desktop.ui.problem_dialog.progress import ProgressPanel
from desktop.ui.problem_dialog.source import SourcePanel
from desktop.ui.problem_dialog.unit_reports import UnitReportsPanel
from desktop.ui.supervision.problem_tabs import attach_supervision_tabs
from desktop.ui.tasks import Op


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "……"


class ProblemDialog(QDialog):
    def __init__(self, window, problem_id: int):
        super().__init__(window)
        self.window_, self.problem_id = window, problem_id
        self.setObjectName("problemDialog")
        self.resize(1080, 760)
        choices = filter_choices(window.session.db)
        self.heading = QLabel(objectName="viewTitle", wordWrap=True)
        self.fields = ProblemFields(choices["rounds"], choices["categories"])
        self.measures = MeasuresEditor()
        self.progress = ProgressPanel()
        self.progress.reporter.setText(signature_defaults(window.session.db)["reporter"])
        self.source = SourcePanel()
        self.history = HistoryPanel()
        self.tabs = QTabWidget(objectName="problemTabs")
        for widget, title in ((self.fields, "基本信息"), (self.measures, "整改措施"),
                              (self.progress, "进展情况"), (self.history, "修改记录"),
                              (self.source, "来源")):
            self.tabs.addTab(widget, title)
        self.unit_reports = UnitReportsPanel(window, problem_id)
        self.tabs.insertTab(3, self.unit_reports, "各单位填报")
        self.supervision = attach_supervision_tabs(self)  # 验收销号, 佐证材料
        self.errors = QLabel(objectName="error", wordWrap=True)
        self.save_button = QPushButton("保存", objectName="saveProblem")
        self.save_button.setToolTip("保存所有页的修改（含本期进展），记为一步，可撤销")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.close_button = QPushButton("关闭", objectName="closeProblem")
        self.close_button.setAutoDefault(False)
        self._layout()
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        self.fields.edited.connect(self._edited)
        self.measures.edited.connect(self._edited)
        self.progress.edited.connect(self._edited)
        window.changed.connect(self.on_changes)
        self.detail: dict = {}
        self._force = self._closed = False
        self.reload()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.errors, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    # -- loading ------------------------------------------------------------------------
    def reload(self, *, keep_edits: bool = False) -> bool:
        detail = problem_detail(self.window_.session.db, self.problem_id)
        if detail is None:
            return False
        self.detail = detail
        self.setWindowTitle(f"问题 {detail['code']} — 整改台账")
        status = STATUS_LABELS.get(detail["status"], detail["status_text"])
        judged = problem_rows_by_id(self.window_.session.db, [self.problem_id]).get(
            self.problem_id, {})
        said = f"　序时评估：{judged['explanation']}" if judged.get("explanation") else ""
        self.heading.setText(f"{detail['code']}．{_short(problem_text(detail))}"
                             f"　<span style='font-size:11pt;color:#5b6573'>{status}{said}"
                             "</span>")
        if not (keep_edits and self.fields.changes()):
            self.fields.load(detail)
        if not (keep_edits and self.measures.is_modified()):
            self.measures.load(detail["measures"])
        self.progress.load(detail)
        self.source.load(detail)
        self.unit_reports.load()
        self.history.load(self.window_.session.db, self.problem_id)
        self._edited()
        return True

    def on_changes(self, changes: Changes) -> None:
        touched = changes.register or changes.problems or self.problem_id in changes.problem_ids
        if touched and not self.reload(keep_edits=True):
            self.discard_and_close()

    # -- editing ------------------------------------------------------------------------
    def is_modified(self) -> bool:
        return (bool(self.fields.changes()) or self.measures.is_modified()
                or self.progress.is_filled())

    def _edited(self) -> None:
        self.save_button.setEnabled(self.is_modified())
        self.errors.setText("\n".join(self._errors()) if self.is_modified() else "")

    def _errors(self) -> list[str]:
        db = self.window_.session.db
        taken = lambda rid, code: code_taken(db, rid, code, self.problem_id)  # noqa: E731
        return self.fields.validate(taken) + self.measures.errors() + self.progress.errors()

    def save(self) -> None:
        errors = self._errors()
        if errors:
            self.errors.setText("\n".join(errors))
            return
        measures = ((self.measures.original, self.measures.edited_measures())
                    if self.measures.is_modified() else None)
        work = save_problem(self.problem_id, self.detail["code"], self.fields.changes(), measures,
                            report=self.progress.pending_report())
        self.save_button.setEnabled(False)
        self.window_.run(Op("保存问题", work, success=self._saved, failure=self._failed))

    def _saved(self, _changes) -> None:
        self.progress.saved()
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self._edited()
        prompts.warn(self, "未能保存", f"未能保存：{error}")

    # -- closing ------------------------------------------------------------------------
    def discard_and_close(self) -> None:
        self._force = True
        self.close()

    def reject(self) -> None:  # Esc closes the same way as the close button
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self._force and self.is_modified() and not prompts.confirm(
                self, "关闭问题", "有尚未保存的修改，确定放弃吗？"):
            event.ignore()
            return
        if not self._closed:
            self._closed = True
            self.window_.changed.disconnect(self.on_changes)
            self.done(0)
            self.deleteLater()
        super().closeEvent(event)
