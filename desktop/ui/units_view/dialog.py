"""The 单位 screen: every unit and group with its other spellings, members and problem count;
merge, rename and group edits (each undoable); pairs that probably name one unit suggested by a
fuzzy match (desktop/core/unit_groups.py), merged only when the clerk says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from db.unit_registry import Unit, apart_pairs, list_units
from desktop.core.unit_groups import suggest_pairs
from desktop.core.units import split_units
from desktop.ui import prompts
from desktop.ui.operations import unit_ops
from desktop.ui.tasks import Op

HEADERS = ("名称", "类型", "成员", "其他写法", "涉及问题")
PAIR_ROLE = Qt.ItemDataRole.UserRole


class UnitsDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("unitsDialog")
        self.setWindowTitle("单位")
        self.resize(1000, 680)
        self.table = QTableWidget(0, len(HEADERS), objectName="unitsTable")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.pairs = QListWidget(objectName="suggestedPairs")
        self.buttons = {name: QPushButton(text, objectName=name) for name, text in (
            ("mergeUnits", "合并所选两个…"), ("renameUnit", "改名…"),
            ("editGroup", "设为单位组并列出成员…"), ("notGroup", "设为单个单位"),
            ("mergePair", "合并建议的一对…"), ("notSame", "不是同一单位"),
            ("closeUnits", "关闭"))}
        self.units: list[Unit] = []
        self._layout()
        for name, slot in (("mergeUnits", self.merge_selected), ("renameUnit", self.rename),
                           ("editGroup", self.edit_group), ("notGroup", self.not_group),
                           ("mergePair", self.merge_pair), ("notSame", self.not_same),
                           ("closeUnits", self.close)):
            self.buttons[name].clicked.connect(slot)
        window.changed.connect(self._changed)
        self.reload()

    def _layout(self) -> None:
        side = QVBoxLayout()
        for name in ("mergeUnits", "renameUnit", "editGroup", "notGroup"):
            side.addWidget(self.buttons[name])
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addLayout(side)
        bottom = QHBoxLayout()
        bottom.addWidget(self.buttons["mergePair"])
        bottom.addWidget(self.buttons["notSame"])
        bottom.addStretch(1)
        bottom.addWidget(self.buttons["closeUnits"])
        layout = QVBoxLayout(self)
        layout.addLayout(top, 3)
        layout.addWidget(QLabel("可能是同一单位的不同写法（只作提示，合并前请核实）："))
        layout.addWidget(self.pairs, 1)
        layout.addLayout(bottom)

    def reload(self) -> None:
        self.units = list_units(self.window_.session.db)
        self.table.setRowCount(len(self.units))
        for row, unit in enumerate(self.units):
            values = (unit.name, "单位组" if unit.is_group else "单位",
                      "、".join(unit.members) if unit.is_group else "",
                      "、".join(unit.aliases), str(unit.problems))
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.pairs.clear()
        apart = apart_pairs(self.window_.session.db)
        for pair in suggest_pairs([u.name for u in self.units], apart=apart):
            item = QListWidgetItem(f"{pair.first}　↔　{pair.second}（相似度 {pair.score:g}）")
            item.setData(PAIR_ROLE, (pair.first, pair.second))
            self.pairs.addItem(item)

    def _changed(self, _changes) -> None:
        self.reload()   # an undo of a unit edit touches only the units: always re-read (small)

    def selected(self) -> list[Unit]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.units[r] for r in rows]

    def _run(self, label: str, work) -> None:
        self.window_.run(Op(label, work, failure=lambda e: prompts.warn(self, "单位", str(e))))

    def _merge(self, a: str, b: str) -> None:
        keep = prompts.ask_item(self, "合并单位", f"“{a}”和“{b}”是同一个单位，保留哪个名称？", [b, a])
        if keep:
            self._run("合并单位", unit_ops.merge(keep, a if keep == b else b))

    def merge_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 2:
            prompts.warn(self, "合并单位", "请在表中选中要合并的两个单位。")
            return
        self._merge(chosen[0].name, chosen[1].name)

    def merge_pair(self) -> None:
        item = self.pairs.currentItem()
        if item is None:
            prompts.warn(self, "合并单位", "请先在下方选中一对建议。")
            return
        self._merge(*item.data(PAIR_ROLE))

    def not_same(self) -> None:
        item = self.pairs.currentItem()
        if item is not None:
            self.window_.run(Op("不是同一单位", unit_ops.apart(*item.data(PAIR_ROLE)),
                                success=lambda _c: self.reload()))

    def _one(self, title: str) -> Unit | None:
        chosen = self.selected()
        if len(chosen) != 1:
            prompts.warn(self, title, "请在表中选中一个单位。")
            return None
        return chosen[0]

    def rename(self) -> None:
        unit = self._one("单位改名")
        new = unit and prompts.ask_text(self, "单位改名", f"“{unit.name}”的新名称：", unit.name)
        if unit and new and new != unit.name:
            self._run("单位改名", unit_ops.rename(unit.name, new))

    def edit_group(self) -> None:
        unit = self._one("单位组")
        text = unit and prompts.ask_text(
            self, "单位组", f"“{unit.name}”包括哪些单位？（用顿号、逗号或换行分开）",
            "、".join(unit.members))
        if unit and text:
            self._run("设置单位组", unit_ops.group(unit.name, True, split_units(text)))

    def not_group(self) -> None:
        unit = self._one("单个单位")
        if unit:
            self._run("设置单位组", unit_ops.group(unit.name, False, []))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        try:
            self.window_.changed.disconnect(self._changed)
        except (RuntimeError, TypeError):
            pass
        self.deleteLater()
        super().closeEvent(event)
