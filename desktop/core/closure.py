"""验收销号: the closure stages of a problem as a pure state machine.

    申请销号 (apply, with evidence) → 核查 (verify: pass, or send back with a reason) → 销号 (close:
    date, document number) → 回头看 (revisit: date, finding) … → 重新打开 (reopen, when a revisit
    finds a rebound 反弹, with the reason) → 申请销号 again.

    closure_state(steps, status) -> ClosureState        # replay the recorded steps
    check_step(state, step, facts) -> {field: message}  # what is wrong with the step, in Chinese
    stage_after(state, step) -> stage                    # where a valid step leads
    closure_public(state) -> dict                        # DOMAIN.md's closure{…}

A step is a plain dict: kind, happened_on (ISO date), person, finding, passed, doc, reason.
A problem imported as 已销号 with no steps stands at the closed stage (revisits still apply).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

NONE, APPLIED, RETURNED, VERIFIED, CLOSED, REOPENED = ("", "applied", "returned", "verified",
                                                       "closed", "reopened")
STAGES = (NONE, APPLIED, RETURNED, VERIFIED, CLOSED, REOPENED)
STAGE_LABELS = {NONE: "未申请销号", APPLIED: "已申请销号", RETURNED: "核查退回",
                VERIFIED: "核查通过", CLOSED: "已销号", REOPENED: "重新打开"}
KINDS = ("apply", "verify", "close", "revisit", "reopen")
KIND_LABELS = {"apply": "申请销号", "verify": "核查", "close": "销号", "revisit": "回头看",
               "reopen": "重新打开"}
# From which stages each step may be taken.
ALLOWED_FROM = {"apply": (NONE, RETURNED, REOPENED), "verify": (APPLIED,), "close": (VERIFIED,),
                "revisit": (CLOSED,), "reopen": (CLOSED,)}
READY_STATUSES = ("completed", "closed")


@dataclass
class ClosureState:
    stage: str = NONE
    applied: str | None = None
    verified: dict | None = None
    closed_on: str | None = None
    closure_doc: str = ""
    revisits: list[dict] = field(default_factory=list)
    reopened: list[dict] = field(default_factory=list)
    last_date: str | None = None

    @property
    def label(self) -> str:
        return STAGE_LABELS[self.stage]


@dataclass(frozen=True)
class ClosureFacts:
    """What the rules need to know about the problem besides its steps."""
    status: str
    imported_on: str | None     # the problem's entry into the register (ISO date)
    evidence: int               # evidence files attached
    today: dt.date


def stage_after(state: ClosureState, step: dict) -> str:
    kind = step["kind"]
    if kind == "verify":
        return VERIFIED if step.get("passed") else RETURNED
    return {"apply": APPLIED, "close": CLOSED, "revisit": CLOSED, "reopen": REOPENED}[kind]


def _apply_step(state: ClosureState, step: dict) -> None:
    day, kind = step["happened_on"], step["kind"]
    state.stage = stage_after(state, step)
    state.last_date = day
    if kind == "apply":
        state.applied, state.verified = day, None
    elif kind == "verify":
        state.verified = {"date": day, "person": step.get("person", ""),
                          "finding": step.get("finding", ""), "passed": bool(step.get("passed")),
                          "reason": step.get("reason", "")}
    elif kind == "close":
        state.closed_on, state.closure_doc = day, step.get("doc", "")
    elif kind == "revisit":
        state.revisits.append({"date": day, "person": step.get("person", ""),
                               "finding": step.get("finding", "")})
    else:
        state.reopened.append({"date": day, "reason": step.get("reason", "")})


def closure_state(steps: list[dict], status: str = "") -> ClosureState:
    state = ClosureState(stage=CLOSED if status == "closed" and not steps else NONE)
    for step in sorted(steps, key=lambda s: (s["happened_on"], s.get("id") or 0)):
        _apply_step(state, step)
    return state


def _date_error(text: str, state: ClosureState, facts: ClosureFacts) -> str:
    try:
        day = dt.date.fromisoformat(text or "")
    except ValueError:
        return f"日期“{text}”格式不对，请写成 YYYY-MM-DD，例如 {facts.today:%Y-%m-%d}。"
    if day > facts.today:
        return f"日期 {day} 晚于今天，请填写已经发生的日期。"
    if facts.imported_on and text < facts.imported_on:
        return f"日期 {day} 早于该问题录入台账的日期 {facts.imported_on}，请核对。"
    if state.last_date and text < state.last_date:
        return f"日期 {day} 早于上一步（{state.last_date}），请核对。"
    return ""


def check_step(state: ClosureState, step: dict, facts: ClosureFacts) -> dict[str, str]:
    """Every problem of the step, by the field the clerk typed it in ('' for the step itself)."""
    kind = step.get("kind")
    errors: dict[str, str] = {}
    if kind not in KINDS:
        return {"": f"未知的销号步骤“{kind}”。"}
    if state.stage not in ALLOWED_FROM[kind]:
        return {"": f"该问题目前为“{state.label}”，不能{KIND_LABELS[kind]}。"}
    if kind == "apply" and facts.status not in READY_STATUSES:
        errors[""] = "只有已完成整改的问题才能申请销号，请先把状态改为“已完成”。"
    if message := _date_error(step.get("happened_on", ""), state, facts):
        errors["happened_on"] = message
    errors.update(_field_errors(kind, step, facts))
    return errors


def _field_errors(kind: str, step: dict, facts: ClosureFacts) -> dict[str, str]:
    errors = {}
    blank = lambda name: not str(step.get(name) or "").strip()  # noqa: E731
    if kind in ("apply", "close") and facts.evidence == 0 and blank("reason"):
        errors["reason"] = "该问题还没有佐证材料：请先添加佐证材料，或在此说明没有佐证材料的原因。"
    if kind == "verify":
        if blank("person"):
            errors["person"] = "请填写核查人。"
        if not step.get("passed") and blank("reason"):
            errors["reason"] = "核查不通过时请填写退回原因。"
    if kind == "close" and blank("doc"):
        errors["doc"] = "请填写销号文号，例如“县整改办〔2024〕12号”。"
    if kind == "revisit" and blank("finding"):
        errors["finding"] = "请填写回头看的情况。"
    if kind == "reopen" and blank("reason"):
        errors["reason"] = "请写明重新打开的原因（如发现问题反弹的情况）。"
    return errors


def closure_public(state: ClosureState) -> dict:
    return {"stage": state.stage, "stage_label": state.label, "applied": state.applied,
            "verified": state.verified, "closed_on": state.closed_on,
            "closure_doc": state.closure_doc, "revisits": state.revisits,
            "reopened": state.reopened}
