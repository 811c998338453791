"""A date typed as clerks write it (2021年5月10日, 2021.5.10, 2021/5/10) or picked from a calendar.

    field = DateField("importFeedbackDate")
    field.set_date(date(2021, 7, 20))      # shows 2021年7月20日
    field.date()                           # the day, None when empty; ValueError (Chinese) if bad

The line edit's objectName is the name given; the calendar button's is name + "Picker" and the
calendar's name + "Calendar", so tests and the scenario can find them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QWidget

from desktop.core.dates import chinese_date, parse_typed_date


class DateField(QWidget):
    edited = Signal()

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.line = QLineEdit(objectName=name)
        self.line.setPlaceholderText("如 2021年5月10日")
        self.picker = QToolButton(objectName=f"{name}Picker", text="日历…")
        self.picker.setToolTip("从日历中选择日期")
        self.calendar = QCalendarWidget(self, objectName=f"{name}Calendar")
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.picker)
        self.picker.clicked.connect(self.show_calendar)
        self.calendar.clicked.connect(self._picked)
        self.line.textChanged.connect(lambda _t: self.edited.emit())

    def show_calendar(self) -> None:
        try:
            day = self.date()
        except ValueError:
            day = None
        day = day or dt.date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.move(self.mapToGlobal(self.line.geometry().bottomLeft()))
        self.calendar.show()

    def _picked(self, qdate: QDate) -> None:
        self.calendar.hide()
        self.set_date(dt.date(qdate.year(), qdate.month(), qdate.day()))

    def date(self) -> dt.date | None:
        return parse_typed_date(self.line.text())

    def set_date(self, day: dt.date | None) -> None:
        self.line.setText(chinese_date(day))

    def text(self) -> str:
        return self.line.text().strip()
