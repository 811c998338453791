"""The monthly workbook and the charts."""

import datetime as dt
import warnings

import pytest
from matplotlib.figure import Figure
from openpyxl import load_workbook

from db.demo import build_demo
from desktop.reports import charts
from desktop.reports.fonts import CJK_FONTS, cjk_fonts_found, configure_matplotlib
from desktop.reports.monthly import COLUMNS, build_monthly
from desktop.reports.monthly_xlsx import lines_needed, text_width, write_monthly_xlsx

AS_OF = dt.date(2024, 11, 20)


@pytest.fixture
def sheet(register):
    build_demo(register, as_of=AS_OF)
    return build_monthly(register, "2024-11", as_of=AS_OF)


def test_workbook_prints_landscape_with_titles_and_page_numbers(sheet, tmp_path):
    out = write_monthly_xlsx(sheet, tmp_path / "月报 十一月.xlsx", page_size="A3")
    wb = load_workbook(out)
    ws = wb["月度进展"]
    assert ws["A1"].value == sheet.title and sheet.paragraph in ws["A3"].value
    assert tuple(c.value for c in ws[4]) == COLUMNS
    assert ws.max_row == 4 + 63 + 1 + 2 and ws.cell(5, 2).value == sheet.rows[0].problem
    assert ws.cell(4 + 63 + 1, 1).value == sheet.notes[0] and "序时评估" in sheet.notes[0]
    assert ws.print_title_rows == "$4:$4"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 8
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    signature = " ".join(str(c.value) for c in ws[ws.max_row] if c.value)
    for label in ("填报单位（盖章）", "填报人", "审核人", "联系电话", "填报日期"):
        assert label in signature
    red = next(i for i, r in enumerate(sheet.rows) if r.assessment.colour == "red")
    assert ws.cell(5 + red, 8).fill.fgColor.rgb.endswith("FBD5D1")
    assert len(wb["图表"]._images) == 4


def test_row_heights_follow_wrapped_text():
    assert text_width("abc整改") == 7
    assert lines_needed("整" * 40, 41) == 2 and lines_needed("一\n二", 10) == 2


def test_fonts_are_found_in_the_documented_order():
    found = cjk_fonts_found()
    assert found, "a Chinese font (e.g. fonts-noto-cjk) must be installed"
    assert list(found) == [f for f in CJK_FONTS if f in found]
    configure_matplotlib()
    import matplotlib
    assert matplotlib.rcParams["font.sans-serif"][0] == found[0]


def _texts(fig: Figure) -> str:
    return " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))


def test_charts_render_chinese_without_missing_glyphs(sheet):
    figures = charts.monthly_figures(sheet)
    assert all(isinstance(f, Figure) for f in figures)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" would fail here
        pngs = [charts.figure_png(f, dpi=60) for f in figures]
    assert all(p.startswith(b"\x89PNG") for p in pngs)
    assert "完成整改" in _texts(figures[0]) and "63" in _texts(figures[0])
    assert "各责任单位整改情况" in _texts(figures[2])
    assert "办结率" in _texts(figures[3])


def test_charts_of_an_empty_register(register):
    empty = build_monthly(register, "2024-11")
    for fig in charts.monthly_figures(empty):
        assert "暂无数据" in _texts(fig)
        charts.figure_png(fig, dpi=40)


def test_no_pyplot_anywhere():
    from pathlib import Path

    import desktop.reports as reports
    for path in Path(reports.__file__).parent.glob("*.py"):
        assert "import matplotlib.pyplot" not in path.read_text(encoding="utf-8"), path.name
        assert "from matplotlib import pyplot" not in path.read_text(encoding="utf-8")
