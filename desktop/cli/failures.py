"""The last guard of every command: a failure the command did not turn into a refusal itself
becomes a Chinese message and exit 1, never a traceback. Each command writes its changes in one
transaction (db/transaction.py) and checks its output paths before writing (outputs.py), so at
this point nothing was changed."""

from __future__ import annotations

import sqlite3

from db.transaction import BUSY_MESSAGE, BUSY_TIMEOUT_MS, RegisterError, is_busy
from desktop.ledger.errors import LedgerRefused


def explain(exc: BaseException) -> str | None:
    """The clerk's message for a failure, or None when it is a fault of the program itself."""
    if isinstance(exc, (LedgerRefused, RegisterError)):
        return str(exc)
    if is_busy(exc):
        return BUSY_MESSAGE.format(seconds=BUSY_TIMEOUT_MS // 1000)
    if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc).lower():
        return ("台账文件不能写入（只读文件、只读文件夹或由更新版本的程序创建），本次操作未执行，台账未改变。"
                "请检查文件的写入权限，或复制到有写入权限的文件夹后再试。")
    if isinstance(exc, sqlite3.DatabaseError):
        return (f"台账文件读写出错（{exc}），本次操作未完成，台账未改变。"
                "请运行 check 检查台账，必要时从备份恢复。")
    if isinstance(exc, MemoryError):
        return "内存不足，本次操作未完成，台账未改变。请关闭其他程序或拆分文件后再试。"
    if isinstance(exc, OSError):
        where = f"“{exc.filename}”" if exc.filename else ""
        return (f"无法读写文件{where}（{exc.strerror or exc}），本次操作未完成。"
                "请检查路径、写入权限和磁盘空间后再试。")
    return None
