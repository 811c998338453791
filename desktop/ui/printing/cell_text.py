"""Text in table cells at a fixed, print-like line spacing (1.25 × the point size).

    CellText(device, font) .lines(text, width, centred=False) -> number of lines
                           .height(lines) -> device pixels
                           .draw(painter, rect, text, centred=False, middle=True, width=None)

Qt's own line height follows the font's design (Noto Sans CJK: 1.45 × the size, Microsoft YaHei:
1.32), which spends a third of a dense table on air and differs from one laptop's font to
another's. Lines are laid out with QTextLayout and set at 1.25 × the point size, as word
processors set "single" spacing for Chinese text, so the sheet has the same rows everywhere.
A text is laid out once per width (cells repeat: statuses, units) and drawn from that layout.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QPagedPaintDevice, QPainter, QTextLayout, QTextOption

LINE_SPACING = 1.25


class CellText:
    def __init__(self, device: QPagedPaintDevice, font: QFont):
        self.device, self.font = device, font
        self.step = font.pointSizeF() * LINE_SPACING * device.logicalDpiY() / 72
        self.option = QTextOption()
        self.option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._laid: dict[tuple[str, float, bool], QTextLayout] = {}  # measured once, drawn

    def _layout(self, text: str, width: float, centred: bool) -> QTextLayout:
        key = (text, width, centred)
        if key not in self._laid:
            self._laid[key] = self._new_layout(text, width, centred)
        return self._laid[key]

    def _new_layout(self, text: str, width: float, centred: bool) -> QTextLayout:
        """Laid out and its lines placed once, relative to the text block's top left corner."""
        layout = QTextLayout(text.replace("\n", "\u2028"), self.font, self.device)
        layout.setTextOption(self.option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
        layout.endLayout()
        em = self.font.pointSizeF() * self.device.logicalDpiY() / 72
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            x = (width - line.naturalTextWidth()) / 2 if centred else 0.0
            # the ideographs' box (0.88 em above the baseline, 0.12 below) centred in the step
            baseline = n * self.step + (self.step + 0.76 * em) / 2
            line.setPosition(QPointF(x, baseline - line.ascent()))
        return layout

    def lines(self, text: str, width: float, centred: bool = False) -> int:
        return max(1, self._layout(text, width, centred).lineCount()) if text else 1

    def height(self, lines: int) -> float:
        return lines * self.step

    def draw(self, painter: QPainter, rect: QRectF, text: str, centred: bool = False,
             middle: bool = True, width: float | None = None) -> None:
        """`width`: the width the text was measured at (rect's may differ in the last bit)."""
        if not text:
            return
        layout = self._layout(text, rect.width() if width is None else width, centred)
        block = layout.lineCount() * self.step
        top = rect.top() + (max(0.0, rect.height() - block) / 2 if middle else 0.0)
        if block <= rect.height() + 0.5:
            layout.draw(painter, QPointF(rect.left(), top))
            return
        painter.save()  # taller than a page: clipped to its cell
        painter.setClipRect(rect)
        layout.draw(painter, QPointF(rect.left(), top))
        painter.restore()
