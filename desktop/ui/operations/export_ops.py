"""Workbooks out of and back into the register, as operations: the ledger, fill-back into the
superior's workbook, unit forms, and collecting the returned forms."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from desktop.ui.changes import Changes
from desktop.ui.tasks import Progress


@dataclass
class Outcome:
    """What an export or collection did: a title and lines for the clerk, and what changed."""
    title: str
    lines: list[str]
    changes: Changes = field(default_factory=Changes)
    refused: bool = False
    folder: str = ""            # where the files written are, offered to open

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def export_ledger_to(out: str | Path):
    def work(db: Database, progress: Progress) -> Outcome:
        from desktop.ledger.writing.export_ledger import export_ledger

        result = export_ledger(db, out, progress=progress.update, cancel=progress.cancelled)
        line = (f"已导出台账：{result.path}\n{result.problems} 个问题、{result.measures} 条措施，"
                f"共 {result.rows} 行。")
        return Outcome("导出台账", [line], Changes(message=f"已导出台账：{result.path.name}"))
    return work


def fill_back_to(template: str | Path, out: str | Path, as_of=None):
    def work(db: Database, _progress: Progress) -> Outcome:
        from desktop.ledger.writing.fill_back import fill_back

        r = fill_back(db, template, out, as_of=as_of)
        lines = [f"已回填到：{r.path}（工作表“{r.sheet}”），共填写 {len(r.filled)} 个问题。"]
        if r.no_progress:
            lines.append(f"尚未填报进展的问题：{'、'.join(r.no_progress[:30])}")
        if r.not_in_register:
            lines.append(f"上级表中有、台账中没有的问题编号：{'、'.join(r.not_in_register[:30])}")
        if r.not_in_template:
            lines.append(f"台账中有、上级表中没有的问题编号：{'、'.join(r.not_in_template[:30])}")
        lines += [f"第{d['row']}行问题{d['code']}与本台账的问题内容不符，未填写（上级表为"
                  f"“{d['template']}”，本台账为“{d['register']}”）。" for d in r.disagree[:20]]
        if r.as_of_cells:
            lines.append(f"表头的截至日期已改为{as_of or '今天'}。")
        lines += [f"注意：{w}" for w in r.warnings]
        lines += [f"注意：上级表格中的{lost}在保存时无法保留，请核对。" for lost in r.lost_on_save]
        return Outcome("填回上级表", lines, Changes(message=f"已回填：{r.path.name}"),
                       folder=str(Path(r.path).parent))
    return work


def unit_forms_to(out_dir: str | Path, period: str, *, units: list[str] | None = None,
                  rounds: list[str] | None = None, include_completed: bool = False):
    def work(db: Database, progress: Progress) -> Outcome:
        from desktop.ledger.forms.unit_forms import export_unit_forms

        forms = export_unit_forms(db, out_dir, period=period, units=units, rounds=rounds,
                                  include_completed=include_completed,
                                  progress=progress.update, cancel=progress.cancelled)
        lines = [f"未分发：{g['reason']}（问题 {'、'.join(g['codes'][:10])}）"
                 for g in forms.undistributed]
        if not forms:
            return Outcome("分发填报表", ["没有需要填报的单位，未生成填报表。", *lines])
        lines = [f"已为 {len(forms)} 个单位生成 {forms[0].period} 填报表，保存在：{out_dir}",
                 *[f"{f.unit}：{f.problems} 个问题" for f in forms[:40]],
                 *([f"……共 {len(forms)} 份"] if len(forms) > 40 else []), *lines]
        return Outcome("分发填报表", lines, Changes(message=f"已生成 {len(forms)} 份填报表"),
                       folder=str(out_dir))
    return work


def check_forms(paths: list[str]):
    """A dry run: what a collection would record, and the units that sent two versions."""
    def work(db: Database, progress: Progress):
        from desktop.ledger.forms.collect import collect_forms

        return collect_forms(db, paths, dry_run=True, progress=progress.update,
                             cancel=progress.cancelled)
    return work


def collect_from(paths: list[str], *, newer_wins: bool = False):
    def work(db: Database, progress: Progress) -> Outcome:
        from desktop.ledger.forms.collect import collect_forms, edit_kept_message

        result = collect_forms(db, paths, newer_wins=newer_wins, progress=progress.update,
                               cancel=progress.cancelled)
        lines = [_file_line(f) for f in result.files]
        lines += [f"同一单位两个版本：{c['message']}" for c in result.conflicts]
        if result.committed:
            lines.append(f"已汇总 {len(result.merged)} 个问题的本期进展（牵头单位在前，可在问题的"
                         "“各单位填报”中查看和修改）。")
            lines += [edit_kept_message(m) for m in result.edits_kept]
            lines.append(f"已记录为一步操作“{result.step_name}”，可以撤销（Ctrl+Z）。")
            changes = Changes(problems=True, progress=True, message=f"已{result.step_name}")
        else:
            lines.append("本次未记录任何内容。" if result.refused
                         else "没有新的进展需要记录，台账未改变。")
            changes = Changes()
        return Outcome("收集填报表", lines, changes, refused=bool(result.refused))
    return work


def _file_line(f) -> str:
    name = Path(f.file).name
    if f.refused:
        details = "；".join(e["message"] for e in f.errors[:5])
        return f"《{name}》已拒收：{f.refused}" + (f"（{details}）" if details else "")
    return (f"《{name}》（{f.unit}，{f.period}）：新记录 {len(f.recorded)} 条，已收集过 "
            f"{len(f.unchanged)} 条，同一单位两个版本 {len(f.conflicts)} 条，未填写 {f.empty_rows} 行")
