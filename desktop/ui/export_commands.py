"""File → 导出: the ledger, fill-back, unit forms, collecting forms; and 打印预览."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.core.dates import chinese_date, parse_typed_date
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
        """One box: what was done, and (when files were written) whether to open their folder."""
        if outcome.folder and not outcome.refused:
            if prompts.confirm(self.window, outcome.title,
                               f"{outcome.text}\n\n打开所在文件夹吗？\n{outcome.folder}"):
                prompts.open_folder(outcome.folder)
            return
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
        as_of = self._ask_as_of()
        if as_of is None:
            return
        suggested = source.with_name(f"{source.stem}-已填报-{as_of:%Y%m%d}.xlsx")
        out = prompts.save_file(self.window, "回填后另存为", str(suggested), prompts.WORKBOOK_FILTER)
        if out:
            self._run("正在填回上级表", export_ops.fill_back_to(template, out, as_of))

    def _ask_as_of(self) -> dt.date | None:
        """The as-of date, typed as clerks write it (2024年6月30日, 2024.6.30, 2024-06-30)."""
        base = label = "截至日期（填入各问题截至该日的进展，并写入表头的“截至”行），如 2024年6月30日："
        default = chinese_date(dt.date.today())
        text = prompts.ask_text(self.window, "填回上级表", label, default)
        while text is not None:
            try:
                day = parse_typed_date(text)
            except ValueError as exc:
                day, label = None, f"{exc}\n{base}"
            if day is not None:
                return day
            text = prompts.ask_text(self.window, "填回上级表", label, default)
        return None

    def unit_forms(self) -> None:
        from desktop.ui import unit_forms_dialog  # its modules load when first asked for

        choice = unit_forms_dialog.ask(self.window, self.window.session.db)
        if not choice or not choice.period:
            return
        folder = prompts.choose_folder(self.window, "选择存放填报表的文件夹", str(self._folder()))
        if folder:
            self._run("正在生成填报表", export_ops.unit_forms_to(
                folder, choice.period, units=choice.units or None, rounds=choice.rounds or None,
                include_completed=choice.include_completed))

    def collect(self) -> None:
        paths = prompts.open_files(self.window, "选择各单位交回的填报表",
                                   prompts.WORKBOOK_FILTER, str(self._folder()))
        if paths:
            self.window.run(Op("正在检查填报表", export_ops.check_forms(paths),
                               success=lambda checked: self._collect(paths, checked), long=True))

    def _collect(self, paths: list[str], checked) -> None:
        """Ask about units that sent two versions, then record."""
        newer = False
        if checked.conflicts:
            listed = "\n".join(c["message"] for c in checked.conflicts[:10])
            newer = prompts.confirm(
                self.window, "同一单位交回了两个版本",
                f"{listed}\n\n以较新的文件为准记录吗？选“否”则这些单位的这几条本次不记录，其余照常记录。")
        self._run("正在收集填报表", export_ops.collect_from(paths, newer_wins=newer))

    def print_preview(self) -> None:
        self.window.show_view("report")
        self.window.report.print_preview()
