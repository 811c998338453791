"""The monthly sheet painted page by page onto any QPagedPaintDevice (QPdfWriter, QPrinter).

    paint_sheet(device, sheet, with_charts=True) -> number of pages

Page 1: title, 填报单位 and 截至日期, the paragraph, the four charts. Then the table with its header
row on every page, the signature block after the last row, and "第 N 页 共 M 页" on every page.
Works in the device's own pixels, so it is the same code at 300 dpi (PDF) or a printer's 600.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPagedPaintDevice, QPainter, QPen

from desktop.core.alerts import COLOUR_HEX
from desktop.reports.charts import figure_rgba, monthly_figures
from desktop.reports.monthly import COLUMN_WEIGHTS, SIGNATURE_LABELS, MonthlySheet
from desktop.ui.printing.cell_text import CellText
from desktop.ui.printing.fonts import font
from desktop.ui.printing.layout import PagePlan, paginate

WRAP = int(Qt.TextFlag.TextWordWrap)
LEFT_TOP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | WRAP
LEFT_MIDDLE = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | WRAP
CENTRE = int(Qt.AlignmentFlag.AlignCenter) | WRAP
CENTRED_COLUMNS = {0, 2, 6}
MIN_CHART_MM = 60
BODY_POINTS, HEAD_POINTS = 8.0, 8.5  # 8 pt: the size of dense printed government tables


def _round_starts(sheet: MonthlySheet) -> set[int]:
    """Rows that open a round, when the sheet holds more than one round."""
    rounds = [r.round for r in sheet.rows]
    if len(set(rounds)) < 2:
        return set()
    return {i for i, name in enumerate(rounds) if i == 0 or rounds[i - 1] != name}


class SheetPainter:
    def __init__(self, device: QPagedPaintDevice, sheet: MonthlySheet, with_charts: bool = True):
        self.device, self.sheet = device, sheet
        self.mm = device.logicalDpiY() / 25.4
        self.width, self.height = float(device.width()), float(device.height())
        self.fonts = {"title": font(18, True), "info": font(10.5), "para": font(11),
                      "head": font(HEAD_POINTS, True), "body": font(BODY_POINTS),
                      "foot": font(8)}
        self.cell_text = {key: CellText(device, self.fonts[key]) for key in ("head", "body")}
        total = sum(COLUMN_WEIGHTS)
        self.columns = [self.width * w / total for w in COLUMN_WEIGHTS]
        self.pad_x, self.pad_y = 0.7 * self.mm, 0.6 * self.mm
        self.footer_h = 6 * self.mm
        self.body_h = self.height - self.footer_h
        self.header_h = self._cells_height(sheet.columns, "head")
        self.row_h = [self._cells_height(r.cells(), "body") for r in sheet.rows]
        # With more than one round, each round opens under a heading band carried by its first row.
        self.round_heading_h = self._cells_height(["批次"], "head") + self.pad_y
        self.round_starts = _round_starts(sheet)
        for index in self.round_starts:
            self.row_h[index] += self.round_heading_h
        self.notes = "\n".join(sheet.notes)
        self.notes_h = (self._text_height(self.notes, "foot", self.width) + 2 * self.mm
                        if self.notes else 0.0)
        self.signature_h = self.notes_h + 12 * self.mm
        self.intro_h = self._intro_height()
        chart_room = self.body_h - self.intro_h
        self.with_charts = with_charts and chart_room >= MIN_CHART_MM * self.mm
        first = 0.0 if self.with_charts else chart_room
        self.pages = paginate(self.row_h, body_height=self.body_h, header_height=self.header_h,
                              first_body_height=first, signature_height=self.signature_h)

    def _metrics(self, key: str) -> QFontMetricsF:
        return QFontMetricsF(self.fonts[key], self.device)

    def _text_height(self, text: str, key: str, width: float) -> float:
        rect = self._metrics(key).boundingRect(QRectF(0, 0, width, 1e7), LEFT_TOP, text)
        return rect.height()

    def _cells_height(self, cells, key: str) -> float:
        cell_text = self.cell_text[key]
        lines = max(cell_text.lines(t, w - 2 * self.pad_x, self._centred(n, key))
                    for n, (t, w) in enumerate(zip(cells, self.columns)))
        return cell_text.height(lines) + 2 * self.pad_y

    @staticmethod
    def _centred(column: int, key: str) -> bool:
        return column in CENTRED_COLUMNS or key == "head"

    def _intro_height(self) -> float:
        title = self._metrics("title").height() * 1.6
        info = self._metrics("info").height() * 1.6
        para = self._text_height(self._paragraph(), "para", self.width) + 3 * self.mm
        return title + info + para

    def _paragraph(self) -> str:
        return "\u3000\u3000" + self.sheet.paragraph

    def paint(self, painter: QPainter) -> int:
        for page in self.pages:
            if page.number > 1:
                self.device.newPage()
            y = self._paint_intro(painter) if page.intro else 0.0
            if page.intro and self.with_charts:
                self._paint_charts(painter, y)
            if page.has_table:
                y = self._paint_table(painter, page, y)
            if page.signature:
                self._paint_signature(painter, y + 2 * self.mm)
            self._paint_footer(painter, page)
        return len(self.pages)

    def _paint_intro(self, painter: QPainter) -> float:
        sheet = self.sheet
        painter.setFont(self.fonts["title"])
        title_h = self._metrics("title").height() * 1.6
        painter.drawText(QRectF(0, 0, self.width, title_h), CENTRE, sheet.title)
        painter.setFont(self.fonts["info"])
        info_h = self._metrics("info").height() * 1.6
        line = QRectF(0, title_h, self.width, info_h)
        painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         f"填报单位（盖章）：{sheet.unit}")
        day = sheet.as_of
        painter.drawText(line, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         f"截至日期：{day.year}年{day.month}月{day.day}日")
        painter.setFont(self.fonts["para"])
        top = title_h + info_h
        para_h = self._text_height(self._paragraph(), "para", self.width)
        painter.drawText(QRectF(0, top, self.width, para_h), LEFT_TOP, self._paragraph())
        return self.intro_h

    def _paint_charts(self, painter: QPainter, top: float) -> None:
        gap = 3 * self.mm
        cell_w = (self.width - gap) / 2
        cell_h = (self.body_h - top - gap) / 2
        dpi = self.device.logicalDpiX()
        size = (cell_w / dpi, cell_h / dpi)
        for n, figure in enumerate(monthly_figures(self.sheet, size=size)):
            pixels, w, h = figure_rgba(figure, dpi=200)
            image = QImage(pixels, w, h, 4 * w, QImage.Format.Format_RGBA8888).convertToFormat(
                QImage.Format.Format_RGB888)  # opaque: no soft mask in the PDF
            x = (n % 2) * (cell_w + gap)
            y = top + (n // 2) * (cell_h + gap)
            painter.drawImage(QRectF(x, y, cell_w, cell_h), image)

    def _paint_row(self, painter: QPainter, y: float, height: float, cells, key: str,
                   fill: QColor | None = None, last_fill: QColor | None = None) -> None:
        painter.setFont(self.fonts[key])
        x = 0.0
        for n, (text, width) in enumerate(zip(cells, self.columns)):
            rect = QRectF(x, y, width, height)
            colour = last_fill if n == len(cells) - 1 and last_fill else fill
            if colour is not None:
                painter.fillRect(rect, colour)
            painter.drawRect(rect)
            inner = rect.adjusted(self.pad_x, self.pad_y, -self.pad_x, -self.pad_y)
            self.cell_text[key].draw(painter, inner, text, width=width - 2 * self.pad_x,
                                     centred=self._centred(n, key))
            x += width

    def _paint_table(self, painter: QPainter, page: PagePlan, y: float) -> float:
        painter.setPen(QPen(QColor("black"), max(1.0, 0.2 * self.mm)))
        self._paint_row(painter, y, self.header_h, self.sheet.columns, "head",
                        fill=QColor("#d9d9d9"))
        y += self.header_h
        limit = self.body_h - self.header_h
        for index in page.rows:
            row = self.sheet.rows[index]
            height = min(self.row_h[index], limit)
            shade = row.assessment.colour
            fill = QColor(COLOUR_HEX[shade][1]) if shade in COLOUR_HEX and shade else None
            if index in self.round_starts:
                band = QRectF(0, y, sum(self.columns), self.round_heading_h)
                painter.fillRect(band, QColor("#e8eef6"))
                painter.drawRect(band)
                painter.setFont(self.fonts["head"])
                painter.drawText(band.adjusted(self.pad_x, 0, 0, 0), LEFT_MIDDLE, row.round)
                y, height = y + self.round_heading_h, height - self.round_heading_h
            self._paint_row(painter, y, height, row.cells(), "body", last_fill=fill)
            y += height
        return y

    def _paint_signature(self, painter: QPainter, y: float) -> None:
        if self.notes:
            painter.setFont(self.fonts["foot"])
            painter.drawText(QRectF(0, y, self.width, self.notes_h), LEFT_TOP, self.notes)
            y += self.notes_h
        painter.setFont(self.fonts["info"])
        sig = self.sheet.signature
        parts = [f"{label}：{sig.get(key, '') or '　' * 4}" for key, label in SIGNATURE_LABELS]
        weights = (3, 2, 2, 2.4, 2.4)
        x = 0.0
        for text, w in zip(parts, weights):
            width = self.width * w / sum(weights)
            painter.drawText(QRectF(x, y, width, 8 * self.mm),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | WRAP,
                             text)
            x += width

    def _paint_footer(self, painter: QPainter, page: PagePlan) -> None:
        painter.setFont(self.fonts["foot"])
        rect = QRectF(0, self.height - self.footer_h, self.width, self.footer_h)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                         f"第 {page.number} 页 共 {len(self.pages)} 页")


def paint_sheet(device: QPagedPaintDevice, sheet: MonthlySheet, with_charts: bool = True) -> int:
    layout = SheetPainter(device, sheet, with_charts)
    painter = QPainter(device)
    try:
        return layout.paint(painter)
    finally:
        painter.end()
