"""合并交换包: what the package brings, and each conflict side by side for the clerk to choose."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.labels import as_text
from desktop.exchange.merge import result_of

COLUMNS = ("问题", "内容", "本台账的值", "交换包的值")


class MergeDialog(QDialog):
    """Shows a merge plan; accepted, `choices()` says which value each conflict keeps."""

    def __init__(self, parent, plan):
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(f"合并交换包 — {plan.package.path.name}")
        self.plan = plan
        self.groups: list[QButtonGroup] = []
        layout = QVBoxLayout(self)
        self.summary = QLabel("\n".join(result_of(plan, {}).head_lines()),
                              objectName="mergeSummary", wordWrap=True)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self._conflict_note(), objectName="conflictNote", wordWrap=True))
        self.table = self._conflict_table()
        layout.addWidget(self.table, 1)
        layout.addLayout(self._all_buttons())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("合并")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("mergeButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(980, 560)

    def _conflict_note(self) -> str:
        count = len(self.plan.conflicts)
        if not count:
            return "没有冲突：只有一方修改过的内容将直接采用，进展和佐证材料只会新增。"
        return (f"有 {count} 处冲突：双方自上次交换以来都修改了同一项。请逐项选择保留哪一方的值"
                "（默认保留本台账的值）。进展和佐证材料只会新增，不会覆盖。")

    def _conflict_table(self) -> QTableWidget:
        table = QTableWidget(len(self.plan.conflicts), len(COLUMNS), objectName="conflictTable")
        table.setHorizontalHeaderLabels(COLUMNS)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.setColumnWidth(0, 240)
        for row, conflict in enumerate(self.plan.conflicts):
            place = QTableWidgetItem(f"{conflict.where} {conflict.title}\n{conflict.round}")
            place.setToolTip(place.text())
            table.setItem(row, 0, place)
            table.setItem(row, 1, QTableWidgetItem(conflict.label))
            group = QButtonGroup(table)
            for col, (side, value) in enumerate((("mine", conflict.mine),
                                                  ("theirs", conflict.theirs)), start=2):
                table.setCellWidget(row, col, self._choice(group, side, as_text(value, conflict.field),
                                                              row))
            group.buttons()[0].setChecked(True)
            self.groups.append(group)
        table.resizeRowsToContents()
        table.setVisible(bool(self.plan.conflicts))
        return table

    def _choice(self, group: QButtonGroup, side: str, text: str, row: int) -> QWidget:
        cell = QWidget()
        line = QHBoxLayout(cell)
        line.setContentsMargins(4, 2, 4, 2)
        button = QRadioButton(objectName=f"{side}_{row}")
        button.setProperty("side", side)
        button.setToolTip(text)
        group.addButton(button)
        label = QLabel(text or "（空）", wordWrap=True)
        label.setToolTip(text)
        line.addWidget(button)
        line.addWidget(label, 1)
        return cell

    def _all_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for name, text, side in (("allMine", "全部保留本台账的值", "mine"),
                                 ("allTheirs", "全部采用交换包的值", "theirs")):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(lambda _=False, s=side: self.choose_all(s))
            button.setEnabled(bool(self.plan.conflicts))
            row.addWidget(button)
        row.addStretch(1)
        return row

    def choose_all(self, side: str) -> None:
        for group in self.groups:
            next(b for b in group.buttons() if b.property("side") == side).setChecked(True)

    def choices(self) -> dict[int, str]:
        return {conflict.id: group.checkedButton().property("side")
                for conflict, group in zip(self.plan.conflicts, self.groups)}
