"""A package's zip opened with bounds, before anything in it is read: an exchange package is a
file from another office, and a damaged or hostile zip must be refused in Chinese, never a
traceback or a process out of memory.

    with bounded_zip(path) as zf:          # damaged, too many members, too much unpacked: refused
        data = read_member(zf, "content.json", path.name)   # one member, its size bounded

Every member is read whole into memory by the merge, so the bounds are on what is unpacked, by
the sizes the zip declares (zipfile never reads past a member's declared size).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MAX_MEMBERS = 50_000                        # evidence files and the two JSON parts (a zip64
#                                             count, 0xFFFF in the end record, is too many)
MAX_UNPACKED = 384 * 1024 * 1024            # all members together, evidence files included
MAX_JSON = 32 * 1024 * 1024                 # manifest.json and content.json each
_AGAIN = "请让对方重新导出交换包。"


class PackageRefused(Exception):
    """The package cannot be merged; nothing was changed. The message is Chinese."""


def damaged(name: str, detail: object) -> PackageRefused:
    why = f"（{type(detail).__name__}: {str(detail)[:200]}）" if isinstance(detail, BaseException) else ""
    return PackageRefused(f"交换包“{name}”已损坏或无法读取{why}，未合并。{_AGAIN}")


def _too_large(name: str, what: str) -> PackageRefused:
    return PackageRefused(f"交换包“{name}”{what}，不像是整改台账导出的交换包，未合并。"
                          f"请确认文件来源；如确是交换包，请按督察批次或单位分开导出后再合并。")


def _declared_members(path: Path) -> int:
    """The member count in the zip's end record, before zipfile makes an object for each."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - 65_557))
        tail = fh.read()
    at = tail.rfind(b"PK\x05\x06")
    return int.from_bytes(tail[at + 10:at + 12], "little") if 0 <= at <= len(tail) - 12 else 0


@contextmanager
def bounded_zip(path: Path) -> Iterator[zipfile.ZipFile]:
    """The zip, open, its members' count and unpacked size checked; any zip error refused."""
    name = path.name
    try:
        if _declared_members(path) > MAX_MEMBERS:
            raise _too_large(name, f"包含的文件数量异常（超过 {MAX_MEMBERS} 个）")
        with zipfile.ZipFile(path) as zf:
            if sum(max(i.file_size, 0) for i in zf.infolist()) > MAX_UNPACKED:
                raise _too_large(name, f"解压后超过 {MAX_UNPACKED // (1024 * 1024)} MB")
            yield zf
    except PackageRefused:
        raise
    except MemoryError as exc:
        raise _too_large(name, "内容过多，读取时内存不足") from exc
    except Exception as exc:  # noqa: BLE001 — zipfile raises BadZipFile, NotImplementedError,
        raise damaged(name, exc) from exc  # UnicodeDecodeError, zlib.error, RuntimeError (encrypted)…


def read_member(zf: zipfile.ZipFile, member: str, name: str, limit: int | None = None) -> bytes:
    """One member, whole; KeyError when it is missing (the caller says what that means)."""
    info = zf.getinfo(member)
    if limit is not None and info.file_size > limit:
        raise _too_large(name, f"中的“{member}”解压后超过 {limit // (1024 * 1024)} MB")
    return zf.read(info)
