"""The register view: opening, finding a problem by unit and status, searching, sorting."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from tests.ui.helpers import choose, type_text


def codes(window) -> list[str]:
    return [r["code"] for r in window.register_view.model.all_rows()]


def test_window_opens_on_the_register(window):
    assert "演示 台账" in window.windowTitle()
    assert window.current_view() == "register"
    assert window.register_view.model.rowCount() == 63
    assert [window.nav.item(i).text() for i in range(4)] == ["台账", "看板", "信访件", "报表"]
    assert "共 63 项" in window.register_view.summary.text()


def test_find_a_problem_by_unit_and_status(qtbot, window):
    bar = window.register_view.filters
    choose(qtbot, bar.status, "未达序时进度")
    rows = window.register_view.model.all_rows()
    assert rows and all(r["status"] == "behind_schedule" for r in rows)
    bar.unit.lineEdit().clear()
    type_text(qtbot, bar.unit.lineEdit(), "省林草局")
    qtbot.keyClick(bar.unit.lineEdit(), Qt.Key.Key_Return)
    rows = window.register_view.model.all_rows()
    assert rows and all("省林草局" in r["lead_units"] + r["responsible_units"] for r in rows)
    assert all(r["status"] == "behind_schedule" for r in rows)
    assert "11" in codes(window)  # 进一步加大草原生态系统保护力度, led by 省林草局, behind
    qtbot.mouseClick(bar.clear, Qt.MouseButton.LeftButton)
    assert window.register_view.model.rowCount() == 63


def test_search_waits_for_typing_to_pause(qtbot, window):
    model = window.register_view.model
    type_text(qtbot, window.register_view.filters.search, "草原")
    assert model.rowCount() == 63  # debounced: nothing yet
    qtbot.waitUntil(lambda: model.rowCount() < 63, timeout=2000)
    assert "11" in codes(window) and "1" not in codes(window)


def test_deadline_bucket_filter_shows_overdue(qtbot, window):
    choose(qtbot, window.register_view.filters.bucket, "逾期")
    rows = window.register_view.model.all_rows()
    assert rows and all(r["warning"] == "overdue" and r["days_left"] < 0 for r in rows)
    assert "逾期" in window.register_view.model.index(0, 0).data()


def test_sorting_by_clicking_the_deadline_header(qtbot, window):
    from desktop.ui.register_view.model import COLUMNS

    header = window.register_view.table.horizontalHeader()
    column = next(i for i, c in enumerate(COLUMNS) if c.key == "deadline")
    x = header.sectionViewportPosition(column) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    deadlines = [r["deadline"] for r in window.register_view.model.all_rows() if r["deadline"]]
    assert deadlines == sorted(deadlines) or deadlines == sorted(deadlines, reverse=True)
    assert window.register_view.model.sort_key == "deadline"


def test_selecting_a_problem_lists_its_measures(qtbot, window):
    view = window.register_view
    row = next(i for i, r in enumerate(view.model.all_rows()) if r["code"] == "3")
    rect = view.table.visualRect(view.model.index(row, 2))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.measures.problem_id == view.model.ids[row]
    assert view.measures.table.rowCount() >= 2
    assert "问题 3" in view.measures.title.text()


def test_a_search_matching_every_shown_problem_counts_them_once(window, monkeypatch):
    """Rows already fetched are refreshed one by one; the status bar is counted once a search,
    not once a row (3,000 rows made each keystroke count 3,000 warnings 150 times)."""
    view = window.register_view
    view.model.all_rows()                  # every row fetched, as after scrolling through
    assert len(view.model.cache) == 63
    texts = []
    shown = view.summary.setText
    monkeypatch.setattr(view.summary, "setText", lambda text: texts.append(text) or shown(text))
    view.model.reload()                    # the same problems come back: rows refreshed in place
    assert len(texts) == 1
    assert "共 63 项" in texts[0] == view.summary.text()
