"""Which register the window works on: the one asked for, the last one used, or the demo."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from db.connection import default_register_path, open_register
from db.demo import build_demo
from desktop.paths import data_dir

DEMO_NAME = "演示台账.db"
LAST_REGISTER_KEY = "register/last"


@dataclass
class Session:
    path: Path
    db: Database          # the UI thread's reading connection; writes go through TaskManager
    is_demo: bool = False
    notice: str = ""      # said once in the status bar

    @property
    def title(self) -> str:
        return "演示台账（演示数据）" if self.is_demo else self.path.stem

    def close(self) -> None:
        self.db.close()


def demo_path() -> Path:
    return data_dir() / DEMO_NAME


def fresh_demo() -> Session:
    """A freshly built demo register (the previous demo file, if any, is replaced)."""
    path = demo_path()
    for suffix in ("", "-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            extra.unlink()
    db = open_register(path)
    count = build_demo(db)
    notice = (f"未找到台账，已打开新建的演示台账（{count} 项演示任务）。"
              "开始正式工作请用“文件 → 新建台账”或“打开台账”。")
    return Session(path, db, is_demo=True, notice=notice)


def open_session(path: str | Path) -> Session:
    target = Path(path)
    is_new = not target.exists()
    db = open_register(target)
    notice = f"已新建台账：{target.name}" if is_new else f"已打开台账：{target.name}"
    return Session(target, db, is_demo=target.resolve() == demo_path().resolve(), notice=notice)


def start_session(asked: str | None, last: str | None) -> Session:
    """The --db register if given; else the last register used; else the default one; else demo."""
    if asked:
        return open_session(asked)
    for candidate in (last, default_register_path()):
        if candidate and Path(candidate).is_file() and Path(candidate) != demo_path():
            return open_session(candidate)
    return fresh_demo()
