"""编辑 → 新增问题 / 删除问题 / 编辑信访件: records added, deleted and edited by hand, each one
undoable step. The actions are put into the 编辑 menu (objectName editMenu) and the toolbar."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from db.queries import problem_rows_by_id
from desktop.core.text import problem_text
from desktop.ui import prompts
from desktop.ui.operations.problem_edit_ops import delete_problem
from desktop.ui.tasks import Op


def _action(window, text: str, name: str, shortcut: str | None = None, tip: str = "") -> QAction:
    action = QAction(text, window, objectName=name)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.setStatusTip(tip)
    return action


class RecordCommands:
    def __init__(self, window):
        self.window = window
        self.add_problem = _action(window, "新增问题…", "addProblem", "Ctrl+Shift+N",
                                   "手工录入一个问题")
        self.delete_problem = _action(window, "删除问题…", "deleteProblem", None,
                                      "删除台账中选中的问题（可撤销）")
        self.edit_petition = _action(window, "编辑信访件…", "editPetition", None,
                                     "修改选中信访件的核实情况、办理结果和状态")
        edit: QMenu = window.menuBar().findChild(QMenu, "editMenu")
        first = edit.actions()[0] if edit and edit.actions() else None
        for action in (self.add_problem, self.delete_problem, self.edit_petition):
            if edit is not None:
                edit.insertAction(first, action)
        if edit is not None:
            edit.insertSeparator(first)
        window.toolbar.addSeparator()
        window.toolbar.addActions([self.add_problem, self.delete_problem])
        self.add_problem.triggered.connect(self.new_problem)
        self.delete_problem.triggered.connect(self.remove_problem)
        self.edit_petition.triggered.connect(self.petition)
        window.petitions.table.doubleClicked.connect(lambda _i: self.petition())

    def new_problem(self):
        from desktop.ui.new_problem_dialog import NewProblemDialog

        dialog = NewProblemDialog(self.window)
        dialog.open()
        return dialog

    def remove_problem(self) -> None:
        window = self.window
        window.show_view("register")
        pid = window.register_view.selected_id()
        if pid is None:
            prompts.inform(window, "删除问题", "请先在台账中选中要删除的问题。")
            return
        row = problem_rows_by_id(window.session.db, [pid]).get(pid)
        if row is None:
            return
        text = problem_text(row)[:60]
        if not prompts.confirm(window, "删除问题",
                               f"删除问题 {row['code']}（{text}）及其整改措施和进展记录？\n"
                               "删除后可以用“撤销”恢复。"):
            return
        dialog = window.commands.dialogs.get(pid)
        if dialog is not None:
            dialog.discard_and_close()
        window.run(Op("删除问题", delete_problem(pid)))

    def petition(self):
        from desktop.ui.petition_dialog import PetitionDialog

        petition_id = self.window.petitions.selected_id()
        if petition_id is None:
            self.window.show_view("petitions")
            prompts.inform(self.window, "编辑信访件", "请先在“信访件”中选中要编辑的信访件。")
            return None
        dialog = PetitionDialog(self.window, petition_id)
        dialog.open()
        return dialog
