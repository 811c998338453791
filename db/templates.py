"""Remembered import choices per superior's template (sheet, column mapping, round)."""

from __future__ import annotations

import json

from sqlite_utils import Database

from db.changes import now_iso
from db.transaction import write_transaction


def load_template(db: Database, key: str) -> dict | None:
    row = db.execute("SELECT mapping FROM mapping_templates WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else None


def save_template(db: Database, key: str, choices: dict) -> None:
    with write_transaction(db):
        db.execute("INSERT INTO mapping_templates (key, mapping, updated_at) VALUES (?, ?, ?)"
                   " ON CONFLICT(key) DO UPDATE SET mapping = excluded.mapping,"
                   " updated_at = excluded.updated_at",
                   [key, json.dumps(choices, ensure_ascii=False), now_iso()])
