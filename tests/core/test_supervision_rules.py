"""The closure stages as a state machine, flag checks and proposals, accountability counts and
the disclosure paragraph's accountability clause, chronicle proposals."""

from __future__ import annotations

import datetime as dt

from desktop.core.accountability import accountability_clause, accountability_counts, check_record
from desktop.core.chronicle import check_entry, propose_entries
from desktop.core.closure import (
    ClosureFacts,
    check_step,
    closure_public,
    closure_state,
)
from desktop.core.flagging import behind_twice, check_flag, propose_flags
from desktop.core.summary import SummaryFigures, summary_paragraph

TODAY = dt.date(2026, 6, 30)
FACTS = ClosureFacts("completed", "2026-01-10", 2, TODAY)


def step(kind: str, day: str, **fields) -> dict:
    return {"kind": kind, "happened_on": day, **fields}


FULL = [step("apply", "2026-03-01"),
        step("verify", "2026-03-05", person="核查组", passed=1, finding="属实"),
        step("close", "2026-03-10", doc="县整改办〔2026〕3号"),
        step("revisit", "2026-05-10", finding="发现反弹"),
        step("reopen", "2026-05-11", reason="反弹")]


def test_replaying_the_steps_gives_each_stage():
    stages = [closure_state(FULL[:n]).stage for n in range(len(FULL) + 1)]
    assert stages == ["", "applied", "verified", "closed", "closed", "reopened"]
    state = closure_state(FULL)
    assert state.closed_on == "2026-03-10" and state.closure_doc == "县整改办〔2026〕3号"
    assert state.revisits[0]["finding"] == "发现反弹" and state.reopened[0]["reason"] == "反弹"
    public = closure_public(closure_state(FULL[:4]))
    assert public["stage"] == "closed" and public["verified"]["person"] == "核查组"


def test_a_failed_verification_sends_it_back_and_it_may_be_applied_again():
    back = [FULL[0], step("verify", "2026-03-05", person="核查组", passed=0, reason="材料不全")]
    state = closure_state(back)
    assert state.stage == "returned"
    assert check_step(state, step("apply", "2026-03-08"), FACTS) == {}
    assert "不能销号" in check_step(state, step("close", "2026-03-08", doc="x"), FACTS)[""]


def test_steps_out_of_order_or_with_bad_input_are_refused_by_field():
    fresh = closure_state([])
    assert "不能核查" in check_step(fresh, step("verify", "2026-03-01", person="a", passed=1),
                                 FACTS)[""]
    early = check_step(fresh, step("apply", "2026-01-01"), FACTS)
    assert "早于该问题录入台账" in early["happened_on"]
    assert "晚于今天" in check_step(fresh, step("apply", "2026-07-01"), FACTS)["happened_on"]
    assert "格式不对" in check_step(fresh, step("apply", "2026/3/1"), FACTS)["happened_on"]
    no_evidence = ClosureFacts("completed", "2026-01-10", 0, TODAY)
    assert "佐证材料" in check_step(fresh, step("apply", "2026-03-01"), no_evidence)["reason"]
    assert check_step(fresh, step("apply", "2026-03-01", reason="现场照片由上级留存"),
                      no_evidence) == {}
    pending = ClosureFacts("in_progress", "2026-01-10", 2, TODAY)
    assert "已完成整改" in check_step(fresh, step("apply", "2026-03-01"), pending)[""]
    verified = closure_state(FULL[:2])
    errors = check_step(verified, step("close", "2026-03-01"), FACTS)
    assert "销号文号" in errors["doc"] and "上一步" in errors["happened_on"]
    failed = check_step(closure_state(FULL[:1]), step("verify", "2026-03-05", passed=0), FACTS)
    assert set(failed) == {"person", "reason"}
    assert "原因" in check_step(closure_state(FULL[:3]), step("reopen", "2026-04-01"), FACTS)[
        "reason"]


def test_a_problem_imported_as_closed_can_be_revisited():
    state = closure_state([], "closed")
    assert state.stage == "closed"
    assert check_step(state, step("revisit", "2026-03-01", finding="未反弹"),
                      ClosureFacts("closed", "2026-01-10", 0, TODAY)) == {}


