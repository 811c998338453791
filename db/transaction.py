"""The one way the register is written: `with write_transaction(db):`.

It takes the write lock first (BEGIN IMMEDIATE), waiting patiently while another program or
window is writing, so whatever is read inside it (a plan, a unit list) is still true when it is
written; a write transaction opened inside another becomes a savepoint. A register opened
read-only (file not writable, or made by a newer version of the program) refuses every write
before anything happens, with a Chinese message.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

BUSY_TIMEOUT_MS = 30_000
# id(connection) → (the connection, kept so its id is not reused; why it is read-only)
_READ_ONLY: dict[int, tuple[sqlite3.Connection, str]] = {}


class RegisterError(Exception):
    """The register file cannot be opened, written or is not a register; the message is Chinese."""


class RegisterReadOnly(RegisterError):
    """The register was opened read-only; the message says why and what to do."""


class RegisterBusy(RegisterError):
    """Another program kept the register locked for longer than we waited."""


BUSY_MESSAGE = ("台账正被另一个程序或窗口写入（等待 {seconds} 秒后仍未结束），本次操作未执行，台账未改变。"
                "请等对方完成后再试。")


def mark_read_only(db: Database, reason: str) -> None:
    _READ_ONLY[id(db.conn)] = (db.conn, reason)


def read_only_reason(db: Database) -> str | None:
    held = _READ_ONLY.get(id(db.conn))
    return held[1] if held and held[0] is db.conn else None


def require_writable(db: Database) -> None:
    reason = read_only_reason(db)
    if reason:
        raise RegisterReadOnly(reason)


def is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One transaction holding the write lock from its first statement (or a savepoint inside
    one already open)."""
    require_writable(db)
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise RegisterBusy(BUSY_MESSAGE.format(seconds=BUSY_TIMEOUT_MS // 1000)) from exc
        raise
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    try:
        db.conn.execute("COMMIT")
    except BaseException:
        db.conn.rollback()
        raise
