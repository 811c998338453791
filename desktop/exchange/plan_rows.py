"""Rows that are added, never overwritten (progress reports, closure steps, flags, evidence,
accountability, the chronicle): a package's row is new here unless a row with every carried column equal (and, for
evidence, the same file content) is already kept for the same problem."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desktop.exchange.files import file_digest
from desktop.exchange.snapshot import Snapshot
from desktop.exchange.tables import carried
from desktop.exchange.versions import canonical


@dataclass
class NewRow:
    table: str
    problem: tuple[str, str] | None
    fields: dict
    file: dict | None = None



def new_rows(db: Database, snap: Snapshot, name: str, pkey: tuple[str, str] | None,
             incoming: list[dict]) -> list[NewRow]:
    """The package's rows of one table (for one problem, or register-wide) not here yet."""
    if not db[name].exists():
        return []
    have = _identities(db, snap, name, pkey)
    out = []
    for entry in incoming:
        ident = identity(entry["fields"], entry.get("file"))
        if ident not in have:
            have.add(ident)
            out.append(NewRow(name, pkey, entry["fields"], entry.get("file")))
    return out


def identity(fields: dict, file: dict | None) -> str:
    return canonical([fields, (file or {}).get("sha256")])


def _identities(db: Database, snap: Snapshot, name: str, pkey: tuple[str, str] | None) -> set[str]:
    table = carried(name)
    if pkey is None:
        rows = snap.register_rows.get(name, [])
    else:
        local = snap.problems.get(pkey)
        rows = snap.rows.get(name, {}).get(local.row["id"], []) if local else []
    out = set()
    for row in rows:
        fields = {n: row.get(n) for n in table.compared(db)}
        for column, target in table.refs.items():
            fields[column] = snap.key_of(target, row.get(column))
        file = None
        if table.file_column:
            file = {"sha256": file_digest(db, row, table.file_column)}
        out.add(identity(fields, file))
    return out
