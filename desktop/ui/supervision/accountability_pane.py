"""追责问责 pane: records of units and persons held accountable; add, edit, remove (undoable).

objectNames: accountabilityPane, accountabilityCounts, accountabilityTable, addAccountability,
editAccountability, removeAccountability; the form accountabilityDialog (fields unit, person,
action, decided_on, link, note) as self.form.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from db.accountability import accountability_list
from desktop.core.accountability import ACTIONS, accountability_clause, accountability_counts
from desktop.ui import prompts
from desktop.ui.operations import supervision_ops
from desktop.ui.supervision.form_dialog import Field, FormDialog
from desktop.ui.supervision.panes import IdTable, button_row
from desktop.ui.tasks import Op


class AccountabilityPane(QWidget):
    def __init__(self, view):
        super().__init__(objectName="accountabilityPane")
        self.view = view
        self.form: FormDialog | None = None
        self.records: dict[int, dict] = {}
        self.counts = QLabel(objectName="accountabilityCounts")
        self.table = IdTable("accountabilityTable", ["问责日期", "责任单位", "责任人", "问责方式",
                                                     "关联问题/信访件", "说明"],
                             [100, 200, 120, 110, 160, 300])
        buttons, self.buttons = button_row(
            ("addAccountability", "新增问责记录…"), ("editAccountability", "修改…"),
            ("removeAccountability", "删除"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.buttons["addAccountability"].clicked.connect(lambda: self.open_form(None))
        self.buttons["editAccountability"].clicked.connect(self.edit_selected)
        self.buttons["removeAccountability"].clicked.connect(self.remove_selected)
        self.table.itemActivated.connect(lambda _i: self.edit_selected())

    def refresh(self) -> None:
        found = accountability_list(self.view.db)
        self.records = {r["id"]: r for r in found}
        units, persons = accountability_counts(found)
        clause = accountability_clause(units, persons)
        self.counts.setText(f"共{clause}。" if clause else "暂无追责问责记录。")
        self.table.set_rows([r["id"] for r in found], [
            [r["decided_on"] or "", r["unit"], r["person"], r["action"],
             r["problem_code"] and f"问题 {r['problem_code']}" or r["petition_code"] or "",
             r["note"]] for r in found])

    def open_form(self, record_id: int | None) -> FormDialog:
        r = self.records.get(record_id, {}) if record_id else {}
        fields = [Field("unit", "责任单位", value=r.get("unit", "")),
                  Field("person", "责任人（单位问责可不填）", value=r.get("person", "")),
                  Field("action", "问责方式", "editable", ACTIONS, r.get("action") or ACTIONS[0]),
                  Field("decided_on", "问责日期", "date", value=r.get("decided_on")),
                  Field("link", "关联问题或信访件编号（可不填）",
                        value=r.get("problem_code") or r.get("petition_code") or ""),
                  Field("note", "说明", "long", value=r.get("note", ""))]

        def submit(values, done, refused):
            link = values.pop("link")
            self.view.window_.run(Op("保存问责记录", supervision_ops.save_accountability(
                values, link, record_id), success=done, failure=refused))
        title = "修改问责记录" if record_id else "新增问责记录"
        self.form = FormDialog(self, title, "accountabilityDialog", fields, submit)
        self.form.open()
        return self.form

    def edit_selected(self) -> FormDialog | None:
        record_id = self.table.current_id()
        if record_id is None:
            prompts.inform(self, "追责问责", "请先选中一条问责记录。")
            return None
        return self.open_form(record_id)

    def remove_selected(self) -> None:
        record_id = self.table.current_id()
        if record_id is not None and prompts.confirm(self, "删除问责记录", "删除选中的问责记录？（可撤销）"):
            self.view.window_.run(Op("删除问责记录", supervision_ops.remove_accountability(record_id)))
