"""设置: the office's name and signature, how days left and 办结率 are counted, and each round's
feedback date (the start of 序时进度)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from db.merged_progress import merge_rule
from db.queries import filter_choices
from db.settings import get_setting, load_report_settings, round_starts, signature_defaults
from desktop.core.dates import DATE_HINT
from desktop.core.report_settings import COMPLETION_RULES, DAY_MODES
from desktop.core.unit_reports import MERGE_RULES
from desktop.ui.date_field import DateField
from desktop.ui.operations.settings_ops import OFFICE_NAME, SettingsChoice, save_settings
from desktop.ui.tasks import Op
from desktop.ui.widgets import left_headers

ROUND_ROLE = Qt.ItemDataRole.UserRole
SIGNATURE = (("reporter", "填报人"), ("reviewer", "审核人"), ("phone", "联系电话"))


class SettingsDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("settingsDialog")
        self.setWindowTitle("设置")
        self.resize(720, 560)
        db = window.session.db
        signature = signature_defaults(db)
        self.office = QLineEdit(get_setting(db, OFFICE_NAME) or signature.get("unit", ""),
                                objectName="office")
        self.signature = {k: QLineEdit(signature.get(k, ""), objectName=k) for k, _ in SIGNATURE}
        settings = load_report_settings(db)
        self.day_mode = self._combo("dayMode", DAY_MODES, settings.day_mode)
        self.rule = self._combo("completionRule", COMPLETION_RULES, settings.completion_rule)
        self.merge_rule = self._combo("mergeRule", MERGE_RULES, merge_rule(db))
        self.rounds = self._rounds_table(db)
        self.error = QLabel(objectName="error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self._layout()

    @staticmethod
    def _combo(name: str, labels: dict[str, str], current: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        for key, label in labels.items():
            combo.addItem(label, key)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        return combo

    def _rounds_table(self, db) -> QTableWidget:
        starts = round_starts(db)
        rounds = filter_choices(db)["rounds"]
        table = QTableWidget(len(rounds), 2, objectName="roundStarts")
        table.setHorizontalHeaderLabels(["督察批次", "反馈日期（如 2021年5月10日）"])
        table.verticalHeader().hide()
        left_headers(table)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(1, 260)
        self.round_dates: list[DateField] = []
        for row, (rid, name) in enumerate(rounds):
            item = QTableWidgetItem(name)
            item.setData(ROUND_ROLE, rid)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, 0, item)
            field = DateField(f"roundStart{row}")
            field.set_date(starts.get(rid))
            table.setCellWidget(row, 1, field)
            self.round_dates.append(field)
        table.resizeRowsToContents()
        return table

    def _layout(self) -> None:
        who = QGroupBox("本单位")
        form = QFormLayout(who)
        form.addRow("单位名称", self.office)
        for key, label in SIGNATURE:
            form.addRow(label, self.signature[key])
        how = QGroupBox("统计口径")
        form2 = QFormLayout(how)
        form2.addRow("剩余天数按", self.day_mode)
        form2.addRow("信访件办结率", self.rule)
        form2.addRow("各单位进展汇总的状态", self.merge_rule)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addWidget(how)
        layout.addWidget(QLabel("各督察批次的反馈日期（序时进度从这一天起算）："))
        layout.addWidget(self.rounds, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def focus_missing_date(self) -> None:
        """Put the cursor in the first round's date that is still empty (from a notice)."""
        for row, field in enumerate(self.round_dates):
            if not field.text():
                self.rounds.setCurrentCell(row, 1)
                field.line.setFocus()
                return

    def choice(self) -> SettingsChoice:
        starts: dict[int, dt.date | None] = {}
        bad = []
        for row in range(self.rounds.rowCount()):
            rid = self.rounds.item(row, 0).data(ROUND_ROLE)
            try:
                starts[rid] = self.round_dates[row].date()
            except ValueError:
                bad.append(self.rounds.item(row, 0).text())
        if bad:
            raise ValueError(f"反馈日期{DATE_HINT}：" + "、".join(bad))
        return SettingsChoice(self.office.text().strip(),
                              {k: w.text().strip() for k, w in self.signature.items()},
                              self.day_mode.currentData(), self.rule.currentData(), starts,
                              self.merge_rule.currentData())

    def save(self) -> None:
        try:
            choice = self.choice()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.window_.run(Op("保存设置", save_settings(choice), success=lambda _c: self.accept()))
