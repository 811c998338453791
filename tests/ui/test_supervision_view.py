"""督办销号 screen through the window: accept a proposed flag, print the flagged list (PDF and
Excel), record an accountability case that the disclosure paragraph counts, the chronicle by hand
and from proposals, the closure stages list, and the register's filter by stage."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt

from db.queries import ProblemFilter, problem_list
from desktop.ui import prompts
from tests.ui.helpers import choose, type_text
from tests.ui.test_closure_tab import fill, submit


def show_supervision(qtbot, window, pane: str):
    window.actions_.views[5].trigger()  # 视图 → 督办销号
    view = window.supervision
    assert window.current_view() == "supervision"
    view.show_pane(pane)
    qtbot.waitUntil(lambda: view.flagged.table.rowCount() > 0)
    return view


def test_accept_a_proposed_flag_and_print_the_list(qtbot, window, tmp_path, monkeypatch):
    view = show_supervision(qtbot, window, "flagged")
    pane = view.flagged
    before = pane.table.rowCount()
    assert pane.proposals.rowCount() > 0
    code = pane.proposals.item(0, 0).text()
    pane.proposals.selectRow(0)
    qtbot.mouseClick(pane.buttons["acceptProposal"], Qt.MouseButton.LeftButton)
    form = pane.form
    assert form.editors["reason"].toPlainText() in ("连续两期未达序时进度", "已逾期未完成整改")
    submit(qtbot, window, form, ok=False)
    assert "督办领导" in form.errors["leader"].text()
    choose(qtbot, form.editors["level"], "市")
    fill(qtbot, form, leader="李副县长")
    submit(qtbot, window, form)
    assert pane.table.rowCount() == before + 1
    codes = [pane.table.item(r, 0).text() for r in range(pane.table.rowCount())]
    assert code in codes
    assert code not in [pane.proposals.item(r, 0).text() for r in range(pane.proposals.rowCount())]

    shown = []
    monkeypatch.setattr(prompts, "inform", lambda _p, _t, text: shown.append(text))
    for kind, name in (("pdf", "清单.pdf"), ("xlsx", "清单.xlsx")):
        monkeypatch.setattr(prompts, "save_file", lambda *a, n=name, **k: str(tmp_path / n))
        qtbot.mouseClick(pane.buttons[f"exportFlagged{kind.capitalize()}"],
                         Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda k=kind: len(shown) == (1 if k == "pdf" else 2), timeout=20000)
    assert (tmp_path / "清单.pdf").read_bytes().startswith(b"%PDF")
    sheet = openpyxl.load_workbook(tmp_path / "清单.xlsx").active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert "挂牌督办问题清单" in cells and "李副县长" in cells and code in cells


def test_accountability_case_counts_in_the_disclosure_paragraph(qtbot, window):
    view = show_supervision(qtbot, window, "accountability")
    pane = view.accountability
    before = pane.table.rowCount()
    assert pane.counts.text() == "共对2个责任单位、2名责任人进行追责问责。"
    qtbot.mouseClick(pane.buttons["addAccountability"], Qt.MouseButton.LeftButton)
    form = pane.form
    fill(qtbot, form, unit="", person="")
    submit(qtbot, window, form, ok=False)
    assert "单位或个人" in form.errors["unit"].text()
    fill(qtbot, form, unit="县水利局", person="赵某", link="不存在的编号")
    submit(qtbot, window, form, ok=False)
    assert "没有编号" in form.errors["link"].text()
    fill(qtbot, form, link="3")
    action = form.editors["action"].lineEdit()  # a list to pick from, or the clerk's own words
    action.clear()
    type_text(qtbot, action, "诫勉")
    submit(qtbot, window, form)
    assert pane.table.rowCount() == before + 1
    assert pane.counts.text() == "共对2个责任单位、3名责任人进行追责问责。"
    assert window.session.db.execute("SELECT count(*) FROM accountability a JOIN problems p ON"
                                      " p.id = a.problem_id WHERE p.code = '3' AND"
                                      " a.person = '赵某'").fetchone()[0] == 1
    window.show_view("dashboard")
    qtbot.waitUntil(lambda: "3名责任人进行追责问责" in window.dashboard.paragraph.text(),
                    timeout=20000)
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: "2名责任人进行追责问责" in window.dashboard.paragraph.text(),
                    timeout=20000)


def test_chronicle_by_hand_from_proposals_and_to_word(qtbot, window, tmp_path, monkeypatch):
    view = show_supervision(qtbot, window, "chronicle")
    pane = view.chronicle
    before = pane.table.rowCount()
    assert pane.proposals.rowCount() >= 2  # the demo's closures and flags
    qtbot.mouseClick(pane.buttons["addChronicle"], Qt.MouseButton.LeftButton)
    form = pane.form
    submit(qtbot, window, form, ok=False)
    assert "标题" in form.errors["title"].text()
    choose(qtbot, form.editors["kind"], "调度")
    fill(qtbot, form, happened_on="2026-01-05", title="召开整改调度会", content="听取各单位汇报")
    submit(qtbot, window, form)
    assert pane.table.rowCount() == before + 1
    titles = [pane.table.item(r, 2).text() for r in range(pane.table.rowCount())]
    dates = [pane.table.item(r, 0).text() for r in range(pane.table.rowCount())]
    assert "召开整改调度会" in titles and dates == sorted(dates)

    proposed = pane.proposals.rowCount()
    with qtbot.waitSignal(window.changed, timeout=5000):
        qtbot.mouseClick(pane.buttons["acceptAllChronicle"], Qt.MouseButton.LeftButton)
    assert pane.proposals.rowCount() == 0
    assert pane.table.rowCount() == before + 1 + proposed

    out = tmp_path / "大事记.docx"
    monkeypatch.setattr(prompts, "save_file", lambda *a, **k: str(out))
    shown = []
    monkeypatch.setattr(prompts, "inform", lambda _p, _t, text: shown.append(text))
    qtbot.mouseClick(pane.buttons["exportChronicle"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    import docx

    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert "召开整改调度会" in text and "2026年1月5日" in text


def test_stage_list_and_register_filter_by_stage(qtbot, window):
    view = show_supervision(qtbot, window, "closure")
    pane = view.closure
    assert "已销号 2" in pane.counts.text() and "已回头看 3" in pane.counts.text()
    choose(qtbot, pane.stage, "已申请销号")
    assert pane.table.rowCount() == 1
    window.show_view("dashboard")
    qtbot.waitUntil(lambda: "已申请销号 1" in window.dashboard.closure_counts.text())
    window.show_view("register")
    bar = window.register_view.filters
    choose(qtbot, bar.stage, "已销号")
    qtbot.waitUntil(lambda: len(window.register_view.model.all_rows()) == 2)
    assert {r["code"] for r in window.register_view.model.all_rows()} == {"1", "2"}
    assert len(problem_list(window.session.db, ProblemFilter(stage="reopened"))) == 1
