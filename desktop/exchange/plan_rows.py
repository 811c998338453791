"""Rows that are added, never overwritten (progress reports, closure steps, flags, evidence,
accountability, the chronicle): a package's row is new here unless a row with every carried column equal (and, for
evidence, the same file content) is already kept for the same problem."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desktop.exchange.files import file_digest
from desktop.exchange.snapshot import Snapshot
from desktop.exchange.tables import Carried, carried
from desktop.exchange.versions import canonical


@dataclass
class NewRow:
    table: str
    problem: tuple[str, str] | None
    fields: dict
    file: dict | None = None
    settles: int | None = None     # a kept row's id: only its settled columns are filled in


def new_rows(db: Database, snap: Snapshot, name: str, pkey: tuple[str, str] | None,
             incoming: list[dict]) -> list[NewRow]:
    """The package's rows of one table (for one problem, or register-wide) not here yet, and
    the lifts of kept rows not yet lifted here."""
    if not db[name].exists():
        return []
    table = carried(name)
    have = _identities(db, snap, name, pkey)
    out = []
    for entry in incoming:
        ident = identity(table, entry["fields"], entry.get("file"))
        kept = have.get(ident, ...)
        if kept is ...:
            have[ident] = None
            out.append(NewRow(name, pkey, entry["fields"], entry.get("file")))
        elif kept is not None and _settles(table, kept, entry["fields"]):
            out.append(NewRow(name, pkey, {c: entry["fields"].get(c) for c in table.settled},
                              settles=kept["id"]))
            have[ident] = None
    return out


def _settles(table: Carried, kept: dict, fields: dict) -> bool:
    return bool(table.settled) and not any(kept.get(c) for c in table.settled) and \
        any(fields.get(c) for c in table.settled)


def identity(table: Carried, fields: dict, file: dict | None) -> str:
    own = {n: v for n, v in fields.items() if n not in table.settled}
    return canonical([own, (file or {}).get("sha256")])


def _identities(db: Database, snap: Snapshot, name: str,
                pkey: tuple[str, str] | None) -> dict[str, dict | None]:
    """Each kept row by its identity."""
    table = carried(name)
    if pkey is None:
        rows = snap.register_rows.get(name, [])
    else:
        local = snap.problems.get(pkey)
        rows = snap.rows.get(name, {}).get(local.row["id"], []) if local else []
    out: dict[str, dict | None] = {}
    for row in rows:
        fields = {n: row.get(n) for n in table.compared(db)}
        for column, target in table.refs.items():
            fields[column] = snap.key_of(target, row.get(column))
        file = None
        if table.file_column:
            file = {"sha256": file_digest(db, row, table.file_column)}
        out[identity(table, fields, file)] = row
    return out
