"""分发填报表: the period, the rounds and units to ask, and whether completed problems are asked too.
Groups (各乡镇人民政府 …) are not listed: their members are; groups without members are named."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from db.queries import filter_choices
from db.unit_registry import list_units


@dataclass
class DistributionChoice:
    period: str
    rounds: list[str]
    units: list[str]
    include_completed: bool


def _checked_list(name: str, labels: list[str]) -> QListWidget:
    box = QListWidget(objectName=name)
    for label in labels:
        item = QListWidgetItem(label)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        box.addItem(item)
    return box


def _checked(box: QListWidget) -> list[str]:
    return [box.item(i).text() for i in range(box.count())
            if box.item(i).checkState() == Qt.CheckState.Checked]


class UnitFormsDialog(QDialog):
    def __init__(self, parent, db):
        super().__init__(parent)
        self.setObjectName("unitFormsDialog")
        self.setWindowTitle("分发填报表")
        self.resize(520, 600)
        self.period = QLineEdit(f"{dt.date.today():%Y-%m}", objectName="period")
        self.rounds = _checked_list("rounds", [name for _, name in filter_choices(db)["rounds"]])
        units = list_units(db)
        self.units = _checked_list("units", [u.name for u in units if not u.is_group])
        empty = [u.name for u in units if u.is_group and not u.members and u.problems]
        self.completed = QCheckBox("也询问已完成、已销号的问题", objectName="includeCompleted")
        note = QLabel("单位组（各乡镇人民政府等）的填报表发给它的成员。" + (
            f"尚未列出成员、不会分发：{'、'.join(empty)}（在“编辑 → 单位…”中列出成员）。"
            if empty else ""), wordWrap=True, objectName="groupsNote")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("填报期间（YYYY-MM）", self.period)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for label, widget in (("督察批次", self.rounds), ("单位", self.units)):
            layout.addWidget(QLabel(label))
            layout.addWidget(widget, 1)
        layout.addWidget(self.completed)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def choice(self) -> DistributionChoice:
        units = _checked(self.units)
        all_units = len(units) == self.units.count()
        rounds = _checked(self.rounds)
        return DistributionChoice(self.period.text().strip(),
                                  [] if len(rounds) == self.rounds.count() else rounds,
                                  [] if all_units else units, self.completed.isChecked())


def ask(parent, db) -> DistributionChoice | None:
    """The clerk's choice, or None when cancelled (patched in tests)."""
    dialog = UnitFormsDialog(parent, db)
    try:
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
