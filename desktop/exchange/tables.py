"""The table registry: what travels in a package, and how each table is merged.

Problems are matched by round and code. A table keyed to problems is carried by listing it here:

- "fields" tables (measures) are rows with a natural key inside their problem; each field is
  merged on its own (taken when only one side changed it, a conflict when both did). A table
  with one row per problem (or per stage of a problem: UNIQUE) is a "fields" table with that key;
- "rows" tables (progress reports, closure steps, flags, evidence, accountability, the chronicle)
  are added, never overwritten: a row is the same row when every carried column is equal.

An evidence row's file travels beside it by its SHA-256 and is received into the register's
evidence store (files.py); the columns that describe the file (`derived`) are the receiver's.
A flag is lifted by filling columns of its row (`settled`): those are no part of the row's
identity, and a kept row not yet lifted takes the package's lift.

Columns are read from the register's own schema, so a column a later migration adds travels
without code here; `local` names the columns that belong to one laptop (ids, provenance).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

PROVENANCE = ("id", "batch_id", "source_file", "source_sheet", "source_row", "created_at",
              "updated_at")


@dataclass(frozen=True)
class Carried:
    table: str
    mode: str                                 # "fields" or "rows"
    key: tuple[str, ...] = ()                 # natural key inside the problem ("fields" tables)
    link: str | None = "problem_id"           # the column naming the problem; None: register-wide
    refs: dict[str, str] = field(default_factory=dict)  # column → "fields" table it points into
    local: tuple[str, ...] = ()               # columns that stay on this laptop
    file_column: str | None = None            # a column naming a file that travels with the row
    origin: tuple[str, ...] = ()              # local columns copied when the row is created there
    derived: tuple[str, ...] = ()             # columns the receiver reads off the file itself
    settled: tuple[str, ...] = ()             # filled once later (a lift): not the row's identity

    def columns(self, db: Database) -> list[str]:
        """The carried columns, in the register's order; refs keep their own names."""
        skip = set(PROVENANCE) | set(self.local) | {self.link}
        return [c for c in table_columns(db, self.table) if c not in skip]

    def compared(self, db: Database) -> list[str]:
        """The columns merged field by field ("fields" tables), or that make a row's identity."""
        skip = set(self.key) | set(self.derived) | ({self.file_column} if self.file_column else set())
        return [c for c in self.columns(db) if c not in skip]


_COLUMNS: dict[tuple, tuple[str, ...]] = {}


def table_columns(db: Database, table: str) -> tuple[str, ...]:
    """A table's column names, read once per connection and schema version."""
    (version,) = db.execute("PRAGMA schema_version").fetchone()
    key = (id(db.conn), table, version)
    if key not in _COLUMNS:
        if len(_COLUMNS) > 256:
            _COLUMNS.clear()
        _COLUMNS[key] = tuple(c.name for c in db[table].columns)
    return _COLUMNS[key]


PROBLEMS = Carried("problems", "fields", key=("round", "code"), link=None,
                   local=("round_id", "code"),
                   origin=("source_file", "source_sheet", "source_row"))
CARRIED: list[Carried] = [
    Carried("measures", "fields", key=("seq",)),
    Carried("progress_reports", "rows", refs={"measure_id": "measures"}),
    Carried("closure_steps", "rows"),
    Carried("flags", "rows", settled=("lifted_on", "lift_note")),
    Carried("evidence", "rows", refs={"measure_id": "measures"}, file_column="path",
            derived=("sha256", "size", "pages")),
    Carried("accountability", "rows", local=("petition_id",)),
    Carried("chronicle", "rows", link=None),
]


def carried(name: str) -> Carried:
    return PROBLEMS if name == "problems" else next(c for c in CARRIED if c.table == name)


def present(db: Database) -> list[Carried]:
    """The listed tables this register has (a table a newer migration brings may be missing)."""
    return [c for c in CARRIED if db[c.table].exists()]


def item_key(table: str, *parts) -> str:
    """The stable name of a merged row: ["problems", round, code] or ["measures", round, code, seq]."""
    import json

    return json.dumps([table, *[str(p) for p in parts]], ensure_ascii=False)
