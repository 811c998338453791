"""Two rounds in one register: each problem shows its text, its round, and is numbered in it."""

from __future__ import annotations

import pytest

from desktop.ui.register_view.model import COLUMNS

COUNTY = "县级督察整改（测试）"


@pytest.fixture
def two_rounds(demo_path, samples):
    from db.connection import open_register
    from desktop.ledger.importing.importer import import_file

    db = open_register(demo_path)
    import_file(db, samples / "ledger_county_problems.xlsx", round_name=COUNTY)
    db.close()
    return demo_path


@pytest.fixture
def window2(qtbot, two_rounds):
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import open_session
    from desktop.ui.settings import window_settings

    win = MainWindow(open_session(two_rounds), window_settings(), remember_layout=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def _column(key: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.key == key)


def test_every_row_shows_its_problem_text_and_round(window2):
    model = window2.register_view.model
    assert model.rowCount() == 63 + 8
    header = [model.headerData(i, _orientation()) for i in range(model.columnCount())]
    assert "批次" in header and "问题" in header
    texts = [model.texts(i) for i in range(model.rowCount())]
    assert all(t[_column("title")] for t in texts)  # never blank, even with no 问题名称 column
    county = [t for t in texts if t[_column("round")] == COUNTY]
    assert len(county) == 8 and any("污水处理厂" in t[_column("title")] for t in county)


def test_codes_are_numbered_within_each_round(window2):
    rows = window2.register_view.model.all_rows()
    rounds = [r["round"] for r in rows]
    assert rounds == sorted(rounds, key=rounds.index)  # one block per round
    county = [r["code"] for r in rows if r["round"] == COUNTY]
    assert county[0] == "1" and len(county) == 8


def test_dashboard_lists_show_the_problem_text(qtbot, window2):
    window2.show_view("dashboard")
    qtbot.waitUntil(lambda: window2.dashboard.data is not None, timeout=15000)
    shown = [table.item(r, 1).text() for table in (window2.dashboard.overdue,
                                                  window2.dashboard.behind,
                                                  window2.dashboard.due_soon)
             for r in range(table.rowCount())]
    assert shown and all(shown)
    county = {r["title"] for r in window2.register_view.model.all_rows() if r["round"] == COUNTY}
    assert county & set(shown)  # the county's problems, named by their descriptions


def _orientation():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_the_report_groups_rounds_or_shows_one(qtbot, window2):
    from tests.ui.helpers import choose

    window2.show_view("report")
    report = window2.report
    qtbot.waitUntil(lambda: report.sheet is not None, timeout=15000)
    table = report.table
    headings = [r for r in range(table.rowCount()) if table.columnSpan(r, 0) > 1]
    assert [table.item(r, 0).text() for r in headings][1] == COUNTY and len(headings) == 2
    numbers = [table.item(r, 0).text() for r in range(headings[1] + 1, table.rowCount())]
    assert numbers == [str(n) for n in range(1, 9)]  # numbered within the county's round
    with qtbot.waitSignal(window2.tasks.done, timeout=15000):
        choose(qtbot, report.round, COUNTY)
    assert report.sheet.title.endswith(f"（{COUNTY}）") and len(report.sheet.rows) == 8
    assert all(table.columnSpan(r, 0) == 1 for r in range(table.rowCount()))
    assert "8个问题" in report.sheet.paragraph


def test_the_printed_month_heads_each_round(two_rounds, tmp_path, qapp):
    import subprocess

    from db.connection import open_register
    from desktop.reports.monthly import build_monthly
    from desktop.ui.printing import write_pdf

    db = open_register(two_rounds)
    sheet = build_monthly(db, "2024-11")
    db.close()
    pdf = tmp_path / "两个批次.pdf"
    write_pdf(sheet, pdf)
    import unicodedata

    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    text = unicodedata.normalize("NFKC", text).replace(" ", "").replace("\n", "")
    first_round = unicodedata.normalize("NFKC", sheet.rows[0].round)
    county = unicodedata.normalize("NFKC", COUNTY)
    assert county in text and first_round in text
    assert text.index(first_round) < text.index(county)


def test_the_month_in_excel_heads_each_round(two_rounds, tmp_path):
    from openpyxl import load_workbook

    from db.connection import open_register
    from desktop.reports.monthly import build_monthly
    from desktop.reports.monthly_xlsx import write_monthly_xlsx

    db = open_register(two_rounds)
    sheet = build_monthly(db, "2024-11")
    db.close()
    ws = load_workbook(write_monthly_xlsx(sheet, tmp_path / "两个批次.xlsx",
                                          with_charts=False))["月度进展"]
    merged = {str(m) for m in ws.merged_cells.ranges}
    heads = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == COUNTY]
    assert len(heads) == 1 and f"A{heads[0]}:H{heads[0]}" in merged
    assert [ws.cell(heads[0] + n, 1).value for n in (1, 2)] == ["1", "2"]
