"""The merge plan: a package compared with the register, nothing written (the import's check).

Per merged field: taken when only the package's side changed it, kept when only ours did, a
conflict when both did to different values (versions.py). Rows of "rows" tables are added when
this register does not have the same row yet. plan_merge() refuses a package from an unrelated
register; commit.py writes the plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from db.identity import register_id
from desktop.exchange.labels import field_label
from desktop.exchange.package_file import Package, PackageRefused
from desktop.exchange.plan_rows import NewRow, new_rows
from desktop.exchange.snapshot import Item, Snapshot, chosen_problems, take_snapshot
from desktop.exchange.tables import PROBLEMS, Carried, carried, item_key
from desktop.exchange.versions import BOTH, TAKE, Version, compare, resolved, taken


@dataclass
class Conflict:
    """Both sides changed one field since they last agreed: shown side by side, the clerk picks."""
    id: int
    item: str
    table: str
    round: str
    code: str
    where: str           # 问题 3 / 问题 3 措施 2
    field: str
    mine: object
    theirs: object
    title: str = ""      # the problem's name here

    @property
    def problem(self) -> tuple[str, str]:
        return (self.round, self.code)

    @property
    def label(self) -> str:
        return field_label(self.field)

    def as_json(self) -> dict:
        return {"round": self.round, "code": self.code, "title": self.title,
                "where": self.where, "field": self.field,
                "label": self.label, "mine": self.mine, "theirs": self.theirs}


@dataclass
class ItemMerge:
    """A merged row: created (local is None) or updated field by field, with its new versions."""
    table: str
    key: str
    problem: tuple[str, str]
    entry: dict
    local: Item | None = None
    values: dict = field(default_factory=dict)
    versions: dict[str, Version] = field(default_factory=dict)


@dataclass
class MergePlan:
    package: Package
    items: list[ItemMerge] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    rows: list[NewRow] = field(default_factory=list)
    rounds: list[dict] = field(default_factory=list)
    titles: dict[tuple[str, str], str] = field(default_factory=dict)   # problems here

    def problem_counts(self) -> tuple[int, int, int]:
        """(new, changed, unchanged) problems: changed when a value, a row or a conflict comes."""
        new = {i.problem for i in self.items if i.table == "problems" and i.local is None}
        touched = {i.problem for i in self.items if i.values} | {c.problem for c in self.conflicts}
        touched |= {r.problem for r in self.rows if r.problem is not None}
        total = len(self.package.content["problems"])
        return len(new), len(touched - new), total - len(new | touched)

    @property
    def changes_anything(self) -> bool:
        return bool(self.items or self.conflicts or self.rows)


def plan_merge(db: Database, package: Package) -> MergePlan:
    snap = take_snapshot(db, chosen_problems(db))
    plan = MergePlan(package)
    known_rounds = {r for (r,) in db.execute("SELECT name FROM rounds").fetchall()}
    plan.rounds = [r for r in package.content.get("rounds", []) if r["name"] not in known_rounds]
    related = _known(db, package)
    for entry in package.content["problems"]:
        pkey = (entry["round"], entry["code"])
        local = snap.problems.get(pkey)
        related = related or (local is not None and _same_origin(local, entry))
        if local is not None:
            plan.titles[pkey] = local.row.get("title") or ""
        _plan_fields(db, plan, PROBLEMS, item_key("problems", *pkey), pkey, entry, local)
        for name, incoming in entry.get("tables", {}).items():
            _plan_table(db, plan, snap, name, pkey, incoming)
    if snap.problems and not related:
        raise PackageRefused(
            f"交换包“{package.path.name}”来自另一个无关的台账（{package.sender}）：其中的问题与本台账"
            "按批次和编号对不上，或同编号的问题名称、描述不同且没有共同来源，未合并。请确认选择的交换包。")
    for name, incoming in package.content.get("register_rows", {}).items():
        plan.rows += new_rows(db, snap, name, None, incoming)
    return plan


def _known(db: Database, package: Package) -> bool:
    """This register made it, merged from its maker before, or its maker merged from us."""
    mine = register_id(db)
    if package.register_id == mine or mine in package.manifest.get("partners", []):
        return True
    return db.execute("SELECT 1 FROM exchange_partners WHERE register_id = ?",
                      [package.register_id]).fetchone() is not None


def _same_origin(local: Item, entry: dict) -> bool:
    """The same problem, not only the same code: its name or description agrees or descends."""
    for name in ("title", "description"):
        theirs = entry["versions"].get(name)
        mine = local.versions.get(name)
        if theirs and mine and (compare(mine, Version.from_json(theirs)) != BOTH
                                or mine.hash == theirs[0]):
            return True
    return False


def _plan_table(db: Database, plan: MergePlan, snap: Snapshot, name: str,
                pkey: tuple[str, str], incoming: list[dict]) -> None:
    if not db[name].exists():
        return
    table = carried(name)
    if table.mode == "rows":
        plan.rows += new_rows(db, snap, name, pkey, incoming)
        return
    for entry in incoming:
        key = item_key(name, *pkey, *entry["key"])
        _plan_fields(db, plan, table, key, pkey, entry, snap.fields_rows.get(name, {}).get(key))


def _plan_fields(db: Database, plan: MergePlan, table: Carried, key: str, pkey: tuple[str, str],
                 entry: dict, local: Item | None) -> None:
    names = set(table.compared(db))
    incoming = {n: v for n, v in entry["fields"].items() if n in names}
    theirs = {n: Version.from_json(v) for n, v in entry["versions"].items() if n in incoming}
    if local is None:
        plan.items.append(ItemMerge(table.table, key, pkey, entry, None, incoming, theirs))
        return
    merge = ItemMerge(table.table, key, pkey, entry, local, {}, dict(local.versions))
    conflicts = len(plan.conflicts)
    for name, value in incoming.items():
        mine = local.versions.get(name)
        if name not in theirs:
            continue
        outcome = compare(mine, theirs[name]) if mine else TAKE
        if outcome == TAKE:
            merge.values[name] = value
            merge.versions[name] = taken(mine, theirs[name]) if mine else theirs[name]
        elif outcome == BOTH and mine.hash == theirs[name].hash:
            merge.versions[name] = resolved(key, name, value, mine, theirs[name])
        elif outcome == BOTH:
            plan.conflicts.append(Conflict(len(plan.conflicts), key, table.table, *pkey,
                                           _where(table, pkey, entry), name,
                                           local.row.get(name), value, plan.titles.get(pkey, "")))
    if merge.values or merge.versions != local.versions or len(plan.conflicts) > conflicts:
        plan.items.append(merge)


def _where(table: Carried, pkey: tuple[str, str], entry: dict) -> str:
    text = f"问题 {pkey[1]}"
    return text if table is PROBLEMS else f"{text} 措施 {'-'.join(map(str, entry['key']))}"


def resolution(conflict: Conflict, item: ItemMerge, choice: str) -> None:
    """Apply the clerk's choice ("mine" or "theirs") to the merged row."""
    theirs = Version.from_json(item.entry["versions"][conflict.field])
    mine = item.local.versions[conflict.field]
    value = conflict.theirs if choice == "theirs" else conflict.mine
    if choice == "theirs":
        item.values[conflict.field] = value
    item.versions[conflict.field] = resolved(conflict.item, conflict.field, value, mine, theirs)
