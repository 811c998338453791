"""Undo, redo, backup and restore of the register, as operations for the task manager."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from db.backup import backup_register
from db.changes import StepInfo, redo, undo
from db.evidence_files import evidence_from_backup
from db.migrations import MIGRATIONS
from db.queries import step_touch
from desktop.ui.changes import Changes

SUPERVISION_TABLES = {"closure_steps", "flags", "evidence", "accountability", "chronicle"}


class NothingToDo(Exception):
    """Undo or redo had nothing to act on; the message is for the status bar."""


def _changes_of(db: Database, info: StepInfo, verb: str) -> Changes:
    touch = step_touch(db, info.id)
    message = f"已{verb}：{info.name}"
    supervision = bool(touch.tables & SUPERVISION_TABLES)
    if touch.problems_came_or_went or len(touch.problem_ids) > 200:
        return Changes(problems=True, progress=True, supervision=supervision,
                       petitions="petitions" in touch.tables, message=message)
    return Changes(problem_ids=touch.problem_ids, progress="progress_reports" in touch.tables,
                   petitions="petitions" in touch.tables, supervision=supervision,
                   message=message)


def undo_last(db: Database, _progress=None) -> Changes:
    info = undo(db)
    if info is None:
        raise NothingToDo("没有可以撤销的操作。")
    return _changes_of(db, info, "撤销")


def redo_last(db: Database, _progress=None) -> Changes:
    info = redo(db)
    if info is None:
        raise NothingToDo("没有可以重做的操作。")
    return _changes_of(db, info, "重做")


def backup_to(out: str | Path):
    def work(db: Database, _progress=None) -> Changes:
        target = backup_register(db, out)
        return Changes(message=f"已备份到：{target}")
    return work


def restore_from(source: str | Path):
    """Replace the register's content with a backup's, after backing up the current content."""
    def work(db: Database, _progress=None) -> Changes:
        path = Path(source)
        src = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            if not _is_register(src):
                raise ValueError(f"“{path.name}”不是整改台账的备份文件，未恢复。")
            safety = backup_register(db, reason="恢复前")
            src.backup(db.conn)
        finally:
            src.close()
        MIGRATIONS.apply(db)
        evidence_from_backup(db, path)
        return Changes.everything(f"已从备份恢复：{path.name}（恢复前的台账已备份到 {safety.name}）")
    return work


def _is_register(conn: sqlite3.Connection) -> bool:
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError:
        return False
    return {"problems", "undo_steps", "audit"} <= names
