"""Merging a package, check then commit (like the ledger import):

    plan = plan_package(db, "乡镇-交换包.zip")        # read, verify, compare: nothing written
    result = commit_package(db, plan, {conflict.id: "theirs", ...})   # backup, one undo step
    result = merge_package(db, path)                   # both; conflicts keep this register's value

A refused package (PackageRefused: damaged, tampered, newer program, unrelated register)
changes nothing. The same package merged twice changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from desktop.exchange.commit import commit_plan
from desktop.exchange.labels import table_label
from desktop.exchange.package_file import PackageRefused, read_package
from desktop.exchange.plan import MergePlan, plan_merge
from desktop.ledger.long_work import Cancel, Progress

__all__ = ["MergeResult", "PackageRefused", "commit_package", "merge_package", "plan_package"]


@dataclass
class MergeResult:
    file: str
    sender: str
    problems_created: int = 0
    problems_updated: int = 0
    problems_unchanged: int = 0
    rows_added: dict[str, int] = field(default_factory=dict)
    rows_settled: dict[str, int] = field(default_factory=dict)   # kept rows given the lift
    conflicts: list[dict] = field(default_factory=list)
    changes_listed: int = 0
    committed: bool = False
    backup: str | None = None

    def as_json(self) -> dict:
        return {"file": self.file, "sender": self.sender,
                "problems_created": self.problems_created,
                "problems_updated": self.problems_updated,
                "problems_unchanged": self.problems_unchanged, "rows_added": self.rows_added,
                "rows_settled": self.rows_settled,
                "conflicts": self.conflicts, "sender_changes": self.changes_listed,
                "committed": self.committed}

    def head_lines(self) -> list[str]:
        """What the package brings, before the conflicts."""
        lines = [f"交换包“{self.file}”（来自 {self.sender}）：新增问题 {self.problems_created} 个，"
                 f"更新 {self.problems_updated} 个，未变 {self.problems_unchanged} 个"]
        if self.changes_listed:
            lines.append(f"对方自上次导出交换包以来更改了 {self.changes_listed} 处（已列在交换包中）。")
        added = [f"{table_label(t)} {n} 条" for t, n in self.rows_added.items() if n]
        if added:
            lines.append("新增：" + "、".join(added))
        settled = [f"{table_label(t)} {n} 条" for t, n in self.rows_settled.items()]
        if settled:
            lines.append("随对方解除：" + "、".join(settled))
        return lines

    def summary_lines(self) -> list[str]:
        lines = self.head_lines()
        for c in self.conflicts:
            lines.append(f"冲突 {c['round']} {c['where']}（{c['title']}）{c['label']}：本台账“{c['mine_text']}”，"
                         f"交换包“{c['theirs_text']}”，采用{'交换包' if c['chosen'] == 'theirs' else '本台账'}的值")
        if self.committed:
            lines.append("已合并为一个操作，可用“撤销”还原" + ("；合并前已备份台账。" if self.backup else "。"))
        elif not self.conflicts and not any(self.rows_added.values()) and not self.rows_settled and \
                not self.problems_created and not self.problems_updated:
            lines.append("没有需要合并的内容，台账未改变。")
        return lines


def plan_package(db: Database, path: str | Path) -> MergePlan:
    return plan_merge(db, read_package(path))


def result_of(plan: MergePlan, choices: dict[int, str]) -> MergeResult:
    from desktop.exchange.labels import as_text

    result = MergeResult(plan.package.path.name, plan.package.sender, *plan.problem_counts())
    for row in plan.rows:
        counts = result.rows_added if row.settles is None else result.rows_settled
        counts[row.table] = counts.get(row.table, 0) + 1
    result.conflicts = [{**c.as_json(), "mine_text": as_text(c.mine, c.field),
                         "theirs_text": as_text(c.theirs, c.field),
                         "chosen": choices.get(c.id, "mine")} for c in plan.conflicts]
    result.changes_listed = len(plan.package.content.get("changes", []))
    return result


def commit_package(db: Database, plan: MergePlan, choices: dict[int, str] | None = None, *,
                   progress: Progress | None = None, cancel: Cancel | None = None) -> MergeResult:
    result = result_of(plan, choices or {})
    result.backup = commit_plan(db, plan, choices or {}, progress, cancel)
    result.committed = plan.changes_anything
    return result


def merge_package(db: Database, path: str | Path, *, dry_run: bool = False) -> MergeResult:
    plan = plan_package(db, path)
    if dry_run:
        return result_of(plan, {})
    return commit_package(db, plan)
