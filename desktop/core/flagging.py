"""挂牌督办: checking a flag the clerk enters, and proposing which problems to flag.

    check_flag(flag, today, imported_on=None) -> {field: message}
    propose_flags(problems, today) -> [FlagProposal]

A flag is a plain dict: level (省 / 市 / 县), leader, reason, since, until (ISO dates).
Proposed: open, unflagged problems that are overdue, or whose last two monthly reports were
both 未达序时进度 (behind schedule twice running).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.core.status import BEHIND, DONE_CODES

LEVELS = ("省", "市", "县")
LEVEL_LABELS = {"省": "省级挂牌督办", "市": "市级挂牌督办", "县": "县级挂牌督办"}


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text or "")
    except ValueError:
        return None


def check_flag(flag: dict, today: dt.date, imported_on: str | None = None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if flag.get("level") not in LEVELS:
        errors["level"] = "请选择挂牌级别：省、市或县。"
    if not str(flag.get("leader") or "").strip():
        errors["leader"] = "请填写督办领导：挂牌督办必须有督办领导。"
    since = _date(flag.get("since"))
    if since is None:
        errors["since"] = f"挂牌日期“{flag.get('since') or ''}”格式不对，请写成 YYYY-MM-DD。"
    elif since > today:
        errors["since"] = f"挂牌日期 {since} 晚于今天，请核对。"
    elif imported_on and flag["since"] < imported_on:
        errors["since"] = f"挂牌日期 {since} 早于该问题录入台账的日期 {imported_on}，请核对。"
    if flag.get("until"):
        until = _date(flag["until"])
        if until is None:
            errors["until"] = f"督办时限“{flag['until']}”格式不对，请写成 YYYY-MM-DD。"
        elif since and until < since:
            errors["until"] = "督办时限不能早于挂牌日期。"
    return errors


@dataclass(frozen=True)
class FlagProposal:
    problem_id: int
    code: str
    title: str
    reason: str


def behind_twice(history: list[dict]) -> bool:
    """The last two monthly reports (one per period, the latest of each) both behind schedule."""
    latest: dict[str, str] = {}
    for report in history:
        latest[report["period"]] = report.get("status") or ""
    periods = sorted(latest)[-2:]
    return len(periods) == 2 and all(latest[p] == BEHIND for p in periods)


def propose_flags(problems: list[dict]) -> list[FlagProposal]:
    """problems: dicts with id, code, title, status, flagged, overdue (bool), history."""
    out = []
    for p in problems:
        if p.get("flagged") or p.get("status") in DONE_CODES:
            continue
        if p.get("overdue"):
            reason = "已逾期未完成整改"
        elif behind_twice(p.get("history") or []):
            reason = "连续两期未达序时进度"
        else:
            continue
        out.append(FlagProposal(p["id"], p["code"], p.get("title") or "", reason))
    return out
