"""佐证材料 files: content-addressed in an evidence folder beside the register.

    evidence_dir(db) -> Path                 # "<register stem>-佐证材料" next to the register file
    inspect_file(path) -> EvidenceFile        # refuses a missing or unreadable file (Chinese)
    store_file(db, path) -> EvidenceFile      # copied in once per content (sha256), never linked
    store_bytes(db, data, suffix) -> EvidenceFile  # a file's content received (exchange packages)
    stored_path(db, relative) -> Path
    carry_evidence(source_dir, target_dir, names) -> copies what the target lacks

A file is kept as "<first two hex digits>/<sha256><suffix>", so the same file attached twice is
stored once; removing an attachment leaves the file in place (undo may bring it back).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

WARN_BYTES = 50 * 1024 * 1024     # above this the clerk is asked before the file is copied in
FOLDER_SUFFIX = "-佐证材料"
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp"}


class EvidenceRefused(Exception):
    """The file cannot be taken as evidence; the message is Chinese and names the file."""


@dataclass(frozen=True)
class EvidenceFile:
    source: Path
    sha256: str
    size: int
    pages: int | None
    relative: str = ""

    @property
    def too_big(self) -> bool:
        return self.size > WARN_BYTES

    @property
    def size_text(self) -> str:
        return f"{self.size / 1024 / 1024:.1f} MB"


def evidence_dir_for(register: Path) -> Path:
    return register.parent / f"{register.stem}{FOLDER_SUFFIX}"


def evidence_dir(db: Database) -> Path:
    from db.connection import register_path

    path = register_path(db)
    if path is None:
        raise EvidenceRefused("内存中的台账不能保存佐证材料，请先把台账保存为文件。")
    return evidence_dir_for(path)


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def count_pages(path: Path) -> int | None:
    """Pages where they are known: PDF page objects, a Word file's own count, one per image."""
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return 1
    try:
        if suffix == ".pdf":
            found = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", path.read_bytes()))
            return found or None
        if suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                text = archive.read("docProps/app.xml").decode("utf-8", "replace")
            match = re.search(r"<Pages>(\d+)</Pages>", text)
            return int(match.group(1)) if match else None
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    return None


def inspect_file(path: str | Path) -> EvidenceFile:
    source = Path(path)
    if not source.exists():
        raise EvidenceRefused(f"找不到文件“{source}”：请确认 U 盘或文件夹仍已连接，然后重新选择。")
    if not source.is_file():
        raise EvidenceRefused(f"“{source}”是一个文件夹，请选择其中的文件。")
    try:
        digest = _digest(source)
    except OSError as exc:
        raise EvidenceRefused(f"无法读取文件“{source.name}”（{exc.strerror or exc}）："
                              "请确认文件未被其他程序占用、有读取权限后重试。") from exc
    return EvidenceFile(source, digest, source.stat().st_size, count_pages(source))


def store_file(db: Database, path: str | Path) -> EvidenceFile:
    """Copy the file into the evidence folder (once per content); returns it with `relative`."""
    found = inspect_file(path)
    relative = _relative(found.sha256, found.source.suffix)
    target = evidence_dir(db) / relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        try:
            shutil.copyfile(found.source, partial)
            os.replace(partial, target)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise EvidenceRefused(f"无法把“{found.source.name}”复制到佐证材料文件夹"
                                  f"（{exc.strerror or exc}），未添加。") from exc
    return EvidenceFile(found.source, found.sha256, found.size, found.pages, relative)


def _relative(digest: str, suffix: str) -> str:
    return f"{digest[:2]}/{digest}{suffix.lower()}"


def store_bytes(db: Database, data: bytes, suffix: str) -> EvidenceFile:
    """A file's content received from elsewhere, kept in the store as `store_file` keeps it."""
    digest = hashlib.sha256(data).hexdigest()
    target = evidence_dir(db) / _relative(digest, suffix)
    if not target.exists() or _digest(target) != digest:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        try:
            partial.write_bytes(data)
            os.replace(partial, target)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise EvidenceRefused(f"无法把佐证材料保存到“{target.parent}”"
                                  f"（{exc.strerror or exc}），未合并。") from exc
    return EvidenceFile(target, digest, len(data), count_pages(target), _relative(digest, suffix))


def stored_path(db: Database, relative: str) -> Path:
    return evidence_dir(db) / relative


def carry_evidence(source_dir: Path, target_dir: Path, names: list[str]) -> int:
    """Put the named stored files the target lacks beside it (backups, restore): a hard link
    where the disk allows one, else a copy. Returns how many."""
    copied = 0
    for name in names:
        src, dst = source_dir / name, target_dir / name
        if dst.exists() or not src.exists():
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(src, dst)
        except OSError:
            shutil.copyfile(src, dst)
        copied += 1
    return copied


def evidence_into_backup(db: Database, backup: Path) -> int:
    """The register's evidence files beside a backup of it ("<backup stem>-佐证材料")."""
    from db.connection import register_path

    source = register_path(db)
    if source is None:
        return 0
    return carry_evidence(evidence_dir_for(source), evidence_dir_for(backup), referenced_files(db))


def evidence_from_backup(db: Database, backup: Path) -> int:
    """After a restore: the backup's evidence files into this register's evidence folder."""
    return carry_evidence(evidence_dir_for(backup), evidence_dir(db), referenced_files(db))


def referenced_files(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT path FROM evidence").fetchall()]
