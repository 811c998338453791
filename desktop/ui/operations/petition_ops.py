"""Editing a petition (信访件) by hand: verification, handling result, status — one undo step."""

from __future__ import annotations

from sqlite_utils import Database

from db.changes import now_iso, recorded_step
from db.queries import PETITION_STATUS_LABELS, VERIFIED_LABELS
from desktop.ui.changes import Changes


def save_petition(petition_id: int, code: str, changes: dict):
    """An op: `changes` in the register's fields (verified, result, status, district...)."""
    def work(db: Database, _progress=None) -> Changes:
        values = dict(changes)
        if "status" in values:
            values["status_text"] = PETITION_STATUS_LABELS.get(values["status"], "")
        if "verified" in values:
            values["verified_text"] = VERIFIED_LABELS.get(values["verified"] or "", "")
        with recorded_step(db, f"编辑信访件 {code}") as step:
            if step.update("petitions", petition_id, values):
                step.update("petitions", petition_id, {"updated_at": now_iso()})
        return Changes(petitions=True, message=f"已保存信访件 {code}")
    return work
