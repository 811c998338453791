"""Merging the units' reports on one problem into the county's progress (pure rules).

Every unit writes its own words; the county reports one text up: the lead unit's words first,
then the others in the order of the problem's units, each labelled ("县住建局：……；县财政局：……").
The status follows the merge rule chosen in 设置:
  all_done  已完成 only when every unit that reported says so; otherwise the least advanced status
  lead      as the lead unit reported (the all_done rule when no lead unit reported)
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.status import (
    AHEAD,
    BEHIND,
    CLOSED,
    COMPLETED,
    IN_PROGRESS,
    ON_SCHEDULE,
    PENDING,
)
from desktop.core.units import unit_key

ALL_DONE, LEAD = "all_done", "lead"
MERGE_RULES = {ALL_DONE: "各单位均报已完成才算完成，否则取最慢的状态", LEAD: "以牵头单位为准"}
# Least advanced first.
ADVANCE = (PENDING, BEHIND, IN_PROGRESS, ON_SCHEDULE, AHEAD, COMPLETED, CLOSED)


@dataclass(frozen=True)
class UnitReport:
    unit: str
    text: str
    status: str | None
    percent: float | None = None


@dataclass(frozen=True)
class MergedProgress:
    text: str
    status: str
    percent: float | None
    units: tuple[str, ...]          # the units whose reports went in, in merged order


def _rank(status: str | None) -> int:
    return ADVANCE.index(status) if status in ADVANCE else ADVANCE.index(IN_PROGRESS)


def ordered(reports: list[UnitReport], lead: list[str], others: list[str]) -> list[UnitReport]:
    """Lead units first, then the problem's other units in their order, then any other reporter."""
    order = {unit_key(u): i for i, u in enumerate([*lead, *others])}
    indexed = list(enumerate(reports))
    indexed.sort(key=lambda p: (order.get(unit_key(p[1].unit), len(order)), p[0]))
    return [r for _, r in indexed]


def merged_text(reports: list[UnitReport], *, label: bool) -> str:
    parts = [r.text.strip().rstrip("；;。") if label else r.text.strip()
             for r in reports]
    if not label:
        return "；".join(p for p in parts if p)
    return "；".join(f"{r.unit}：{p}" for r, p in zip(reports, parts) if p)


def merged_status(reports: list[UnitReport], lead: list[str], rule: str) -> str:
    statuses = [r.status or IN_PROGRESS for r in reports]
    if rule == LEAD:
        lead_keys = {unit_key(u) for u in lead}
        by_lead = [r.status for r in reports if unit_key(r.unit) in lead_keys and r.status]
        if by_lead:
            return min(by_lead, key=_rank)
    return min(statuses, key=_rank) if statuses else PENDING


def merged_percent(reports: list[UnitReport], status: str, lead: list[str], rule: str) -> float | None:
    chosen = reports
    if rule == LEAD:
        lead_keys = {unit_key(u) for u in lead}
        chosen = [r for r in reports if unit_key(r.unit) in lead_keys] or reports
    percents = [r.percent for r in chosen if r.percent is not None]
    if status in (COMPLETED, CLOSED) and not percents:
        return None
    return min(percents) if percents else None


def merge_reports(reports: list[UnitReport], *, lead: list[str], others: list[str],
                  rule: str = ALL_DONE) -> MergedProgress:
    """The county's progress for one problem and period from its units' newest reports. The text
    is labelled with the unit names when the problem has more than one unit or a report comes from
    a unit outside its lists."""
    if rule not in MERGE_RULES:
        rule = ALL_DONE
    in_order = ordered(reports, lead, others)
    known = {unit_key(u) for u in [*lead, *others]}
    label = len(known) > 1 or any(unit_key(r.unit) not in known for r in in_order)
    status = merged_status(in_order, lead, rule)
    return MergedProgress(merged_text(in_order, label=label), status,
                          merged_percent(in_order, status, lead, rule),
                          tuple(r.unit for r in in_order))
