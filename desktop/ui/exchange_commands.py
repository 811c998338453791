"""File → 导出交换包 / 合并交换包: the actions, the scope dialog, and the merge dialog's flow
(read and compare in the background, choose conflicts, commit as one undoable step)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel

from db.queries import filter_choices
from desktop.ui import prompts
from desktop.ui.operations import exchange_ops
from desktop.ui.tasks import Op

PACKAGE_FILTER = "整改台账交换包 (*.zip);;所有文件 (*)"
ALL_ROUNDS, ALL_UNITS = "全部批次", "全部单位"


class PackageScopeDialog(QDialog):
    """Which problems go into the package: a round, a unit's, or all."""

    def __init__(self, parent, db):
        super().__init__(parent)
        self.setObjectName("packageScopeDialog")
        self.setWindowTitle("导出交换包")
        choices = filter_choices(db)
        self.round = QComboBox(objectName="packageRound")
        self.round.addItems([ALL_ROUNDS, *[name for _, name in choices["rounds"]]])
        self.unit = QComboBox(objectName="packageUnit")
        self.unit.addItems([ALL_UNITS, *choices["units"]])
        form = QFormLayout(self)
        form.addRow(QLabel("交换包包含所选问题的措施、进展、佐证材料等，交给另一台电脑或单位"
                           "用“合并交换包”合并。", wordWrap=True))
        form.addRow("督察批次：", self.round)
        form.addRow("单位：", self.unit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("导出…")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def scope(self) -> tuple[str | None, str | None]:
        round_name, unit = self.round.currentText(), self.unit.currentText()
        return (None if round_name == ALL_ROUNDS else round_name,
                None if unit == ALL_UNITS else unit)


class ExchangeCommands:
    def __init__(self, window):
        self.window = window
        self.export_action = QAction("导出交换包…", window, objectName="exportPackage",
                                     statusTip="把问题及其进展、佐证材料打包，交给另一台电脑或单位")
        self.merge_action = QAction("合并交换包…", window, objectName="mergePackage",
                                    statusTip="合并另一台电脑或单位的交换包，冲突逐项选择")
        self.export_action.triggered.connect(self.export_package)
        self.merge_action.triggered.connect(self.merge_package)
        file_menu = window.menuBar().actions()[0].menu()
        file_menu.insertActions(window.actions_.backup, [self.export_action, self.merge_action])
        file_menu.insertSeparator(window.actions_.backup)
        self.dialog = None

    def _folder(self) -> Path:
        return self.window.session.path.parent

    def _show(self, outcome) -> None:
        (prompts.warn if outcome.refused else prompts.inform)(self.window, outcome.title,
                                                              outcome.text)

    def export_package(self) -> PackageScopeDialog:
        dialog = PackageScopeDialog(self.window, self.window.session.db)
        dialog.accepted.connect(lambda: self._export(*dialog.scope()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _export(self, round_name: str | None, unit: str | None) -> None:
        name = f"{self.window.session.title}-交换包-{dt.date.today():%Y%m%d}.zip"
        out = prompts.save_file(self.window, "导出交换包", str(self._folder() / name), PACKAGE_FILTER)
        if out:
            self.window.run(Op("正在导出交换包", exchange_ops.export_package_to(out, round_name, unit),
                               success=self._show, long=True))

    def merge_package(self) -> None:
        path = prompts.open_file(self.window, "选择要合并的交换包", PACKAGE_FILTER, str(self._folder()))
        if path:
            self.window.run(Op("正在读取交换包", exchange_ops.plan_from(path),
                               success=self._planned, long=True))

    def _planned(self, planned: exchange_ops.Planned) -> None:
        from desktop.ui.exchange_dialog import MergeDialog

        if planned.refused:
            prompts.warn(self.window, "合并交换包", planned.refused)
            return
        self.dialog = MergeDialog(self.window, planned.plan)
        self.dialog.accepted.connect(lambda d=self.dialog: self._commit(d))
        self.dialog.finished.connect(self._closed)
        self.dialog.open()

    def _commit(self, dialog) -> None:
        self.window.run(Op("正在合并交换包", exchange_ops.commit_with(dialog.plan, dialog.choices()),
                           success=self._show, long=True))

    def _closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
