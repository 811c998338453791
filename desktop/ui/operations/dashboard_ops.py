"""The dashboard's figures, computed off the UI thread: the snapshot of desktop.reports (the
same judgement as the monthly sheet) and its charts as matplotlib Figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from desktop.ui.tasks import Progress

TREND_MONTHS = 8  # what fits a third of the window without crowding the month labels


@dataclass
class DashboardData:
    as_of: dt.date
    paragraph: str
    problems: object       # desktop.core.stats.ProblemStats
    petitions: object      # desktop.core.stats.PetitionStats
    alerts: dict[str, int]
    figures: list          # matplotlib Figures: status, units, trend


def dashboard_data(as_of: dt.date | None = None, unit_bars_top: int = 10):
    def work(db: Database, _progress: Progress) -> DashboardData:
        from desktop.core.alerts import alert_counts
        from desktop.reports.charts import completion_trend, status_donut, unit_bars
        from desktop.reports.snapshot import completion_trend_data, take_snapshot

        day = as_of or dt.date.today()
        snap = take_snapshot(db, day)
        trend = completion_trend_data(db, f"{day:%Y-%m}", months=TREND_MONTHS)
        stats = snap.problem_stats
        figures = [status_donut(stats, size=(4.6, 3.0)),
                   unit_bars(stats, top=unit_bars_top, size=(5.2, 3.0)),
                   completion_trend(trend, size=(4.6, 3.0))]
        return DashboardData(day, snap.paragraph(), stats, snap.petition_stats,
                             alert_counts(snap.assessments), figures)
    return work
