"""验收销号, 挂牌督办, 佐证材料, 追责问责, 大事记 as operations: each one recorded change, refused
as a whole (db.refused.ChangeRefused, reasons by field) when the input is wrong."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from db import accountability, chronicle, closure, evidence, flags
from desktop.core.closure import KIND_LABELS
from desktop.ui.changes import Changes


def _problem_changed(problem_id: int, message: str) -> Changes:
    return Changes(problem_ids=frozenset({problem_id}), supervision=True, message=message)


def closure_step(problem_id: int, step: dict):
    def work(db: Database, _progress=None) -> Changes:
        closure.record_closure_step(db, problem_id, step)
        return _problem_changed(problem_id, f"已记录{KIND_LABELS[step['kind']]}")
    return work


def flag(problem_id: int, values: dict):
    def work(db: Database, _progress=None) -> Changes:
        flags.flag_problem(db, problem_id, values)
        return _problem_changed(problem_id, "已挂牌督办")
    return work


def lift(problem_id: int, lifted_on: str, note: str = ""):
    def work(db: Database, _progress=None) -> Changes:
        flags.lift_flag(db, problem_id, lifted_on, note)
        return _problem_changed(problem_id, "已解除挂牌督办")
    return work


def attach(problem_id: int, path: str | Path, title: str, dated: str | None,
           measure_id: int | None = None):
    def work(db: Database, _progress=None) -> Changes:
        evidence.attach_evidence(db, problem_id, path, title, dated, measure_id)
        return _problem_changed(problem_id, f"已添加佐证材料：{Path(path).name}")
    return work


def rename_evidence(problem_id: int, evidence_id: int, title: str):
    def work(db: Database, _progress=None) -> Changes:
        evidence.rename_evidence(db, evidence_id, title)
        return _problem_changed(problem_id, "已重命名佐证材料")
    return work


def remove_evidence(problem_id: int, evidence_id: int):
    def work(db: Database, _progress=None) -> Changes:
        evidence.remove_evidence(db, evidence_id)
        return _problem_changed(problem_id, "已删除佐证材料（可撤销）")
    return work


def save_accountability(record: dict, link_code: str = "", record_id: int | None = None):
    def work(db: Database, _progress=None) -> Changes:
        accountability.save_accountability(
            db, {**record, **accountability.find_link(db, link_code)}, record_id)
        return Changes(supervision=True, message="已保存问责记录")
    return work


def remove_accountability(record_id: int):
    def work(db: Database, _progress=None) -> Changes:
        accountability.remove_accountability(db, record_id)
        return Changes(supervision=True, message="已删除问责记录（可撤销）")
    return work


def save_entry(entry: dict, entry_id: int | None = None):
    def work(db: Database, _progress=None) -> Changes:
        chronicle.save_entry(db, entry, entry_id)
        return Changes(supervision=True, message="已保存大事记")
    return work


def remove_entry(entry_id: int):
    def work(db: Database, _progress=None) -> Changes:
        chronicle.remove_entry(db, entry_id)
        return Changes(supervision=True, message="已删除大事记（可撤销）")
    return work


def accept_proposals(proposals: list[dict]):
    def work(db: Database, _progress=None) -> Changes:
        count = chronicle.accept_proposals(db, proposals)
        return Changes(supervision=True, message=f"已采纳 {count} 条大事记建议")
    return work
