"""Exchange packages as operations: make one, read and compare one (the plan), commit a plan."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from desktop.ui.changes import Changes
from desktop.ui.operations.export_ops import Outcome
from desktop.ui.tasks import Progress


def export_package_to(out: str | Path, round_name: str | None, unit: str | None):
    def work(db: Database, _progress: Progress) -> Outcome:
        from desktop.exchange.package_out import export_package

        try:
            result = export_package(db, out, round_name=round_name, unit=unit)
        except ValueError as exc:
            return Outcome("导出交换包", [str(exc)], refused=True)
        return Outcome("导出交换包", [result.summary()],
                       Changes(message=f"已导出交换包：{result.path.name}"))
    return work


@dataclass
class Planned:
    """A package read and compared, or the reason it was refused."""
    plan: object | None = None
    refused: str = ""


def plan_from(path: str | Path):
    def work(db: Database, _progress: Progress) -> Planned:
        from desktop.exchange.merge import PackageRefused, plan_package

        try:
            return Planned(plan_package(db, path))
        except PackageRefused as exc:
            return Planned(refused=str(exc))
    return work


def commit_with(plan, choices: dict[int, str]):
    """Commit the clerk's choices on a plan made afresh (the register may have moved since the
    dialog opened); choices follow their problem and field."""
    chosen = {(c.item, c.field): choices.get(c.id, "mine") for c in plan.conflicts}

    def work(db: Database, progress: Progress) -> Outcome:
        from desktop.exchange.merge import commit_package
        from desktop.exchange.plan import plan_merge

        fresh = plan_merge(db, plan.package)
        result = commit_package(db, fresh, {c.id: chosen.get((c.item, c.field), "mine")
                                            for c in fresh.conflicts},
                                progress=progress.update, cancel=progress.cancelled)
        changes = Changes(problems=True, progress=True, message=f"已合并交换包：{result.file}") \
            if result.committed else Changes(message="交换包中没有需要合并的内容。")
        return Outcome("合并交换包", result.summary_lines(), changes)
    return work
