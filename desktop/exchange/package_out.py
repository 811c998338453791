"""Making a package: the chosen problems (a round, a unit's, or all) with every carried table,
their field versions, the evidence files, the changes since the last package of the same
scope, and this register's identity; sealed with checksums (package_file.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from db.changes import now_iso
from db.identity import register_id
from db.migrations import schema_version
from db.settings import signature_defaults
from desktop.exchange.files import read_evidence_file
from desktop.exchange.labels import table_label
from desktop.exchange.package_file import write_package
from desktop.exchange.snapshot import Snapshot, chosen_problems, save_fresh_versions, take_snapshot
from desktop.exchange.tables import PROBLEMS, carried, present


@dataclass
class ExportResult:
    path: Path
    problems: int
    rows: dict[str, int]
    files: int
    changes: int
    missing_files: list[str]

    def summary(self) -> str:
        parts = [f"{self.problems} 个问题"] + [f"{table_label(t)} {n} 条"
                                               for t, n in self.rows.items() if n]
        text = f"已导出交换包：{self.path}（{'、'.join(parts)}，佐证材料文件 {self.files} 个）"
        if self.missing_files:
            text += f"\n找不到的佐证材料文件（未打包）：{'、'.join(self.missing_files[:10])}"
        return text





def export_package(db: Database, out: str | Path, *, round_name: str | None = None,
                   unit: str | None = None) -> ExportResult:
    problems = chosen_problems(db, round_name, unit)
    if round_name and not problems:
        raise ValueError(f"台账中没有批次“{round_name}”的问题，未导出交换包。")
    if unit and not problems:
        raise ValueError(f"台账中没有“{unit}”负责的问题，未导出交换包。")
    snap = take_snapshot(db, problems)
    save_fresh_versions(db, snap)
    files: dict[str, bytes] = {}
    missing: list[str] = []
    content = _content(db, snap, problems, files, missing)
    scope = json.dumps([round_name or "", unit or ""], ensure_ascii=False)
    content["changes"], last_audit = _changes_since(db, scope, problems)
    manifest = {"register_id": register_id(db), "register_name": _office(db),
                "schema_version": schema_version(db), "created_at": now_iso(),
                "scope": {"round": round_name, "unit": unit},
                "partners": [r for (r,) in db.execute("SELECT register_id FROM exchange_partners")]}
    path = write_package(out, manifest, content, files)
    _remember_export(db, scope, last_audit)
    rows = {t: sum(len(p["tables"].get(t, [])) for p in content["problems"])
            for t in [c.table for c in present(db) if c.link]}
    rows.update({t: len(r) for t, r in content["register_rows"].items()})
    return ExportResult(path, len(problems), rows, len(files), len(content["changes"]), missing)


def _office(db: Database) -> str:
    from db.connection import register_path

    name = signature_defaults(db).get("unit")
    path = register_path(db)
    return name or (path.stem if path else "")


def _content(db: Database, snap: Snapshot, problems: list[dict], files: dict[str, bytes],
             missing: list[str]) -> dict:
    rounds = {p["round"] for p in problems}
    out = {"rounds": [r for r in _rows(db, "SELECT name, started_on, note FROM rounds")
                      if r["name"] in rounds],
           "problems": [], "register_rows": {}}
    for p in problems:
        item = snap.problems[(p["round"], p["code"])]
        entry = {"round": p["round"], "code": p["code"], **_fields(db, PROBLEMS, item),
                 "origin": {n: p.get(n) for n in PROBLEMS.origin}, "tables": {}}
        for table in present(db):
            if table.link is None:
                continue
            if table.mode == "fields":
                entry["tables"][table.table] = [
                    {"key": [i.row[k] for k in table.key], **_fields(db, table, i)}
                    for i in snap.fields_rows[table.table].values() if i.row[table.link] == p["id"]]
            else:
                entry["tables"][table.table] = [
                    _row(db, table.table, r, snap, files, missing)
                    for r in snap.rows[table.table].get(p["id"], [])]
        out["problems"].append(entry)
    for name, rows in snap.register_rows.items():
        out["register_rows"][name] = [_row(db, name, r, snap, files, missing) for r in rows]
    return out


def _rows(db: Database, sql: str) -> list[dict]:
    cur = db.execute(sql)
    return [dict(zip([d[0] for d in cur.description], r)) for r in cur.fetchall()]


def _fields(db: Database, table, item) -> dict:
    return {"fields": {n: item.row.get(n) for n in table.compared(db)},
            "versions": item.versions_json()}


def _row(db: Database, name: str, row: dict, snap: Snapshot, files: dict[str, bytes],
         missing: list[str]) -> dict:
    table = carried(name)
    fields = {n: row.get(n) for n in table.compared(db)}
    for column, target in table.refs.items():
        fields[column] = snap.key_of(target, row.get(column))
    entry = {"fields": fields}
    if table.file_column:
        entry["file"] = _file(db, row, table.file_column, files, missing)
    return entry


def _file(db: Database, row: dict, column: str, files: dict[str, bytes], missing: list[str]) -> dict:
    """The row's file into the package (once per content), named as the clerk attached it."""
    name = row.get("file_name") or Path(str(row.get(column) or "")).name
    found = read_evidence_file(db, row.get(column))
    if found is None:
        missing.append(name or str(row.get(column)))
        return {"name": name, "sha256": None}
    digest, data = found
    files[digest] = data
    return {"name": name, "sha256": digest}


def _changes_since(db: Database, scope: str, problems: list[dict]) -> tuple[list[dict], int]:
    """What changed in the chosen problems since the last package of this scope (none the first
    time: then everything in the package is new to the partner)."""
    (newest,) = db.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()
    row = db.execute("SELECT last_audit_id FROM exchange_exports WHERE scope = ?", [scope]).fetchone()
    if row is None:
        return [], newest
    names = {p["id"]: (p["round"], p["code"]) for p in problems}
    out = []
    for table, row_id, action, before, after, fields, at in db.execute(
            "SELECT a.table_name, a.row_id, a.action, a.before, a.after, a.fields, a.at FROM audit a"
            " JOIN undo_steps s ON s.id = a.step_id WHERE a.id > ? AND s.state IN ('done', 'sealed')"
            " AND a.table_name NOT LIKE 'exchange%' ORDER BY a.id", [row[0]]).fetchall():
        values = json.loads(after or before or "{}")
        pid = row_id if table == "problems" else values.get("problem_id")
        if pid in names:
            out.append({"round": names[pid][0], "code": names[pid][1], "table": table,
                        "action": action, "fields": json.loads(fields) if fields else [], "at": at})
    return out, newest


def _remember_export(db: Database, scope: str, last_audit: int) -> None:
    with db.atomic():
        db.execute("INSERT INTO exchange_exports (scope, exported_at, last_audit_id) VALUES (?, ?, ?)"
                   " ON CONFLICT(scope) DO UPDATE SET exported_at = excluded.exported_at,"
                   " last_audit_id = excluded.last_audit_id", [scope, now_iso(), last_audit])
