"""Status words in the superior's own vocabulary, and the latest progress as of a date."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from db.progress import COUNTY_REPORT
from desktop.core.periods import period_key, reported_by
from desktop.core.status import (
    AHEAD,
    BEHIND,
    CLOSED,
    COMPLETED,
    DONE_CODES,
    IN_PROGRESS,
    ON_SCHEDULE,
    PENDING,
    STATUS_LABELS,
    status_from_text,
)

# When the superior's sheet has no word for a status, the nearest word it does have.
_NEAREST = {CLOSED: [COMPLETED], AHEAD: [ON_SCHEDULE, IN_PROGRESS],
            ON_SCHEDULE: [IN_PROGRESS], BEHIND: [IN_PROGRESS], PENDING: [IN_PROGRESS],
            IN_PROGRESS: [ON_SCHEDULE], COMPLETED: []}


class StatusWords:
    """The words a workbook uses for statuses (from its cells and drop-down lists)."""

    def __init__(self, words: list[str]):
        self.by_code: dict[str, str] = {}
        for word in words:
            code = status_from_text(word)
            if code and code not in self.by_code:
                self.by_code[code] = word

    def word(self, code: str | None) -> str:
        if not code:
            return ""
        for candidate in [code, *_NEAREST.get(code, [])]:
            if candidate in self.by_code:
                return self.by_code[candidate]
        return STATUS_LABELS.get(code, "")


def yes_no_word(answer: bool, words: list[str]) -> str:
    yes = next((w for w in words if w in {"是", "√", "已", "Y", "y"}), "是")
    no = next((w for w in words if w in {"否", "×", "未", "N", "n"}), "否")
    return yes if answer else no


def is_done(code: str | None) -> bool:
    return code in DONE_CODES


def progress_as_of(db: Database, problem_id: int, as_of: dt.date | None) -> dict | None:
    """The newest report for the problem up to the as-of month (the problem itself when no date)."""
    if as_of is None:
        row = db.execute("SELECT progress, status, status_text, percent FROM problems WHERE id = ?",
                         [problem_id]).fetchone()
        return {"text": row[0], "status": row[1], "status_text": row[2], "percent": row[3]}
    found = [r for r in db.execute(
        "SELECT text, status, status_text, percent, period, id FROM progress_reports"
        f" WHERE problem_id = ? AND measure_id IS NULL AND {COUNTY_REPORT}", [problem_id]).fetchall()
        if reported_by(r[4], as_of)]        # weeks and months by the days they cover
    if not found:
        return None
    row = max(found, key=lambda r: (period_key(r[4]), r[5]))
    return {"text": row[0], "status": row[1], "status_text": row[2], "percent": row[3]}
