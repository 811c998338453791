"""Short cells for the printed monthly sheet, and the rule said once under the table.

    assessment_cell(assessment, day_unit="天") -> "未达序时进度\n应62% 报40% 剩18天"
    deadline_cell(problem, measures) -> "立行立改；2023年第二季度；2022.6.30前"
    assessment_notes(assessments, day_unit="天") -> ["序时评估：…"]

A row repeats no sentence: the figures of the judgement are written as 应 (the share of the time
from the round's feedback date to the due date that has passed), 报 (the share reported done),
剩 / 逾期 (days to or past the due date), and what they mean is said once, under the table.
Every deadline of a problem is listed once, in the order of its measures, full dates written
short (2022年6月30日 → 2022.6.30).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.core.schedule import Assessment

_FULL_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_SEPARATORS = re.compile(r"[；;\n]+")
_UNDATED = {"long_term": "长期任务", "immediate": "立行立改"}


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}%"


def assessment_cell(assessment: Assessment, day_unit: str = "天") -> str:
    """The label and, on a second line, its figures; nothing more."""
    a = assessment
    label = a.label
    if a.bucket == "done" or a.bucket == "none":
        return label
    if a.bucket in _UNDATED:
        return f"{label}\n{_UNDATED[a.bucket]}，按上报"
    figures = []
    if a.expected_percent is not None and a.bucket != "overdue":
        figures.append(f"应{_pct(a.expected_percent)}")
    if a.reported_percent is not None:
        figures.append(f"报{_pct(a.reported_percent)}")
    if a.days_left is not None:
        figures.append(f"逾期{-a.days_left}{day_unit}" if a.days_left < 0
                       else f"剩{a.days_left}{day_unit}")
    if a.expected_percent is None and a.bucket != "overdue":
        figures.append("按上报")
    return f"{label}\n{' '.join(figures)}" if figures else label


def short_deadline(text: str) -> str:
    return _FULL_DATE.sub(lambda m: f"{m[1]}.{int(m[2])}.{int(m[3])}", text.strip())


def deadline_cell(problem: dict, measures: Iterable[dict]) -> str:
    """The problem's deadlines and its measures', each once, shortest form."""
    texts = _SEPARATORS.split(problem.get("deadline_text") or "")
    texts += [m.get("deadline_text") or "" for m in measures]
    seen: list[str] = []
    for text in texts:
        short = short_deadline(text)
        if short and short not in seen:
            seen.append(short)
    if not seen and problem.get("deadline"):
        seen.append(str(problem["deadline"]))
    return "；".join(seen)


def assessment_notes(assessments: Iterable[Assessment], day_unit: str = "天") -> list[str]:
    """The rule behind 序时评估, said once for the whole table."""
    kinds = {(a.bucket, a.expected_percent is None) for a in assessments}
    unit = "工作日" if day_unit != "天" else "自然日"
    parts = [f"序时评估：“应”为自反馈日期至整改时限已过去的时间比例（序时进度），"
             f"“报”为上报的完成比例，报不足应为未达序时进度；“剩”“逾期”为距整改时限的{unit}数"]
    if any(b in _UNDATED or (b in ("later", "d10", "d20") and no_start) for b, no_start in kinds):
        parts.append("标“按上报”的问题未设置反馈日期或无阶段时限，无法计算序时进度，按上报的整改状态评估")
    if any(bucket == "none" for bucket, _ in kinds):
        parts.append("“时限不明”为整改时限无法识别，未作序时评估")
    return ["；".join(parts) + "。"]
