"""Writing a merge plan: a backup first, then one transaction and one undo step that creates and
updates the merged rows, adds the new rows, stores the field versions and remembers the partner."""

from __future__ import annotations

import json

from sqlite_utils import Database

from db.backup import backup_register
from db.changes import Step, now_iso, recorded_step
from db.connection import register_path
from db.evidence_files import EvidenceRefused
from db.units import UnitBook
from desktop.exchange.files import store_evidence_file
from desktop.exchange.package_file import PackageRefused
from desktop.exchange.plan import ItemMerge, MergePlan, NewRow, resolution
from desktop.exchange.tables import PROBLEMS, carried
from desktop.ledger.long_work import Cancel, Progress, checkpoint

UNIT_FIELDS = ("lead_units", "responsible_units")


def apply_choices(plan: MergePlan, choices: dict[int, str]) -> None:
    """Each conflict resolved: "theirs" takes the package's value, anything else keeps ours."""
    items = {(i.table, i.key): i for i in plan.items}
    for conflict in plan.conflicts:
        resolution(conflict, items[(conflict.table, conflict.item)],
                   "theirs" if choices.get(conflict.id) == "theirs" else "mine")


def commit_plan(db: Database, plan: MergePlan, choices: dict[int, str] | None = None,
                progress: Progress | None = None, cancel: Cancel | None = None) -> str | None:
    """Write the plan; returns the backup's path (None when nothing needed writing). Cancelled,
    the transaction is rolled back and nothing changed."""
    if not plan.changes_anything:
        return None
    apply_choices(plan, choices or {})
    backup = str(backup_register(db, reason="合并前")) if register_path(db) else None
    with recorded_step(db, f"合并交换包 {plan.package.path.name}") as step:
        _Writer(db, step, plan).write(lambda done, total: checkpoint(
            done, total, "合并交换包", progress=progress, cancel=cancel,
            cancelled="已取消合并，台账未改变。"))
    return backup


class _Writer:
    def __init__(self, db: Database, step: Step, plan: MergePlan):
        self.db, self.step, self.plan = db, step, plan
        self.rounds = dict(db.execute("SELECT name, id FROM rounds").fetchall())
        self.problems = {(r, c): pid for pid, r, c in db.execute(
            "SELECT p.id, r.name, p.code FROM problems p JOIN rounds r ON r.id = p.round_id")}
        self.units = UnitBook(db)

    def write(self, tick) -> None:
        for r in self.plan.rounds:
            self.rounds[r["name"]] = self.step.insert("rounds", r)
        ordered = sorted(self.plan.items, key=lambda i: i.table != "problems")
        total = len(ordered) + len(self.plan.rows)
        for i, item in enumerate(ordered):
            if i % 100 == 0:
                tick(i, total)
            self._item(item)
        for i, row in enumerate(self.plan.rows, start=len(ordered)):
            if i % 100 == 0:
                tick(i, total)
            self._row(row)
        self.units.save_new(self.step)
        self._partner()

    def _item(self, item: ItemMerge) -> None:
        now = now_iso()
        values = dict(item.values)
        for name in UNIT_FIELDS:
            if isinstance(values.get(name), str):
                self.units.canonical_list(json.loads(values[name] or "[]"))
        if item.local is None:
            row_id = self.step.insert(item.table, self._new_row(item, values, now))
            if item.table == "problems":
                self.problems[item.problem] = row_id
        else:
            row_id = item.local.row["id"]
            if values and item.table == "problems":
                values["updated_at"] = now
            if values:
                self.step.update(item.table, row_id, values)
        self._versions(item)

    def _new_row(self, item: ItemMerge, values: dict, now: str) -> dict:
        if item.table == "problems":
            origin = {n: v for n, v in item.entry.get("origin", {}).items() if n in PROBLEMS.origin}
            return {**values, **origin, "round_id": self.rounds[item.problem[0]],
                    "code": item.problem[1],
                    "created_at": now, "updated_at": now}
        table = carried(item.table)
        keys = dict(zip(table.key, item.entry["key"]))
        return {**values, **keys, table.link: self.problems[item.problem]}

    def _versions(self, item: ItemMerge) -> None:
        text = json.dumps({n: v.as_json() for n, v in item.versions.items()}, ensure_ascii=False)
        stored = item.local.stored_id if item.local else None
        if stored is None:
            stored = self.db.execute("SELECT id FROM exchange_versions WHERE item = ?",
                                     [item.key]).fetchone()
            stored = stored[0] if stored else None
        if stored is None:
            self.step.insert("exchange_versions", {"item": item.key, "versions": text})
        else:
            self.step.update("exchange_versions", stored, {"versions": text})

    def _row(self, row: NewRow) -> None:
        if row.settles is not None:
            self.step.update(row.table, row.settles, row.fields)
            return
        table = carried(row.table)
        values = dict(row.fields)
        for column, target in table.refs.items():
            values[column] = self._ref(target, row.problem, values.get(column))
        if table.link is not None:
            values[table.link] = self.problems[row.problem]
        if table.file_column:
            values |= self._file(row, table.file_column)
        if "created_at" in {c.name for c in self.db[row.table].columns}:
            values["created_at"] = now_iso()
        self.step.insert(row.table, values)

    def _ref(self, target: str, problem: tuple[str, str], key: list | None) -> int | None:
        if key is None:
            return None
        table = carried(target)
        where = " AND ".join(f"[{k}] = ?" for k in table.key)
        found = self.db.execute(f"SELECT id FROM [{target}] WHERE [{table.link}] = ? AND {where}",
                                [self.problems[problem], *key]).fetchone()
        return found[0] if found else None

    def _file(self, row: NewRow, column: str) -> dict:
        """The received file into this register's evidence store; the row names it there."""
        file = row.file or {}
        data = self.plan.package.files.get(file.get("sha256") or "")
        if data is None:
            return {column: file.get("name") or ""}
        try:
            stored = store_evidence_file(self.db, file.get("name") or "", data)
        except EvidenceRefused as exc:
            raise PackageRefused(str(exc)) from exc
        return {column: stored.relative, "sha256": stored.sha256, "size": stored.size,
                "pages": stored.pages}

    def _partner(self) -> None:
        package = self.plan.package
        found = self.db.execute("SELECT id, packages FROM exchange_partners WHERE register_id = ?",
                                [package.register_id]).fetchone()
        values = {"name": package.sender, "last_package_at": package.manifest.get("created_at"),
                  "last_merged_at": now_iso()}
        if found is None:
            self.step.insert("exchange_partners", {"register_id": package.register_id,
                                                   "packages": 1, **values})
        else:
            self.step.update("exchange_partners", found[0], {"packages": found[1] + 1, **values})
