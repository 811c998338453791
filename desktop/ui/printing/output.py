"""Where the painted sheet goes: a PDF file (QPdfWriter) or a printer through a print preview."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QWidget

from desktop.reports.monthly import MonthlySheet
from desktop.reports.pdf_text import correct_text_map
from desktop.ui.printing.painter import paint_sheet

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}
PDF_DPI = 300


def page_layout(page_size: str = "A4") -> QPageLayout:
    if page_size not in PAGE_SIZES:
        raise ValueError(f"纸张“{page_size}”不支持，请选 A4 或 A3。")
    return QPageLayout(QPageSize(PAGE_SIZES[page_size]), QPageLayout.Orientation.Landscape,
                       QMarginsF(12, 10, 12, 8), QPageLayout.Unit.Millimeter)


def ensure_gui_app() -> QGuiApplication:
    """Painting text needs a QGuiApplication; a QApplication is made so that the window and the
    print preview can follow in the same process. Without a display: the offscreen platform."""
    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (
                os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([sys.argv[0] if sys.argv else "desktop"])
    return app


def write_pdf(sheet: MonthlySheet, path: str | Path, page_size: str = "A4",
              with_charts: bool = True) -> int:
    ensure_gui_app()
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(target))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(page_size))
    writer.setTitle(sheet.title)
    writer.setCreator("整改台账")
    pages = paint_sheet(writer, sheet, with_charts)
    del writer  # the file is complete and closed
    correct_text_map(target)  # searching and copying give 月, not the radical ⽉
    return pages


def preview_dialog(parent: QWidget | None, sheet: MonthlySheet,
                   page_size: str = "A4") -> QPrintPreviewDialog:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(page_size))
    printer.setDocName(sheet.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"打印预览 — {sheet.title}")
    dialog.paintRequested.connect(lambda device: _paint_for_preview(device, sheet))
    dialog._printer = printer  # keep the printer alive as long as the dialog
    return dialog


def _paint_for_preview(printer: QPrinter, sheet: MonthlySheet) -> None:
    """The preview's pages; printed to a PDF file ("Microsoft Print to PDF" aside, Qt's own PDF
    printer), the file's text map is corrected like write_pdf's once painting has closed it."""
    paint_sheet(printer, sheet)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        correct_text_map(Path(printer.outputFileName()))


def print_preview(parent: QWidget | None, sheet: MonthlySheet, page_size: str = "A4") -> bool:
    """Show the print preview (modal); True when the clerk printed."""
    if QApplication.instance() is None:
        raise RuntimeError("print_preview needs the window's QApplication")
    dialog = preview_dialog(parent, sheet, page_size)
    return dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted
