"""Where a problem came from (file, sheet, row) and the original columns we did not map."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets import left_headers


class SourcePanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.file = QLabel(objectName="sourceFile", wordWrap=True)
        self.sheet = QLabel(objectName="sourceSheet")
        self.row = QLabel(objectName="sourceRow")
        self.extra = QTableWidget(0, 2, objectName="extraTable")
        self.extra.setHorizontalHeaderLabels(["原表列名", "内容"])
        self.extra.verticalHeader().hide()
        left_headers(self.extra)
        self.extra.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.extra.setWordWrap(True)
        self.extra.setColumnWidth(0, 180)
        self.extra.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        form = QFormLayout()
        form.addRow("来源文件", self.file)
        form.addRow("工作表", self.sheet)
        form.addRow("行号", self.row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("未对应到台账字段的原表列（原样保存）："))
        layout.addWidget(self.extra, 1)

    def load(self, problem: dict) -> None:
        self.file.setText(problem.get("source_file") or "手工录入")
        self.sheet.setText(problem.get("source_sheet") or "—")
        self.row.setText(str(problem["source_row"]) if problem.get("source_row") else "—")
        extra = problem.get("extra") or {}
        self.extra.setRowCount(len(extra))
        for row, (column, value) in enumerate(extra.items()):
            self.extra.setItem(row, 0, QTableWidgetItem(str(column)))
            self.extra.setItem(row, 1, QTableWidgetItem("" if value is None else str(value)))
        self.extra.resizeRowsToContents()
