"""The disclosure paragraph (信息公开), in the form the office publishes:

    截至2022年12月底，督察反馈的53个问题完成整改25个、达到序时进度26个、未达序时进度2个；
    交办的3321件信访件已办结3177件，阶段办结121件，正在整改23件，办结率95.7%。

    figures_from(as_of, problem_stats, petition_stats) -> SummaryFigures
    summary_paragraph(figures, with_measures=False) -> str
    as_of_phrase(date) -> "2022年12月底" (a month's last day) or "2022年12月15日"

Clauses with a zero count are left out; overdue problems count as 未达序时进度; problems whose
deadline could not be read are named apart (时限不明) so the counts always add up. Units and
persons held accountable close the paragraph: "…；对42个责任单位、140名责任人进行追责问责。"
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from desktop.core.accountability import accountability_clause
from desktop.core.stats import PetitionStats, ProblemStats, format_rate


@dataclass(frozen=True)
class SummaryFigures:
    as_of: dt.date
    problems: int
    completed: int
    on_schedule: int
    behind: int
    other: int = 0
    measures: int = 0
    measures_done: int = 0
    petitions: int = 0
    petitions_done: int = 0
    petitions_staged: int = 0
    petitions_in_progress: int = 0
    rate: float | None = None
    accountable_units: int = 0
    accountable_persons: int = 0


def figures_from(as_of: dt.date, problems: ProblemStats,
                 petitions: PetitionStats | None = None,
                 accountable: tuple[int, int] = (0, 0)) -> SummaryFigures:
    pet = petitions or PetitionStats()
    return SummaryFigures(
        as_of=as_of, problems=problems.total, completed=problems.group("completed"),
        on_schedule=problems.group("on_schedule"), behind=problems.group("behind"),
        other=problems.group("other"), measures=problems.measures,
        measures_done=problems.measures_done, petitions=pet.total, petitions_done=pet.done,
        petitions_staged=pet.staged, petitions_in_progress=pet.in_progress, rate=pet.rate,
        accountable_units=accountable[0], accountable_persons=accountable[1])


def as_of_phrase(as_of: dt.date) -> str:
    if as_of.day == calendar.monthrange(as_of.year, as_of.month)[1]:
        return f"{as_of.year}年{as_of.month}月底"
    return f"{as_of.year}年{as_of.month}月{as_of.day}日"


def _problem_clause(f: SummaryFigures, with_measures: bool) -> str:
    if not f.problems:
        return "台账中暂无督察反馈问题"
    parts = [f"{label}{n}个" for label, n in (
        ("完成整改", f.completed), ("达到序时进度", f.on_schedule),
        ("未达序时进度", f.behind), ("整改时限不明", f.other)) if n]
    text = f"督察反馈的{f.problems}个问题" + "、".join(parts)
    if with_measures and f.measures:
        text += f"，{f.measures}条整改措施已完成{f.measures_done}条"
    return text


def _petition_clause(f: SummaryFigures) -> str:
    text = f"交办的{f.petitions}件信访件已办结{f.petitions_done}件"
    if f.petitions_staged:
        text += f"，阶段办结{f.petitions_staged}件"
    if f.petitions_in_progress:
        text += f"，正在整改{f.petitions_in_progress}件"
    return text + f"，办结率{format_rate(f.rate)}"


def summary_paragraph(figures: SummaryFigures, *, with_measures: bool = False) -> str:
    clauses = [_problem_clause(figures, with_measures)]
    if figures.petitions:
        clauses.append(_petition_clause(figures))
    if accountable := accountability_clause(figures.accountable_units,
                                            figures.accountable_persons):
        clauses.append(accountable)
    return f"截至{as_of_phrase(figures.as_of)}，" + "；".join(clauses) + "。"
