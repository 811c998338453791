"""Small widgets shared by the views: number cards, horizontal bars, compact problem lists."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def left_headers(table) -> None:
    """Column titles aligned with the text under them."""
    table.horizontalHeader().setDefaultAlignment(LEFT)


class Card(QFrame):
    """A big number with a label under it."""

    def __init__(self, label: str, color: str = "#1f2d3d", parent=None):
        super().__init__(parent, objectName="card")
        self.number = QLabel("0", objectName="cardNumber")
        self.number.setStyleSheet(f"color: {color};")
        self.caption = QLabel(label, objectName="cardLabel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_value(self, value: int | str, note: str = "") -> None:
        self.number.setText(str(value))
        self.setToolTip(note)


class BarList(QWidget):
    """Labelled horizontal bars: (label, value, colour) rows, scaled to the largest value."""

    ROW = 30

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[tuple[str, int, QColor]] = []
        self.label_width = 110

    def set_items(self, items: list[tuple[str, int, str]]) -> None:
        self.items = [(label, value, QColor(color)) for label, value, color in items]
        self.setMinimumHeight(self.ROW * len(self.items) + 4)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(360, self.ROW * max(len(self.items), 1) + 4)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = max((v for _, v, _ in self.items), default=0) or 1
        width = self.width() - self.label_width - 56
        for i, (label, value, color) in enumerate(self.items):
            y = i * self.ROW + 2
            painter.setPen(QColor("#3a4450"))
            painter.drawText(QRectF(0, y, self.label_width - 8, self.ROW - 4),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#edf0f3"))
            painter.drawRoundedRect(QRectF(self.label_width, y + 6, width, self.ROW - 16), 3, 3)
            painter.setBrush(color)
            bar = width * value / top
            if bar:
                painter.drawRoundedRect(QRectF(self.label_width, y + 6, max(bar, 3),
                                               self.ROW - 16), 3, 3)
            painter.setPen(QColor("#1f2d3d"))
            painter.drawText(QRectF(self.label_width + width + 8, y, 48, self.ROW - 4),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(value))
        painter.end()


class ProblemList(QTableWidget):
    """A compact read-only list of problems; activating a row asks to open that problem."""

    open_problem = Signal(int)

    def __init__(self, headers: list[str], widths: list[int], parent=None):
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(26)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for i, width in enumerate(widths):
            self.setColumnWidth(i, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.itemActivated.connect(lambda item: self.open_problem.emit(
            self.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)))

    def set_rows(self, rows: list[tuple[int, list[str]]], color: QColor | None = None) -> None:
        self.setRowCount(len(rows))
        for r, (problem_id, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, problem_id)
                if color is not None and c == len(cells) - 1:
                    item.setForeground(color)
                self.setItem(r, c, item)
        self.setCurrentCell(-1, -1)


class RateBarDelegate(QStyledItemDelegate):
    """Paints a completion rate (0..1 in UserRole) as a thin bar with the percentage."""

    def paint(self, painter: QPainter, option, index) -> None:
        rate = index.data(Qt.ItemDataRole.UserRole) or 0.0
        rect = option.rect.adjusted(6, 8, -52, -8)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#edf0f3"))
        painter.drawRoundedRect(QRectF(rect), 3, 3)
        painter.setBrush(QColor("#3f9b6b" if rate >= 0.6 else "#e09a1f" if rate >= 0.3
                                else "#d9534f"))
        if rate > 0:
            painter.drawRoundedRect(QRectF(rect.x(), rect.y(), rect.width() * rate,
                                           rect.height()), 3, 3)
        painter.setPen(QColor("#1f2d3d"))
        text_rect = option.rect.adjusted(option.rect.width() - 48, 0, 0, 0)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         f"{rate:.0%}")
        painter.restore()
