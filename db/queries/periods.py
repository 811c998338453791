"""Which periods (months or weeks) have progress reports."""

from __future__ import annotations

from sqlite_utils import Database

from db.records import rows
from desktop.core.periods import period_key


def report_periods(db: Database) -> list[str]:
    """Periods that have progress reports, newest first."""
    found = [r["period"] for r in rows(db, "SELECT DISTINCT period FROM progress_reports")]
    return sorted(found, key=period_key, reverse=True)
