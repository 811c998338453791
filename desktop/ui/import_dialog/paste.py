"""Pasting a plan's text (整改方案、工作要点) to import it: the text is kept as a file in the data
folder and read like any other, so the preview, mapping, undo and provenance work as for a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import data_dir

HINT = ("把整改方案或工作要点的正文粘贴到下面。每一项以“一、”“（一）”“1.”“（1）”编号，"
        "并写明“牵头单位：……”“责任单位：……”“完成时限：……”；编号下面的各项作为整改措施。")


def save_pasted(text: str) -> Path:
    """The pasted text as a .txt under the data folder's 粘贴的方案, named by the time."""
    folder = data_dir() / "粘贴的方案"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"粘贴的方案-{dt.datetime.now():%Y%m%d-%H%M%S}.txt"
    n = 1
    while path.exists():
        n += 1
        path = path.with_name(f"粘贴的方案-{dt.datetime.now():%Y%m%d-%H%M%S}-{n}.txt")
    path.write_text(text, encoding="utf-8")
    return path


class PasteDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pastePlanDialog")
        self.setWindowTitle("粘贴整改方案正文")
        self.resize(760, 560)
        self.text = QPlainTextEdit(objectName="pastedPlan")
        self.text.setPlaceholderText("一、……\n1.……\n牵头单位：……\n责任单位：……\n完成时限：……")
        self.error = QLabel(objectName="error", wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.read_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.read_button.setText("读取")
        self.read_button.setObjectName("readPastedPlan")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(HINT, wordWrap=True))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if not self.text.toPlainText().strip():
            self.error.setText("请先粘贴方案的正文。")
            return
        self.accept()


def ask_pasted_plan(parent: QWidget | None) -> Path | None:
    """Ask for pasted text; the file it was saved as, or None when cancelled. Tests patch this."""
    dialog = PasteDialog(parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return save_pasted(dialog.text.toPlainText())
    finally:
        dialog.deleteLater()
