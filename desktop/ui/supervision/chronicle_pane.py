"""大事记 pane: entries by date; add, edit, remove (undoable); entries proposed from the register's
own events (imports, flags, closures) to accept; export to Word or Excel.

objectNames: chroniclePane, chronicleTable, addChronicle, editChronicle, removeChronicle,
exportChronicle, chronicleProposals, acceptChronicle, acceptAllChronicle; the form
chronicleDialog (happened_on, kind, title, content) as self.form.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from db.chronicle import chronicle_list, proposed_entries
from desktop.core.chronicle import KINDS
from desktop.ui import prompts
from desktop.ui.operations import supervision_exports, supervision_ops
from desktop.ui.supervision.form_dialog import Field, FormDialog
from desktop.ui.supervision.panes import IdTable, button_row, list_over_proposals
from desktop.ui.tasks import Op


class ChroniclePane(QWidget):
    def __init__(self, view):
        super().__init__(objectName="chroniclePane")
        self.view = view
        self.form: FormDialog | None = None
        self.entries: dict[int, dict] = {}
        self.proposed: list[dict] = []
        self.table = IdTable("chronicleTable", ["日期", "类型", "标题", "内容"], [100, 60, 300, 400])
        self.proposals = IdTable("chronicleProposals", ["日期", "类型", "标题", "内容"],
                                 [100, 60, 300, 400])
        buttons, self.buttons = button_row(
            ("addChronicle", "新增大事记…"), ("editChronicle", "修改…"), ("removeChronicle", "删除"),
            ("exportChronicle", "导出大事记…"))
        accept_row, accept = button_row(("acceptChronicle", "采纳选中的建议"),
                                        ("acceptAllChronicle", "全部采纳"))
        self.buttons |= accept
        self._layout(buttons, accept_row)
        self.buttons["addChronicle"].clicked.connect(lambda: self.open_form(None))
        self.buttons["editChronicle"].clicked.connect(self.edit_selected)
        self.buttons["removeChronicle"].clicked.connect(self.remove_selected)
        self.buttons["exportChronicle"].clicked.connect(self.export)
        self.buttons["acceptChronicle"].clicked.connect(lambda: self.accept(selected=True))
        self.buttons["acceptAllChronicle"].clicked.connect(lambda: self.accept(selected=False))
        self.table.itemActivated.connect(lambda _i: self.edit_selected())

    def _layout(self, buttons, accept_row) -> None:
        list_over_proposals(self, [buttons], self.table, "建议记入大事记（来自导入、挂牌督办、销号）：",
                            self.proposals, accept_row)

    def refresh(self) -> None:
        found = chronicle_list(self.view.db)
        self.entries = {e["id"]: e for e in found}
        self.table.set_rows([e["id"] for e in found],
                            [[e["happened_on"], e["kind"], e["title"], e["content"]] for e in found])
        self.proposed = proposed_entries(self.view.db)
        self.proposals.set_rows(list(range(len(self.proposed))), [
            [e["happened_on"], e["kind"], e["title"], e["content"]] for e in self.proposed])

    def open_form(self, entry_id: int | None) -> FormDialog:
        e = self.entries.get(entry_id, {}) if entry_id else {}
        fields = [Field("happened_on", "日期", "date", value=e.get("happened_on")),
                  Field("kind", "类型", "choice", KINDS, e.get("kind") or KINDS[0]),
                  Field("title", "标题", value=e.get("title", "")),
                  Field("content", "内容", "long", value=e.get("content", ""))]

        def submit(values, done, refused):
            self.view.window_.run(Op("保存大事记", supervision_ops.save_entry(values, entry_id),
                                     success=done, failure=refused))
        self.form = FormDialog(self, "修改大事记" if entry_id else "新增大事记", "chronicleDialog",
                               fields, submit)
        self.form.open()
        return self.form

    def edit_selected(self) -> FormDialog | None:
        entry_id = self.table.current_id()
        if entry_id is None:
            prompts.inform(self, "大事记", "请先选中一条大事记。")
            return None
        return self.open_form(entry_id)

    def remove_selected(self) -> None:
        entry_id = self.table.current_id()
        if entry_id is not None and prompts.confirm(self, "删除大事记", "删除选中的大事记？（可撤销）"):
            self.view.window_.run(Op("删除大事记", supervision_ops.remove_entry(entry_id)))

    def accept(self, *, selected: bool) -> None:
        index = self.proposals.current_id()
        chosen = ([self.proposed[index]] if index is not None else []) if selected \
            else self.proposed
        if not chosen:
            prompts.inform(self, "大事记", "请先选中一条建议。" if selected else "没有待采纳的建议。")
            return
        self.view.window_.run(Op("采纳大事记建议", supervision_ops.accept_proposals(chosen)))

    def export(self) -> None:
        window = self.view.window_
        suggested = window.session.path.parent / f"大事记-{dt.date.today():%Y%m%d}.docx"
        out = prompts.save_file(self, "导出大事记", str(suggested), prompts.WORD_OR_WORKBOOK_FILTER)
        if out:
            window.run(Op("正在导出大事记", supervision_exports.chronicle_to(out),
                          success=window.commands.exports._show))
