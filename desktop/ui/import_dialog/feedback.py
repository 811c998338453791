"""The import dialog's 反馈日期: asked when the round is new (or has no date yet), since 序时进度
is judged from it; a round that has its date shows it and needs nothing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from db.settings import round_starts
from desktop.core.dates import chinese_date
from desktop.ui.date_field import DateField


class FeedbackDate:
    def __init__(self, field: DateField, round_box: QComboBox, db):
        self.field, self.round_box, self.db = field, round_box, db
        self.note = QLabel(objectName="importFeedbackNote", wordWrap=True)
        self.note.setObjectName("hint")
        self.row = QWidget(objectName="importFeedbackRow")
        line = QHBoxLayout(self.row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(field, 1)
        line.addWidget(self.note, 2)
        self.active = self._from_round = False
        round_box.currentTextChanged.connect(lambda _t: self.refresh(self.active))

    def _known(self) -> dict[str, dt.date | None]:
        names = dict(self.db.execute("SELECT id, name FROM rounds").fetchall())
        return {names[rid]: day for rid, day in round_starts(self.db).items()}

    def refresh(self, problems: bool) -> None:
        """Ask for the date when the chosen round is new or has none; else show the one it has."""
        self.active = problems
        known = self._known()
        name = self.round_box.currentText().strip()
        has = known.get(name)
        asking = problems and has is None
        self.field.setEnabled(asking)
        if not problems:
            self.note.setText("信访件台账不需要反馈日期。")
        elif has is not None:
            self.field.set_date(has)
            self._from_round = True
            self.note.setText(f"该批次的反馈日期是 {chinese_date(has)}（可在“设置”中修改）。")
        else:
            if self._from_round:  # the date shown was another round's: not this one's
                self.field.line.clear()
                self._from_round = False
            what = "新批次" if name not in known else "该批次尚无反馈日期"
            self.note.setText(f"{what}：请填写督察反馈意见的日期，序时进度从这一天起算"
                              "（可写 2021年7月20日、2021.7.20 或 2021/7/20）。")

    def date(self) -> dt.date | None:
        """The date to give the round; None when the round already has one or none was typed."""
        return self.field.date() if self.field.isEnabled() else None
