"""Merging units' reports, the status rule, collective names and likely pairs (pure rules)."""

from __future__ import annotations

import pytest

from desktop.core.unit_groups import is_collective, similarity, suggest_pairs
from desktop.core.unit_reports import LEAD, UnitReport, merge_reports

LEAD_UNITS, OTHERS = ["县住建局"], ["县财政局", "城关镇"]


def report(unit, text, status, percent=None):
    return UnitReport(unit, text, status, percent)


def test_lead_unit_first_then_the_problems_order_each_labelled():
    merged = merge_reports([report("城关镇", "完成拆除。", "completed", 100),
                            report("县财政局", "资金已拨付", "on_schedule", 80),
                            report("县住建局", "管网铺设60%", "behind_schedule", 60)],
                           lead=LEAD_UNITS, others=OTHERS)
    assert merged.text == "县住建局：管网铺设60%；县财政局：资金已拨付；城关镇：完成拆除"
    assert merged.units == ("县住建局", "县财政局", "城关镇")
    assert (merged.status, merged.percent) == ("behind_schedule", 60)


@pytest.mark.parametrize("statuses, expected", [
    (["completed", "completed"], "completed"),
    (["completed", "closed"], "completed"),
    (["closed", "closed"], "closed"),
    (["completed", "on_schedule"], "on_schedule"),
    (["ahead", "in_progress"], "in_progress"),
    (["pending", "completed"], "pending"),
])
def test_completed_only_when_every_reporting_unit_says_so(statuses, expected):
    reports = [report(u, "x", s) for u, s in zip(["县住建局", "县财政局"], statuses)]
    assert merge_reports(reports, lead=LEAD_UNITS, others=OTHERS).status == expected


def test_as_the_lead_unit_says_when_the_clerk_picks_it():
    reports = [report("县住建局", "已完成", "completed"), report("县财政局", "推进", "behind_schedule")]
    assert merge_reports(reports, lead=LEAD_UNITS, others=OTHERS, rule=LEAD).status == "completed"
    without_lead = [report("县财政局", "推进", "behind_schedule"), report("城关镇", "完成", "completed")]
    assert merge_reports(without_lead, lead=LEAD_UNITS, others=OTHERS,
                         rule=LEAD).status == "behind_schedule"


def test_a_problem_of_one_unit_keeps_its_words_unlabelled():
    merged = merge_reports([report("县住建局", "已完成", "completed")], lead=["县住建局"], others=[])
    assert merged.text == "已完成"


@pytest.mark.parametrize("name", ["各乡镇人民政府", "各有关单位", "相关乡镇", "各县区", "相关乡镇人民政府",
                                  "省直各有关部门", "县直有关部门"])
def test_collective_names(name):
    assert is_collective(name)


@pytest.mark.parametrize("name", ["县住建局", "城关镇人民政府", "市生态环境局县分局", "县河长制办公室"])
def test_unit_names_are_not_collective(name):
    assert not is_collective(name)


def test_likely_pairs_are_suggested_and_different_units_are_not():
    names = ["相关乡镇", "相关乡镇人民政府", "县生态环境分局", "市生态环境局县分局", "县住建局",
             "县财政局", "省民政厅", "省财政厅", "县水利局", "县林业局"]
    pairs = {(p.first, p.second) for p in suggest_pairs(names)}
    assert pairs == {("相关乡镇", "相关乡镇人民政府"), ("县生态环境分局", "市生态环境局县分局")}
    assert similarity("县住房城乡建设局", "县住房和城乡建设局") > 90
    assert suggest_pairs(names, apart={frozenset(("相关乡镇", "相关乡镇人民政府"))})[0].first == "县生态环境分局"
