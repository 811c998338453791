"""On an imported ledger (the county sample), through the window: close a completed problem with
an evidence file, flag another and print the list, record an accountability case, and see the
disclosure paragraph count it (MONTH.md step 10)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.ui import prompts
from tests.ui.test_closure_tab import fill, submit
from tests.ui.test_problem_dialog import open_problem, row_of


@pytest.fixture
def county_window(qtbot, tmp_path, samples):
    from db.connection import open_register
    from desktop.ledger.importing.importer import import_file
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import open_session
    from desktop.ui.settings import window_settings

    path = tmp_path / "县 台账.db"
    db = open_register(path)
    assert import_file(db, samples / "ledger_county_problems.xlsx").committed
    db.close()
    win = MainWindow(open_session(path), window_settings(), remember_layout=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def test_close_flag_and_hold_accountable_on_an_imported_ledger(qtbot, county_window, tmp_path,
                                                               monkeypatch):
    window = county_window
    rows = window.register_view.model.all_rows()
    done = next(r["code"] for r in rows if r["status"] == "completed")
    behind = next(r["code"] for r in rows if r["status"] == "behind_schedule")
    dialog = open_problem(qtbot, window, done)
    evidence, tab = dialog.supervision.evidence, dialog.supervision.closure
    photo = tmp_path / "整改后 照片.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n not a real picture")
    monkeypatch.setattr(prompts, "open_file", lambda *a, **k: str(photo))
    dialog.tabs.setCurrentWidget(evidence)
    qtbot.mouseClick(evidence.add, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(evidence.form.findChild(type(evidence.add), "fileBrowse"),
                     Qt.MouseButton.LeftButton)
    assert evidence.form.editors["file"].text() == str(photo)
    submit(qtbot, window, evidence.form)
    dialog.tabs.setCurrentWidget(tab)
    for kind, values in (("apply", {}), ("verify", {"person": "县整改办"}),
                         ("close", {"doc": "县整改办〔2026〕2号"})):
        qtbot.mouseClick(tab.buttons[kind], Qt.MouseButton.LeftButton)
        fill(qtbot, tab.form, **values)
        submit(qtbot, window, tab.form)
    assert row_of(window, done)["status"] == "closed"
    dialog.close()

    dialog = open_problem(qtbot, window, behind)
    tab = dialog.supervision.closure
    dialog.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.flag_button, Qt.MouseButton.LeftButton)
    fill(qtbot, tab.form, leader="周副县长", reason="进度滞后")
    submit(qtbot, window, tab.form)
    dialog.close()

    window.actions_.views[5].trigger()
    pane = window.supervision.flagged
    qtbot.waitUntil(lambda: pane.table.rowCount() == 1)
    assert pane.table.item(0, 0).text() == behind and pane.table.item(0, 3).text() == "周副县长"
    out = tmp_path / "挂牌 清单.pdf"
    monkeypatch.setattr(prompts, "save_file", lambda *a, **k: str(out))
    shown = []
    monkeypatch.setattr(prompts, "inform", lambda _p, _t, text: shown.append(text))
    qtbot.mouseClick(pane.buttons["exportFlaggedPdf"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert out.read_bytes().startswith(b"%PDF")

    window.supervision.show_pane("accountability")
    accountable = window.supervision.accountability
    qtbot.mouseClick(accountable.buttons["addAccountability"], Qt.MouseButton.LeftButton)
    fill(qtbot, accountable.form, unit="县城管局", link=behind)
    submit(qtbot, window, accountable.form)
    window.show_view("dashboard")
    qtbot.waitUntil(lambda: window.dashboard.paragraph.text().endswith(
        "；对1个责任单位进行追责问责。"), timeout=20000)
    assert "已销号 2" in window.dashboard.closure_counts.text()  # one imported as 已销号
