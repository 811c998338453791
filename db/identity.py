"""The register's identity: a register id (uuid4) and a key for fingerprints, made on first need.

These live in `settings` and are written directly, not through a recorded step: they describe the
register file itself, and undoing them would orphan every form already sent out.
"""

from __future__ import annotations

import secrets
import uuid

from sqlite_utils import Database

from db.transaction import write_transaction

REGISTER_ID = "register_id"
FORM_KEY = "form_key"


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row and row[0] is not None else default


def set_setting(db: Database, key: str, value: str) -> None:
    with write_transaction(db):
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) "
                   "DO UPDATE SET value = excluded.value", [key, value])


def _ensure(db: Database, key: str, make) -> str:
    value = get_setting(db, key)
    if value:
        return value
    with write_transaction(db):
        db.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)", [key, make()])
    return get_setting(db, key) or ""


def register_id(db: Database) -> str:
    """This register's id, the same for the life of the file (and its backups)."""
    return _ensure(db, REGISTER_ID, lambda: str(uuid.uuid4()))


def form_key(db: Database) -> bytes:
    """The secret that signs the fingerprints of forms sent out from this register."""
    return bytes.fromhex(_ensure(db, FORM_KEY, lambda: secrets.token_hex(32)))
