"""A small entry form (a closure step, a flag, an evidence file, an accountability record, a
chronicle entry): fields by name, each with its own error line; nothing is written until the
whole entry is accepted. Every field's objectName is its name; the buttons are formSubmit and
formCancel; a field's error line is <name>Error, the form's own formError.

    FormDialog(parent, title, name, fields, submit)
        fields: [Field(name, label, kind, choices, value)]; kinds text, long, date, choice,
                editable (choice or free text), check, file
        submit(values, done, refused): runs the change; calls done() or refused(error)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.refused import ChangeRefused
from desktop.ui import prompts


@dataclass
class Field:
    name: str
    label: str
    kind: str = "text"
    choices: tuple[str, ...] = ()
    value: object = None


def _editor(spec: Field) -> QWidget:
    if spec.kind == "long":
        box = QPlainTextEdit(objectName=spec.name)
        box.setFixedHeight(80)
        box.setTabChangesFocus(True)
        box.setPlainText(str(spec.value or ""))
        return box
    if spec.kind in ("choice", "editable"):
        box = QComboBox(objectName=spec.name, editable=spec.kind == "editable")
        box.addItems(list(spec.choices))
        if spec.value:
            box.setCurrentText(str(spec.value))
        return box
    if spec.kind == "check":
        box = QCheckBox(spec.label, objectName=spec.name)
        box.setChecked(bool(spec.value))
        return box
    value = spec.value if spec.value is not None else (
        f"{dt.date.today():%Y-%m-%d}" if spec.kind == "date" else "")
    box = QLineEdit(str(value), objectName=spec.name)
    if spec.kind == "date":
        box.setPlaceholderText("YYYY-MM-DD")
    return box


class FormDialog(QDialog):
    def __init__(self, parent, title: str, name: str, fields: list[Field],
                 submit: Callable[[dict, Callable, Callable], None]):
        for old in parent.findChildren(FormDialog, name, Qt.FindChildOption.FindDirectChildrenOnly):
            if not old.isVisible():  # a finished form of the same kind: let it go
                old.deleteLater()
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.specs, self.submit_ = fields, submit
        self.editors = {f.name: _editor(f) for f in fields}
        self.errors = {f.name: QLabel(objectName=f"{f.name}Error", wordWrap=True) for f in fields}
        self.error = QLabel(objectName="formError", wordWrap=True)
        self.ok = QPushButton("确定", objectName="formSubmit")
        self.ok.setDefault(True)
        self.cancel = QPushButton("取消", objectName="formCancel")
        self._layout()
        self.ok.clicked.connect(self.send)
        self.cancel.clicked.connect(self.reject)

    def _layout(self) -> None:
        form = QFormLayout()
        for spec in self.specs:
            editor = self.editors[spec.name]
            if spec.kind == "file":
                row = QHBoxLayout()
                row.addWidget(editor, 1)
                browse = QPushButton("浏览…", objectName=f"{spec.name}Browse")
                browse.clicked.connect(lambda _=False, e=editor: self._browse(e))
                row.addWidget(browse)
                form.addRow(spec.label, row)
            else:
                form.addRow("" if spec.kind == "check" else spec.label, editor)
            self.errors[spec.name].setStyleSheet("color: #c62828;")
            self.errors[spec.name].hide()
            form.addRow("", self.errors[spec.name])
        self.error.setStyleSheet("color: #c62828;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.ok)
        buttons.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def _browse(self, editor: QLineEdit) -> None:
        path = prompts.open_file(self, "选择佐证材料文件", prompts.EVIDENCE_FILTER)
        if path:
            editor.setText(path)

    def values(self) -> dict:
        out: dict = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QPlainTextEdit):
                out[name] = editor.toPlainText().strip()
            elif isinstance(editor, QComboBox):
                out[name] = editor.currentText().strip()
            elif isinstance(editor, QCheckBox):
                out[name] = editor.isChecked()
            else:
                out[name] = editor.text().strip()
        return out

    def send(self) -> None:
        self.show_errors({})
        self.ok.setEnabled(False)
        self.submit_(self.values(), self.done_ok, self.refused)

    def done_ok(self, *_args) -> None:
        self.accept()

    def refused(self, error: BaseException) -> None:
        self.ok.setEnabled(True)
        errors = error.errors if isinstance(error, ChangeRefused) else {"": str(error)}
        self.show_errors(errors)

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(bool(errors.get(name)))
        general = [m for k, m in errors.items() if k not in self.errors]
        self.error.setText("\n".join(general))
        if errors:
            first = next((k for k in errors if k in self.editors), None)
            if first:
                self.editors[first].setFocus()
