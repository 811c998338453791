"""Progress by period (month or week): who reported for a period, and which periods exist."""

from __future__ import annotations

from sqlite_utils import Database

from db.queries.problems import _CODE_ORDER, named_rows
from db.records import rows


def report_periods(db: Database) -> list[str]:
    """Periods that have progress reports, newest first."""
    return [r["period"] for r in rows(
        db, "SELECT DISTINCT period FROM progress_reports ORDER BY period DESC")]


def period_overview(db: Database, period: str) -> list[dict]:
    """Every problem with its newest problem-level report of the period (report_* None if none)."""
    return named_rows(db, f"""
        SELECT p.id, p.code, p.title, p.lead_units, p.deadline_text, p.status,
               r.id AS report_id, r.text AS report_text, r.status AS report_status,
               r.percent AS report_percent, r.reported_on, r.unit AS report_unit
        FROM problems p LEFT JOIN progress_reports r ON r.id = (
            SELECT max(id) FROM progress_reports
            WHERE problem_id = p.id AND period = :period AND measure_id IS NULL)
        ORDER BY {_CODE_ORDER}""", {"period": period})
