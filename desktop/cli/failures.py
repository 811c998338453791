"""The last guard of every command: a failure the command did not turn into a refusal itself
becomes a Chinese message and exit 1, never a traceback. Each command writes its changes in one
transaction (db/transaction.py) and checks its output paths before writing (outputs.py), so at
this point nothing was changed."""

from __future__ import annotations

import datetime as dt
import sqlite3
import traceback

from db.transaction import BUSY_MESSAGE, BUSY_TIMEOUT_MS, RegisterError, is_busy
from desktop.ledger.errors import LedgerRefused


def explain(exc: BaseException) -> str:
    """The clerk's message for a failure; a fault of the program itself is logged to a file the
    clerk can send to the maintainers, and said as such."""
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
    return _internal(exc)


def _internal(exc: BaseException) -> str:
    detail = f"{type(exc).__name__}: {exc}"[:300]
    try:
        from desktop.paths import data_dir

        folder = data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / f"错误-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.txt"
        log.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
        where = f"详细信息已保存到“{log}”，请把该文件发给维护人员。"
    except OSError:
        where = "请把以上信息告诉维护人员。"
    return (f"程序内部错误（{detail}），本次操作未完成；台账的每次写入都是整体进行的，"
            f"出错时不会只写入一半。{where}")
