"""What the window's actions do: registers, undo/redo, backup/restore, find, help, problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from db.connection import RegisterError
from desktop import APP_NAME, __version__
from desktop.ui import prompts
from desktop.ui.export_commands import ExportCommands
from desktop.ui.operations.register_ops import backup_to, redo_last, restore_from, undo_last
from desktop.ui.problem_dialog import ProblemDialog
from desktop.ui.session import LAST_REGISTER_KEY, open_session
from desktop.ui.tasks import Op

HELP_TEXT = """<h3>整改台账 使用说明</h3>
<p><b>台账</b>：按批次、单位、状态、类别、时限筛选问题，在搜索框输入关键字查找；
双击问题打开详情，可修改各项内容、整改措施，并在“进展情况”中填报本期进展。</p>
<p><b>看板</b>：按状态统计、逾期、即将到期和未达序时进度的问题，以及各牵头单位的完成情况。</p>
<p><b>信访件</b>：交办信访件的清单、筛选和办结统计。</p>
<p><b>报表</b>：按月查看各问题的填报情况。</p>
<p><b>督办销号</b>：挂牌督办清单（含建议挂牌的问题）、验收销号各阶段、追责问责、大事记；
在问题详情的“验收销号”“佐证材料”中申请销号、核查、销号、回头看，添加佐证材料。</p>
<p>所有修改都可以撤销（Ctrl+Z）和重做（Ctrl+Y），一次导入作为一步撤销。</p>"""


class WindowCommands:
    def __init__(self, window):
        self.window = window
        self.dialogs: dict[int, ProblemDialog] = {}
        a = window.actions_
        a.new.triggered.connect(self.new_register)
        a.open.triggered.connect(self.open_register)
        a.backup.triggered.connect(self.backup)
        a.restore.triggered.connect(self.restore)
        a.undo.triggered.connect(lambda: self.window.run(Op("撤销", undo_last)))
        a.redo.triggered.connect(lambda: self.window.run(Op("重做", redo_last)))
        a.find.triggered.connect(self.find)
        a.settings.triggered.connect(self.open_settings)
        a.quit.triggered.connect(window.close)
        a.help.triggered.connect(lambda: prompts.inform(window, "使用说明", HELP_TEXT))
        a.about.triggered.connect(self.about)
        window.register_view.open_problem.connect(self.open_problem)
        a.import_ledger.triggered.connect(lambda: self.import_ledger())
        self.exports = ExportCommands(window)

    # -- registers ----------------------------------------------------------------------
    def new_register(self) -> None:
        path = prompts.save_file(self.window, "新建台账", str(self._folder() / "整改台账.db"),
                                 prompts.REGISTER_FILTER)
        if path:
            if Path(path).exists():
                prompts.warn(self.window, "新建台账", "该文件已存在。要使用它，请用“打开台账”。")
                return
            self._switch(path)

    def open_register(self) -> None:
        path = prompts.open_file(self.window, "打开台账", prompts.REGISTER_FILTER,
                                 str(self._folder()))
        if path:
            self._switch(path)

    def _switch(self, path: str) -> None:
        try:
            session = open_session(path)
        except RegisterError as exc:
            prompts.warn(self.window, "无法打开台账", str(exc))
            return
        self.window.switch_session(session)
        self.window.settings.setValue(LAST_REGISTER_KEY, str(session.path))

    def _folder(self) -> Path:
        return self.window.session.path.parent

    # -- backup and restore -------------------------------------------------------------
    def backup(self) -> None:
        stem = self.window.session.path.stem
        suggested = self._folder() / f"{stem}-备份-{dt.date.today():%Y%m%d}.db"
        path = prompts.save_file(self.window, "备份台账", str(suggested), prompts.REGISTER_FILTER)
        if path:
            self.window.run(Op("正在备份台账", backup_to(path), long=True))

    def restore(self) -> None:
        path = prompts.open_file(self.window, "从备份恢复", prompts.REGISTER_FILTER,
                                 str(self._folder()))
        if not path:
            return
        question = (f"用备份“{Path(path).name}”替换当前台账的全部内容？\n"
                    "恢复前会先自动备份当前台账。")
        if prompts.confirm(self.window, "从备份恢复", question):
            self.close_problem_dialogs()
            self.window.run(Op("正在从备份恢复", restore_from(path), long=True))

    # -- import -------------------------------------------------------------------------
    def import_ledger(self, path: str | None = None):
        from desktop.ui.import_dialog import ImportDialog  # loads the Excel readers when needed

        path = path or prompts.open_file(self.window, "选择要导入的台账", prompts.LEDGER_FILTER,
                                         str(self._folder()))
        if not path:
            return None
        dialog = ImportDialog(self.window)
        dialog.open()
        dialog.read(path)
        return dialog

    def open_settings(self):
        from desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.window)
        dialog.open()
        return dialog

    # -- find, help ---------------------------------------------------------------------
    def find(self) -> None:
        self.window.show_view("register")
        self.window.register_view.focus_search()

    def about(self) -> None:
        prompts.inform(self.window, f"关于{APP_NAME}",
                       f"<h3>{APP_NAME} {__version__}</h3><p>督察整改问题清单、进展调度、"
                       "填报汇总与报表。数据保存在本机，每次导入前自动备份，所有更改都可以撤销。</p>")

    # -- problems -----------------------------------------------------------------------
    def open_problem(self, problem_id: int) -> ProblemDialog:
        dialog = self.dialogs.get(problem_id)
        if dialog is None:
            dialog = ProblemDialog(self.window, problem_id)
            dialog.finished.connect(lambda _r, pid=problem_id: self.dialogs.pop(pid, None))
            self.dialogs[problem_id] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def close_problem_dialogs(self) -> None:
        for dialog in list(self.dialogs.values()):
            dialog.discard_and_close()
        self.dialogs.clear()
