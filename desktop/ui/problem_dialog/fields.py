"""Every field of a problem, editable, with validation; values come back in the register's form."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import parse_typed_date
from desktop.core.deadlines import KIND_LABELS, parse_deadline
from desktop.core.status import STATUS_CODES, STATUS_LABELS
from desktop.core.units import split_units

TEXT_FIELDS = ("code", "title", "supervisor", "responsible_person", "deadline_text", "flag_leader",
               "closure_doc", "closed_on", "completed_on")
DATE_FIELDS = {"closed_on": "销号日期", "completed_on": "实际完成日期"}
LONG_FIELDS = ("description", "target")
UNIT_FIELDS = ("lead_units", "responsible_units")


def _iso_or_text(text: str) -> str | None:
    """A typed date stored as YYYY-MM-DD; what is no date is kept for validate() to name."""
    try:
        day = parse_typed_date(text)
    except ValueError:
        return text
    return day.isoformat() if day else None


def _text_box(name: str, height: int) -> QPlainTextEdit:
    box = QPlainTextEdit(objectName=name)
    box.setFixedHeight(height)
    box.setTabChangesFocus(True)
    return box


def percent_box(name: str) -> QSpinBox:
    box = QSpinBox(objectName=name)
    box.setRange(-1, 100)
    box.setSpecialValueText("未填")
    box.setSuffix("%")
    return box


class ProblemFields(QWidget):
    edited = Signal()

    def __init__(self, rounds: list[tuple[int, str]], categories: list[str], parent=None):
        super().__init__(parent)
        self.w: dict[str, QWidget] = {name: QLineEdit(objectName=name) for name in TEXT_FIELDS}
        self.w |= {u: QLineEdit(objectName=u) for u in UNIT_FIELDS}
        self.w["description"] = _text_box("description", 150)
        self.w["target"] = _text_box("target", 90)
        self.latest = QLabel(objectName="latestProgress", wordWrap=True)
        self.latest.setObjectName("hint")
        self.w["round_id"] = QComboBox(objectName="round_id")
        for rid, name in rounds:
            self.w["round_id"].addItem(name, rid)
        self.w["category"] = QComboBox(objectName="category", editable=True)
        self.w["category"].addItems(categories)
        self.w["status"] = QComboBox(objectName="status")
        for code in STATUS_CODES:
            self.w["status"].addItem(STATUS_LABELS[code], code)
        self.w["percent"] = percent_box("percent")
        self.w["flagged"] = QCheckBox("挂牌督办", objectName="flagged")
        for name in DATE_FIELDS:
            self.w[name].setPlaceholderText("如 2024年6月30日")
        for name in ("flagged", "flag_leader", "closed_on", "closure_doc"):  # steps, not edits
            self.w[name].setEnabled(False)
            self.w[name].setToolTip("挂牌督办和销号在“验收销号”页办理，每一步都有记录")
        for name in UNIT_FIELDS:
            self.w[name].setPlaceholderText("多个单位用顿号“、”分开")
        self.w["title"].setPlaceholderText("台账未列问题名称时，以问题描述称呼这个问题")
        self.deadline_note = QLabel(objectName="hint")
        self.errors = QLabel(objectName="error", wordWrap=True)
        self._layout()
        self._connect()
        self.original: dict = {}

    def _layout(self) -> None:
        w = self.w
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setLabelAlignment(form.labelAlignment())
            form.setVerticalSpacing(8)
        left.addRow("编号 *", w["code"])
        left.addRow("督察批次", w["round_id"])
        left.addRow("类别", w["category"])
        left.addRow("问题名称", w["title"])
        left.addRow("问题描述 *", w["description"])
        left.addRow("整改目标", w["target"])
        left.addRow("最新进展", self.latest)
        right.addRow("牵头单位", w["lead_units"])
        right.addRow("责任单位", w["responsible_units"])
        right.addRow("督办领导", w["supervisor"])
        right.addRow("责任人", w["responsible_person"])
        right.addRow("整改时限", w["deadline_text"])
        right.addRow("", self.deadline_note)
        right.addRow("状态", w["status"])
        right.addRow("完成进度", w["percent"])
        right.addRow("实际完成日期", w["completed_on"])
        flag = QHBoxLayout()
        flag.addWidget(w["flagged"])
        flag.addWidget(QLabel("挂牌领导："))
        flag.addWidget(w["flag_leader"], 1)
        right.addRow("", flag)
        right.addRow("销号日期", w["closed_on"])
        right.addRow("销号文号", w["closure_doc"])
        row = QHBoxLayout(self)
        for form, stretch in ((left, 3), (right, 2)):
            column = QVBoxLayout()
            column.addLayout(form)
            column.addStretch(1)
            row.addLayout(column, stretch)
            row.addSpacing(16)

    def _connect(self) -> None:
        for widget in self.w.values():
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.textChanged.connect(self._changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._changed)
                if widget.isEditable():
                    widget.editTextChanged.connect(self._changed)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self._changed)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self._changed)

    # -- values -------------------------------------------------------------------------
    def load(self, problem: dict) -> None:
        self.original = problem
        w = self.w
        for name in TEXT_FIELDS:
            w[name].setText(str(problem.get(name) or ""))
        for name in UNIT_FIELDS:
            w[name].setText("、".join(problem.get(name) or []))
        for name in LONG_FIELDS:
            w[name].setPlainText(problem.get(name) or "")
        w["round_id"].setCurrentIndex(max(w["round_id"].findData(problem["round_id"]), 0))
        w["category"].setCurrentText(problem.get("category") or "")
        w["status"].setCurrentIndex(max(w["status"].findData(problem["status"]), 0))
        w["percent"].setValue(-1 if problem.get("percent") is None else round(problem["percent"]))
        w["flagged"].setChecked(bool(problem.get("flagged")))
        history = problem.get("history") or []
        latest = history[-1] if history else None
        self.latest.setText(f"{latest['period']}：{latest['text']}（在“进展情况”中填报）" if latest
                            else "尚未填报进展（在“进展情况”中填报）")
        self._changed()

    def values(self) -> dict:
        """The form's values in the register's field names and forms."""
        w = self.w
        out = {name: w[name].text().strip() for name in TEXT_FIELDS}
        out |= {name: split_units(w[name].text()) for name in UNIT_FIELDS}
        out |= {name: w[name].toPlainText().strip() for name in LONG_FIELDS}
        for name in DATE_FIELDS:
            out[name] = _iso_or_text(out[name])
        out["round_id"] = w["round_id"].currentData()
        out["category"] = w["category"].currentText().strip()
        status = w["status"].currentData()
        out["status"] = status
        out["status_text"] = (self.original.get("status_text", "")
                              if status == self.original.get("status") else STATUS_LABELS[status])
        out["percent"] = self._percent()
        out["flagged"] = int(w["flagged"].isChecked())
        if out["deadline_text"] == self.original.get("deadline_text"):
            out["deadline"] = self.original.get("deadline")
            out["deadline_kind"] = self.original.get("deadline_kind")
        else:
            deadline = parse_deadline(out["deadline_text"])
            out["deadline"], out["deadline_kind"] = deadline.iso, deadline.kind
        return out

    def _percent(self) -> float | None:
        shown, before = self.w["percent"].value(), self.original.get("percent")
        if before is not None and shown == round(before):
            return before  # untouched: keep a stored fraction such as 55.5
        return None if shown < 0 else float(shown)

    def changes(self) -> dict:
        """Only the fields whose values differ from the loaded problem."""
        return {k: v for k, v in self.values().items() if v != self.original.get(k)}

    def validate(self, code_taken) -> list[str]:
        """Messages for what must be fixed before saving (empty when the form is valid)."""
        v, errors = self.values(), []
        if not v["code"]:
            errors.append("编号不能为空。")
        elif code_taken(v["round_id"], v["code"]):
            errors.append(f"本批次已有编号为“{v['code']}”的问题。")
        if not v["title"] and not v["description"]:
            errors.append("问题和问题描述至少填写一项。")
        for name, label in DATE_FIELDS.items():
            try:
                parse_typed_date(v[name] or "")
            except ValueError as exc:
                errors.append(f"{label}：{exc}")
        return errors

    def _changed(self, *_args) -> None:
        deadline = parse_deadline(self.w["deadline_text"].text().strip())
        if deadline.date:
            note = f"识别为 {deadline.date:%Y年%m月%d日}（{KIND_LABELS[deadline.kind]}）"
        elif deadline.text:
            note = f"识别为：{KIND_LABELS[deadline.kind]}" + (f"（{deadline.note}）" if deadline.note
                                                             else "")
        else:
            note = "未填写整改时限"
        self.deadline_note.setText(note)
        self.edited.emit()
