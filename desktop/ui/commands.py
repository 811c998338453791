"""What the window's actions do: registers, undo/redo, backup/restore, find, help, problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from db.connection import RegisterError
from desktop import APP_NAME, __version__
from desktop.ui import prompts
from desktop.ui.exchange_commands import ExchangeCommands
from desktop.ui.export_commands import ExportCommands
from desktop.ui.operations.register_ops import backup_to, redo_last, restore_from, undo_last
from desktop.ui.record_commands import RecordCommands
from desktop.ui.session import LAST_REGISTER_KEY, demo_session, open_session
from desktop.ui.tasks import Op

if TYPE_CHECKING:     # the dialog's modules load when a problem is first opened, not at start
    from desktop.ui.problem_dialog import ProblemDialog


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
        a.units.triggered.connect(self.open_units)
        a.quit.triggered.connect(window.close)
        a.help.triggered.connect(self.show_help)
        a.about.triggered.connect(self.about)
        window.register_view.open_problem.connect(self.open_problem)
        a.import_ledger.triggered.connect(lambda: self.import_ledger())
        a.paste_plan.triggered.connect(self.import_pasted_plan)
        self.exports = ExportCommands(window)
        self.exchange = ExchangeCommands(window)
        self.records = RecordCommands(window)

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
        if Path(path).resolve() == self.window.session.path.resolve():
            self.window.say(f"台账“{Path(path).name}”已经在这个窗口中打开。")
            return
        self._use(lambda: open_session(path))

    def _use(self, make_session) -> None:
        try:
            session = make_session()
        except RegisterError as exc:
            prompts.warn(self.window, "无法打开台账", str(exc))
            return
        self.window.switch_session(session)
        self.window.settings.setValue(LAST_REGISTER_KEY, str(session.path))
        self.window.start_page.follow()

    def open_demo(self) -> None:
        if self.window.session.is_demo:
            self.window.show_view("register")
            return
        self._use(demo_session)

    def show_help(self):
        from desktop.ui.help_window import show_help

        return show_help(self.window)

    def _folder(self) -> Path:
        return self.window.session.path.parent

    # -- backup and restore -------------------------------------------------------------
    def backup(self) -> None:
        stem = self.window.session.path.stem
        suggested = prompts.last_folder() / f"{stem}-备份-{dt.date.today():%Y%m%d}.db"
        path = prompts.save_file(self.window, "备份台账", str(suggested), prompts.REGISTER_FILTER)
        if path:
            self.window.run(Op("正在备份台账", backup_to(path), long=True))

    def restore(self) -> None:
        path = prompts.open_file(self.window, "从备份恢复", prompts.REGISTER_FILTER)
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

        path = path or prompts.open_file(self.window, "选择要导入的台账", prompts.LEDGER_FILTER)
        if not path:
            return None
        dialog = ImportDialog(self.window)
        dialog.open()
        dialog.read(path)
        return dialog

    def import_pasted_plan(self):
        """The import dialog, reading a plan's text the clerk pastes."""
        from desktop.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.window)
        dialog.open()
        dialog.paste_plan()
        return dialog

    def open_settings(self):
        from desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.window)
        dialog.open()
        return dialog

    def open_units(self):
        from desktop.ui.units_view.dialog import UnitsDialog

        dialog = UnitsDialog(self.window)
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
            from desktop.ui.problem_dialog import ProblemDialog

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
