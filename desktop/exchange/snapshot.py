"""This register's side of an exchange: the chosen problems, their carried rows, and the
versions of every merged field brought up to date (versions.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlite_utils import Database

from desktop.core.units import unit_key
from desktop.exchange.tables import PROBLEMS, Carried, carried, item_key, present
from desktop.exchange.versions import UNKNOWN, Version, refreshed


def raw_rows(db: Database, sql: str, params=()) -> list[dict]:
    cur = db.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


@dataclass
class Item:
    """A merged row here: its values, its versions, and the stored versions row (if any)."""
    key: str
    row: dict
    versions: dict[str, Version]
    stored_id: int | None = None
    stored: dict = field(default_factory=dict)

    @property
    def stale(self) -> bool:
        return self.versions_json() != self.stored

    def versions_json(self) -> dict:
        return {n: v.as_json() for n, v in self.versions.items()}


@dataclass
class Snapshot:
    problems: dict[tuple[str, str], Item]                 # (round, code) → problem
    fields_rows: dict[str, dict[str, Item]]               # "measures" → item key → measure
    rows: dict[str, dict[int, list[dict]]]                # "progress_reports" → problem id → rows
    register_rows: dict[str, list[dict]]                  # "chronicle" → rows
    keys_by_id: dict[tuple[str, int], list] = field(default_factory=dict, repr=False)

    def key_of(self, table: str, row_id: int | None) -> list | None:
        """The natural key (inside its problem) of a "fields" row, by its id here."""
        if not self.keys_by_id:
            self.keys_by_id = {(t, i.row["id"]): [i.row[k] for k in carried(t).key]
                               for t, items in self.fields_rows.items() for i in items.values()}
        return None if row_id is None else self.keys_by_id.get((table, row_id))

    def items(self) -> list[Item]:
        return [*self.problems.values(), *[i for t in self.fields_rows.values()
                                           for i in t.values()]]


def _stored(db: Database, keys: list[str]) -> dict[str, tuple[int, dict]]:
    out: dict[str, tuple[int, dict]] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        for rid, key, text in db.execute(
                f"SELECT id, item, versions FROM exchange_versions WHERE item IN "
                f"({', '.join('?' for _ in chunk)})", chunk).fetchall():
            out[key] = (rid, json.loads(text))
    return out


def _roots(db: Database, table: str) -> dict[int, dict]:
    """The values each row was created with, as the audit trail of done steps records them."""
    out: dict[int, dict] = {}
    for row_id, after in db.execute(
            "SELECT a.row_id, a.after FROM audit a JOIN undo_steps s ON s.id = a.step_id"
            " WHERE a.table_name = ? AND a.action = 'insert' AND s.state IN ('done', 'sealed')"
            " ORDER BY a.id", [table]).fetchall():
        out[row_id] = json.loads(after) if after else {}
    return out


def _default(literal: str | None):
    """A column's schema default as a value: what a row created without it holds."""
    if literal is None or literal.upper() == "NULL":
        return None
    if literal[:1] == "'" and literal[-1:] == "'":
        return literal[1:-1].replace("''", "'")
    try:
        return int(literal)
    except ValueError:
        try:
            return float(literal)
        except ValueError:
            return literal


def _items(db: Database, table: Carried, rows: list[dict], keys: list[str]) -> list[Item]:
    stored = _stored(db, keys)
    roots = _roots(db, table.table) if len(stored) < len(keys) else {}
    defaults = {c.name: _default(c.default_value) for c in db[table.table].columns}
    names = table.compared(db)
    items = []
    for row, key in zip(rows, keys):
        sid, saved = stored.get(key, (None, {}))
        root = {**defaults, **roots[row["id"]]} if row["id"] in roots else {}
        versions = {n: refreshed(key, n, row.get(n),
                                 Version.from_json(saved[n]) if n in saved else None,
                                 root.get(n, UNKNOWN)) for n in names}
        items.append(Item(key, row, versions, sid, saved))
    return items


def chosen_problems(db: Database, round_name: str | None = None,
                    unit: str | None = None) -> list[dict]:
    rows = raw_rows(db, "SELECT p.*, r.name AS round FROM problems p JOIN rounds r"
                        " ON r.id = p.round_id ORDER BY p.round_id, coalesce(p.seq, 1e9), p.code")
    if round_name:
        rows = [r for r in rows if r["round"] == round_name]
    if unit:
        ours = _units_problems(db, unit_key(unit))
        rows = [r for r in rows if r["id"] in ours]
    return rows


def _units_problems(db: Database, key: str) -> set[int]:
    """Problems the unit leads or shares, on the problem or on one of its measures (the unit
    written any of its ways)."""
    found = set()
    for table, column in (("problems", "id"), ("measures", "problem_id")):
        for pid, lead, responsible in db.execute(
                f"SELECT {column}, lead_units, responsible_units FROM {table}").fetchall():
            names = json.loads(lead or "[]") + json.loads(responsible or "[]")
            if any(unit_key(n) == key for n in names):
                found.add(pid)
    return found


def take_snapshot(db: Database, problems: list[dict]) -> Snapshot:
    keys = [item_key("problems", p["round"], p["code"]) for p in problems]
    by_key = {(p["round"], p["code"]): i for p, i in zip(problems, _items(db, PROBLEMS, problems, keys))}
    where = {p["id"]: (p["round"], p["code"]) for p in problems}
    snap = Snapshot(by_key, {}, {}, {})
    for table in present(db):
        if table.link is None:
            snap.register_rows[table.table] = raw_rows(db, f"SELECT * FROM [{table.table}] ORDER BY id")
            continue
        rows = [r for r in raw_rows(db, f"SELECT * FROM [{table.table}] ORDER BY id")
                if r[table.link] in where]
        if table.mode == "fields":
            keys = [item_key(table.table, *where[r[table.link]], *[r[k] for k in table.key])
                    for r in rows]
            snap.fields_rows[table.table] = {i.key: i for i in _items(db, table, rows, keys)}
        else:
            grouped: dict[int, list[dict]] = {}
            for r in rows:
                grouped.setdefault(r[table.link], []).append(r)
            snap.rows[table.table] = grouped
    return snap


def save_fresh_versions(db: Database, snap: Snapshot) -> None:
    """Store versions refreshed for an export (bookkeeping, not an undoable change)."""
    with db.atomic():
        for item in snap.items():
            if not item.stale:
                continue
            text = json.dumps(item.versions_json(), ensure_ascii=False)
            if item.stored_id is None:
                item.stored_id = db.execute("INSERT INTO exchange_versions (item, versions)"
                                            " VALUES (?, ?)", [item.key, text]).lastrowid
            else:
                db.execute("UPDATE exchange_versions SET versions = ? WHERE id = ?",
                           [text, item.stored_id])
            item.stored = item.versions_json()
