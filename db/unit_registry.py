"""The 单位 screen's data: units with their spellings, groups with their members, and the
undoable merge, rename and group edits. A merge or rename rewrites every problem, measure and
report that names the unit, in one step."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlite_utils import Database

from db.changes import Step, recorded_step
from db.settings import get_setting, set_setting
from desktop.core.unit_groups import is_collective
from desktop.core.units import merge_unit_lists, normalize_unit, unit_key

_LISTS = (("problems", ("lead_units", "responsible_units")),
          ("measures", ("lead_units", "responsible_units")))


@dataclass
class Unit:
    id: int | None
    name: str
    aliases: list[str] = field(default_factory=list)
    is_group: bool = False
    members: list[str] = field(default_factory=list)
    problems: int = 0


def _named_in_problems(db: Database) -> dict[str, tuple[str, int]]:
    """unit key → (a spelling, how many problems name it) over problems and their measures."""
    found: dict[str, tuple[str, set[int]]] = {}
    for table, pid_col in (("problems", "id"), ("measures", "problem_id")):
        for pid, lead, resp in db.execute(
                f"SELECT {pid_col}, lead_units, responsible_units FROM {table}").fetchall():
            for name in [*json.loads(lead or "[]"), *json.loads(resp or "[]")]:
                entry = found.setdefault(unit_key(name), (name, set()))
                entry[1].add(pid)
    return {k: (name, len(ids)) for k, (name, ids) in found.items()}


def list_units(db: Database) -> list[Unit]:
    """Every unit the register knows or its problems name, groups marked, by name."""
    named = _named_in_problems(db)
    units: dict[str, Unit] = {}
    for uid, name, aliases, is_group, members in db.execute(
            "SELECT id, name, aliases, is_group, members FROM units").fetchall():
        group = bool(is_group) if is_group is not None else is_collective(name)
        units[unit_key(name)] = Unit(uid, name, json.loads(aliases or "[]"), group,
                                     json.loads(members or "[]"))
    for key, (name, count) in named.items():
        unit = units.setdefault(key, Unit(None, name, is_group=is_collective(name)))
        unit.problems = count
    return sorted(units.values(), key=lambda u: (u.is_group, u.name))


class UnitResolver:
    """A name as written on a problem → the unit's name now, and a group → its members."""

    def __init__(self, db: Database):
        self.units = {unit_key(u.name): u for u in list_units(db)}
        self.alias = {unit_key(a): u.name for u in self.units.values() for a in u.aliases}

    def canonical(self, name: str) -> str:
        key = unit_key(name)
        if key in self.units:
            return self.units[key].name
        return self.alias.get(key, name)

    def unit(self, name: str) -> Unit | None:
        return self.units.get(unit_key(self.canonical(name)))

    def is_group(self, name: str) -> bool:
        unit = self.unit(name)
        return unit.is_group if unit else is_collective(name)

    def expand(self, names: list[str]) -> tuple[list[str], list[str]]:
        """(real units in order, groups without members) for a problem's list of units."""
        real, empty = [], []
        for name in names:
            if not self.is_group(name):
                real.append(self.canonical(name))
                continue
            members = self.unit(name).members if self.unit(name) else []
            if not members:
                empty.append(self.canonical(name))
            real += [self.canonical(m) for m in members]
        return merge_unit_lists(real), merge_unit_lists(empty)


def _unit_id(step: Step, name: str) -> int:
    row = step.db.execute("SELECT id FROM units WHERE key = ?", [unit_key(name)]).fetchone()
    return row[0] if row else step.insert("units", {"name": name, "key": unit_key(name)})


def _rewrite_names(step: Step, old: str, new: str) -> None:
    """Every list naming `old` (any spelling) names `new` instead; reports of `old` become `new`'s."""
    old_key = unit_key(old)
    for table, columns in _LISTS:
        for row in step.db.execute(f"SELECT id, {', '.join(columns)} FROM {table}").fetchall():
            changes = {}
            for column, value in zip(columns, row[1:]):
                names = json.loads(value or "[]")
                if any(unit_key(n) == old_key for n in names):
                    changes[column] = merge_unit_lists(
                        [new if unit_key(n) == old_key else n for n in names])
            if changes:
                step.update(table, row[0], changes)
    for (rid,) in step.db.execute("SELECT id FROM progress_reports WHERE unit = ?",
                                  [old]).fetchall():
        step.update("progress_reports", rid, {"unit": new})
    _rewrite_members(step, old_key, new)


