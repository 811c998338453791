"""The round trip with the units through the window: 分发填报表 with its choices, every returned
form collected at once through 收集填报表, one unit's two versions asked about, the 单位 screen,
and the problem dialog's 各单位填报 with the merged text edited as one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from db.records import rows
from desktop.ui import prompts, unit_forms_dialog
from desktop.ui.unit_forms_dialog import DistributionChoice
from tests.ledger.forms.test_round_trip import (
    assert_every_unit_recorded_and_merged,
    fill_every_form,
)
from tests.ledger.forms_support import fill_form

PERIOD = "2024-05"
COUNTY_ROUND = "县级督察整改"   # the county sample's round in the county_window fixture


def said(monkeypatch, *, confirm=False) -> list[tuple[str, str]]:
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(prompts, "inform", lambda _p, title, text: told.append((title, text)))
    monkeypatch.setattr(prompts, "warn", lambda _p, title, text: told.append((title, text)))
    monkeypatch.setattr(prompts, "confirm",
                        lambda _p, title, text: told.append((title, text)) or confirm)
    return told


def distribute(qtbot, window, monkeypatch, folder, **choice):
    monkeypatch.setattr(unit_forms_dialog, "ask", lambda *_a: DistributionChoice(
        PERIOD, choice.get("rounds", [COUNTY_ROUND]), choice.get("units", []),
        choice.get("include_completed", False)))
    monkeypatch.setattr(prompts, "choose_folder", lambda *a: str(folder))
    with qtbot.waitSignal(window.tasks.done, timeout=60000):
        window.actions_.unit_forms.trigger()


def collect(qtbot, window, monkeypatch, paths) -> None:
    monkeypatch.setattr(prompts, "open_files", lambda *a: [str(p) for p in paths])
    with qtbot.waitSignal(window.changed, timeout=60000):
        window.actions_.collect.trigger()


def test_every_form_filled_and_collected_at_once_through_the_window(qtbot, county_window,
                                                                    monkeypatch, tmp_path):
    window = county_window
    told = said(monkeypatch)
    distribute(qtbot, window, monkeypatch, tmp_path / "下发")
    assert any("未分发" in text and "各乡镇人民政府" in text for _, text in told)
    assert any("打开所在文件夹" in text for _, text in told)
    answered = fill_every_form(tmp_path / "下发", tmp_path / "交回")
    collect(qtbot, window, monkeypatch, sorted((tmp_path / "交回").glob("*.xlsx")))
    assert "已汇总" in told[-1][1] and "拒收" not in told[-1][1]
    assert_every_unit_recorded_and_merged(window.session.db, answered)
    assert window.actions_.undo.text().startswith("撤销 收集填报表")


def test_one_unit_sending_two_versions_is_asked_and_the_newer_recorded(qtbot, county_window,
                                                                       monkeypatch, tmp_path):
    import os

    window = county_window
    told = said(monkeypatch, confirm=True)
    distribute(qtbot, window, monkeypatch, tmp_path / "下发", units=["县财政局"])
    (form,) = (tmp_path / "下发").glob("*.xlsx")
    old = fill_form(form, tmp_path / "第一版.xlsx", {0: {"text": "资金拨付一半"}})
    os.utime(old, (old.stat().st_mtime - 600,) * 2)
    new = fill_form(form, tmp_path / "第二版.xlsx", {0: {"text": "资金全部拨付"}})
    collect(qtbot, window, monkeypatch, [new, old])
    asked = [text for title, text in told if title == "同一单位交回了两个版本"]
    assert asked and "县财政局" in asked[0] and "较新" in asked[0]
    texts = [r["text"] for r in rows(window.session.db, "SELECT text FROM progress_reports WHERE"
                                                        " source = 'unit_form'")]
    assert texts == ["资金全部拨付"]


def test_the_merged_progress_is_edited_in_the_problem_dialog_as_one_step(qtbot, county_window,
                                                                         monkeypatch, tmp_path):
    window = county_window
    said(monkeypatch)
    distribute(qtbot, window, monkeypatch, tmp_path / "下发")
    fill_every_form(tmp_path / "下发", tmp_path / "交回")
    collect(qtbot, window, monkeypatch, sorted((tmp_path / "交回").glob("*.xlsx")))
    db = window.session.db
    (pid,) = db.execute("SELECT p.id FROM problems p JOIN rounds r ON r.id = p.round_id WHERE"
                        " r.name = ? AND p.code = '1'", [COUNTY_ROUND]).fetchone()
    dialog = window.commands.open_problem(pid)
    qtbot.waitExposed(dialog)
    panel = dialog.unit_reports
    dialog.tabs.setCurrentWidget(panel)
    assert panel.period.currentText() == PERIOD and panel.table.rowCount() >= 2
    units = {panel.table.item(r, 0).text() for r in range(panel.table.rowCount())}
    assert {"县住房城乡建设局", "县财政局"} <= units
    assert panel.merged.toPlainText().startswith("县住房城乡建设局：")
    panel.merged.setPlainText("县住建局牵头，管网改造完成七成；财政资金已到位")
    panel.status.setCurrentIndex(panel.status.findData("on_schedule"))
    with qtbot.waitSignal(window.changed, timeout=10000):
        qtbot.mouseClick(panel.save, Qt.MouseButton.LeftButton)
    problem = rows(db, "SELECT progress, status FROM problems WHERE id = ?", [pid])[0]
    assert problem == {"progress": "县住建局牵头，管网改造完成七成；财政资金已到位",
                       "status": "on_schedule"}
    assert window.actions_.undo.text() == f"撤销 修改汇总进展 {PERIOD}"
    with qtbot.waitSignal(window.changed, timeout=10000):
        window.actions_.undo.trigger()
    assert rows(db, "SELECT progress FROM problems WHERE id = ?", [pid])[0]["progress"].startswith(
        "县住房城乡建设局：")
    dialog.close()


def test_units_screen_merges_a_suggested_pair_and_lists_a_groups_members(qtbot, county_window,
                                                                         monkeypatch, tmp_path):
    window = county_window
    said(monkeypatch)
    window.actions_.units.trigger()
    dialog = window.findChild(QDialog, "unitsDialog")
    qtbot.waitExposed(dialog)
    pairs = [dialog.pairs.item(i).text() for i in range(dialog.pairs.count())]
    other = next(i for i, t in enumerate(pairs) if "相关乡镇" not in t)
    dialog.pairs.setCurrentRow(other)
    with qtbot.waitSignal(window.tasks.done, timeout=10000):
        qtbot.mouseClick(dialog.buttons["notSame"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pairs.count() == len(pairs) - 1)
    assert pairs[other] not in [dialog.pairs.item(i).text() for i in range(dialog.pairs.count())]
    pairs = [dialog.pairs.item(i).text() for i in range(dialog.pairs.count())]
    row = next(i for i, t in enumerate(pairs) if "相关乡镇" in t and "相关乡镇人民政府" in t)
    dialog.pairs.setCurrentRow(row)
    monkeypatch.setattr(prompts, "ask_item", lambda _p, _t, _l, items: "相关乡镇人民政府")
    with qtbot.waitSignal(window.changed, timeout=10000):
        qtbot.mouseClick(dialog.buttons["mergePair"], Qt.MouseButton.LeftButton)
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "相关乡镇" not in names and "相关乡镇人民政府" in names
    db = window.session.db
    assert not db.execute("SELECT 1 FROM problems WHERE responsible_units LIKE '%\"相关乡镇\"%'").fetchone()
    group_row = names.index("各乡镇人民政府")
    dialog.table.selectRow(group_row)
    monkeypatch.setattr(prompts, "ask_text", lambda *a: "城关镇人民政府、甲镇、乙镇")
    with qtbot.waitSignal(window.changed, timeout=10000):
        qtbot.mouseClick(dialog.buttons["editGroup"], Qt.MouseButton.LeftButton)
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    members = dialog.table.item(names.index("各乡镇人民政府"), 2).text()
    assert members == "城关镇人民政府、甲镇、乙镇"
    distribute(qtbot, window, monkeypatch, tmp_path / "下发")
    sent = {p.name.split("_")[0] for p in (tmp_path / "下发").glob("*.xlsx")}
    assert {"甲镇", "乙镇"} <= sent and "各乡镇人民政府" not in sent
    with qtbot.waitSignal(window.changed, timeout=10000):
        window.actions_.undo.trigger()     # distributing changed nothing: undo takes the group back
    assert window.actions_.redo.text() == "重做 设置单位组 各乡镇人民政府"
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert dialog.table.item(names.index("各乡镇人民政府"), 2).text() == ""
    dialog.close()


def test_the_merge_rule_chosen_in_settings_judges_the_status(qtbot, county_window, monkeypatch,
                                                             tmp_path):
    from tests.ui.helpers import choose

    window = county_window
    said(monkeypatch)
    dialog = window.commands.open_settings()
    qtbot.waitExposed(dialog)
    choose(qtbot, dialog.merge_rule, "以牵头单位为准")
    with qtbot.waitSignal(window.changed, timeout=10000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    distribute(qtbot, window, monkeypatch, tmp_path / "下发", units=["县住房城乡建设局", "县财政局"])
    returned = []
    for form in sorted((tmp_path / "下发").glob("*.xlsx")):
        lead = form.name.startswith("县住房城乡建设局")
        word = "已完成" if lead else "未达序时进度"
        returned.append(fill_form(form, tmp_path / f"交回{len(returned)}.xlsx",
                                  {i: {"text": word, "status_text": word} for i in range(2)}))
    collect(qtbot, window, monkeypatch, returned)
    (status,) = window.session.db.execute(
        "SELECT status FROM problems p JOIN rounds r ON r.id = p.round_id WHERE r.name = ? AND"
        " p.code = '1'", [COUNTY_ROUND]).fetchone()
    assert status == "completed"


def test_distribute_dialog_picks_rounds_units_and_completed_problems(qtbot, county_window,
                                                                     monkeypatch, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    window = county_window
    said(monkeypatch)
    monkeypatch.setattr(prompts, "choose_folder", lambda *a: str(tmp_path / "下发"))
    seen: dict = {}

    def clerk_picks() -> None:
        dialog = QApplication.activeModalWidget()
        seen["note"] = dialog.findChild(QLabel, "groupsNote").text()
        for box, keep in ((dialog.rounds, COUNTY_ROUND), (dialog.units, "县城市管理局")):
            for i in range(box.count()):
                if box.item(i).text() != keep:
                    box.item(i).setCheckState(Qt.CheckState.Unchecked)
        dialog.completed.setChecked(True)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(200, clerk_picks)
    with qtbot.waitSignal(window.tasks.done, timeout=60000):
        window.actions_.unit_forms.trigger()
    assert "各乡镇人民政府" in seen["note"]
    (form,) = (tmp_path / "下发").glob("*.xlsx")
    assert form.name.startswith("县城市管理局_")
