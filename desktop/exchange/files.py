"""Evidence files (佐证材料) travel inside the package, named by their SHA-256; received files are
kept in the folder 佐证材料 beside the register, one folder per round and problem."""

from __future__ import annotations

import re
from pathlib import Path

from sqlite_utils import Database

from db.connection import register_path
from desktop.exchange.package_file import sha256

FOLDER = "佐证材料"


def _base(db: Database) -> Path:
    path = register_path(db)
    return path.parent if path else Path.cwd()


def resolve(db: Database, stored: str | None) -> Path | None:
    if not stored:
        return None
    path = Path(stored)
    return path if path.is_absolute() else _base(db) / path


def read_evidence_file(db: Database, stored: str | None) -> tuple[str, bytes] | None:
    path = resolve(db, stored)
    if path is None or not path.is_file():
        return None
    data = path.read_bytes()
    return sha256(data), data


def _safe(name: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip(" .")
    return cleaned[:80] or "文件"


def store_evidence_file(db: Database, round_name: str, code: str, name: str, data: bytes) -> str:
    """Write a received file (the same content already there is reused); returns its path."""
    folder = _base(db) / FOLDER / _safe(round_name) / _safe(code)
    folder.mkdir(parents=True, exist_ok=True)
    stem, suffix = Path(_safe(name)).stem, Path(_safe(name)).suffix
    for n in range(1, 1000):
        target = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}（{n}）{suffix}")
        if not target.exists():
            target.write_bytes(data)
            return str(target)
        if target.read_bytes() == data:
            return str(target)
    raise OSError(f"无法在“{folder}”中保存佐证材料“{name}”。")
