"""编辑信访件: a petition's verification (核实情况), handling result (办理结果) and status, with
its district and responsible units; one 保存 button, one undoable step."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from db.queries import PETITION_STATUS_LABELS, VERIFIED_LABELS
from db.records import rows
from desktop.core.units import split_units
from desktop.ui.operations.petition_ops import save_petition
from desktop.ui.tasks import Op
from desktop.ui.widgets import lay_out_form


def _combo(name: str, labels: dict[str, str], empty: str | None = None) -> QComboBox:
    combo = QComboBox(objectName=name)
    if empty is not None:
        combo.addItem(empty, None)
    for key, label in labels.items():
        combo.addItem(label, key)
    return combo


class PetitionDialog(QDialog):
    def __init__(self, window, petition_id: int):
        super().__init__(window)
        self.window_, self.petition_id = window, petition_id
        self.setObjectName("petitionDialog")
        self.resize(720, 560)
        found = rows(window.session.db, "SELECT * FROM petitions WHERE id = ?", [petition_id])
        self.original = found[0]
        self.setWindowTitle(f"信访件 {self.original['code']} — 整改台账")
        self.content = QLabel(self.original.get("content") or "", wordWrap=True,
                              objectName="petitionContent")
        self.verified = _combo("petitionVerified", VERIFIED_LABELS, "（未核实）")
        self.status = _combo("petitionStatusEdit", PETITION_STATUS_LABELS)
        self.result = QPlainTextEdit(objectName="petitionResult")
        self.district = QLineEdit(objectName="petitionDistrict")
        self.units = QLineEdit(objectName="petitionUnits")
        self.error = QLabel(objectName="error", wordWrap=True)
        self.save_button = QPushButton("保存", objectName="savePetition")
        self.close_button = QPushButton("关闭", objectName="closePetition")
        self._load()
        self._layout()
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)

    def _load(self) -> None:
        p = self.original
        self.verified.setCurrentIndex(max(self.verified.findData(p.get("verified")), 0))
        self.status.setCurrentIndex(max(self.status.findData(p.get("status")), 0))
        self.result.setPlainText(p.get("result") or "")
        self.district.setText(p.get("district") or "")
        self.units.setText("、".join(p.get("responsible_units") or []))

    def _layout(self) -> None:
        lay_out_form(self, [("编号", QLabel(self.original["code"])),
                            ("交办日期", QLabel(self.original.get("received_on") or "")),
                            ("信访内容", self.content), ("行政区域", self.district),
                            ("责任单位", self.units), ("核实情况", self.verified),
                            ("办理结果", self.result), ("办理状态", self.status)],
                     self.error, [self.save_button, self.close_button])

    def changes(self) -> dict:
        now = {"verified": self.verified.currentData(), "status": self.status.currentData(),
               "result": self.result.toPlainText().strip(),
               "district": self.district.text().strip(),
               "responsible_units": split_units(self.units.text())}
        return {k: v for k, v in now.items() if v != self.original.get(k)}

    def save(self) -> None:
        changes = self.changes()
        if not changes:
            self.accept()
            return
        self.save_button.setEnabled(False)
        self.window_.run(Op("保存信访件", save_petition(self.petition_id, self.original["code"],
                                                      changes),
                            success=lambda _c: self.accept(), failure=self._failed))

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(f"未能保存：{error}")
