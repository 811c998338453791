"""The one line that says a round has no 反馈日期 (so 序时进度 cannot be judged for it), with the
button that sets it (opens 设置 on the rounds' dates). Shown on the dashboard and the report."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from db.queries import rounds_without_feedback_date


class FeedbackNotice(QFrame):
    def __init__(self, name: str, parent=None):
        super().__init__(parent, objectName=name)
        self.setStyleSheet("QFrame { background: #fff4e0; border: 1px solid #f0c36d;"
                           " border-radius: 4px; }")
        self.label = QLabel(wordWrap=True, objectName=f"{name}Text")
        self.label.setStyleSheet("border: none;")
        self.button = QPushButton("填写反馈日期…", objectName=f"{name}Button")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.button.clicked.connect(self._open_settings)
        self.hide()

    def refresh(self, db) -> None:
        missing = rounds_without_feedback_date(db)
        if missing:
            names = "、".join(f"“{n}”" for n in missing[:3]) + ("等" if len(missing) > 3 else "")
            self.label.setText(f"{names}尚未填写反馈日期，这些问题的序时进度无法判断"
                               "（显示为“时限不明”或按时限判断）。请填写督察反馈意见的日期。")
        self.setVisible(bool(missing))

    def _open_settings(self) -> None:
        window = self.window()
        dialog = window.commands.open_settings()
        dialog.focus_missing_date()
