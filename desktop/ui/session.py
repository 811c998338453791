"""Which register the window works on: the one asked for, the last one used, or the demo."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from db.connection import default_register_path, open_register
from db.demo import build_demo
from desktop.paths import data_dir
from desktop.ui.instance import claim

DEMO_NAME = "演示台账.db"
LAST_REGISTER_KEY = "register/last"


@dataclass
class Session:
    path: Path
    db: Database          # the UI thread's reading connection; writes go through TaskManager
    is_demo: bool = False
    notice: str = ""      # said once in the status bar
    lock: object = None   # the QLockFile that keeps a second window off this register

    @property
    def title(self) -> str:
        return "演示台账（演示数据）" if self.is_demo else self.path.stem

    def close(self) -> None:
        self.db.close()
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None


def demo_path() -> Path:
    return data_dir() / DEMO_NAME


def demo_session() -> Session:
    """The demo register: built when it does not exist or holds nothing, else opened as it is.
    The file is locked first, so a demo open in another window is never rebuilt under it."""
    path = demo_path()
    lock = claim(path)
    try:
        db = open_register(path)
        count = db["problems"].count
        if count == 0:
            count = build_demo(db)
    except BaseException:
        lock.unlock()
        raise
    notice = (f"已打开演示台账（{count} 项演示任务）。开始正式工作请用“文件 → 新建台账”"
              "或从开始页导入上级台账。")
    return Session(path, db, is_demo=True, notice=notice, lock=lock)


def open_session(path: str | Path, *, lock: bool = True) -> Session:
    target = Path(path)
    held = claim(target) if lock else None
    try:
        is_new = not target.exists()
        db = open_register(target)
    except BaseException:
        if held is not None:
            held.unlock()
        raise
    notice = f"已新建台账：{target.name}" if is_new else f"已打开台账：{target.name}"
    return Session(target, db, is_demo=target.resolve() == demo_path().resolve(), notice=notice,
                   lock=held)


def start_session(asked: str | None, last: str | None, *, lock: bool = True) -> Session:
    """The --db register if given; else the last register used; else the default register
    (created empty on first start: the window shows its start page). Never the demo unasked."""
    if asked:
        return open_session(asked, lock=lock)
    for candidate in (last, default_register_path()):
        if candidate and Path(candidate).is_file():
            return open_session(candidate, lock=lock)
    session = open_session(default_register_path(), lock=lock)
    session.notice = (f"首次使用：已在用户数据目录新建台账 {session.path}。"
                      "可从开始页导入上级台账，或打开演示台账看看。")
    return session
