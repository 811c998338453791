"""What an import did (or, on a dry run, would do), in CONTRACT.md's JSON shape."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.ledger.errors import Issue, SkippedRow


@dataclass
class ImportResult:
    file: str
    sheet: str
    kind: str
    header_rows: list[int]
    round: str = ""
    rounds: list[str] = field(default_factory=list)     # the rounds the rows went in
    problems_created: int = 0
    problems_updated: int = 0
    problems_unchanged: int = 0
    measures: int = 0
    petitions_created: int = 0
    petitions_updated: int = 0
    petitions_unchanged: int = 0
    skipped_rows: list[SkippedRow] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    missing_codes: list[str] = field(default_factory=list)
    committed: bool = False
    dry_run: bool = False
    backup: str | None = None

    def as_json(self) -> dict:
        return {
            "file": self.file, "sheet": self.sheet, "kind": self.kind,
            "header_rows": self.header_rows, "round": self.round, "rounds": self.rounds,
            "problems_created": self.problems_created, "problems_updated": self.problems_updated,
            "problems_unchanged": self.problems_unchanged, "measures": self.measures,
            "petitions_created": self.petitions_created,
            "petitions_updated": self.petitions_updated,
            "petitions_unchanged": self.petitions_unchanged,
            "skipped_rows": [s.as_json() for s in self.skipped_rows],
            "warnings": [w.as_json() for w in self.warnings],
            "errors": [e.as_json() for e in self.errors],
            "missing_codes": self.missing_codes,
            "committed": self.committed,
        }

    def summary_lines(self) -> list[str]:
        """The result for people, in Chinese."""
        head = "（试导入，未写入）" if self.dry_run else ""
        lines = [f"{self.file} · 工作表“{self.sheet}” · 表头第{'、'.join(map(str, self.header_rows))}行{head}"]
        if self.kind == "problems":
            lines.append(f"问题：新增 {self.problems_created} 个，更新 {self.problems_updated} 个，"
                         f"未变 {self.problems_unchanged} 个；措施 {self.measures} 条；批次“{self.round}”")
            if len(self.rounds) > 1:
                lines.append(f"按各行的问题来源分入 {len(self.rounds)} 个批次：" + "、".join(self.rounds[:20]))
        else:
            lines.append(f"信访件：新增 {self.petitions_created} 件，更新 {self.petitions_updated} 件，"
                         f"未变 {self.petitions_unchanged} 件")
        if self.missing_codes:
            lines.append(f"台账中有 {len(self.missing_codes)} 个问题不在此文件中（未删除）："
                         + "、".join(self.missing_codes[:20]))
        lines += [f"跳过 第{s.row}行：{s.reason}" for s in self.skipped_rows]
        lines += [f"提醒 {w.place()}：{w.message}" for w in self.warnings]
        lines += [f"错误 {e.place()}：{e.message}" for e in self.errors]
        if self.backup:
            lines.append("导入前已备份台账。")
        return lines
