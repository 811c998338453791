"""Opening the register: WAL, foreign keys, busy timeout, migrations (backed up first).

A register the program may not write is opened read-only and says why (db/transaction.py
refuses every write to it): a file without write permission (or in a folder without it), and a
register whose schema is newer than this program (made by a newer version).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from db.migrations import MIGRATIONS
from db.transaction import (
    BUSY_TIMEOUT_MS,
    RegisterError,
    RegisterReadOnly,
    mark_read_only,
    read_only_reason,
)
from desktop.paths import data_dir

DEFAULT_NAME = "整改台账.db"
__all__ = ["RegisterError", "RegisterReadOnly", "open_register", "read_only_reason"]


def default_register_path() -> Path:
    return data_dir() / DEFAULT_NAME


def _configure(db: Database, *, writable: bool) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if writable:
        with db.ensure_autocommit_on():
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")


def _not_writable(target: Path) -> bool:
    """True when the file (or, for WAL's side files, its folder) cannot be written."""
    if not target.stat().st_mode & 0o222:       # the read-only attribute, even for an admin
        return True
    return not os.access(target, os.W_OK) or not os.access(target.parent, os.W_OK)


def _connect(target: Path, *, read_only: bool) -> Database:
    if not target.exists():
        _create(target)
    try:
        if read_only:
            conn = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True,
                                   check_same_thread=False)
        else:
            conn = sqlite3.connect(str(target), check_same_thread=False)
        # no sqlite-utils plugins: the register uses none, and finding them scans every
        # installed package's entry points (20 ms or more at each start)
        db = Database(conn, execute_plugins=False)
        _configure(db, writable=not read_only)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise RegisterError(f"无法打开台账文件“{target}”：它不是有效的台账数据库（{exc}）。"
                            "请确认选择的是本程序的 .db 文件，或从备份恢复。") from exc
    return db


def _create(target: Path) -> None:
    """The folder and an empty file, so a place that cannot be written is said as such."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.touch()
    except OSError as exc:
        raise RegisterError(f"无法在“{target.parent}”创建台账文件（{exc.strerror or exc}）。"
                            "请换一个有写入权限的位置。") from exc


def open_register(path: str | Path | None = None, *, migrate: bool = True) -> Database:
    """Open (creating if needed) a register file and bring its schema up to date; a register
    that may not be written is opened read-only (see read_only_reason)."""
    target = Path(path) if path else default_register_path()
    existed = target.exists() and target.is_file() and target.stat().st_size > 0
    read_only = existed and _not_writable(target)
    db = _connect(target, read_only=read_only)
    if read_only:
        mark_read_only(db, f"台账文件“{target.name}”是只读的（没有写入权限），已以只读方式打开："
                           "可以查看、导出和检查，但不能导入、收集、撤销或修改。"
                           "如需修改，请取消文件的只读属性或复制到有写入权限的文件夹。")
    newer = _newer_migrations(db)
    if newer:
        if not read_only:
            db.conn.close()
            db = _connect(target, read_only=True)
        mark_read_only(db, f"台账文件“{target.name}”由更新版本的程序创建（含本程序不认识的结构更新："
                           f"{'、'.join(newer[:3])}），已以只读方式打开，不能写入。请升级本程序后再修改。")
    elif migrate and not read_only:
        _migrate(db, existed)
    return db


def _newer_migrations(db: Database) -> list[str]:
    known = {m.name for m in MIGRATIONS._migrations}
    try:
        return [m.name for m in MIGRATIONS.applied(db) if m.name not in known]
    except sqlite3.DatabaseError:
        return []


def _migrate(db: Database, existed: bool) -> None:
    pending = MIGRATIONS.pending(db)
    if pending and existed and _has_tables(db):
        from db.backup import backup_register
        backup_register(db, reason="升级前")
    MIGRATIONS.apply(db)


def _has_tables(db: Database) -> bool:
    return bool(db.table_names())


def register_path(db: Database) -> Path | None:
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else None
