"""The register's units: one spelling per unit, however a ledger typed it."""

from __future__ import annotations

import json

from sqlite_utils import Database

from db.changes import Step
from desktop.core.units import unit_key


class UnitBook:
    """Known units by key; new names are added through the step, variants map to the known name."""

    def __init__(self, db: Database):
        self.by_key = {key: name for name, key in db.execute("SELECT name, key FROM units")}
        for name, aliases in db.execute("SELECT name, aliases FROM units WHERE aliases != '[]'"):
            for alias in json.loads(aliases or "[]"):  # a spelling merged into a unit
                self.by_key.setdefault(unit_key(alias), name)
        self.new: dict[str, str] = {}          # key → name of units the register does not know
        self.variants: dict[str, str] = {}

    def canonical(self, name: str) -> str:
        key = unit_key(name)
        known = self.by_key.get(key)
        if known is None:
            self.by_key[key] = self.new[key] = name
            return name
        if known != name:
            self.variants[name] = known
        return known

    def canonical_list(self, names: list[str]) -> list[str]:
        return [self.canonical(n) for n in names]

    def save_new(self, step: Step) -> None:
        for key, name in self.new.items():
            step.insert("units", {"name": name, "key": key})
