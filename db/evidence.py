"""佐证材料 attached to a problem (or one of its measures): add, rename, remove, each undoable.

    attach_evidence(db, problem_id, path, title="", dated=None, measure_id=None) -> evidence id
    rename_evidence(db, evidence_id, title)
    remove_evidence(db, evidence_id)
    evidence_of(db, problem_id) -> [dict]

The file is copied into the evidence folder first (db.evidence_files.store_file); the register
row names it by its stored path, original file name and sha256.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlite_utils import Database

from db.changes import now_iso, recorded_step
from db.closure import _problem
from db.evidence_files import EvidenceRefused, store_file
from db.records import rows
from db.refused import ChangeRefused


def evidence_of(db: Database, problem_id: int) -> list[dict]:
    return rows(db, "SELECT e.*, m.seq AS measure_seq FROM evidence e LEFT JOIN measures m"
                    " ON m.id = e.measure_id WHERE e.problem_id = ?"
                    " ORDER BY coalesce(e.dated, ''), e.id", [problem_id])


def _check_dated(dated: str | None) -> None:
    if not dated:
        return
    try:
        dt.date.fromisoformat(dated)
    except ValueError:
        raise ChangeRefused({"dated": f"材料日期“{dated}”格式不对，请写成 YYYY-MM-DD。"}) from None


def attach_evidence(db: Database, problem_id: int, path: str | Path, title: str = "",
                    dated: str | None = None, measure_id: int | None = None) -> int:
    problem = _problem(db, problem_id)
    _check_dated(dated)
    try:
        stored = store_file(db, path)
    except EvidenceRefused as exc:
        raise ChangeRefused({"file": str(exc)}) from exc
    name = Path(path).name
    with recorded_step(db, f"添加佐证材料 {problem['code']}") as step:
        return step.insert("evidence", {
            "problem_id": problem_id, "measure_id": measure_id, "path": stored.relative,
            "title": title.strip() or Path(name).stem, "file_name": name,
            "sha256": stored.sha256, "size": stored.size, "pages": stored.pages,
            "dated": dated or None, "added_at": now_iso(), "note": ""})


def _evidence(db: Database, evidence_id: int) -> dict:
    found = rows(db, "SELECT e.*, p.code FROM evidence e JOIN problems p ON p.id = e.problem_id"
                     " WHERE e.id = ?", [evidence_id])
    if not found:
        raise ChangeRefused({"": "该佐证材料已不在台账中。"})
    return found[0]


def rename_evidence(db: Database, evidence_id: int, title: str) -> None:
    item = _evidence(db, evidence_id)
    if not title.strip():
        raise ChangeRefused({"title": "材料名称不能为空。"})
    with recorded_step(db, f"重命名佐证材料 {item['code']}") as step:
        step.update("evidence", evidence_id, {"title": title.strip()})


def remove_evidence(db: Database, evidence_id: int) -> None:
    """The row goes (undoable); the stored file stays so that undo can bring it back."""
    item = _evidence(db, evidence_id)
    with recorded_step(db, f"删除佐证材料 {item['code']}") as step:
        step.delete("evidence", evidence_id)
