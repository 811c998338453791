"""The problem dialog's 验收销号 tab: the closure stage and its steps (申请销号 → 核查 → 销号 →
回头看 → 重新打开), and the problem's 挂牌督办 (flag, lift, 督办通知单).

objectNames: closureTab, closureStage, closureSteps, applyClosure, verifyClosure,
recordClosure, revisitClosure, reopenClosure; flagInfo, flagProblem, liftFlag, printNotice.
Each button opens a FormDialog (self.form) named closureStepDialog / flagDialog / liftDialog.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.closure import closure_steps, problem_closure
from db.flags import current_flag
from desktop.core.closure import ALLOWED_FROM, KIND_LABELS
from desktop.core.flagging import LEVEL_LABELS, LEVELS
from desktop.ui import prompts
from desktop.ui.operations import supervision_exports, supervision_ops
from desktop.ui.supervision.form_dialog import Field, FormDialog
from desktop.ui.tasks import Op

BUTTONS = (("apply", "applyClosure", "申请销号…"), ("verify", "verifyClosure", "核查…"),
           ("close", "recordClosure", "销号…"), ("revisit", "revisitClosure", "回头看…"),
           ("reopen", "reopenClosure", "重新打开…"))
NO_EVIDENCE = "没有佐证材料的原因（已添加佐证材料可不填）"


def step_fields(kind: str) -> list[Field]:
    date = Field("happened_on", f"{KIND_LABELS[kind]}日期", "date")
    return {
        "apply": [date, Field("finding", "申请说明", "long"), Field("reason", NO_EVIDENCE)],
        "verify": [date, Field("person", "核查人"), Field("passed", "核查通过", "check", value=True),
                   Field("finding", "核查意见", "long"), Field("reason", "退回原因（不通过时填写）")],
        "close": [date, Field("doc", "销号文号"), Field("reason", NO_EVIDENCE)],
        "revisit": [date, Field("person", "回头看人员"), Field("finding", "回头看情况", "long")],
        "reopen": [date, Field("reason", "重新打开的原因（如反弹情况）", "long")],
    }[kind]


def _table(name: str, headers: list[str], widths: tuple[int, ...] = ()) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]], ids: list[int] | None = None) -> None:
    from PySide6.QtCore import Qt

    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem("" if text is None else str(text))
            item.setToolTip(item.text())
            if c == 0 and ids is not None:
                item.setData(Qt.ItemDataRole.UserRole, ids[r])
            table.setItem(r, c, item)


class ClosureTab(QWidget):
    def __init__(self, dialog):
        super().__init__(objectName="closureTab")
        self.dialog, self.window_ = dialog, dialog.window_
        self.problem_id = dialog.problem_id
        self.form: FormDialog | None = None
        self.stage = QLabel(objectName="closureStage", wordWrap=True)
        self.steps = _table("closureSteps", ["日期", "步骤", "经办/核查人", "情况", "文号", "原因"],
                            (96, 100, 120, 330, 190))
        self.buttons = {kind: QPushButton(text, objectName=name) for kind, name, text in BUTTONS}
        self.flag_info = QLabel(objectName="flagInfo", wordWrap=True)
        self.flag_button = QPushButton("挂牌督办…", objectName="flagProblem")
        self.lift_button = QPushButton("解除挂牌…", objectName="liftFlag")
        self.notice_button = QPushButton("督办通知单…", objectName="printNotice")
        self._layout()
        for kind, button in self.buttons.items():
            button.clicked.connect(lambda _=False, k=kind: self.open_step(k))
        self.flag_button.clicked.connect(self.open_flag)
        self.lift_button.clicked.connect(self.open_lift)
        self.notice_button.clicked.connect(self.save_notice)

    def _layout(self) -> None:
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        flag_box = QGroupBox("挂牌督办")
        flag_row = QHBoxLayout(flag_box)
        flag_row.addWidget(self.flag_info, 1)
        for button in (self.flag_button, self.lift_button, self.notice_button):
            flag_row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stage)
        layout.addLayout(row)
        layout.addWidget(self.steps, 1)
        layout.addWidget(flag_box)

    def load(self) -> None:
        db = self.window_.session.db
        state = problem_closure(db, self.problem_id)
        closed = f"（{state.closed_on} 销号，{state.closure_doc}）" if state.stage == "closed" else ""
        self.stage.setText(f"销号阶段：{state.label}{closed}")
        for kind, button in self.buttons.items():
            button.setEnabled(state.stage in ALLOWED_FROM[kind])
        passed = {1: "通过", 0: "不通过"}
        fill_table(self.steps, [
            [s["happened_on"], KIND_LABELS[s["kind"]] + (f"（{passed[s['passed']]}）"
                                                         if s["kind"] == "verify" else ""),
             s["person"], s["finding"], s["doc"], s["reason"]]
            for s in closure_steps(db, self.problem_id)])
        flag = current_flag(db, self.problem_id)
        self.flag_info.setText(
            f"{LEVEL_LABELS[flag['level']]}　督办领导：{flag['leader']}　挂牌日期：{flag['since']}"
            f"　督办时限：{flag['until'] or '未定'}　{flag['reason']}" if flag else "未挂牌督办")
        self.flag_button.setEnabled(flag is None)
        self.lift_button.setEnabled(flag is not None)
        self.notice_button.setEnabled(flag is not None)

    # -- forms ---------------------------------------------------------------------------
    def _open_form(self, title: str, name: str, fields: list[Field], make_work) -> FormDialog:
        def submit(values, done, refused):
            self.window_.run(Op(title, make_work(values), success=done, failure=refused))
        self.form = FormDialog(self.dialog, title, name, fields, submit)
        self.form.open()
        return self.form

    def open_step(self, kind: str) -> FormDialog:
        def work(values):
            step = {"kind": kind, **values}
            if kind != "verify":
                step.pop("passed", None)
            return supervision_ops.closure_step(self.problem_id, step)
        title = f"{KIND_LABELS[kind]} — 问题 {self.dialog.detail.get('code', '')}"
        return self._open_form(title, "closureStepDialog", step_fields(kind), work)

    def open_flag(self) -> FormDialog:
        fields = [Field("level", "挂牌级别", "choice", LEVELS, "县"), Field("leader", "督办领导"),
                  Field("reason", "挂牌原因", "long"), Field("since", "挂牌日期", "date"),
                  Field("until", "督办时限", "date", value="")]
        return self._open_form("挂牌督办", "flagDialog", fields,
                               lambda v: supervision_ops.flag(self.problem_id, v))

    def open_lift(self) -> FormDialog:
        fields = [Field("lifted_on", "解除日期", "date"), Field("note", "说明", "long")]
        return self._open_form("解除挂牌督办", "liftDialog", fields, lambda v: supervision_ops.lift(
            self.problem_id, v["lifted_on"], v["note"]))

    def save_notice(self) -> None:
        code = self.dialog.detail.get("code", "")
        suggested = self.window_.session.path.parent / f"督办通知单-{code}-{dt.date.today():%Y%m%d}.pdf"
        out = prompts.save_file(self, "督办通知单", str(suggested), prompts.NOTICE_FILTER)
        if out:
            self.window_.run(Op("正在生成督办通知单", supervision_exports.notice_to(
                self.problem_id, out), success=self.window_.commands.exports._show))
