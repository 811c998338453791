"""Printing the 挂图作战 pages: A3 landscape, each page's matplotlib figure drawn as an image
filling the printable area (print preview first, as for the monthly sheet)."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

PRINT_DPI = 200


def a3_landscape() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A3), QPageLayout.Orientation.Landscape,
                       QMarginsF(6, 6, 6, 6), QPageLayout.Unit.Millimeter)


def figure_image(figure, dpi: int = PRINT_DPI) -> QImage:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    figure.set_dpi(dpi)
    canvas.draw()
    width, height = canvas.get_width_height()
    data = bytes(canvas.buffer_rgba())
    return QImage(data, width, height, QImage.Format.Format_RGBA8888).copy()


def paint_pages(device, figures: list) -> int:
    """Each figure on a page of its own, scaled to the page and centred; returns the pages."""
    painter = QPainter(device)
    try:
        for n, figure in enumerate(figures):
            if n:
                device.newPage()
            image = figure_image(figure)
            page = QRectF(device.pageLayout().paintRectPixels(device.resolution()))
            page.moveTo(0, 0)
            scale = min(page.width() / image.width(), page.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF((page.width() - w) / 2, (page.height() - h) / 2, w, h), image)
    finally:
        painter.end()
    return len(figures)


def preview_dialog(parent: QWidget | None, figures: list, title: str) -> QPrintPreviewDialog:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(a3_landscape())
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"打印预览 — {title}")
    dialog.paintRequested.connect(lambda device: paint_pages(device, figures))
    dialog._printer = printer  # keep the printer alive as long as the dialog
    return dialog


def print_preview(parent: QWidget | None, figures: list, title: str) -> bool:
    """The print preview (modal), A3 landscape; True when the clerk printed. Tests patch this."""
    return preview_dialog(parent, figures, title).exec() == QPrintPreviewDialog.DialogCode.Accepted
