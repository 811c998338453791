"""File → 导出: the ledger, fill-back, unit forms, collecting forms; and 打印预览."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.core.text import export_file_name
from desktop.ledger.writing.workbook_features import features_lost_on_save
from desktop.ui import prompts
from desktop.ui.operations import export_ops
from desktop.ui.tasks import Op


class ExportCommands:
    def __init__(self, window):
        self.window = window
        a = window.actions_
        a.export_ledger.triggered.connect(self.export_ledger)
        a.fill_back.triggered.connect(self.fill_back)
        a.unit_forms.triggered.connect(self.unit_forms)
        a.collect.triggered.connect(self.collect)
        a.print_preview.triggered.connect(self.print_preview)

    def _folder(self) -> Path:
        return prompts.last_folder()

    def _run(self, label: str, work) -> Op:
        return self.window.run(Op(label, work, success=self._show, long=True))

    def _show(self, outcome: export_ops.Outcome) -> None:
        show = prompts.warn if outcome.refused else prompts.inform
        show(self.window, outcome.title, outcome.text)

    def export_ledger(self) -> None:
        name = export_file_name(self.window.session.title, "台账", dt.date.today(), ".xlsx")
        suggested = self._folder() / name
        out = prompts.save_file(self.window, "导出台账", str(suggested), prompts.WORKBOOK_FILTER)
        if out:
            self._run("正在导出台账", export_ops.export_ledger_to(out))

    def fill_back(self) -> None:
        template = prompts.open_file(self.window, "选择上级下发的表格（不会被修改）",
                                     prompts.LEDGER_FILTER, str(self._folder()))
        if not template:
            return
        source = Path(template)
        lost = features_lost_on_save(source) if source.suffix.lower() != ".xls" else []
        if lost and not prompts.confirm(
                self.window, "填回上级表",
                f"“{source.name}”中含有{'、'.join(lost)}，保存时无法保留（上级原表不会被修改，"
                "只影响回填后另存的新文件）。仍要回填吗？"):
            return
        suggested = source.with_name(f"{source.stem}-已填报-{dt.date.today():%Y%m%d}.xlsx")
        out = prompts.save_file(self.window, "回填后另存为", str(suggested), prompts.WORKBOOK_FILTER)
        if out:
            self._run("正在填回上级表", export_ops.fill_back_to(template, out))

    def unit_forms(self) -> None:
        period = prompts.ask_text(self.window, "分发填报表", "填报期间（YYYY-MM）：",
                                  f"{dt.date.today():%Y-%m}")
        if not period:
            return
        folder = prompts.choose_folder(self.window, "选择存放填报表的文件夹", str(self._folder()))
        if folder:
            self._run("正在生成填报表", export_ops.unit_forms_to(folder, period))

    def collect(self) -> None:
        paths = prompts.open_files(self.window, "选择各单位交回的填报表",
                                   prompts.WORKBOOK_FILTER, str(self._folder()))
        if paths:
            self._run("正在收集填报表", export_ops.collect_from(paths))

    def print_preview(self) -> None:
        self.window.show_view("report")
        self.window.report.print_preview()
