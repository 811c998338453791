"""Printing the monthly sheet: one painter for the PDF and the printer.

    write_pdf(sheet, path, page_size="A4" | "A3", with_charts=True) -> number of pages
    print_preview(parent, sheet, page_size="A4") -> bool   # Qt print preview; True if printed
    preview_dialog(parent, sheet, page_size="A4") -> QPrintPreviewDialog (not shown)
    paint_sheet(device, sheet, with_charts=True) -> number of pages

Pages are landscape, header row repeated, "第 N 页 共 M 页" at the foot of each.
"""

from desktop.ui.printing.output import page_layout, preview_dialog, print_preview, write_pdf
from desktop.ui.printing.painter import paint_sheet

__all__ = ["page_layout", "paint_sheet", "preview_dialog", "print_preview", "write_pdf"]
