"""Backups through SQLite's backup API, and the integrity check."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from db.migrations import latest_version, schema_version
from desktop.paths import backups_dir


def backup_register(db: Database, out: str | Path | None = None, *, reason: str = "") -> Path:
    """A consistent copy of the open register; by default into the backups folder. The
    evidence files go into "<backup stem>-佐证材料" beside it."""
    if out is None:
        from db.connection import register_path
        source = register_path(db)
        stem = source.stem if source else "register"
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        suffix = f"-{reason}" if reason else ""
        out = backups_dir() / f"{stem}-{stamp}{suffix}.db"
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    if db["evidence"].exists():  # the evidence files go with the register
        from db.evidence_files import evidence_into_backup

        evidence_into_backup(db, target)
    return target


@dataclass
class CheckResult:
    ok: bool
    schema_version: int
    latest_version: int
    messages: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


_COUNTED = ("rounds", "problems", "measures", "progress_reports", "petitions", "units",
            "import_batches", "undo_steps")


def check_register(db: Database) -> CheckResult:
    """PRAGMA integrity_check and foreign_key_check, schema version, row counts."""
    messages: list[str] = []
    integrity = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    if integrity != ["ok"]:
        messages.extend(f"完整性检查：{m}" for m in integrity)
    fk = db.execute("PRAGMA foreign_key_check").fetchall()
    for table, rowid, parent, _ in fk:
        messages.append(f"外键错误：表 {table} 第 {rowid} 行引用的 {parent} 记录不存在")
    version, latest = schema_version(db), latest_version()
    if version > latest:
        messages.append(f"数据库结构版本为 {version}，高于本程序支持的 {latest}：台账由更新版本的程序创建，"
                        "请升级本程序（台账本身无需恢复）")
    elif version != latest:
        messages.append(f"数据库结构版本为 {version}，程序需要 {latest}")
    counts = {t: db[t].count for t in _COUNTED if db[t].exists()}
    return CheckResult(not messages, version, latest, messages, counts)
