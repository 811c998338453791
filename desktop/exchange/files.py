"""Evidence files (佐证材料) in a package: each travels once under files/, named by its SHA-256.
They are read from, and received into, the register's one evidence store
(db/evidence_files.py: "<register name>-佐证材料/<2 hex>/<sha256><suffix>"), so a merged
evidence row names its file exactly as one attached by hand does."""

from __future__ import annotations

import re
from pathlib import Path

from sqlite_utils import Database

from db.connection import register_path
from db.evidence_files import EvidenceFile, store_bytes, stored_path
from desktop.exchange.package_file import sha256

_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,12}")


def located(db: Database, stored: str | None) -> Path | None:
    """The file an evidence row names: its place in the store (a row kept from before the store
    may name an absolute path, or one beside the register)."""
    if not stored:
        return None
    places = [Path(stored)]
    register = register_path(db)
    if register is not None:
        places = [stored_path(db, stored), register.parent / stored, *places]
    return next((p for p in places if p.is_file()), None)


def read_evidence_file(db: Database, stored: str | None) -> tuple[str, bytes] | None:
    path = located(db, stored)
    if path is None:
        return None
    data = path.read_bytes()
    return sha256(data), data


def file_digest(db: Database, row: dict, column: str) -> str | None:
    """A kept row's file content by its SHA-256: the store's own record, else read."""
    if row.get("sha256"):
        return row["sha256"]
    found = read_evidence_file(db, row.get(column))
    return found[0] if found else None


def store_evidence_file(db: Database, name: str, data: bytes) -> EvidenceFile:
    """A received file into the register's evidence store (kept once per content)."""
    suffix = Path(name).suffix
    return store_bytes(db, data, suffix if _SUFFIX.fullmatch(suffix) else "")
