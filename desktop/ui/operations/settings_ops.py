"""Saving the clerk's settings: preferences directly, each round's feedback date as one step."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlite_utils import Database

from db.changes import recorded_step
from db.merged_progress import MERGE_RULE, merge_rule
from db.remerge import remerge_unedited
from db.settings import (
    load_report_settings,
    round_starts,
    save_report_settings,
    set_setting,
    set_signature_defaults,
)
from desktop.core.unit_reports import ALL_DONE
from desktop.ui.changes import Changes

OFFICE_NAME = "office_name"  # the ledger export's 填报单位 (desktop.ledger.writing.export_ledger)


@dataclass
class SettingsChoice:
    office: str
    signature: dict[str, str]          # reporter, reviewer, phone
    day_mode: str
    completion_rule: str
    round_starts: dict[int, dt.date | None]
    merge_rule: str = ALL_DONE         # how the units' reports' statuses are merged


def save_settings(choice: SettingsChoice):
    def work(db: Database, _progress=None) -> Changes:
        set_setting(db, OFFICE_NAME, choice.office)
        set_signature_defaults(db, {**choice.signature, "unit": choice.office})
        settings = replace(load_report_settings(db), day_mode=choice.day_mode,
                           completion_rule=choice.completion_rule)
        save_report_settings(db, settings)
        rule_changed = merge_rule(db) != choice.merge_rule
        set_setting(db, MERGE_RULE, choice.merge_rule)
        remerged = remerge_unedited(db) if rule_changed else None
        before = round_starts(db)
        changed = {rid: day for rid, day in choice.round_starts.items() if before.get(rid) != day}
        if changed:
            with recorded_step(db, "设置反馈日期") as step:
                for rid, day in changed.items():
                    step.update("rounds", rid, {"started_on": day.isoformat() if day else None})
        return Changes(problems=True, petitions=True, progress=remerged is not None,
                       message="设置已保存" + remerged_note(remerged))
    return work


def remerged_note(count: int | None) -> str:
    if count is None:
        return ""
    return (f"；已按新的汇总规则重新汇总 {count} 个问题的进展（手工修改过的汇总进展不变，"
            "可撤销）" if count else "；按新的汇总规则，已收集的汇总进展没有变化")