def _rewrite_members(step: Step, old_key: str, new: str) -> None:
    for uid, members in step.db.execute("SELECT id, members FROM units WHERE members != '[]'"):
        names = json.loads(members)
        if any(unit_key(n) == old_key for n in names):
            step.update("units", uid, {"members": merge_unit_lists(
                [new if unit_key(n) == old_key else n for n in names])})


def merge_units(db: Database, keep: str, absorbed: str) -> None:
    """`absorbed` is another spelling of `keep`: one unit from now on, as one undo step."""
    if unit_key(keep) == unit_key(absorbed):
        raise ValueError(f"“{keep}”和“{absorbed}”已是同一个单位。")
    with recorded_step(db, f"合并单位 {absorbed} → {keep}") as step:
        keep_id, gone_id = _unit_id(step, keep), _unit_id(step, absorbed)
        (aliases,) = db.execute("SELECT aliases FROM units WHERE id = ?", [keep_id]).fetchone()
        gone = db.execute("SELECT name, aliases, members FROM units WHERE id = ?",
                          [gone_id]).fetchone()
        keep_members = json.loads(db.execute("SELECT members FROM units WHERE id = ?",
                                             [keep_id]).fetchone()[0])
        step.update("units", keep_id, {
            "aliases": merge_unit_lists(json.loads(aliases), [gone[0]], json.loads(gone[1])),
            "members": merge_unit_lists(keep_members, json.loads(gone[2]))})
        step.delete("units", gone_id)
        _rewrite_names(step, absorbed, keep)


def rename_unit(db: Database, old: str, new: str) -> None:
    """The unit is called `new` from now on; `old` stays known as its other spelling."""
    new = normalize_unit(new)
    if not new:
        raise ValueError("新名称不能为空。")
    if db.execute("SELECT 1 FROM units WHERE key = ?", [unit_key(new)]).fetchone() \
            and unit_key(new) != unit_key(old):
        raise ValueError(f"已有单位“{new}”，请用“合并”把两个名称合为一个单位。")
    with recorded_step(db, f"单位改名 {old} → {new}") as step:
        uid = _unit_id(step, old)
        (aliases,) = db.execute("SELECT aliases FROM units WHERE id = ?", [uid]).fetchone()
        step.update("units", uid, {"name": new, "key": unit_key(new),
                                   "aliases": merge_unit_lists(json.loads(aliases), [old])})
        _rewrite_names(step, old, new)


def set_group(db: Database, name: str, is_group: bool, members: list[str]) -> None:
    """Mark a name as a group (with its members, each a unit) or as one unit, as one undo step."""
    members = merge_unit_lists([normalize_unit(m) for m in members if normalize_unit(m)])
    if any(unit_key(m) == unit_key(name) for m in members):
        raise ValueError(f"“{name}”不能是自己的成员。")
    resolver = UnitResolver(db)
    with recorded_step(db, f"设置单位组 {name}") as step:
        uid = _unit_id(step, name)
        members = [resolver.canonical(m) for m in members]
        for member in members:
            _unit_id(step, member)
        step.update("units", uid, {"is_group": 1 if is_group else 0,
                                   "members": members if is_group else []})


APART = "units.apart"   # pairs of names the clerk said are different units (a preference)


def apart_pairs(db: Database) -> set[frozenset[str]]:
    return {frozenset(pair) for pair in get_setting(db, APART, []) or [] if len(pair) == 2}


def mark_apart(db: Database, first: str, second: str) -> None:
    """The clerk says these two names are different units: not suggested again."""
    pairs = apart_pairs(db) | {frozenset((first, second))}
    set_setting(db, APART, sorted(sorted(p) for p in pairs))
