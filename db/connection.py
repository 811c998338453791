"""Opening the register: WAL, foreign keys, busy timeout, migrations (backed up first)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from db.migrations import MIGRATIONS
from desktop.paths import data_dir

DEFAULT_NAME = "整改台账.db"


class RegisterError(Exception):
    """The register file cannot be opened or is not a register; the message is Chinese."""


def default_register_path() -> Path:
    return data_dir() / DEFAULT_NAME


def _configure(db: Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    with db.ensure_autocommit_on():
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")


def open_register(path: str | Path | None = None, *, migrate: bool = True) -> Database:
    """Open (creating if needed) a register file and bring its schema up to date."""
    target = Path(path) if path else default_register_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    existed = target.exists() and target.stat().st_size > 0
    try:
        # no sqlite-utils plugins: the register uses none, and finding them scans every
        # installed package's entry points (20 ms or more at each start)
        db = Database(sqlite3.connect(str(target), check_same_thread=False),
                      execute_plugins=False)
        _configure(db)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise RegisterError(f"无法打开台账文件“{target}”：它不是有效的台账数据库（{exc}）。"
                            "请确认选择的是本程序的 .db 文件，或从备份恢复。") from exc
    if migrate:
        pending = MIGRATIONS.pending(db)
        if pending and existed and _has_tables(db):
            from db.backup import backup_register
            backup_register(db, reason="升级前")
        MIGRATIONS.apply(db)
    return db


def _has_tables(db: Database) -> bool:
    return bool(db.table_names())


def register_path(db: Database) -> Path | None:
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else None
