"""The printed monthly sheet: pagination, the PDF, the print preview, 3,000 problems."""

import datetime as dt
import re
import shutil
import subprocess

import pytest

from db.demo import build_demo
from desktop.reports.monthly import build_monthly
from desktop.ui.printing import page_layout, preview_dialog, write_pdf
from desktop.ui.printing.layout import paginate
from desktop.ui.printing.painter import SheetPainter
from tests.reports.big_register import build_big_register

AS_OF = dt.date(2024, 11, 20)


def test_paginate_repeats_header_and_keeps_every_row_once():
    heights = [10, 30, 25, 80, 5, 5, 60, 40]
    pages = paginate(heights, body_height=100, header_height=8, first_body_height=0,
                     signature_height=15)
    assert pages[0].intro and not pages[0].rows
    rows = [i for p in pages for i in p.rows]
    assert rows == list(range(len(heights)))
    for page in pages:
        used = sum(min(heights[i], 92) for i in page.rows) + (8 if page.rows else 0)
        assert used <= 100
    assert pages[-1].signature and sum(p.signature for p in pages) == 1


def test_a_row_taller_than_a_page_is_clipped_not_looping():
    pages = paginate([500, 10], body_height=100, header_height=10, first_body_height=50,
                     signature_height=10)
    assert [p.rows for p in pages] == [[], [0], [1]]


def test_table_starts_under_the_paragraph_without_charts():
    pages = paginate([10] * 3, body_height=100, header_height=10, first_body_height=60,
                     signature_height=10)
    assert pages[0].rows == [0, 1, 2] and len(pages) == 1


@pytest.fixture
def demo_sheet(register):
    build_demo(register, as_of=AS_OF)
    return build_monthly(register, "2024-11", as_of=AS_OF)


def _footers(pdf) -> list[tuple[int, int]]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True).stdout
    return [(int(a), int(b)) for a, b in re.findall(r"第\s*(\d+)\s*\S\s*共\s*(\d+)", text)]


def test_pdf_has_a_footer_on_every_page(demo_sheet, tmp_path):
    pdf = tmp_path / "月报 十一月.pdf"
    pages = write_pdf(demo_sheet, pdf)
    assert pages >= 3 and pdf.read_bytes().startswith(b"%PDF")
    assert _footers(pdf) == [(n, pages) for n in range(1, pages + 1)]


def _pdf_text(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def _page_letters(pdf) -> list[str]:
    """Each page's letters in sorted order: the same contents whatever the text extraction's
    line order (the preview paints at the printer's resolution, the PDF at 300 dpi)."""
    pages = _pdf_text(pdf).split("\f")
    return ["".join(sorted(re.sub(r"\s+", "", page))) for page in pages if page.strip()]


def test_pdf_footers_are_read_with_pdftotext():
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed by the printing tests"


def test_print_preview_paints_the_same_pages(qtbot, demo_sheet, tmp_path):
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

    pdf = tmp_path / "月报.pdf"
    pages = write_pdf(demo_sheet, pdf, page_size="A3")
    dialog = preview_dialog(None, demo_sheet, page_size="A3")
    qtbot.addWidget(dialog)
    painted = []
    dialog.paintRequested.connect(lambda printer: painted.append(printer.pageLayout()))
    dialog.show()
    qtbot.waitUntil(lambda: bool(painted), timeout=10000)
    layout = painted[0]
    assert layout.orientation() == page_layout("A3").orientation()
    assert layout.pageSize().id() == page_layout("A3").pageSize().id()
    widget = dialog.findChild(QPrintPreviewWidget)
    assert widget.pageCount() == pages
    printed = tmp_path / "预览打印.pdf"
    dialog._printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog._printer.setOutputFileName(str(printed))
    widget.print_()  # what the preview shows, sent to a PDF "printer"
    assert _page_letters(printed) == _page_letters(pdf)
    assert "整改进展情况表" in _pdf_text(printed)
    dialog.close()


def test_bad_paper_is_refused():
    with pytest.raises(ValueError, match="A4 或 A3"):
        page_layout("B5")


def test_three_thousand_problems_print_cleanly(register, tmp_path, qapp):
    build_big_register(register, 3000)
    sheet = build_monthly(register, "2024-05")
    pdf = tmp_path / "big.pdf"
    pages = write_pdf(sheet, pdf, page_size="A3")
    from PySide6.QtGui import QPdfWriter

    writer = QPdfWriter(str(tmp_path / "plan.pdf"))
    writer.setResolution(300)
    writer.setPageLayout(page_layout("A3"))
    plan = SheetPainter(writer, sheet)
    assert len(plan.pages) == pages
    assert [i for p in plan.pages for i in p.rows] == list(range(3000))
    for page in plan.pages:
        used = plan.header_h * page.has_table + sum(plan.row_h[i] for i in page.rows)
        assert used <= plan.body_h + 1
    assert all(h < plan.body_h - plan.header_h for h in plan.row_h)  # nothing clipped
    footers = _footers(pdf)
    assert len(footers) == pages and footers[-1] == (pages, pages)
