"""Rounds (督察批次) for the window: names, and those whose feedback date is missing."""

from __future__ import annotations

from sqlite_utils import Database


def rounds_without_feedback_date(db: Database) -> list[str]:
    """Rounds that have problems but no feedback date (rounds.started_on): 序时进度 cannot be
    judged for their problems."""
    return [name for (name,) in db.execute(
        "SELECT r.name FROM rounds r WHERE (r.started_on IS NULL OR r.started_on = '')"
        " AND EXISTS (SELECT 1 FROM problems p WHERE p.round_id = r.id) ORDER BY r.id")]
