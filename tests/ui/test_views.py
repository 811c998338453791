"""Dashboard, petitions and report views, reached through the navigation list."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.queries import petition_counts, status_counts, warning_counts
from tests.ui.helpers import choose, double_click_row, type_text


def click_nav(qtbot, window, name: str) -> None:
    item = window.nav.findItems(name, Qt.MatchFlag.MatchExactly)[0]
    rect = window.nav.visualItemRect(item)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_dashboard_counts_and_lists(qtbot, window):
    click_nav(qtbot, window, "看板")
    assert window.current_view() == "dashboard"
    board, db = window.dashboard, window.session.db
    counts = warning_counts(db)
    by_status = {s.status: s.count for s in status_counts(db)}
    assert board.cards["total"].number.text() == "63"
    assert board.cards["overdue"].number.text() == str(counts["overdue"])
    assert board.cards["behind"].number.text() == str(by_status["behind_schedule"])
    assert board.overdue.rowCount() == counts["overdue"] > 0
    assert all("逾期" in board.overdue.item(r, 3).text() for r in range(board.overdue.rowCount()))
    assert board.behind.rowCount() == by_status["behind_schedule"]
    assert board.unit_list.rowCount() > 10
    assert sum(v for _, v, _ in board.status_bars.items) == 63


def test_dashboard_follows_an_edit(qtbot, window):
    from desktop.ui.operations.problem_ops import add_report

    click_nav(qtbot, window, "看板")
    board = window.dashboard
    done = int(board.cards["done"].number.text())
    problem = next(r for r in window.register_view.model.all_rows() if r["warning"] == "overdue")
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.run_op("填报进展", add_report(problem["id"], problem["code"], period="2099-01",
                                          text="全部完成", status="completed", percent=100))
    assert int(board.cards["done"].number.text()) == done + 1


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


def test_report_lists_who_has_not_reported(qtbot, window):
    click_nav(qtbot, window, "报表")
    view = window.report
    assert view.table.rowCount() == 63
    texts = [view.table.item(r, 6).text() for r in range(63)]
    assert "本期未填报" not in texts or "未完成且未填报" in view.summary.text()
    assert view.period.count() >= 12
