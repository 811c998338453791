"""The 单位 screen's edits as operations: merge two spellings, rename, list a group's members.
Each is one undo step (db/unit_registry.py)."""

from __future__ import annotations

from sqlite_utils import Database

from db.unit_registry import mark_apart, merge_units, rename_unit, set_group
from desktop.ui.changes import Changes


def merge(keep: str, absorbed: str):
    def work(db: Database, _progress=None) -> Changes:
        merge_units(db, keep, absorbed)
        return Changes(problems=True, message=f"已把“{absorbed}”并入“{keep}”")
    return work


def rename(old: str, new: str):
    def work(db: Database, _progress=None) -> Changes:
        rename_unit(db, old, new)
        return Changes(problems=True, message=f"已把“{old}”改名为“{new}”")
    return work


def group(name: str, is_group: bool, members: list[str]):
    def work(db: Database, _progress=None) -> Changes:
        set_group(db, name, is_group, members)
        said = f"“{name}”的成员：{'、'.join(members)}" if is_group else f"“{name}”是单个单位"
        return Changes(problems=True, message=f"已设置{said}")
    return work


def apart(first: str, second: str):
    def work(db: Database, _progress=None) -> Changes:
        mark_apart(db, first, second)
        return Changes(message=f"“{first}”和“{second}”不再提示为同一单位")
    return work
