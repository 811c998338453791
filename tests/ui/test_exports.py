"""File → 导出 through the window: the ledger, unit forms out and back in (undoable), fill-back."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from db.queries import problem_detail
from desktop.ledger.reading.ledger import read_ledger
from desktop.ui import prompts, unit_forms_dialog
from desktop.ui.unit_forms_dialog import DistributionChoice
from tests.ledger.forms_support import fill_form
from tests.ui.test_units_window import COUNTY_ROUND


def run_action(qtbot, window, action) -> None:
    with qtbot.waitSignal(window.tasks.done, timeout=60000):
        action.trigger()


def told(monkeypatch) -> list[tuple[str, str]]:
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(prompts, "inform", lambda _p, title, text: said.append((title, text)))
    monkeypatch.setattr(prompts, "warn", lambda _p, title, text: said.append((title, text)))
    # a result with files written is one question: what was done, and open the folder?
    monkeypatch.setattr(prompts, "confirm",
                        lambda _p, title, text: said.append((title, text)) and False)
    return said


def test_export_the_ledger(qtbot, window, monkeypatch, tmp_path):
    out = tmp_path / "导出 台账.xlsx"
    monkeypatch.setattr(prompts, "save_file", lambda *a: str(out))
    said = told(monkeypatch)
    run_action(qtbot, window, window.actions_.export_ledger)
    assert out.exists() and load_workbook(out).active.max_row > 63
    assert said and "63 个问题" in said[0][1]


def test_unit_forms_out_and_collected_back_as_one_undoable_step(qtbot, window, monkeypatch,
                                                               tmp_path):
    period = f"{dt.date.today():%Y-%m}"
    folder = tmp_path / "填报表"
    monkeypatch.setattr(unit_forms_dialog, "ask",
                        lambda *a: DistributionChoice(period, [], [], False))
    monkeypatch.setattr(prompts, "choose_folder", lambda *a: str(folder))
    said = told(monkeypatch)
    run_action(qtbot, window, window.actions_.unit_forms)
    forms = sorted(folder.glob("*.xlsx"))
    assert forms and "生成" in said[-1][1]
    filled = fill_form(forms[0], tmp_path / "交回.xlsx",
                       {0: {"text": "本月完成管网铺设", "status_text": "达到序时进度",
                            "percent": 66}})
    monkeypatch.setattr(prompts, "open_files", lambda *a: [str(filled)])
    with qtbot.waitSignal(window.changed, timeout=60000):
        window.actions_.collect.trigger()
    assert "新记录 1 条" in said[-1][1]
    found = [r for r in window.register_view.model.all_rows()
             if r["progress"].endswith("本月完成管网铺设")]
    assert len(found) == 1
    assert window.actions_.undo.text().startswith("撤销 收集填报表")
    with qtbot.waitSignal(window.changed, timeout=10000):
        window.actions_.undo.trigger()
    detail = problem_detail(window.session.db, found[0]["id"])
    assert not detail["progress"].endswith("本月完成管网铺设")


def test_fill_back_into_the_superiors_workbook(qtbot, county_window, monkeypatch, samples,
                                               tmp_path):
    """The register holds the demo's problems 1–63 and the county's 1–8: each row of the county's
    workbook must get its own problem's words, never the demo problem of the same number."""
    window = county_window
    db = window.session.db
    template = samples / "ledger_county_problems.xlsx"
    out = tmp_path / "回填.xlsx"
    opened: list[str] = []
    monkeypatch.setattr(prompts, "open_file", lambda *a: str(template))
    monkeypatch.setattr(prompts, "save_file", lambda *a: str(out))
    monkeypatch.setattr(prompts, "ask_text", lambda *a: "2024-06-30")
    said = told(monkeypatch)
    monkeypatch.setattr(prompts, "confirm", lambda _p, title, text: said.append((title, text))
                        or "打开所在文件夹" in text)
    monkeypatch.setattr(prompts, "open_folder", opened.append)
    run_action(qtbot, window, window.actions_.fill_back)
    assert said and said[-1][0] == "填回上级表" and "截至日期已改为2024-06-30" in said[-1][1]
    assert opened == [str(out.parent)]
    ws = load_workbook(out).active
    progress = dict(db.execute("SELECT description, progress FROM problems p JOIN rounds r ON "
                               "r.id = p.round_id WHERE r.name = ?", [COUNTY_ROUND]).fetchall())
    rows = read_ledger(template).problems
    assert len(rows) == 8
    for row in rows:
        assert ws.cell(row["source_row"], 9).value == progress[row["description"]]
    assert ws["H2"].value == "截至：2024年6月30日"


def test_fill_back_refuses_a_template_of_other_problems(qtbot, window, monkeypatch, samples,
                                                       tmp_path):
    out = tmp_path / "回填.xlsx"
    monkeypatch.setattr(prompts, "open_file",
                        lambda *a: str(samples / "ledger_county_problems.xlsx"))
    monkeypatch.setattr(prompts, "save_file", lambda *a: str(out))
    monkeypatch.setattr(prompts, "ask_text", lambda *a: "2024-06-30")
    said = told(monkeypatch)
    run_action(qtbot, window, window.actions_.fill_back)
    assert not out.exists()
    assert said and "不是本台账的问题" in said[-1][1] and "第5行问题1" in said[-1][1]


def test_fill_back_asks_first_when_the_template_holds_what_a_save_drops(qtbot, window, monkeypatch,
                                                                        tmp_path):
    from tests.ledger.writing.test_fill_back import superior_template

    template = superior_template(tmp_path / "带图片 上级表.xlsx", image=True)
    out = tmp_path / "回填.xlsx"
    asked: list[str] = []
    monkeypatch.setattr(prompts, "open_file", lambda *a: str(template))
    monkeypatch.setattr(prompts, "save_file", lambda *a: str(out))
    monkeypatch.setattr(prompts, "confirm", lambda _p, _t, text: asked.append(text) or False)
    window.actions_.fill_back.trigger()
    assert asked and "图片" in asked[0] and not out.exists()
