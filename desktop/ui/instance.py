"""One window per register: a lock file beside the register while a window has it open.

A second window (or a second start of the program) on the same register is refused with a
message saying it is open elsewhere; a lock left by a program that crashed is taken over
(QLockFile checks whether its process still runs)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from db.connection import RegisterError


class RegisterInUse(RegisterError):
    """The register is open in another window of the program."""


def lock_path(register: Path) -> Path:
    return register.with_name(register.name + ".lock")


def claim(register: Path) -> QLockFile:
    """Lock the register for this window; RegisterInUse when another window holds it."""
    register.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(lock_path(register)))
    lock.setStaleLockTime(0)  # only a dead process's lock is stale, however old
    if lock.tryLock(200):
        return lock
    if lock.error() != QLockFile.LockError.LockFailedError:
        raise RegisterError(f"无法在台账所在的文件夹（{register.parent}）中写入，台账不能打开。"
                            "请把台账放到可以写入的文件夹（如“文档”），或检查该文件夹的权限。")
    raise RegisterInUse(
        f"台账“{register.name}”已在另一个整改台账窗口中打开（{register.parent}）。\n"
        "同一台账同时只能在一个窗口中修改：请切换到已打开的窗口，或先关闭它再打开。")