def test_a_flag_needs_level_leader_and_sound_dates():
    good = {"level": "县", "leader": "王副县长", "since": "2026-06-01", "until": "2026-08-31"}
    assert check_flag(good, TODAY, "2026-01-10") == {}
    assert "督办领导" in check_flag(good | {"leader": " "}, TODAY)["leader"]
    assert "省、市或县" in check_flag(good | {"level": "乡"}, TODAY)["level"]
    assert "早于挂牌日期" in check_flag(good | {"until": "2026-05-01"}, TODAY)["until"]
    assert "录入台账" in check_flag(good | {"since": "2026-01-01", "until": ""}, TODAY,
                                 "2026-01-10")["since"]


def test_proposals_are_overdue_or_behind_twice_running():
    behind = [{"period": "2026-04", "status": "behind_schedule"},
              {"period": "2026-05", "status": "on_schedule"},
              {"period": "2026-05", "status": "behind_schedule"},
              {"period": "2026-06", "status": "behind_schedule"}]
    assert behind_twice(behind)
    assert not behind_twice(behind[:3] + [{"period": "2026-06", "status": "on_schedule"}])
    problems = [{"id": 1, "code": "1", "status": "in_progress", "overdue": True},
                {"id": 2, "code": "2", "status": "behind_schedule", "history": behind},
                {"id": 3, "code": "3", "status": "behind_schedule", "history": behind,
                 "flagged": True},
                {"id": 4, "code": "4", "status": "completed", "overdue": True}]
    found = propose_flags(problems)
    assert [(p.code, p.reason) for p in found] == [("1", "已逾期未完成整改"),
                                                   ("2", "连续两期未达序时进度")]


def test_accountability_counts_units_and_persons_once_each():
    records = [{"unit": "县水利局", "person": ""}, {"unit": "县水利局", "person": ""},
               {"unit": "某乡", "person": ""}, {"unit": "县水利局", "person": "张某"},
               {"unit": "某乡", "person": "张某"}, {"unit": "", "person": "李某"}]
    assert accountability_counts(records) == (2, 3)
    assert accountability_clause(42, 140) == "对42个责任单位、140名责任人进行追责问责"
    assert accountability_clause(0, 3) == "对3名责任人进行追责问责"
    assert accountability_clause(0, 0) == ""
    assert set(check_record({"action": "", "decided_on": "x"}, TODAY)) == {
        "unit", "action", "decided_on"}


def test_the_paragraph_ends_with_accountability_in_the_published_form():
    figures = SummaryFigures(as_of=dt.date(2022, 12, 31), problems=53, completed=25,
                             on_schedule=26, behind=2, petitions=3321, petitions_done=3177,
                             petitions_staged=121, petitions_in_progress=23, rate=95.7,
                             accountable_units=42, accountable_persons=140)
    assert summary_paragraph(figures) == (
        "截至2022年12月底，督察反馈的53个问题完成整改25个、达到序时进度26个、未达序时进度2个；"
        "交办的3321件信访件已办结3177件，阶段办结121件，正在整改23件，办结率95.7%；"
        "对42个责任单位、140名责任人进行追责问责。")


def test_chronicle_entries_checked_and_proposed_once():
    assert set(check_entry({"happened_on": "", "kind": "宴会", "title": ""}, TODAY)) == {
        "happened_on", "kind", "title"}
    events = [{"ref": "flag:1", "event": "flag", "happened_on": "2026-03-02", "code": "5",
               "title": "河道整治", "level": "市", "leader": "王某", "reason": "逾期"},
              {"ref": "closure:4", "event": "closure", "happened_on": "2026-02-01", "code": "2",
               "title": "扬尘", "doc": "县整改办〔2026〕1号"},
              {"ref": "import:1", "event": "import", "happened_on": "2026-01-05",
               "file": "县台账.xlsx", "summary": "8 条记录"}]
    found = propose_entries(events, {"import:1"})
    assert [e["ref"] for e in found] == ["closure:4", "flag:1"]
    assert found[1]["kind"] == "督导" and "市级挂牌督办" in found[1]["title"]
    assert found[0]["kind"] == "验收" and "县整改办〔2026〕1号" in found[0]["content"]
