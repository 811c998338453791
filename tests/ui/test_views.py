"""Dashboard, petitions and report views, reached through the navigation list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from db.queries import petition_counts, problem_list
from tests.ui.helpers import choose, double_click_row, type_text


def click_nav(qtbot, window, name: str) -> None:
    item = window.nav.findItems(name, Qt.MatchFlag.MatchExactly)[0]
    rect = window.nav.visualItemRect(item)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_dashboard_counts_charts_and_lists(qtbot, window):
    click_nav(qtbot, window, "看板")
    assert window.current_view() == "dashboard"
    board, db = window.dashboard, window.session.db
    qtbot.waitUntil(lambda: board.data is not None, timeout=10000)
    listed = problem_list(db)
    counts = {w: sum(r["warning"] == w for r in listed) for w in ("overdue", "behind")}
    assert board.cards["total"].number.text() == "63"
    assert board.cards["overdue"].number.text() == str(counts["overdue"])
    stats = board.data.problems
    assert sum(stats.by_group.values()) == 63
    assert board.cards["completed"].number.text() == str(stats.by_group["completed"])
    assert board.overdue.rowCount() == counts["overdue"] > 0
    assert all("逾期" in board.overdue.item(r, 3).text() for r in range(board.overdue.rowCount()))
    assert board.behind.rowCount() == counts["behind"]
    assert len(board.canvases) == 3
    assert "督察反馈的63个问题" in board.paragraph.text()


def test_dashboard_follows_an_edit(qtbot, window):
    from desktop.ui.operations.problem_ops import add_report

    click_nav(qtbot, window, "看板")
    board = window.dashboard
    qtbot.waitUntil(lambda: board.data is not None, timeout=10000)
    done = int(board.cards["completed"].number.text())
    overdue = board.overdue.rowCount()
    problem = next(r for r in window.register_view.model.all_rows() if r["warning"] == "overdue")
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.run_op("填报进展", add_report(problem["id"], problem["code"],
                                          period=f"{dt.date.today():%Y-%m}", text="全部完成",
                                          status="completed", percent=100))
    assert board.overdue.rowCount() == overdue - 1
    qtbot.waitUntil(lambda: board.cards["completed"].number.text() == str(done + 1), timeout=10000)


def test_dashboard_list_opens_a_problem(qtbot, window):
    click_nav(qtbot, window, "看板")
    table = window.dashboard.overdue
    double_click_row(qtbot, table, 0)
    qtbot.waitUntil(lambda: bool(window.commands.dialogs))
    dialog = next(iter(window.commands.dialogs.values()))
    assert dialog.detail["code"] == table.item(0, 0).text()
    dialog.close()


def test_petitions_filter_and_counts(qtbot, window):
    click_nav(qtbot, window, "信访件")
    view = window.petitions
    assert view.model.rowCount() == 120
    choose(qtbot, view.status, "已办结")
    assert view.model.rowCount() == petition_counts(window.session.db)["done"]
    assert "办结率" in view.counts.text()
    choose(qtbot, view.status, "全部状态")
    type_text(qtbot, view.search, "噪声")
    qtbot.waitUntil(lambda: view.model.rowCount() < 120, timeout=2000)
    assert all("噪声" in r["content"] or "噪声" in r["pollution_types"] for r in view.model.rows)


def test_report_shows_the_monthly_sheet_prints_and_exports(qtbot, window, monkeypatch, tmp_path):
    from desktop.ui import prompts
    from desktop.ui.operations import report_ops

    click_nav(qtbot, window, "报表")
    view = window.report
    qtbot.waitUntil(lambda: view.sheet is not None, timeout=15000)
    assert view.table.rowCount() == 63
    assert view.sheet.title in view.title.text() and "督察反馈" in view.paragraph.text()
    assert view.notes.text().startswith("序时评估：") and view.notes.isVisible()
    shown = []
    monkeypatch.setattr(report_ops, "show_print_preview", lambda parent, sheet: shown.append(sheet))
    qtbot.mouseClick(view.buttons["printPreviewButton"], Qt.MouseButton.LeftButton)
    assert shown == [view.sheet]
    for kind in ("exportPdf", "exportXlsx"):
        out = tmp_path / f"月报.{'pdf' if kind == 'exportPdf' else 'xlsx'}"
        monkeypatch.setattr(prompts, "save_file", lambda *a, out=out: str(out))
        with qtbot.waitSignal(window.tasks.done, timeout=30000):
            qtbot.mouseClick(view.buttons[kind], Qt.MouseButton.LeftButton)
        assert out.exists() and out.stat().st_size > 1000
    from tests.ui.test_printed_sheet import RADICALS, _text_maps

    names = _text_maps(tmp_path / "月报.pdf")  # the window's PDF names its glyphs as written
    assert "月" in names and not [ch for ch in names if ord(ch) in RADICALS]


def test_report_view_offers_this_week_beside_the_months(qtbot, window):
    import datetime as dt

    from desktop.core.periods import period_containing
    from tests.ui.helpers import choose

    click_nav(qtbot, window, "报表")
    view = window.report
    qtbot.waitUntil(lambda: view.sheet is not None and view.dirty is False, timeout=15000)
    week = period_containing(dt.date.today(), "week")
    choose(qtbot, view.period, week.text)
    qtbot.waitUntil(lambda: view.sheet is not None and view.sheet.month == week.text, timeout=15000)
    assert view.title.text().startswith(week.label)
    header = [view.table.horizontalHeaderItem(c).text() for c in range(view.table.columnCount())]
    assert "本周进展" in header and view.table.rowCount() == 63
