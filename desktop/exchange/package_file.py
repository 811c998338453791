"""The package on disk: a zip with manifest.json (who made it, with which program, and the
SHA-256 of every member, the manifest itself sealed by its own checksum), content.json and the
evidence files under files/. Reading checks all of it before anything is compared."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from desktop import __version__
from desktop.exchange.package_guard import MAX_JSON, PackageRefused, bounded_zip, read_member

__all__ = ["Package", "PackageRefused", "read_package", "write_package"]

FORMAT = "整改台账交换包"
FORMAT_VERSION = 1
MANIFEST, CONTENT = "manifest.json", "content.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _seal(manifest: dict) -> str:
    body = {k: v for k, v in manifest.items() if k != "seal"}
    return sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in str(text).split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


@dataclass
class Package:
    path: Path
    manifest: dict
    content: dict
    files: dict[str, bytes] = field(default_factory=dict)   # sha256 → bytes

    @property
    def register_id(self) -> str:
        return self.manifest["register_id"]

    @property
    def sender(self) -> str:
        return self.manifest.get("register_name") or self.register_id[:8]


def write_package(out: str | Path, manifest: dict, content: dict, files: dict[str, bytes]) -> Path:
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    members = {CONTENT: sha256(body), **{f"files/{h}": h for h in files}}
    manifest = {"format": FORMAT, "format_version": FORMAT_VERSION,
                "program_version": __version__, **manifest, "members": members}
    manifest["seal"] = _seal(manifest)
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        zf.writestr(CONTENT, body)
        for digest, data in files.items():
            zf.writestr(f"files/{digest}", data)
    partial.replace(target)
    return target


def read_package(path: str | Path) -> Package:
    """The package, checked: a zip, our format, not from a newer program, every checksum right."""
    source = Path(path)
    name = source.name
    with bounded_zip(source) as zf:
        manifest = _manifest(zf, name)
        _check_versions(manifest, name)
        data = {m: _member(zf, m, name) for m in manifest["members"]}
    for member, digest in manifest["members"].items():
        if sha256(data[member]) != digest:
            raise PackageRefused(f"交换包“{name}”中的“{member}”与校验值不符：文件已损坏或被改动，"
                                 "未合并。请让对方重新导出交换包。")
    content = _content(data.pop(CONTENT), name)
    files = {m.removeprefix("files/"): b for m, b in data.items()}
    return Package(source, manifest, content, files)


def _content(data: bytes, name: str) -> dict:
    """content.json, with the shape every later step relies on."""
    try:
        content = json.loads(data.decode("utf-8"))
        problems = content["problems"]
        sound = isinstance(problems, list) and all(
            isinstance(p, dict) and {"round", "code", "fields", "versions"} <= set(p)
            for p in problems)
    except (ValueError, KeyError, TypeError, RecursionError):
        sound = False
    if not sound:
        raise PackageRefused(f"交换包“{name}”的内容不完整或格式不对，未合并。请让对方重新导出交换包。")
    return content


def _manifest(zf: zipfile.ZipFile, name: str) -> dict:
    try:
        manifest = json.loads(read_member(zf, MANIFEST, name, MAX_JSON).decode("utf-8"))
    except (KeyError, ValueError, RecursionError) as exc:
        raise PackageRefused(f"“{name}”不是整改台账的交换包（缺少或无法读取 {MANIFEST}），未合并。") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageRefused(f"“{name}”不是整改台账的交换包，未合并。")
    if manifest.get("seal") != _seal(manifest) or not isinstance(manifest.get("members"), dict):
        raise PackageRefused(f"交换包“{name}”的清单与校验值不符：文件已损坏或被改动，未合并。"
                             "请让对方重新导出交换包。")
    return manifest


def _check_versions(manifest: dict, name: str) -> None:
    from db.migrations import latest_version

    program = str(manifest.get("program_version", ""))
    newer = (version_tuple(program) > version_tuple(__version__)
             or int(manifest.get("format_version", 0)) > FORMAT_VERSION
             or int(manifest.get("schema_version", 0)) > latest_version())
    if newer:
        raise PackageRefused(f"交换包“{name}”由较新版本的整改台账（{program}）生成，本程序版本为 "
                             f"{__version__}，无法合并。请先升级本程序，再合并此交换包。")


def _member(zf: zipfile.ZipFile, member: str, name: str) -> bytes:
    try:
        return read_member(zf, member, name, MAX_JSON if member == CONTENT else None)
    except KeyError as exc:
        raise PackageRefused(f"交换包“{name}”缺少“{member}”：文件不完整或被改动，未合并。") from exc
