"""Other ledgers through the window: an audit ledger's actual completion date shown and kept; a
sheet that is no ledger refused until the clerk maps it by hand; a register read as petitions
because the clerk says so."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.queries import problem_detail
from db.records import dump_register
from desktop.ui import prompts
from tests.ledger import other_books as ob
from tests.ledger.unseen_books import Sheet, book
from tests.ui.helpers import choose, double_click_row
from tests.ui.test_import_dialog import start_import


def open_problem(qtbot, window, words: str):
    """Double-click the register row whose problem text holds these words."""
    view = window.register_view
    found = window.session.db.execute("SELECT id FROM problems WHERE description LIKE ?",
                                      [f"%{words}%"]).fetchone()
    row = view.model.row_of(found[0])
    double_click_row(qtbot, view.table, row)
    qtbot.waitUntil(lambda: bool(window.commands.dialogs))
    dialog = next(iter(window.commands.dialogs.values()))
    qtbot.waitExposed(dialog)
    return dialog


def commit(qtbot, window, dialog) -> None:
    assert dialog.commit_button.isEnabled()
    with qtbot.waitSignal(window.changed, timeout=10000):
        qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)   # 完成
    qtbot.waitUntil(lambda: window.findChild(object, "importDialog") is None)


def test_audit_ledger_completion_date_shown_in_the_problem_dialog(qtbot, window, monkeypatch, tmp_path):
    dialog = start_import(qtbot, window, monkeypatch, ob.audit_ledger(tmp_path / "审计整改.xlsx"))
    assert dialog.mapping.combo("E").currentText() == "实际完成时间"
    assert dialog.mapping.combo("F").currentData() == "deadline"
    assert not dialog.anyway.isVisible()
    dialog.round.setCurrentText("2023年度经济责任审计")
    commit(qtbot, window, dialog)
    problem = open_problem(qtbot, window, "专项资金未按规定用途使用")
    assert problem.fields.w["completed_on"].text() == "2023-09-15"
    problem.fields.w["completed_on"].setText("2023-09-16")
    with qtbot.waitSignal(window.changed, timeout=5000):
        problem.save_button.click()
    assert problem_detail(window.session.db, problem.detail["id"])["completed_on"] == "2023-09-16"
    problem.close()


def test_a_contract_ledger_is_refused_until_mapped_by_hand(qtbot, window, monkeypatch, tmp_path):
    before = len(dump_register(window.session.db)["problems"])
    dialog = start_import(qtbot, window, monkeypatch, ob.contract_ledger(tmp_path / "合同台账.xlsx"))
    assert "不像整改问题台账" in dialog.errors.text() and "合同名称" in dialog.errors.text()
    assert not dialog.commit_button.isEnabled() and dialog.anyway.isVisible()
    choose(qtbot, dialog.mapping.combo("B"), "问题描述")
    qtbot.waitUntil(lambda: dialog.op is None, timeout=10000)
    assert dialog.errors.text() == "" and not dialog.anyway.isVisible()
    commit(qtbot, window, dialog)
    assert len(dump_register(window.session.db)["problems"]) == before + 2


def test_import_anyway_with_the_mapping_as_found(qtbot, window, monkeypatch, tmp_path):
    dialog = start_import(qtbot, window, monkeypatch, ob.contract_ledger(tmp_path / "合同台账.xlsx"))
    qtbot.mouseClick(dialog.anyway, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.op is None and not dialog.reading.errors, timeout=10000)
    assert dialog.reading.layout.by_hand and len(dialog.reading.problems) == 2
    commit(qtbot, window, dialog)


def test_the_clerk_says_it_is_a_petition_register(qtbot, window, monkeypatch, tmp_path):
    rows = [["编号", "日期", "内容", "处理结果", "状态"],
            ["A-1", "2023-04-01", "某厂夜间偷排废水", "已立案查处", "已办结"]]
    dialog = start_import(qtbot, window, monkeypatch, book(tmp_path / "群众反映.xlsx", Sheet("登记", rows)))
    assert dialog.kind.text() == "问题台账" and not dialog.commit_button.isEnabled()
    choose(qtbot, dialog.kind_choice, "按信访件台账读取")
    qtbot.waitUntil(lambda: dialog.op is None and dialog.kind.text() == "信访件台账", timeout=10000)
    assert dialog.preview.petitions.rowCount() == 1
    commit(qtbot, window, dialog)
    assert "A-1" in {p["code"] for p in dump_register(window.session.db)["petitions"]}


def test_a_sheet_without_known_headers_is_mapped_by_hand(qtbot, window, monkeypatch, tmp_path):
    rows = [["巡查记录"], ["发现情况", "处理要求", "办理期限", "承办科室"],
            ["河堤垃圾堆放", "三日内清运", "2023-05-10", "环卫所"]]
    path = book(tmp_path / "巡查记录.xlsx", Sheet("记录", rows))
    monkeypatch.setattr(prompts, "open_file", lambda *a: str(path))
    window.actions_.import_ledger.trigger()
    dialog = window.findChild(object, "importDialog")
    qtbot.waitUntil(lambda: dialog.op is None and bool(dialog.errors.text()), timeout=10000)
    assert "第2行看来是表头" in dialog.errors.text() and "发现情况" in dialog.errors.text()
    dialog.header_first.setValue(2)
    dialog.header_count.setValue(1)
    qtbot.mouseClick(dialog.header_apply, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.op is None and dialog.reading is not None, timeout=10000)
    assert not dialog.commit_button.isEnabled()
    choose(qtbot, dialog.mapping.combo("A"), "问题描述")
    qtbot.waitUntil(lambda: dialog.op is None, timeout=10000)
    choose(qtbot, dialog.mapping.combo("C"), "整改时限")
    qtbot.waitUntil(lambda: dialog.op is None, timeout=10000)
    commit(qtbot, window, dialog)
    found = window.session.db.execute("SELECT deadline FROM problems WHERE description = ?",
                                      ["河堤垃圾堆放"]).fetchone()
    assert found == ("2023-05-10",)


def test_a_header_found_by_a_map_once_is_found_again_in_the_window(qtbot, window, monkeypatch,
                                                                   tmp_path):
    from desktop.ledger.importing.importer import import_file
    from tests.ledger.importing.test_header_map_remembered import MAPPING, record

    may = record(tmp_path, "五月巡查.xlsx", ["河堤垃圾堆放", "三日内清运", "2023-05-10", "环卫所"])
    assert import_file(window.session.db, may, column_map=MAPPING).committed   # import --map
    june = record(tmp_path, "六月巡查.xlsx", ["沟渠黑臭", "清淤疏浚", "2023-06-30", "水务站"])
    dialog = start_import(qtbot, window, monkeypatch, june)
    assert dialog.header_rows.text() == "第 2 行" and dialog.commit_button.isEnabled()
    assert dialog.mapping.combo("C").currentData() == "deadline"
    commit(qtbot, window, dialog)
    problem = open_problem(qtbot, window, "沟渠黑臭")
    assert problem.detail["deadline"] == "2023-06-30"
    problem.close()
