"""The result of an import: how many created, updated, unchanged, skipped; save the failed rows."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ledger.importing.result import ImportResult
from desktop.ui.widgets import Card


class ResultPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.headline = QLabel(objectName="viewTitle")
        self.cards = {key: Card(label, color) for key, label, color in (
            ("created", "新增", "#2e7d32"), ("updated", "更新", "#1565c0"),
            ("unchanged", "未变", "#5b6573"), ("skipped", "跳过的行", "#b26a00"))}
        self.details = QPlainTextEdit(objectName="resultDetails", readOnly=True)
        self.save_failed = QPushButton("保存未导入的行…", objectName="saveFailedRows")
        self.hint = QLabel("如需撤销这次导入，请用“编辑 → 撤销”（Ctrl+Z）：整次导入作为一步撤销。",
                           objectName="hint")
        cards = QHBoxLayout()
        for card in self.cards.values():
            cards.addWidget(card)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addLayout(cards)
        layout.addWidget(self.details, 1)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.save_failed)
        layout.addLayout(row)

    def load(self, result: ImportResult) -> None:
        what = "问题" if result.kind == "problems" else "信访件"
        if result.committed:
            self.headline.setText(f"导入完成：{result.file}")
        else:
            self.headline.setText(f"未导入：{result.file}（台账未改变）")
        prefix = "problems" if result.kind == "problems" else "petitions"
        for key in ("created", "updated", "unchanged"):
            self.cards[key].set_value(getattr(result, f"{prefix}_{key}"))
            self.cards[key].caption.setText(f"{what}{self.cards[key].caption.text()[-2:]}")
        self.cards["skipped"].set_value(len(result.skipped_rows))
        self.details.setPlainText("\n".join(result.summary_lines()))
        self.save_failed.setVisible(bool(result.skipped_rows))
        self.hint.setVisible(result.committed)
