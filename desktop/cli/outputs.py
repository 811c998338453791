"""Output paths checked before anything is written or changed: a file the command will create
must be creatable where it is named, a folder must be a folder we may write into. A refusal
here (exit 1) comes before the register or any file is touched."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from desktop.cli import Refused


def _existing_ancestor(path: Path) -> Path:
    for parent in [path, *path.parents]:
        if parent.exists():
            return parent
    return Path.cwd()


def _check_folder(folder: Path, what: str) -> None:
    base = _existing_ancestor(folder)
    if not base.is_dir():
        raise Refused(f"{what}“{folder}”无法创建：“{base}”是一个文件而不是文件夹。请换一个位置。")
    if not os.access(base, os.W_OK | os.X_OK) or not _can_create_in(base):
        where = f"“{folder}”" if base == folder else f"“{folder}”所在的“{base}”"
        raise Refused(f"{what}{where}没有写入权限，无法写入。请换一个有写入权限的位置。")


def _can_create_in(folder: Path) -> bool:
    """A real try (an administrator passes os.access everywhere; a read-only disk does not)."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def check_output_file(path: str | Path, what: str = "输出文件") -> Path:
    """The file can be written: not a folder, its folder can be made and written, and if it
    already exists it is not read-only."""
    target = Path(path)
    if target.is_dir():
        raise Refused(f"{what}“{path}”是一个文件夹，请给出文件名。")
    if target.exists() and (not os.access(target, os.W_OK) or not target.stat().st_mode & 0o222):
        raise Refused(f"{what}“{path}”是只读的，无法覆盖。请换一个文件名或取消只读属性。")
    _check_folder(target.parent, f"{what}的文件夹")
    return target


def check_output_folder(path: str | Path, what: str = "输出文件夹") -> Path:
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise Refused(f"{what}“{path}”是一个文件，请给出文件夹。")
    _check_folder(target, what)
    return target
