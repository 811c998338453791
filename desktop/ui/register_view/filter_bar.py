"""The register's filters: round, unit, status, category, deadline bucket and a debounced search."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLineEdit, QPushButton, QWidget

from db.queries import BUCKET_LABELS, FILTER_BUCKETS, ProblemFilter
from desktop.core.closure import STAGE_LABELS, STAGES
from desktop.core.status import STATUS_CODES, STATUS_LABELS

DEBOUNCE_MS = 250
ALL_UNITS = "全部单位"


def _combo(name: str, width: int) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setMinimumWidth(width)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def _refill(combo: QComboBox, first: str, items: list[tuple[str, object]]) -> None:
    """Replace the items, keeping the current choice when it is still offered."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(first, None)
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


class FilterBar(QWidget):
    changed = Signal(object)  # ProblemFilter

    def __init__(self, parent=None):
        super().__init__(parent)
        self.round = _combo("round", 150)
        self.unit = _combo("unit", 190)
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.unit.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.status = _combo("status", 130)
        _refill(self.status, "全部状态", [("未完成", "open")]
                + [(STATUS_LABELS[c], c) for c in STATUS_CODES])
        self.category = _combo("category", 150)
        self.bucket = _combo("bucket", 110)
        _refill(self.bucket, "全部时限", [(BUCKET_LABELS[b], b) for b in FILTER_BUCKETS])
        self.stage = _combo("stage", 110)
        _refill(self.stage, "全部销号阶段", [(STAGE_LABELS[s], s) for s in STAGES])
        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText("查找编号、问题、单位、进展（Ctrl+F）")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.clear = QPushButton("清除筛选", objectName="clearFilters")
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self._layout()
        for combo in (self.round, self.status, self.category, self.bucket, self.stage):
            combo.currentIndexChanged.connect(self._emit)
        self.unit.activated.connect(self._emit)
        self.unit.lineEdit().editingFinished.connect(self._emit)
        self.search.textChanged.connect(lambda _: self._timer.start())
        self.clear.clicked.connect(self.reset)

    def _layout(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.round, self.unit, self.status, self.category, self.bucket, self.stage):
            row.addWidget(widget)
        row.addWidget(self.search, 1)
        row.addWidget(self.clear)

    def set_choices(self, choices: dict) -> None:
        _refill(self.round, "全部批次", [(name, rid) for rid, name in choices["rounds"]])
        _refill(self.unit, ALL_UNITS, [(u, u) for u in choices["units"]])
        _refill(self.category, "全部类别", [(c, c) for c in choices["categories"]])

    def current(self) -> ProblemFilter:
        unit_text = self.unit.currentText().strip()
        return ProblemFilter(
            round_id=self.round.currentData(), unit="" if unit_text == ALL_UNITS else unit_text,
            status=self.status.currentData() or "", category=self.category.currentData() or "",
            bucket=self.bucket.currentData() or "", search=self.search.text().strip(),
            stage=self.stage.currentData())

    def flush(self) -> None:
        """Apply a pending search at once (Enter in the search box, tests)."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit()

    def reset(self) -> None:
        for combo in (self.round, self.unit, self.status, self.category, self.bucket, self.stage):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._emit()

    def _emit(self, *_args) -> None:
        self.changed.emit(self.current())
