"""验收销号 and 佐证材料 through the problem dialog: 申请销号 → 核查 → 销号 with an evidence file,
refusals shown at the field, undo and redo; 挂牌督办 with a 督办通知单."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from db.queries import problem_detail
from desktop.ui import prompts
from tests.ui.helpers import type_text
from tests.ui.test_problem_dialog import open_problem, row_of


def fresh_completed_code(window) -> str:
    found = window.session.db.execute(
        "SELECT code FROM problems WHERE status = 'completed' AND closure_stage = '' AND id NOT IN"
        " (SELECT problem_id FROM evidence) ORDER BY seq LIMIT 1").fetchone()
    return found[0]


def fill(qtbot, form, **values) -> None:
    for name, text in values.items():
        box = form.editors[name]
        if hasattr(box, "setChecked"):
            if box.isChecked() != bool(text):
                qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
            continue
        box.clear()
        type_text(qtbot, box, text)


def submit(qtbot, window, form, *, ok: bool = True) -> None:
    if ok:
        with qtbot.waitSignal(window.changed, timeout=5000):
            qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not form.isVisible())
    else:
        qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: form.ok.isEnabled())


def test_apply_verify_close_with_evidence_then_undo(qtbot, window, tmp_path):
    code = fresh_completed_code(window)
    dialog = open_problem(qtbot, window, code)
    tab, evidence = dialog.supervision.closure, dialog.supervision.evidence
    dialog.tabs.setCurrentWidget(tab)
    assert tab.stage.text() == "销号阶段：未申请销号"
    assert not tab.buttons["close"].isEnabled()

    qtbot.mouseClick(tab.buttons["apply"], Qt.MouseButton.LeftButton)
    submit(qtbot, window, tab.form, ok=False)  # no evidence and no reason given
    assert "佐证材料" in tab.form.errors["reason"].text()
    assert tab.form.isVisible() and not window.session.db["closure_steps"].count_where(
        "problem_id = ?", [dialog.problem_id])
    tab.form.reject()

    dialog.tabs.setCurrentWidget(evidence)
    qtbot.mouseClick(evidence.add, Qt.MouseButton.LeftButton)
    fill(qtbot, evidence.form, file=str(tmp_path / "U盘" / "不存在.pdf"), title="验收报告")
    submit(qtbot, window, evidence.form, ok=False)
    assert "找不到文件" in evidence.form.errors["file"].text()
    report = tmp_path / "验收 报告.pdf"
    report.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n2 0 obj << /Type /Page >>"
                       b" endobj\n%%EOF\n")
    fill(qtbot, evidence.form, file=str(report))
    submit(qtbot, window, evidence.form)
    assert evidence.table.rowCount() == 1
    assert evidence.table.item(0, 0).text() == "验收报告"
    assert evidence.table.item(0, 3).text() == "2"

    dialog.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.buttons["apply"], Qt.MouseButton.LeftButton)
    submit(qtbot, window, tab.form)
    assert tab.stage.text() == "销号阶段：已申请销号"

    qtbot.mouseClick(tab.buttons["verify"], Qt.MouseButton.LeftButton)
    submit(qtbot, window, tab.form, ok=False)
    assert "核查人" in tab.form.errors["person"].text()
    fill(qtbot, tab.form, person="县整改办核查组", finding="现场核查属实")
    submit(qtbot, window, tab.form)
    assert tab.stage.text() == "销号阶段：核查通过"

    qtbot.mouseClick(tab.buttons["close"], Qt.MouseButton.LeftButton)
    fill(qtbot, tab.form, happened_on="2001-01-01", doc="县整改办〔2026〕8号")
    submit(qtbot, window, tab.form, ok=False)
    assert "早于" in tab.form.errors["happened_on"].text()
    fill(qtbot, tab.form, happened_on=dt.date.today().isoformat())
    submit(qtbot, window, tab.form)
    assert tab.stage.text().startswith("销号阶段：已销号")
    assert row_of(window, code)["status"] == "closed"
    assert problem_detail(window.session.db, dialog.problem_id)["closure_doc"] == "县整改办〔2026〕8号"
    assert tab.steps.rowCount() == 3

    with qtbot.waitSignal(window.changed, timeout=5000):
        window.actions_.undo.trigger()  # 编辑 → 撤销
    assert tab.stage.text() == "销号阶段：核查通过"
    assert row_of(window, code)["status"] == "completed"
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.actions_.redo.trigger()
    assert tab.stage.text().startswith("销号阶段：已销号")
    dialog.close()


def test_flag_needs_a_leader_and_gives_a_notice(qtbot, window, tmp_path, monkeypatch):
    dialog = open_problem(qtbot, window, "5")
    tab = dialog.supervision.closure
    dialog.tabs.setCurrentWidget(tab)
    assert tab.flag_info.text() == "未挂牌督办"
    qtbot.mouseClick(tab.flag_button, Qt.MouseButton.LeftButton)
    fill(qtbot, tab.form, reason="连续两期滞后")
    submit(qtbot, window, tab.form, ok=False)
    assert "督办领导" in tab.form.errors["leader"].text()
    fill(qtbot, tab.form, leader="王副县长")
    submit(qtbot, window, tab.form)
    assert "督办领导：王副县长" in tab.flag_info.text()
    assert row_of(window, "5")["id"] == dialog.problem_id

    out = tmp_path / "通知单.pdf"
    monkeypatch.setattr(prompts, "save_file", lambda *a, **k: str(out))
    shown = []
    monkeypatch.setattr(prompts, "inform", lambda _p, title, text: shown.append(text))
    qtbot.mouseClick(tab.notice_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert out.read_bytes().startswith(b"%PDF") and "督办通知单" in shown[0]
    dialog.close()


def test_revisit_finds_a_rebound_and_reopens(qtbot, window):
    dialog = open_problem(qtbot, window, "2")  # closed in the demo, revisited once
    tab = dialog.supervision.closure
    dialog.tabs.setCurrentWidget(tab)
    assert tab.stage.text().startswith("销号阶段：已销号") and tab.buttons["reopen"].isEnabled()
    qtbot.mouseClick(tab.buttons["revisit"], Qt.MouseButton.LeftButton)
    fill(qtbot, tab.form, person="县整改办", finding="河道两岸再现垃圾堆放")
    submit(qtbot, window, tab.form)
    qtbot.mouseClick(tab.buttons["reopen"], Qt.MouseButton.LeftButton)
    submit(qtbot, window, tab.form, ok=False)
    assert "原因" in tab.form.errors["reason"].text()
    fill(qtbot, tab.form, reason="回头看发现反弹")
    submit(qtbot, window, tab.form)
    assert tab.stage.text() == "销号阶段：重新打开"
    row = row_of(window, "2")
    assert row["status"] == "in_progress" and row["progress"] == "重新打开：回头看发现反弹"
    assert tab.buttons["apply"].isEnabled() and not tab.buttons["close"].isEnabled()
    dialog.close()


def test_a_big_file_is_asked_about_and_can_be_declined(qtbot, window, tmp_path, monkeypatch):
    import desktop.ui.supervision.evidence_tab as evidence_tab

    monkeypatch.setattr(evidence_tab, "WARN_BYTES", 10)
    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda _p, _t, text: asked.append(text) or False)
    dialog = open_problem(qtbot, window, "4")
    tab = dialog.supervision.evidence
    dialog.tabs.setCurrentWidget(tab)
    big = tmp_path / "航拍 视频.mp4"
    big.write_bytes(b"0" * 100)
    qtbot.mouseClick(tab.add, Qt.MouseButton.LeftButton)
    fill(qtbot, tab.form, file=str(big))
    submit(qtbot, window, tab.form, ok=False)
    assert asked and "较大" in tab.form.errors["file"].text()
    assert tab.table.rowCount() == 0 and window.session.db["evidence"].count_where(
        "problem_id = ?", [dialog.problem_id]) == 0
    monkeypatch.setattr(prompts, "confirm", lambda *_a: True)
    submit(qtbot, window, tab.form)
    assert tab.table.rowCount() == 1 and tab.table.item(0, 0).text() == "航拍 视频"
    dialog.close()
