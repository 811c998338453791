"""The register as it stood on a date, judged: what summary, the monthly sheet and the charts use.

    take_snapshot(db, as_of, settings=None) -> Snapshot
        .problems      problem dicts (db.records.problem_rows) with status, percent and progress
                       as last reported in a period up to as_of's month
        .measures      {problem_id: [measure, ...]}
        .assessments   desktop.core.schedule.Assessment per problem, same order
        .petitions     petitions received up to as_of (or with no date)
        .problem_stats, .petition_stats, .figures, .paragraph(with_measures=False)
    completion_trend_data(db, last_month, months=12) -> Trend [(period, completed|None, problems)]

A problem whose history has reports both up to and after as_of's month is shown as of its
latest report up to then; otherwise it keeps its present fields (a ledger imported today that
was true 截至 an earlier date must not turn into 尚未启动).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from db.progress import COUNTY_REPORT
from db.records import measures_by_problem, problem_rows, rows
from db.settings import load_report_settings, round_starts
from desktop.core.accountability import accountability_counts
from desktop.core.periods import period_key, reported_by
from desktop.core.report_settings import ReportSettings
from desktop.core.schedule import Assessment, assess
from desktop.core.stats import PetitionStats, ProblemStats, petition_stats, problem_stats
from desktop.core.status import PENDING, status_label
from desktop.core.summary import SummaryFigures, figures_from, summary_paragraph
from desktop.core.workdays import WorkCalendar
from desktop.reports.trend import Trend, completion_counts


@dataclass
class Snapshot:
    as_of: dt.date
    settings: ReportSettings
    problems: list[dict]
    measures: dict[int, list[dict]]
    assessments: list[Assessment]
    petitions: list[dict]
    accountability: list[dict] = field(default_factory=list)
    problem_stats: ProblemStats = field(init=False)
    petition_stats: PetitionStats = field(init=False)

    def __post_init__(self) -> None:
        self.problem_stats = problem_stats(self.problems, self.measures, self.assessments)
        self.petition_stats = petition_stats(self.petitions, self.settings.completion_rule)

    @property
    def figures(self) -> SummaryFigures:
        return figures_from(self.as_of, self.problem_stats, self.petition_stats,
                            accountability_counts(self.accountability))

    def paragraph(self, *, with_measures: bool = False) -> str:
        return summary_paragraph(self.figures, with_measures=with_measures)


def _history(db) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    cur = db.execute("SELECT problem_id, period, status, percent, text FROM progress_reports"
                     f" WHERE measure_id IS NULL AND {COUNTY_REPORT} ORDER BY problem_id, period, id")
    for problem_id, period, status, percent, text in cur.fetchall():
        out.setdefault(problem_id, []).append(
            {"period": period, "status": status, "percent": percent, "text": text})
    for reports in out.values():      # weeks and months by the days they cover, not as text
        reports.sort(key=lambda r: period_key(r["period"]))
    return out


def as_of_state(problem: dict, history: list[dict], as_of: dt.date) -> dict:
    """The problem with status, percent and progress as reported in periods begun by as_of
    (months and ISO weeks alike)."""
    if not history or reported_by(history[-1]["period"], as_of):
        return problem
    earlier = [r for r in history if reported_by(r["period"], as_of)]
    if not earlier:  # nothing known about then (e.g. a ledger imported later): as it is now
        return problem
    state = dict(problem)
    last = earlier[-1]
    state.update(status=last["status"] or PENDING, status_text=status_label(last["status"]),
                 percent=last["percent"], progress=last["text"] or "")
    return state


def take_snapshot(db, as_of: dt.date, settings: ReportSettings | None = None, *,
                  round_id: int | None = None) -> Snapshot:
    """The register (or one round of it, `round_id`) as it stood on as_of, judged."""
    settings = settings or load_report_settings(db)
    history = _history(db)
    listed = problem_rows(db, "p.round_id = ?", [round_id]) if round_id else problem_rows(db)
    problems = [as_of_state(p, history.get(p["id"], []), as_of) for p in listed]
    measures = measures_by_problem(db)
    starts = round_starts(db)
    calendar = WorkCalendar(settings.extra_holidays, settings.extra_workdays)
    assessments = [assess(p, measures.get(p["id"], []), as_of, starts.get(p["round_id"]),
                          settings, calendar) for p in problems]
    petitions = rows(db, "SELECT * FROM petitions WHERE received_on IS NULL OR received_on = ''"
                         " OR received_on <= ? ORDER BY coalesce(seq, 1e9), code",
                     [as_of.isoformat()])
    accountable = rows(db, "SELECT unit, person FROM accountability WHERE decided_on IS NULL"
                           " OR decided_on = '' OR decided_on <= ?", [as_of.isoformat()])
    return Snapshot(as_of, settings, problems, measures, assessments, petitions, accountable)


def _month_back(month: str, n: int) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    total = year * 12 + mon - 1 - n
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def completion_trend_data(db, last_month: str, months: int = 12) -> Trend:
    """(period, problems completed by then or None where the register knows nothing of then,
    problems) for the `months` months up to last_month, by the dates the register holds
    (progress reports, completion and closure dates): see desktop.reports.trend."""
    periods = [_month_back(last_month, n) for n in range(months - 1, -1, -1)]
    cur = db.execute("SELECT * FROM problems")  # status and dates only: nothing decoded
    names = [d[0] for d in cur.description]
    problems = [dict(zip(names, row)) for row in cur.fetchall()]
    return completion_counts(problems, _history(db), periods)
