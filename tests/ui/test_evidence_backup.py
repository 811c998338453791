"""Evidence files travel with the register: File → 备份 puts them beside the backup, 恢复 brings
them back; File → 导出 → 佐证材料档案 writes the archive."""

from __future__ import annotations

import shutil

import openpyxl

from db.evidence_files import evidence_dir, evidence_dir_for
from desktop.ui import prompts


def test_backup_restore_and_archive_carry_the_files(qtbot, window, tmp_path, monkeypatch):
    db = window.session.db
    stored = [r[0] for r in db.execute("SELECT DISTINCT path FROM evidence").fetchall()]
    assert stored
    backup = tmp_path / "U盘" / "备份 台账.db"
    monkeypatch.setattr(prompts, "save_file", lambda *a, **k: str(backup))
    with qtbot.waitSignal(window.tasks.done, timeout=20000):
        window.actions_.backup.trigger()
    for relative in stored:
        assert (evidence_dir_for(backup) / relative).is_file()

    shutil.rmtree(evidence_dir(db))  # the laptop lost its evidence folder
    monkeypatch.setattr(prompts, "open_file", lambda *a, **k: str(backup))
    monkeypatch.setattr(prompts, "confirm", lambda *a, **k: True)
    with qtbot.waitSignal(window.changed, timeout=20000):
        window.actions_.restore.trigger()
    for relative in stored:
        assert (evidence_dir(db) / relative).is_file()

    archive = tmp_path / "档案 文件夹"
    monkeypatch.setattr(prompts, "choose_folder", lambda *a, **k: str(archive))
    shown = []
    monkeypatch.setattr(prompts, "inform", lambda _p, _t, text: shown.append(text))
    window.supervision_actions["exportArchiveMenu"].trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert window.current_view() == "supervision"
    rows = list(openpyxl.load_workbook(archive / "档案目录.xlsx").active.iter_rows(
        min_row=2, values_only=True))
    assert len(rows) == db["evidence"].count and all(r[-1] == "已归档" for r in rows)
    assert "已导出佐证材料档案" in shown[0]
