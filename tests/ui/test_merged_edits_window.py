"""Through the window: a merged progress the clerk reworded survives the next collection (the
result and the problem dialog say the units sent new words), and a merge rule changed in 设置
re-merges the periods already collected as one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.records import rows
from tests.ledger.forms_support import fill_form
from tests.ui.test_units_window import COUNTY_ROUND, collect, distribute, said

UNITS = ["县住房城乡建设局", "县财政局"]


def returned_forms(tmp_path, words: dict[str, str]) -> list:
    out = []
    for form in sorted((tmp_path / "下发").glob("*.xlsx")):
        unit = next((u for u in words if form.name.startswith(u)), None)
        if unit:
            out.append(fill_form(form, tmp_path / f"交回-{unit}.xlsx",
                                 {i: {"text": f"{unit}{words[unit]}", "status_text": words[unit]}
                                  for i in range(2)}))
    return out


def problem_one(db) -> int:
    return db.execute("SELECT p.id FROM problems p JOIN rounds r ON r.id = p.round_id WHERE"
                      " r.name = ? AND p.code = '1'", [COUNTY_ROUND]).fetchone()[0]


def test_a_hand_edit_survives_the_next_collection(qtbot, county_window, monkeypatch, tmp_path):
    window, db = county_window, county_window.session.db
    told = said(monkeypatch)
    distribute(qtbot, window, monkeypatch, tmp_path / "下发", units=UNITS)
    lead, other = returned_forms(tmp_path, {"县住房城乡建设局": "已完成", "县财政局": "未达序时进度"})
    collect(qtbot, window, monkeypatch, [lead])
    dialog = window.commands.open_problem(problem_one(db))
    qtbot.waitExposed(dialog)
    panel = dialog.unit_reports
    dialog.tabs.setCurrentWidget(panel)
    panel.merged.setPlainText("管网改造完成七成（办公室改写）")
    with qtbot.waitSignal(window.changed, timeout=10000):
        qtbot.mouseClick(panel.save, Qt.MouseButton.LeftButton)
    dialog.close()
    db.execute("UPDATE progress_reports SET edited_at = '2024-05-01T09:00:00' WHERE edited_at"
               " IS NOT NULL")     # the edit made before the second return came in
    db.conn.commit()
    collect(qtbot, window, monkeypatch, [other])
    assert "曾手工修改，已保留" in told[-1][1] and "县财政局" in told[-1][1]
    pid = problem_one(db)
    assert rows(db, "SELECT progress FROM problems WHERE id = ?", [pid])[0]["progress"] == (
        "管网改造完成七成（办公室改写）")
    dialog = window.commands.open_problem(pid)
    qtbot.waitExposed(dialog)
    panel = dialog.unit_reports
    dialog.tabs.setCurrentWidget(panel)
    assert panel.merged.toPlainText() == "管网改造完成七成（办公室改写）"
    assert "手工修改" in panel.note.text() and "县财政局又报来新的进展" in panel.note.text()
    qtbot.mouseClick(panel.rebuild, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.changed, timeout=10000):
        qtbot.mouseClick(panel.save, Qt.MouseButton.LeftButton)
    merged = rows(db, "SELECT text, edited_at FROM progress_reports WHERE source = 'merged'"
                      " AND problem_id = ?", [pid])[0]
    assert merged["text"].startswith("县住房城乡建设局：") and "县财政局：" in merged["text"]
    assert merged["edited_at"] is None and panel.note.text() == ""
    dialog.close()


def test_a_new_merge_rule_re_merges_what_was_collected(qtbot, county_window, monkeypatch,
                                                       tmp_path):
    from tests.ui.helpers import choose

    window, db = county_window, county_window.session.db
    said(monkeypatch)
    distribute(qtbot, window, monkeypatch, tmp_path / "下发", units=UNITS)
    collect(qtbot, window, monkeypatch, returned_forms(
        tmp_path, {"县住房城乡建设局": "已完成", "县财政局": "未达序时进度"}))
    pid = problem_one(db)
    assert rows(db, "SELECT status FROM problems WHERE id = ?", [pid])[0]["status"] == (
        "behind_schedule")
    dialog = window.commands.open_settings()
    qtbot.waitExposed(dialog)
    choose(qtbot, dialog.merge_rule, "以牵头单位为准")
    with qtbot.waitSignal(window.changed, timeout=10000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert rows(db, "SELECT status FROM problems WHERE id = ?", [pid])[0]["status"] == "completed"
    assert "已按新的汇总规则重新汇总 1 个问题的进展" in window.statusBar().currentMessage()
    assert window.actions_.undo.text() == "撤销 按新的汇总规则重新汇总"
    with qtbot.waitSignal(window.changed, timeout=10000):
        window.actions_.undo.trigger()
    assert rows(db, "SELECT status FROM problems WHERE id = ?", [pid])[0]["status"] == (
        "behind_schedule")
