"""Colours and the calm look: warning colours (红、黄、蓝), tints for rows, a light style sheet."""

from __future__ import annotations

from PySide6.QtGui import QColor

WARNING_COLORS = {  # text colour of the warning mark
    "overdue": QColor("#c62828"), "behind": QColor("#b26a00"),
    "due_soon": QColor("#1565c0"), "done": QColor("#2e7d32"),
}
ROW_TINTS = {
    "overdue": QColor("#fdecec"), "behind": QColor("#fff5e1"),
    "due_soon": QColor("#eaf2fc"), "done": QColor("#f1f8f1"),
}
WARNING_NAMES = {"overdue": "逾期", "behind": "未达序时进度", "due_soon": "即将到期", "done": "已完成"}

APP_STYLE = """
QMainWindow, QDialog { background: #f6f7f9; }
QListWidget#nav { background: #283445; color: #dfe6ee; border: none; font-size: 11pt;
                   padding-top: 8px; }
QListWidget#nav::item { padding: 12px 18px; border-left: 3px solid transparent; }
QListWidget#nav::item:selected { background: #34465c; color: white;
                                 border-left: 3px solid #5aa0e6; }
QListWidget#nav::item:hover:!selected { background: #2f3d50; }
QTableView { background: white; gridline-color: #e3e6ea; selection-background-color: #cfe3f8;
             selection-color: #1b1b1b; border: 1px solid #d5d9de; }
QHeaderView::section { background: #eef1f4; padding: 5px 6px; border: none;
                       border-right: 1px solid #dde1e6; border-bottom: 1px solid #d5d9de; }
QLabel#viewTitle { font-size: 15pt; font-weight: bold; color: #1f2d3d; }
QLabel#summary { color: #4a5563; }
QFrame#card { background: white; border: 1px solid #dde1e6; border-radius: 6px; }
QLabel#cardNumber { font-size: 22pt; font-weight: bold; }
QLabel#cardLabel { color: #5b6573; }
QGroupBox { background: white; border: 1px solid #dde1e6; border-radius: 6px; margin-top: 14px;
            padding: 10px 8px 8px 8px; font-weight: bold; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; color: #1f2d3d; }
QLabel#error { color: #c62828; }
QLabel#hint, QLabel#registerPath { color: #6b7480; }
"""
