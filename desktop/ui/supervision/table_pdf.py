"""A TableDoc (desktop.reports.table_doc) painted to PDF: title and lines on page 1, the table
with its header row on every page (pages planned by desktop.ui.printing.layout.paginate), the
signature lines after the last row, "第 N 页 共 M 页" at the foot of each page.

    write_table_pdf(doc, path) -> number of pages
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from desktop.core.alerts import COLOUR_HEX
from desktop.reports.pdf_text import correct_text_map
from desktop.reports.table_doc import TableDoc
from desktop.ui.printing.fonts import font
from desktop.ui.printing.layout import paginate
from desktop.ui.printing.output import PDF_DPI, ensure_gui_app

WRAP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                | Qt.TextFlag.TextWordWrap)
CENTRE = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)


class TablePainter:
    def __init__(self, device, doc: TableDoc):
        self.device, self.doc = device, doc
        self.mm = device.logicalDpiY() / 25.4
        self.width, self.height = float(device.width()), float(device.height())
        self.fonts = {"title": font(17, True), "line": font(11), "head": font(10, True),
                      "body": font(9.5)}
        self.columns = [self.width * w / sum(doc.weights) for w in doc.weights]
        self.pad = 1.2 * self.mm
        self.body_h = self.height - 8 * self.mm
        self.header_h = self._row_height(doc.columns, "head")
        self.row_h = [self._row_height(r, "body") for r in doc.rows]
        self.intro_h = 14 * self.mm + sum(self._text_h(t, "line", self.width) + 2 * self.mm
                                          for t in doc.lines)
        self.pages = paginate(self.row_h, body_height=self.body_h, header_height=self.header_h,
                              first_body_height=self.body_h - self.intro_h,
                              signature_height=(10 * self.mm) * max(1, len(doc.signature)))

    def _text_h(self, text: str, key: str, width: float) -> float:
        metrics = QFontMetricsF(self.fonts[key], self.device)
        return metrics.boundingRect(QRectF(0, 0, width, 1e7), WRAP_LEFT, text).height()

    def _row_height(self, cells, key: str) -> float:
        return max(self._text_h(str(t), key, w - 2 * self.pad)
                   for t, w in zip(cells, self.columns)) + 2 * self.pad

    def paint(self) -> int:
        painter = QPainter(self.device)
        try:
            for n, page in enumerate(self.pages):
                if n:
                    self.device.newPage()
                y = self._intro(painter) if page.intro else 0.0
                if page.rows:
                    y = self._cells(painter, y, self.doc.columns, self.header_h, "head", "")
                for index in page.rows:
                    colour = self.doc.colours[index] if index < len(self.doc.colours) else ""
                    y = self._cells(painter, y, self.doc.rows[index], self.row_h[index], "body",
                                    colour)
                if page.signature:
                    self._signature(painter, y)
                self._footer(painter, n + 1)
        finally:
            painter.end()
        return len(self.pages)

    def _intro(self, painter: QPainter) -> float:
        painter.setFont(self.fonts["title"])
        painter.drawText(QRectF(0, 0, self.width, 12 * self.mm), CENTRE, self.doc.title)
        y = 14 * self.mm
        painter.setFont(self.fonts["line"])
        for text in self.doc.lines:
            h = self._text_h(text, "line", self.width)
            painter.drawText(QRectF(0, y, self.width, h), WRAP_LEFT, text)
            y += h + 2 * self.mm
        return y

    def _cells(self, painter, y: float, cells, height: float, key: str, colour: str) -> float:
        x = 0.0
        painter.setFont(self.fonts[key])
        painter.setPen(QPen(QColor("#000000"), max(1.0, self.mm * 0.2)))
        for n, (text, width) in enumerate(zip(cells, self.columns)):
            rect = QRectF(x, y, width, height)
            if colour and n == len(cells) - 1:
                painter.fillRect(rect, QColor(COLOUR_HEX[colour][1]))
            painter.drawRect(rect)
            inner = rect.adjusted(self.pad, self.pad, -self.pad, -self.pad)
            painter.drawText(inner, CENTRE if key == "head" else WRAP_LEFT, str(text))
            x += width
        return y + height

    def _signature(self, painter: QPainter, y: float) -> None:
        painter.setFont(self.fonts["line"])
        for n, text in enumerate(self.doc.signature):
            rect = QRectF(self.width * 0.55, y + (4 + 9 * n) * self.mm, self.width * 0.45,
                          8 * self.mm)
            painter.drawText(rect, WRAP_LEFT, text)

    def _footer(self, painter: QPainter, number: int) -> None:
        painter.setFont(self.fonts["body"])
        rect = QRectF(0, self.height - 7 * self.mm, self.width, 7 * self.mm)
        painter.drawText(rect, CENTRE, f"第 {number} 页 共 {len(self.pages)} 页")


def write_table_pdf(doc: TableDoc, path: str | Path) -> int:
    ensure_gui_app()
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(target))
    writer.setResolution(PDF_DPI)
    orientation = (QPageLayout.Orientation.Landscape if doc.landscape
                   else QPageLayout.Orientation.Portrait)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                     QMarginsF(14, 12, 14, 10), QPageLayout.Unit.Millimeter))
    writer.setTitle(doc.title)
    writer.setCreator("整改台账")
    pages = TablePainter(writer, doc).paint()
    del writer  # the file is complete and closed
    correct_text_map(target)  # searching and copying give 月, not the radical ⽉
    return pages
