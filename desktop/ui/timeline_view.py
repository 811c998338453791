"""挂图作战 (the timeline wall chart): every problem and its measures as bars from the round's
feedback date to their deadlines, filled to the reported progress, coloured by warning, with a
today line; grouped by lead unit or by round, by month or by quarter; printed A3 landscape or
saved as PDF. The chart is desktop.reports' figure, built off the UI thread."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from desktop.ui import prompts
from desktop.ui.changes import Changes
from desktop.ui.lazy_view import LazyView
from desktop.ui.tasks import Op, Progress

GROUPS = (("unit", "按牵头单位"), ("round", "按督察批次"))
ZOOMS = (("month", "按月"), ("quarter", "按季度"))


@dataclass
class Chart:
    timeline: object       # desktop.reports.timeline.Timeline
    figure: object         # matplotlib Figure


def build_chart(group_by: str, zoom: str, measures: bool):
    def work(db: Database, _progress: Progress) -> Chart:
        from desktop.reports.timeline import build_timeline
        from desktop.reports.timeline_chart import timeline_figure

        timeline = build_timeline(db, group_by=group_by, measures=measures)
        return Chart(timeline, timeline_figure(timeline, zoom, measures))
    return work


def write_pdf(timeline, out: str, zoom: str, measures: bool):
    def work(_db: Database, _progress: Progress) -> Changes:
        from desktop.reports.timeline_pages import write_timeline_pdf

        pages = write_timeline_pdf(timeline, out, zoom, measures)
        return Changes(message=f"已导出挂图作战图 PDF（A3 横向，{pages} 页）：{out}")
    return work


class TimelineView(LazyView, QWidget):
    def __init__(self, db: Database, run, parent=None):
        super().__init__(parent)
        self.db, self.run, self.dirty, self.chart = db, run, True, None
        self.group = QComboBox(objectName="timelineGroup")
        self.zoom = QComboBox(objectName="timelineZoom")
        for combo, items in ((self.group, GROUPS), (self.zoom, ZOOMS)):
            for key, text in items:
                combo.addItem(text, key)
            combo.activated.connect(lambda _i: self.refresh_now())
        self.measures = QCheckBox("显示整改措施", objectName="timelineMeasures", checked=True)
        self.measures.toggled.connect(lambda _on: self.refresh_now())
        self.buttons = {key: QPushButton(text, objectName=key) for key, text in (
            ("timelinePrint", "打印（A3）…"), ("timelinePdf", "导出 PDF…"))}
        self.buttons["timelinePrint"].clicked.connect(self.print_chart)
        self.buttons["timelinePdf"].clicked.connect(self.export_pdf)
        self.hint = QLabel(objectName="hint")
        self.scroll = QScrollArea(objectName="timelineScroll")
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.canvas = None
        self._layout()

    def _layout(self) -> None:
        head = QHBoxLayout()
        head.addWidget(QLabel("挂图作战", objectName="viewTitle"))
        head.addSpacing(16)
        for label, widget in (("分组：", self.group), ("刻度：", self.zoom)):
            head.addWidget(QLabel(label))
            head.addWidget(widget)
        head.addWidget(self.measures)
        head.addStretch(1)
        head.addWidget(self.hint)
        for button in self.buttons.values():
            head.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(head)
        layout.addWidget(self.scroll, 1)

    def forget(self) -> None:
        self.chart = None

    def choices(self) -> tuple[str, str, bool]:
        return self.group.currentData(), self.zoom.currentData(), self.measures.isChecked()

    def refresh_now(self) -> None:
        self.dirty = False
        self.hint.setText("正在绘制……")
        self.run(Op("正在绘制挂图作战图", build_chart(*self.choices()), success=self._show,
                    long=True))

    def _show(self, chart: Chart) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        self.chart = chart
        canvas = FigureCanvasQTAgg(chart.figure)
        width, height = chart.figure.get_size_inches() * chart.figure.dpi
        canvas.setFixedSize(int(width), int(height))
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(canvas)
        self.canvas = canvas
        bars = chart.timeline.bars
        problems = sum(not b.is_measure for b in bars)
        self.hint.setText(f"{problems} 个问题、{len(bars) - problems} 条措施")

    def export_pdf(self) -> None:
        if self.chart is None:
            return
        out = prompts.save_file(self, "导出挂图作战图", "挂图作战图.pdf", "PDF 文件 (*.pdf)")
        if out:
            _, zoom, measures = self.choices()
            self.run(Op("正在导出挂图作战图", write_pdf(self.chart.timeline, out, zoom, measures),
                        long=True))

    def print_chart(self) -> None:
        if self.chart is None:
            return
        from desktop.reports.timeline_pages import timeline_pages
        from desktop.ui import timeline_print

        _, zoom, measures = self.choices()
        pages = timeline_pages(self.chart.timeline, zoom, measures)
        timeline_print.print_preview(self, pages, self.chart.timeline.title)
