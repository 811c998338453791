"""The printed monthly sheet as a clerk reads it: searchable text, dense pages, the signature with
the last rows, 3,000 problems in fewer pages than LibreOffice prints the raw ledger."""

import datetime as dt
import shutil
import subprocess

import pikepdf
import pytest

from db.demo import build_demo
from desktop.ledger.importing.importer import import_file
from desktop.reports.monthly import build_monthly
from desktop.reports.pdf_text import parse_cmap
from desktop.ui.printing import page_layout, write_pdf
from desktop.ui.printing.layout import paginate
from desktop.ui.printing.painter import BODY_POINTS, SheetPainter
from tests.bench.import_bench import build_ledger
from tests.reports.big_register import build_big_register

AS_OF = dt.date(2024, 11, 20)
WRITTEN = "长江岸线见缝插绿整治"  # 长 and 见 share their glyphs with radicals
RADICALS = range(0x2E80, 0x2FE0)
LIBREOFFICE_A4_PAGES = 196  # LibreOffice's print of the raw 3,000-problem ledger, halved


@pytest.fixture
def demo_sheet(register):
    build_demo(register, as_of=AS_OF)
    register.execute("UPDATE problems SET title = ? WHERE id = 1", [WRITTEN])
    return build_monthly(register, "2024-11", as_of=AS_OF)


def _text_maps(pdf) -> str:
    with pikepdf.open(pdf) as doc:
        return "".join("".join(parse_cmap(obj.ToUnicode.read_bytes().decode("latin-1")).values())
                       for obj in doc.objects
                       if isinstance(obj, pikepdf.Dictionary) and "/ToUnicode" in obj)


def test_the_pdf_names_its_glyphs_by_the_written_characters(demo_sheet, tmp_path):
    pdf = tmp_path / "月报.pdf"
    write_pdf(demo_sheet, pdf)
    names = _text_maps(pdf)
    assert all(ch in names for ch in "月页至长见")
    assert not [ch for ch in names if ord(ch) in RADICALS]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext) not installed")
def test_pdftotext_gives_the_words_written(demo_sheet, tmp_path):
    pdf = tmp_path / "月报.pdf"
    pages = write_pdf(demo_sheet, pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "2024年11月整改进展情况表" in text and "截至日期" in text
    assert f"第{pages}页共{pages}页" in text.replace(" ", "") and WRITTEN in text
    assert not [ch for ch in text if ord(ch) in RADICALS]


def test_the_rule_is_said_once_and_cells_are_short(demo_sheet, tmp_path):
    cells = [row.cells()[-1] for row in demo_sheet.rows]
    assert all(len(cell) <= 24 and "无法计算" not in cell for cell in cells)
    assert len(demo_sheet.notes) == 1 and "序时评估" in demo_sheet.notes[0]
    if shutil.which("pdftotext"):
        pdf = tmp_path / "月报.pdf"
        write_pdf(demo_sheet, pdf)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert text.count("序时评估：") == 1


def test_the_signature_goes_over_with_the_last_rows():
    heights = [30] * 6  # the last page is full to the brim: the signature does not fit under it
    pages = paginate(heights, body_height=100, header_height=10, first_body_height=0,
                     signature_height=20)
    assert pages[-1].signature and pages[-1].rows, "a page holding only the signature"
    assert [i for p in pages for i in p.rows] == list(range(6))
    for page in pages:
        used = 10 * page.has_table + sum(heights[i] for i in page.rows)
        assert used + (20 if page.signature else 0) <= 100


def _plan(sheet, tmp_path, page_size="A4") -> SheetPainter:
    from PySide6.QtGui import QPdfWriter

    writer = QPdfWriter(str(tmp_path / "plan.pdf"))
    writer.setResolution(300)
    writer.setPageLayout(page_layout(page_size))
    return SheetPainter(writer, sheet)


def _check_dense_and_whole(plan: SheetPainter, rows: int) -> None:
    assert len(plan.pages) <= LIBREOFFICE_A4_PAGES
    assert [i for p in plan.pages for i in p.rows] == list(range(rows))
    assert plan.pages[-1].signature and plan.pages[-1].rows
    assert all(h < plan.body_h - plan.header_h for h in plan.row_h)  # nothing clipped
    assert plan.fonts["body"].pointSizeF() >= BODY_POINTS >= 8


def _copies(db, times: int) -> None:
    """The imported problems (with their measures and reports) copied `times` times over: writing
    a 9,000-row merged workbook takes openpyxl most of a minute; importing 300 problems gives the
    same shapes."""
    problems = db.execute("SELECT * FROM problems").fetchall()
    names = [d[0] for d in db.execute("SELECT * FROM problems LIMIT 0").description]
    for copy in range(1, times + 1):
        for values in problems:
            row = dict(zip(names, values))
            old = row.pop("id")
            row["code"] = f"{row['code']}-{copy}"
            new = db["problems"].insert(row).last_pk
            for table in ("measures", "progress_reports"):
                for child in db[table].rows_where("problem_id = ?", [old]):
                    child.pop("id")
                    db[table].insert({**child, "problem_id": new})


def test_an_imported_three_thousand_problem_ledger_fits_196_a4_pages(register, tmp_path, qapp):
    ledger = tmp_path / "县级 台账.xlsx"
    build_ledger(ledger, 300)  # 3 measures each, merged cells, as superiors send them
    assert import_file(register, ledger).problems_created == 300
    _copies(register, 9)
    sheet = build_monthly(register, "2022-03")
    assert len(sheet.rows) == 3000
    assert all("；" in row.deadline for row in sheet.rows[:20])  # every measure's deadline
    _check_dense_and_whole(_plan(sheet, tmp_path), 3000)


def test_a_three_thousand_problem_register_fits_196_a4_pages(register, tmp_path, qapp):
    build_big_register(register, 3000)
    sheet = build_monthly(register, "2024-05")
    _check_dense_and_whole(_plan(sheet, tmp_path), 3000)
