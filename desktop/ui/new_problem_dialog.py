"""新增问题: a problem typed in by hand — round, number, text, units, deadline; one 添加 button.
The problem dialog opens on it afterwards for everything else (measures, progress)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from db.queries import code_taken, filter_choices
from desktop.core.units import split_units
from desktop.ui.operations.problem_edit_ops import NewProblem, add_problem, next_code
from desktop.ui.tasks import Op
from desktop.ui.widgets import lay_out_form


class NewProblemDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("newProblemDialog")
        self.setWindowTitle("新增问题")
        self.resize(640, 480)
        db = window.session.db
        self.round = QComboBox(objectName="newProblemRound", editable=True)
        self.round.addItems([name for _, name in filter_choices(db)["rounds"]] or ["自查问题"])
        self.code = QLineEdit(objectName="newProblemCode")
        self.title = QLineEdit(objectName="newProblemTitle")
        self.title.setPlaceholderText("可不填：未填时以问题描述称呼")
        self.description = QPlainTextEdit(objectName="newProblemDescription")
        self.lead = QLineEdit(objectName="newProblemLead")
        self.responsible = QLineEdit(objectName="newProblemResponsible")
        for line in (self.lead, self.responsible):
            line.setPlaceholderText("多个单位用顿号“、”分开")
        self.deadline = QLineEdit(objectName="newProblemDeadline")
        self.deadline.setPlaceholderText("如 2025年6月底前、立行立改、长期坚持")
        self.error = QLabel(objectName="error", wordWrap=True)
        self.add_button = QPushButton("添加", objectName="createProblem")
        self.cancel_button = QPushButton("取消", objectName="cancelNewProblem")
        self._layout()
        self.round.currentTextChanged.connect(self._suggest_code)
        self.add_button.clicked.connect(self.create)
        self.cancel_button.clicked.connect(self.reject)
        self._suggest_code(self.round.currentText())
        self.added: int | None = None

    def _layout(self) -> None:
        lay_out_form(self, [("督察批次", self.round), ("编号 *", self.code),
                            ("问题描述 *", self.description), ("问题名称", self.title),
                            ("牵头单位", self.lead), ("责任单位", self.responsible),
                            ("整改时限", self.deadline)],
                     self.error, [self.add_button, self.cancel_button])

    def _suggest_code(self, round_name: str) -> None:
        self.code.setText(next_code(self.window_.session.db, round_name.strip()))

    def errors(self) -> list[str]:
        db, out = self.window_.session.db, []
        round_name, code = self.round.currentText().strip(), self.code.text().strip()
        if not round_name:
            out.append("请填写督察批次。")
        if not code:
            out.append("编号不能为空。")
        else:
            row = db.execute("SELECT id FROM rounds WHERE name = ?", [round_name]).fetchone()
            if row and code_taken(db, row[0], code):
                out.append(f"本批次已有编号为“{code}”的问题。")
        if not self.description.toPlainText().strip() and not self.title.text().strip():
            out.append("请填写问题描述。")
        return out

    def create(self) -> None:
        errors = self.errors()
        if errors:
            self.error.setText("\n".join(errors))
            return
        new = NewProblem(self.round.currentText().strip(), self.code.text().strip(),
                         self.title.text().strip(), self.description.toPlainText().strip(),
                         split_units(self.lead.text()), split_units(self.responsible.text()),
                         self.deadline.text().strip())
        self.add_button.setEnabled(False)
        self.window_.run(Op("新增问题", add_problem(new), success=self._added,
                            failure=self._failed))

    def _added(self, added) -> None:
        self.added = added.problem_id
        self.accept()
        # The views learn of the new row right after this callback: open it once they have.
        QTimer.singleShot(0, lambda: self._open(added.problem_id))

    def _open(self, problem_id: int) -> None:
        self.window_.register_view.select_problem(problem_id)
        self.window_.commands.open_problem(problem_id)

    def _failed(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        self.error.setText(f"未能添加：{error}")
