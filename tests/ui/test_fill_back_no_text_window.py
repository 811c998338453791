"""填回上级表 through the window with a template that has no problem-text column: filled by the
round its title names and the code, with a warning; a template naming no round is refused."""

from __future__ import annotations

from openpyxl import load_workbook

from desktop.ui import prompts
from tests.ledger.writing.test_fill_back_no_text import PROGRESS_COL, template
from tests.ui.test_exports import run_action, told
from tests.ui.test_units_window import COUNTY_ROUND


def fill_back_through_the_window(qtbot, window, monkeypatch, path, out) -> list:
    monkeypatch.setattr(prompts, "open_file", lambda *a: str(path))
    monkeypatch.setattr(prompts, "save_file", lambda *a: str(out))
    monkeypatch.setattr(prompts, "ask_text", lambda *a: "2024-06-30")
    said = told(monkeypatch)
    run_action(qtbot, window, window.actions_.fill_back)
    return said


def test_no_text_template_filled_by_its_titles_round_with_a_warning(qtbot, county_window,
                                                                    monkeypatch, tmp_path):
    window, out = county_window, tmp_path / "回填.xlsx"
    path = template(tmp_path, f"{COUNTY_ROUND}整改进展表")
    said = fill_back_through_the_window(qtbot, window, monkeypatch, path, out)
    assert said[-1][0] == "填回上级表" and "未能核对问题内容" in said[-1][1]
    progress = dict(window.session.db.execute(
        "SELECT code, progress FROM problems p JOIN rounds r ON r.id = p.round_id WHERE"
        " r.name = ? AND code IN ('1', '2')", [COUNTY_ROUND]).fetchall())
    assert len(progress) == 2 and all(progress.values())
    ws = load_workbook(out).active
    assert [ws.cell(r, PROGRESS_COL).value for r in (3, 4)] == [progress["1"], progress["2"]]


def test_no_text_template_of_no_round_is_refused(qtbot, county_window, monkeypatch, tmp_path):
    out = tmp_path / "回填.xlsx"
    said = fill_back_through_the_window(qtbot, county_window, monkeypatch,
                                        template(tmp_path, "整改进展表"), out)
    assert not out.exists() and "没有问题内容列" in said[-1][1]
